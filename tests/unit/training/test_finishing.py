"""Finishing a workout: progression, records, estimates and proposed resets."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from domain.athletes.model import Language
from domain.athletes.use_cases.preferences import SetE1rmFormula
from domain.shared.e1rm import E1rmFormula
from domain.training.model import SetResult
from domain.training.records import RecordKind, WeightRecord
from domain.training.use_cases.finishing import FinishWorkout, WorkoutSummary
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.training_maxes import ResetTrainingMax
from handlers.common.i18n import Catalogue
from handlers.training import texts
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.training.nsuns import ANN, Setup, kg

ENGLISH = Catalogue.load().translator(Language.EN)


async def test_five_reps_on_the_95_percent_squat_set_raise_the_squat_tm_from_126_to_131(
    setup: Setup,
) -> None:
    uow, clock = setup
    day1 = await OpenWorkout(uow, clock)(ANN)
    await FinishWorkout(uow, clock)(ANN, day1.id or 0)
    day2 = await OpenWorkout(uow, clock)(ANN)
    assert day2.day_number == 2
    for s in day2.sets:
        result = SetResult(reps=5) if s.prescribed.drives_progression else SetResult()
        await LogSet(uow, clock)(ANN, day2.id or 0, s.prescribed.position, result)
    clock.current += timedelta(minutes=75)

    summary = await FinishWorkout(uow, clock)(ANN, day2.id or 0)

    assert [(c.exercise, c.old, c.new) for c in summary.changes] == [
        ("squat", kg("126"), kg("131"))
    ]
    assert summary.duration == timedelta(minutes=75)
    assert summary.sets_done == 17
    async with uow:
        assert (await uow.training_maxes.current(ANN))["squat"].weight == kg("131")
        active = await uow.athlete_plans.active(ANN)
        assert active is not None
        assert active.next_day == 3


async def test_the_finish_summary_names_the_records_beaten(setup: Setup) -> None:
    uow, clock = setup
    first = await OpenWorkout(uow, clock)(ANN)
    for s in first.sets:
        await LogSet(uow, clock)(ANN, first.id or 0, s.prescribed.position, SetResult())
    baseline = await FinishWorkout(uow, clock)(ANN, first.id or 0)
    clock.current += timedelta(days=7)
    again = await OpenWorkout(uow, clock)(ANN, day_number=1)
    for s in again.sets:
        heavy_bench = s.prescribed.exercise == "bench" and s.prescribed.weight == kg("85")
        reps = 8 if heavy_bench else None  # the three 85 kg x 4 sets done for 8
        await LogSet(uow, clock)(ANN, again.id or 0, s.prescribed.position, SetResult(reps=reps))

    summary = await FinishWorkout(uow, clock)(ANN, again.id or 0)

    assert all(best.records == () for best in baseline.bests)  # the first time sets the baseline
    bench = next(b for b in summary.bests if b.display_name.startswith("Bench"))
    kinds = {record.kind for record in bench.records}
    assert kinds == {RecordKind.E1RM, RecordKind.REPS_AT_WEIGHT}  # 85 kg is not a new heaviest
    # Epley: 85 x (1 + 8/30) = 107.67 kg now; the baseline's best was 85 x (1 + 4/30) = 96.33.
    e1rm = next(r for r in bench.records if isinstance(r, WeightRecord))
    assert e1rm.kind == RecordKind.E1RM
    assert round(e1rm.new.amount, 2) == Decimal("107.67")
    assert round(e1rm.previous.amount, 2) == Decimal("96.33")
    stored = {(w, lift, record.kind) for _, w, lift, record in uow.records.rows if lift == "bench"}
    assert stored == {  # recorded, not only shown
        (again.id, "bench", RecordKind.E1RM),
        (again.id, "bench", RecordKind.REPS_AT_WEIGHT),
    }


async def test_brzycki_athletes_get_brzycki_estimates(setup: Setup) -> None:
    uow, clock = setup
    await SetE1rmFormula(uow)(ANN, E1rmFormula.BRZYCKI)
    workout = await OpenWorkout(uow, clock)(ANN)
    for s in workout.sets:
        await LogSet(uow, clock)(ANN, workout.id or 0, s.prescribed.position, SetResult())

    summary = await FinishWorkout(uow, clock)(ANN, workout.id or 0)

    bench = next(b for b in summary.bests if b.display_name.startswith("Bench"))
    # Best bench set: 85 kg x 4; Brzycki 85 x 36 / (37 - 4) = 92.73 (Epley would say 96.33).
    assert round(bench.e1rm.amount, 2) == Decimal("92.73")


async def _squat_day(
    uow: InMemoryUnitOfWork, clock: FixedClock, one_plus_reps: int
) -> WorkoutSummary:
    workout = await OpenWorkout(uow, clock)(ANN, day_number=2)
    for s in workout.sets:
        reps = one_plus_reps if s.prescribed.drives_progression else None
        await LogSet(uow, clock)(ANN, workout.id or 0, s.prescribed.position, SetResult(reps=reps))
    clock.current += timedelta(days=7)
    return await FinishWorkout(uow, clock)(ANN, workout.id or 0)


async def test_no_reps_on_the_one_plus_set_twice_in_a_row_proposes_a_ten_percent_reset(
    setup: Setup,
) -> None:
    """TRAINING.md: 0 reps on a 1+ set twice in a row suggests a 10% reset; the athlete says."""
    uow, clock = setup
    once = await _squat_day(uow, clock, 0)
    twice = await _squat_day(uow, clock, 0)

    assert once.resets == ()
    (reset,) = twice.resets
    assert (reset.exercise, reset.old, reset.new) == ("squat", kg("126"), kg("113.4"))
    async with uow:
        assert (await uow.training_maxes.current(ANN))["squat"].weight == kg("126")  # not yet

    assert await ResetTrainingMax(uow, clock)(ANN, "squat", Decimal(126)) == kg("113.4")
    assert await ResetTrainingMax(uow, clock)(ANN, "squat", Decimal(126)) is None  # tapped twice
    async with uow:
        assert (await uow.training_maxes.current(ANN))["squat"].weight == kg("113.4")


async def test_two_rep_records_on_one_lift_are_stored_once_and_the_workout_finishes(
    setup: Setup,
) -> None:
    """#4: two reps-at-weight records of a lift broke the one-per-kind rule and the finish."""
    uow, clock = setup
    await _squat_day(uow, clock, 1)
    again = await OpenWorkout(uow, clock)(ANN, day_number=2)
    for s in again.sets:
        reps = {2: 2, 8: 7}.get(s.prescribed.position) if s.prescribed.exercise == "squat" else None
        await LogSet(uow, clock)(ANN, again.id or 0, s.prescribed.position, SetResult(reps=reps))

    summary = await FinishWorkout(uow, clock)(ANN, again.id or 0)

    squat = next(b for b in summary.bests if b.exercise == "squat")
    shown = [r.kind for r in squat.records if r.kind == RecordKind.REPS_AT_WEIGHT]
    stored = [r.kind for _, w, lift, r in uow.records.rows if w == again.id and lift == "squat"]
    assert len(shown) == 2  # both are news to the athlete
    assert sorted(stored) == sorted(set(stored))  # but a kind is stored once per lift
    assert RecordKind.REPS_AT_WEIGHT in stored


async def test_the_finish_summary_names_each_lift_as_the_exercise_library_does(
    setup: Setup,
) -> None:
    uow, clock = setup
    day1 = await OpenWorkout(uow, clock)(ANN)
    for s in day1.sets:
        await LogSet(uow, clock)(ANN, day1.id or 0, s.prescribed.position, SetResult())

    summary = await FinishWorkout(uow, clock)(ANN, day1.id or 0)

    ohp = next(change for change in summary.changes if change.exercise == "ohp")
    assert ohp.name == "Overhead press"
    assert (
        "Overhead press TM 60 kg → 62.5 kg (+2.5 kg: all 8 sets made as prescribed)"
        in texts.summary(ENGLISH, summary)
    )
    assert texts.decline_button(ENGLISH, ohp) == "✖ Keep Overhead press at 60 kg"


async def test_a_russian_athletes_finish_summary_gives_the_reason_in_russian(
    setup: Setup,
) -> None:
    uow, clock = setup
    day1 = await OpenWorkout(uow, clock)(ANN)
    for s in day1.sets:
        await LogSet(uow, clock)(ANN, day1.id or 0, s.prescribed.position, SetResult())

    summary = await FinishWorkout(uow, clock)(ANN, day1.id or 0)
    russian = texts.summary(Catalogue.load().translator(Language.RU), summary)

    assert "Overhead press ТМ 60 kg → 62.5 kg (+2.5 kg: все 8 подходов выполнены по плану)" in (
        russian
    )
    assert "sets made" not in russian


async def test_with_the_coach_approving_the_raise_is_proposed_and_the_tm_stays(
    setup: Setup,
) -> None:
    uow, clock = setup
    async with uow:
        await uow.proposals.require_approval(ANN, required=True, at=clock.current)
        await uow.commit()
    day1 = await OpenWorkout(uow, clock)(ANN)
    await FinishWorkout(uow, clock)(ANN, day1.id or 0)
    day2 = await OpenWorkout(uow, clock)(ANN)
    for s in day2.sets:
        result = SetResult(reps=5) if s.prescribed.drives_progression else SetResult()
        await LogSet(uow, clock)(ANN, day2.id or 0, s.prescribed.position, result)

    summary = await FinishWorkout(uow, clock)(ANN, day2.id or 0)

    assert summary.changes == ()
    assert [(c.exercise, c.old, c.new) for c in summary.proposed] == [
        ("squat", kg("126"), kg("131"))
    ]
    async with uow:
        assert (await uow.training_maxes.current(ANN))["squat"].weight == kg("126")
        [waiting] = uow.proposals.rows.values()
    assert (waiting.workout_id, waiting.decision) == (day2.id, None)
    shown = texts.summary(ENGLISH, summary)
    assert "Proposed to your coach" in shown
    assert "No training max changes" not in shown
