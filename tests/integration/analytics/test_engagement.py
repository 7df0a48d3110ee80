"""The daily engagement job on SQLite and PostgreSQL: each client's ended local day counted
from what they logged, sent and answered, one row per client, coach and day however often it
runs, the last week made up after downtime and no more, and nothing another coach's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.analytics.model import DailyEngagement
from domain.analytics.use_cases.engagement import RecordEngagement
from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.use_cases.invites import BecomeCoach
from domain.plans.use_cases.install import install_builtin_programs
from scheduler.jobs.analytics import record_engagement
from scheduler.setup import build_scheduler
from storage.analytics.tables import EngagementDayRow
from storage.athletes.tables import UserRow
from storage.checkins.tables import CheckInRow
from storage.coaching.tables import CoachingRow, FormVideoRow, ThreadMessageRow
from storage.core.ledger import HandledUpdates
from storage.plans.tables import PlanRow
from storage.training.tables import AthletePlanRow, WorkoutRow, WorkoutSetRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.catalog import add_fran_result
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, accept, invite

pytestmark = pytest.mark.timeout(60)

JOINED = datetime(2026, 2, 20, 9, tzinfo=UTC)
NOW = datetime(2026, 3, 2, 20, tzinfo=UTC)  # 01:30 on 3 March in Kolkata: 2 March has ended


def _at(hour: int, minute: int = 0, day: int = 2) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
async def uow(session_factory: async_sessionmaker[AsyncSession]) -> SqlUnitOfWork:
    """Sam coaches Alex (Kolkata, nSuns 4-day) since 20 February; Kim coaches Маша."""
    clock = FixedClock(JOINED)
    work = SqlUnitOfWork(session_factory, clock)
    await install_builtin_programs(work)
    for user_id, name in ((SAM, "Sam"), (KIM, "Kim"), (ALEX, "Alex"), (MASHA, "Маша")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    await BecomeCoach(work, clock)(SAM)
    await BecomeCoach(work, clock)(KIM)
    await accept(work, clock, await invite(work, clock, SAM), ALEX)
    await accept(work, clock, await invite(work, clock, KIM), MASHA)
    async with session_factory() as session, session.begin():
        await session.execute(
            update(UserRow).where(UserRow.telegram_id == ALEX).values(time_zone="Asia/Kolkata")
        )
        plan = await session.scalar(select(PlanRow.id).where(PlanRow.slug == "nsuns-4day"))
        assert plan is not None
        session.add(AthletePlanRow(user_id=ALEX, plan_id=plan, started_at=JOINED, next_day=1))
        await session.flush()
        await _seed_alex(session, plan)
    return work


def _set(workout_id: int, position: int, logged_at: datetime) -> WorkoutSetRow:
    return WorkoutSetRow(
        workout_id=workout_id,
        position=position,
        slot_order=1,
        tier="T1",
        exercise="squat",
        training_max_of="squat",
        display_name="Squat",
        set_number=position,
        sets_in_slot=3,
        prescribed_amount=Decimal(100),
        prescribed_unit="kg",
        prescribed_reps=5,
        amrap=False,
        drives_progression=False,
        done_amount=Decimal(100),
        done_unit="kg",
        done_reps=5,
        logged_at=logged_at,
        skipped=False,
    )


async def _seed_alex(session: AsyncSession, plan: int) -> None:
    """In Kolkata (UTC+5:30): a late workout on 1 March, and a full 2 March."""
    late = WorkoutRow(  # 23:00-23:40 on 1 March
        user_id=ALEX,
        plan_id=plan,
        day_number=1,
        day_name="Day 1",
        started_at=_at(17, 30, day=1),
        finished_at=_at(18, 10, day=1),
    )
    morning = WorkoutRow(  # 15:30-16:00 on 2 March
        user_id=ALEX,
        plan_id=plan,
        day_number=2,
        day_name="Day 2",
        started_at=_at(10),
        finished_at=_at(10, 30),
    )
    session.add_all([late, morning])
    await session.flush()
    session.add_all(
        [
            _set(late.id, 1, _at(18, day=1)),
            _set(morning.id, 1, _at(10, 5)),
            _set(morning.id, 2, _at(10, 10)),
        ]
    )
    # the same local day as a workout: no extra session
    await add_fran_result(session, ALEX, _at(13))
    sam = await session.scalar(
        select(CoachingRow.id).where(CoachingRow.athlete_id == ALEX, CoachingRow.coach_id == SAM)
    )
    assert sam is not None
    for sender, recipient, event, at in (
        (ALEX, SAM, None, _at(11)),  # a message to the coach
        (SAM, ALEX, None, _at(11, 5)),  # the coach's answer: not the client's engagement
        (ALEX, SAM, "plan_assigned", _at(11, 10)),  # an event, not a message
    ):
        session.add(
            ThreadMessageRow(
                coaching_id=sam,
                sender_id=sender,
                recipient_id=recipient,
                text="hi",
                sent_at=at,
                event=event,
            )
        )
    session.add(
        FormVideoRow(
            coaching_id=sam,
            athlete_id=ALEX,
            file_id="clip",
            kind="video",
            chat_id=ALEX,
            message_id=7,
            duration=20,
            received_at=_at(10, 20),
            status="pending",
        )
    )
    session.add(CheckInRow(athlete_id=ALEX, week="2026-W10", sent_at=_at(3), completed_at=_at(12)))


async def _rows(
    session_factory: async_sessionmaker[AsyncSession], athlete: int
) -> dict[date, DailyEngagement]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(EngagementDayRow).where(EngagementDayRow.athlete_id == athlete)
        )
        return {
            row.day: DailyEngagement(
                **{name: getattr(row, name) for name in DailyEngagement.__dataclass_fields__}
            )
            for row in rows
        }


async def test_a_clients_ended_day_counts_what_they_did_on_their_own_clock(uow, session_factory):
    written = await RecordEngagement(uow, FixedClock(NOW))()
    # Alex's 24 February to 2 March, Маша's (UTC: 2 March ended too) the same seven
    assert written == 14
    days = await _rows(session_factory, ALEX)
    assert sorted(days) == [date(2026, 2, 24) + timedelta(days=n) for n in range(7)]
    second = days[date(2026, 3, 2)]
    assert second.coach_id == SAM
    assert (second.sets_logged, second.workouts_finished, second.conditioning_results) == (2, 1, 1)
    assert (second.videos_sent, second.messages_to_coach, second.check_ins_answered) == (1, 1, 1)
    assert second.sessions_done == 1
    # 1 and 2 March's sessions in the week to 2 March's end, four a week planned
    assert second.completion == pytest.approx(2 / 4)
    assert second.last_activity == _at(13)  # the conditioning result
    first = days[date(2026, 3, 1)]
    assert (first.sets_logged, first.workouts_finished, first.sessions_done) == (1, 1, 1)
    assert first.completion == pytest.approx(1 / 4)
    assert first.last_activity == _at(18, 10, day=1)
    assert (first.last_session, second.last_session) == (_at(17, 30, day=1), _at(10))
    quiet = days[date(2026, 2, 28)]
    assert (quiet.sets_logged, quiet.sessions_done, quiet.completion) == (0, 0, 0.0)
    assert quiet.last_activity is None
    assert quiet.last_session is None
    masha = await _rows(session_factory, MASHA)
    assert {row.coach_id for row in masha.values()} == {KIM}
    assert all(row.sets_logged == row.messages_to_coach == 0 for row in masha.values())
    assert all(row.completion is None for row in masha.values())  # no plan, nothing planned


async def test_running_again_writes_nothing_and_rewriting_a_row_keeps_one(uow, session_factory):
    await RecordEngagement(uow, FixedClock(NOW))()
    before = await _rows(session_factory, ALEX)
    assert await RecordEngagement(uow, FixedClock(NOW + timedelta(minutes=15)))() == 0
    async with uow:  # a run that overlapped this one writes the same day again
        await uow.engagement.save([replace(before[date(2026, 3, 2)], sets_logged=99)])
        await uow.engagement.save([before[date(2026, 3, 2)]])
        await uow.commit()
    assert await _rows(session_factory, ALEX) == before
    async with session_factory() as session:
        count = await session.scalar(select(func.count()).select_from(EngagementDayRow))
    assert count == 14


async def test_the_next_day_adds_one_row_and_a_long_downtime_makes_up_a_week_only(
    uow, session_factory
):
    await RecordEngagement(uow, FixedClock(NOW))()
    assert await RecordEngagement(uow, FixedClock(NOW + timedelta(days=1)))() == 2  # 3 March
    assert await RecordEngagement(uow, FixedClock(NOW + timedelta(days=20)))() == 14
    days = sorted(await _rows(session_factory, ALEX))
    # 24 February to 3 March, then 16 to 22 March: 4 to 15 March are lost, as documented
    assert days[-7:] == [date(2026, 3, 16) + timedelta(days=n) for n in range(7)]
    assert len(days) == 15


async def test_a_days_last_session_is_the_latest_ever_however_long_ago(uow, session_factory):
    """Маша last trained on 1 February, weeks before the days recorded: every row says so, and a
    row written again later still does (#16)."""
    long_ago = datetime(2026, 2, 1, 8, tzinfo=UTC)
    async with session_factory() as session, session.begin():
        plan = await session.scalar(select(PlanRow.id).where(PlanRow.slug == "nsuns-4day"))
        assert plan is not None
        old = WorkoutRow(
            user_id=MASHA,
            plan_id=plan,
            day_number=1,
            day_name="Day 1",
            started_at=long_ago,
            finished_at=long_ago + timedelta(hours=1),
        )
        session.add(old)
        await session.flush()
        session.add(_set(old.id, 1, long_ago + timedelta(minutes=10)))

    await RecordEngagement(uow, FixedClock(NOW))()
    await RecordEngagement(uow, FixedClock(NOW + timedelta(days=1)))()  # 2 March again, and 3

    masha = await _rows(session_factory, MASHA)
    assert len(masha) == 8
    assert {row.last_session for row in masha.values()} == {long_ago}
    assert all(row.sessions_done == 0 for row in masha.values())


async def test_the_scheduler_records_engagement_every_quarter_hour(uow, session_factory):
    scheduler = build_scheduler(session_factory, HandledUpdates(), FixedClock(NOW))
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job("record-engagement")
    finally:
        scheduler.shutdown(wait=False)
    assert job is not None
    assert job.trigger.interval == timedelta(minutes=15)
    assert await record_engagement(session_factory, FixedClock(NOW)) == 14
    assert await record_engagement(session_factory, FixedClock(NOW)) == 0
