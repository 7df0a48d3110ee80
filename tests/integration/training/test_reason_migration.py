"""Migration 0010: the prose reasons the code used to store become kinds that read the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Connection

from domain.plans.rules.reasons import Reason, ReasonKind, SetScheme, note
from domain.shared.weights import Unit, Weight
from domain.training.model import LiftTrack, TrainingMax
from handlers.training.texts import reason_text
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import downgrade, run_in_transaction, upgrade, upgrade_to_head
from storage.training.lift_tracks import SqlLiftTrackRepository
from storage.training.training_maxes import SqlTrainingMaxRepository

AT = datetime(2026, 1, 1, tzinfo=UTC)
STATE = '{"kind":"linear","weight":["100","kg"],"failures":0}'

# Every sentence the code wrote before 0010 (one or more of each pattern), with its kind.
OLD_PROSE = {
    "+5 kg: 5 reps on the 95% set": ReasonKind.AMRAP_TABLE,
    "+0 lb: 1 rep on the 95% set": ReasonKind.AMRAP_TABLE,
    "+2.5 kg: 3 reps on the progression set": ReasonKind.AMRAP_TABLE,
    "+0 kg: no progression rule for Bench press": ReasonKind.NO_RULE,
    "+2.5 kg: all 6 sets made as prescribed": ReasonKind.ALL_PRESCRIBED_SETS_MADE,
    "week 2 next: week 1 done": ReasonKind.CYCLE_WEEK_DONE,
    "week 4 (deload) next: week 3 done": ReasonKind.CYCLE_WEEK_DONE,
    "week 4 (deload) next: the 95% 1+ set fell short (0 reps); "
    "the TM resets −10% when the cycle ends": ReasonKind.CYCLE_SET_SHORT,
    "+5 kg: 4-week cycle complete": ReasonKind.CYCLE_COMPLETE,
    "−10%: a + set fell short this cycle": ReasonKind.CYCLE_FELL_SHORT,
    "+2.5 kg: all 5×5 sets made": ReasonKind.ALL_SETS_MADE,
    "+5 lb: all 5×3+ sets made": ReasonKind.ALL_SETS_MADE,
    "same weight: a 5×5 set fell short (second failed session in a row)": (
        ReasonKind.SESSION_FAILED
    ),
    "−10%: third failed session in a row": ReasonKind.DELOAD_AFTER_FAILURES,
    "+2.5 kg: every 3×8–12 set reached 12 reps": ReasonKind.RANGE_TOP_REACHED,
    "same weight: 2 of 3 sets logged": ReasonKind.SETS_NOT_LOGGED,
    "same weight: a set stopped at 10 reps, 12 needed": ReasonKind.RANGE_TOP_MISSED,
    "same weight: no set with reps and RPE on the chart": ReasonKind.NO_RATED_SET,
    "+10 kg: 140 kg × 5 @ 8 → e1RM 172.63 kg; 3 @ 8 is 86.3%": ReasonKind.RPE_ESTIMATE,
    "same weight: 100 kg × 3 @ 9.5 → e1RM 110.62 kg; 3 @ 9.5 is 90.4%": ReasonKind.RPE_ESTIMATE,
    "−5 lb: 225 lb × 5 @ 9 → e1RM 261.93 lb; 5 @ 8 is 81.1%": ReasonKind.RPE_ESTIMATE,
    "same weight: a 3×15+ set fell short": ReasonKind.SET_FELL_SHORT,
    "6×2+ next: a 5×3+ set fell short": ReasonKind.STAGE_ADVANCED,
    "new 5RM test next: a 10×1+ set fell short": ReasonKind.RETEST_NEXT,
    "new 5RM test again: no set reached 5 reps": ReasonKind.RETEST_AGAIN,
    "5×3+ at 85 kg next: 85% of the new 5RM, 100 kg": ReasonKind.RETEST_RESTART,
    "3×10 at 67.5 kg next: a 3×6 set fell short; last 3×10 weight +7.5 kg": (
        ReasonKind.STAGE_RESTART_BUMPED
    ),
    "same weight: 24 reps on the last 3×15+ set, 25 needed": ReasonKind.LAST_SET_SHORT,
    "+2.5 kg: 25 reps on the last 3×15+ set": ReasonKind.LAST_SET_REACHED,
    "−10%: no reps on the 1+ set twice in a row": ReasonKind.RESET_PROPOSED,
    "reset 10% after a stall": ReasonKind.RESET_AFTER_STALL,
    "change declined": ReasonKind.DECLINED,
    "where the plan starts": ReasonKind.PLAN_START,
    "set by the athlete": ReasonKind.SET_BY_HAND,
    "90% of a 140 kg one-rep max": ReasonKind.FROM_ONE_REP_MAX,
    "fixed a typo, was 1300": ReasonKind.NOTE,
}


async def test_old_prose_reasons_become_kinds_that_read_as_before(
    empty_database_url: str,
) -> None:
    await upgrade(empty_database_url, "0009")
    await _insert(empty_database_url, list(OLD_PROSE))
    await upgrade_to_head(empty_database_url)

    tracks, maxes = await _read(empty_database_url)

    assert [track.reason.kind for track in tracks] == list(OLD_PROSE.values())
    assert [reason_text(track.reason) for track in tracks] == list(OLD_PROSE)
    assert [tm.reason.kind for tm in maxes] == list(OLD_PROSE.values())


async def test_parameters_come_back_typed(empty_database_url: str) -> None:
    old = [
        "3×10 at 67.5 kg next: a 3×6 set fell short; last 3×10 weight +7.5 kg",
        "−5 lb: 225 lb × 5 @ 9 → e1RM 261.93 lb; 5 @ 8 is 81.1%",
        "same weight: a 5×5 set fell short (second failed session in a row)",
        "+1 kg: 3 reps on the lucky set",
    ]
    await upgrade(empty_database_url, "0009")
    await _insert(empty_database_url, old)
    await upgrade_to_head(empty_database_url)

    tracks, _ = await _read(empty_database_url)

    assert [track.reason for track in tracks] == [
        Reason.of(
            ReasonKind.STAGE_RESTART_BUMPED,
            scheme=SetScheme(3, 10),
            weight=kg("67.5"),
            failed=SetScheme(3, 6),
            increment=kg("7.5"),
        ),
        Reason.of(
            ReasonKind.RPE_ESTIMATE,
            change=lb("-5"),
            lifted=lb("225"),
            reps=5,
            rpe=Decimal(9),
            e1rm=lb("261.93"),
            target_reps=5,
            target_rpe=Decimal(8),
            percent=Decimal("0.811"),
        ),
        Reason.of(ReasonKind.SESSION_FAILED, scheme=SetScheme(5, 5), failures=2),
        note("+1 kg: 3 reps on the lucky set"),
    ]


async def test_the_downgrade_puts_back_the_sentences_code_compared(
    empty_database_url: str,
) -> None:
    old = ["change declined", "reset 10% after a stall", "fixed a typo, was 1300"]
    await upgrade(empty_database_url, "0009")
    await _insert(empty_database_url, old)
    await upgrade_to_head(empty_database_url)
    await downgrade(empty_database_url, "0009")

    reasons: list[str] = []

    def read(connection: Connection) -> None:
        query = text("SELECT reason FROM training_maxes ORDER BY id")
        reasons.extend(row[0] for row in connection.execute(query))

    await run_in_transaction(empty_database_url, read)
    assert reasons == old


async def _insert(url: str, sentences: list[str]) -> None:
    def add_rows(connection: Connection) -> None:
        connection.execute(
            text(
                "INSERT INTO users (telegram_id, first_name, language, time_zone,"
                " registered_at, updated_at) VALUES (1, 'Ada', 'en', 'UTC', :at, :at)"
            ),
            {"at": AT},
        )
        connection.execute(
            text(
                "INSERT INTO exercises (slug, name, muscle_group, category, region)"
                " VALUES ('squat', 'Squat', 'legs', 'main', 'lower')"
            )
        )
        for number, sentence in enumerate(sentences):
            at = AT + timedelta(minutes=number)
            connection.execute(
                text(
                    "INSERT INTO lift_tracks (user_id, key, state, effective_at, reason)"
                    " VALUES (1, 'squat/T1', :state, :at, :reason)"
                ),
                {"state": STATE, "at": at, "reason": sentence},
            )
            connection.execute(
                text(
                    "INSERT INTO training_maxes (user_id, exercise, amount, unit, effective_at,"
                    " reason) VALUES (1, 'squat', 100, 'kg', :at, :reason)"
                ),
                {"at": at, "reason": sentence},
            )

    await run_in_transaction(url, add_rows)


async def _read(url: str) -> tuple[list[LiftTrack], list[TrainingMax]]:
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session:
            tracks = await SqlLiftTrackRepository(session).history(1, "squat/T1")
            maxes = await SqlTrainingMaxRepository(session).history(1, "squat")
    finally:
        await engine.dispose()
    return tracks, maxes


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)
