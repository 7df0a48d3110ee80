"""The at-risk rules read analytics' daily rows (#16), on SQLite and PostgreSQL: seeded histories
judged through the rows equal an oracle that applies the whole-day rule to the seeded moments;
a row changed by hand changes the verdict; days without rows are read live; a workout finished
after midnight counts a day late in "dropped" and at once as the last session."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.analytics.use_cases.engagement import RecordEngagement
from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.use_cases.clients import ClientLine, client_card, clients_overview
from domain.coaching.use_cases.invites import BecomeCoach
from domain.plans.use_cases.install import install_builtin_programs
from storage.analytics.tables import EngagementDayRow
from storage.athletes.tables import UserRow
from storage.core.engine import create_engine, create_session_factory
from storage.plans.tables import PlanRow
from storage.training.tables import AthletePlanRow, WorkoutRow, WorkoutSetRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.catalog import add_fran_result
from tests.integration.coaching.conftest import SAM, accept, invite
from tests.integration.conftest import BACKENDS
from tests.services import fresh_postgres_database

pytestmark = pytest.mark.timeout(120)

PLANS = {"stronglifts": 3, "nsuns-4day": 4, "nsuns-5day": 5, None: 0}
# Kolkata never changes; Los Angeles springs forward on 8 March, Moscow never, Auckland falls
# back on 5 April, London springs forward on 29 March.
ZONES = (
    "Asia/Kolkata",
    "America/Los_Angeles",
    "Europe/Moscow",
    "Pacific/Auckland",
    "Europe/London",
)
START = datetime(2026, 2, 24, tzinfo=UTC)
DAYS = 35  # of history, past the month; the rules are judged for a week more
FIRST_CLIENT = 301


@dataclass(frozen=True)
class Client:
    """A seeded client: when their coaching began, their plan, and what they did (in UTC)."""

    athlete: int
    zone: ZoneInfo
    plan: str | None
    since: datetime
    workouts: tuple[tuple[datetime, datetime], ...]  # (started, finished)
    results: tuple[datetime, ...]  # conditioning results, when logged


# The oracle: the whole-day rule applied to the seeded moments, nothing of the code under test.


def _day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def oracle_sessions(client: Client, now: datetime) -> list[datetime]:
    """Workouts finished by now at their start; a day of results and no workout at its last."""
    started = [start for start, finish in client.workouts if finish <= now]
    lifting = {_day(start, client.zone) for start in started}
    last_result: dict[date, datetime] = {}
    for logged in client.results:
        day = _day(logged, client.zone)
        if logged <= now and day not in lifting:
            last_result[day] = max(logged, last_result.get(day, logged))
    return [*started, *last_result.values()]


def oracle_share(client: Client, now: datetime, window: int) -> Fraction | None:
    planned = PLANS[client.plan]
    today, first_day = _day(now, client.zone), _day(client.since, client.zone)
    first = max(today - timedelta(days=window), first_day)
    ended = (today - first).days
    if planned == 0 or ended == 0:
        return None
    done = sum(
        1 for moment in oracle_sessions(client, now) if first <= _day(moment, client.zone) <= today
    )
    return min(Fraction(1), Fraction(7 * done, planned * ended))


@dataclass(frozen=True)
class Verdict:
    dropped: bool
    quiet: bool
    missed: bool
    done_this_week: int
    last_session: datetime | None


def oracle(client: Client, now: datetime) -> Verdict:
    planned = PLANS[client.plan]
    sessions = oracle_sessions(client, now)
    week, month = oracle_share(client, now, 7), oracle_share(client, now, 30)
    last = max(sessions, default=None)
    today = _day(now, client.zone)
    monday = max(today - timedelta(days=today.weekday()), _day(client.since, client.zone))
    quiet = (
        planned > 0
        and now - client.since >= timedelta(days=7)
        and (last is None or now - last >= timedelta(days=7))
    )
    reference = client.since if last is None or last < client.since else last
    return Verdict(
        dropped=week is not None and month is not None and week <= month - Fraction(1, 5),
        quiet=quiet,
        missed=planned > 0 and now - reference > 2 * timedelta(days=7) / planned,
        done_this_week=sum(
            1 for moment in sessions if monday <= _day(moment, client.zone) <= today
        ),
        last_session=last,
    )


def shown(line: ClientLine) -> Verdict:
    attention = line.attention
    return Verdict(
        attention.dropped,
        attention.quiet,
        attention.missed,
        line.done_this_week,
        line.last_session,
    )


# Seeding: rows written directly, as the training and conditioning contexts would.


Sessions = async_sessionmaker[AsyncSession]


@asynccontextmanager
async def pristine(database_url: str, tmp_path: Path) -> AsyncIterator[Sessions]:
    """Sessions of a fresh copy of the migrated database the fixture made (and left untouched):
    one per hypothesis example."""
    if database_url.startswith("sqlite"):
        copy = tmp_path / f"{uuid.uuid4().hex}.db"
        shutil.copyfile(make_url(database_url).database or "", copy)
        engine = create_engine(f"sqlite:///{copy}")
        try:
            yield create_session_factory(engine)
        finally:
            await engine.dispose()
        return
    async with fresh_postgres_database(make_url(database_url).database) as url:
        engine = create_engine(url)
        try:
            yield create_session_factory(engine)
        finally:
            await engine.dispose()


def unit(sessions: Sessions, now: datetime = START) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessions, FixedClock(now))


async def coach_and_clients(sessions: Sessions, clients: list[Client]) -> None:
    """Sam, a coach, and the clients: their plans and zones (`join` makes them his clients)."""
    clock = FixedClock(START)
    uow = unit(sessions)
    await install_builtin_programs(uow)
    await RegisterUser(uow, clock)(Profile(SAM, "Sam", language_code="en"))
    await BecomeCoach(uow, clock)(SAM)
    for client in clients:
        await RegisterUser(uow, clock)(
            Profile(client.athlete, f"C{client.athlete}", language_code="en")
        )
    async with sessions() as session, session.begin():
        plans = dict((await session.execute(select(PlanRow.slug, PlanRow.id))).all())
        for client in clients:
            await session.execute(
                update(UserRow)
                .where(UserRow.telegram_id == client.athlete)
                .values(time_zone=client.zone.key)
            )
            if client.plan is not None:
                session.add(
                    AthletePlanRow(
                        user_id=client.athlete,
                        plan_id=plans[client.plan],
                        started_at=START,
                        next_day=1,
                    )
                )


async def join(sessions: Sessions, client: Client) -> None:
    """The client accepts Sam's invite at their `since`."""
    clock = FixedClock(client.since)
    uow = unit(sessions)
    await accept(uow, clock, await invite(uow, clock, SAM), client.athlete)


async def add_workout(
    sessions: Sessions, athlete: int, started: datetime, finished: datetime | None
) -> int:
    """A workout with one set done, finished or still open."""
    async with sessions() as session, session.begin():
        plan = await session.scalar(select(PlanRow.id).where(PlanRow.slug == "stronglifts"))
        assert plan is not None
        workout = WorkoutRow(
            user_id=athlete,
            plan_id=plan,
            day_number=1,
            day_name="A",
            started_at=started,
            finished_at=finished,
        )
        session.add(workout)
        await session.flush()
        session.add(
            WorkoutSetRow(
                workout_id=workout.id,
                position=1,
                slot_order=1,
                tier="T1",
                exercise="squat",
                training_max_of="squat",
                display_name="Squat",
                set_number=1,
                sets_in_slot=1,
                prescribed_amount=Decimal(100),
                prescribed_unit="kg",
                prescribed_reps=5,
                amrap=False,
                drives_progression=False,
                done_amount=Decimal(100),
                done_unit="kg",
                done_reps=5,
                logged_at=started + timedelta(minutes=5),
                skipped=False,
            )
        )
        return workout.id


async def finish_workout(sessions: Sessions, workout_id: int, at: datetime) -> None:
    async with sessions() as session, session.begin():
        await session.execute(
            update(WorkoutRow).where(WorkoutRow.id == workout_id).values(finished_at=at)
        )


async def add_result(sessions: Sessions, athlete: int, logged: datetime) -> None:
    async with sessions() as session, session.begin():
        await add_fran_result(session, athlete, logged)


async def seed_until(
    sessions: Sessions, clients: list[Client], seeded: datetime, now: datetime
) -> None:
    """What the clients finished in (seeded, now]: a workout appears once it is finished, and a
    client joins at their `since`."""
    for client in clients:
        if seeded < client.since <= now:
            await join(sessions, client)
        for started, finished in client.workouts:
            if seeded < finished <= now:
                await add_workout(sessions, client.athlete, started, finished)
        for logged in client.results:
            if seeded < logged <= now:
                await add_result(sessions, client.athlete, logged)


async def record(sessions: Sessions, now: datetime) -> int:
    """The engagement job's run at `now`."""
    return await RecordEngagement(unit(sessions, now), FixedClock(now))()


async def overview(sessions: Sessions, now: datetime) -> dict[int, ClientLine]:
    return {
        line.client.telegram_id: line for line in await clients_overview(unit(sessions), SAM, now)
    }


async def card_figures(sessions: Sessions, athlete: int, now: datetime) -> dict[int, float | None]:
    return (await client_card(unit(sessions), SAM, athlete, now)).compliance


# The property.


def _local(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour, minute), zone).astimezone(UTC)


@st.composite
def histories(draw: st.DrawFn) -> list[Client]:
    """Three clients: busy days until a day they slow down, then quieter ones."""
    clients = []
    for number in range(3):
        zone = ZoneInfo(draw(st.sampled_from(ZONES)))
        since = START + timedelta(minutes=draw(st.integers(1, 96 * 60)))
        slows = draw(st.integers(0, DAYS))
        workouts: list[tuple[datetime, datetime]] = []
        results: list[datetime] = []
        first = _day(START, zone) + timedelta(days=1)  # all of it after START
        for offset in range(DAYS):
            busy = ("lift", "lift", "metcon", "both", "two metcons", None)
            kind = draw(st.sampled_from(busy if offset < slows else (None, None, None, "lift")))
            day = first + timedelta(days=offset)
            hour, minute = draw(st.integers(5, 20)), draw(st.integers(0, 59))
            if kind in ("lift", "both"):
                started = _local(day, hour, minute, zone)
                workouts.append((started, started + timedelta(minutes=draw(st.integers(20, 120)))))
            if kind in ("metcon", "both", "two metcons"):
                results.append(_local(day, draw(st.integers(5, 23)), minute, zone))
            if kind == "two metcons":
                results.append(_local(day, 23, 30, zone))
        clients.append(
            Client(
                FIRST_CLIENT + number,
                zone,
                draw(st.sampled_from(list(PLANS))),
                since,
                tuple(workouts),
                tuple(results),
            )
        )
    return clients


@st.composite
def job_runs(draw: st.DrawFn) -> tuple[int, set[int]]:
    """The UTC hour the job runs and the rules are read each day, and the days it is down: an
    outage of up to ten days (past the week it makes up) and a few single runs missed."""
    hour = draw(st.integers(0, 23))
    outage_start, outage_days = draw(st.integers(1, DAYS)), draw(st.integers(0, 10))
    missed = draw(st.sets(st.integers(1, DAYS + 7), max_size=6))
    return hour, missed | set(range(outage_start, outage_start + outage_days))


async def judge_daily(
    database_url: str, tmp_path: Path, clients: list[Client], runs: tuple[int, set[int]]
) -> None:
    """Each day the job runs (unless down) and the list's verdicts equal the oracle's; the
    cards' 7/30/90-day figures too, every ninth day."""
    hour, down = runs
    async with pristine(database_url, tmp_path) as sessions:
        await coach_and_clients(sessions, clients)
        seeded = START
        for step in range(1, DAYS + 8):
            now = START + timedelta(days=step, hours=hour)
            await seed_until(sessions, clients, seeded, now)
            seeded = now
            if step not in down:
                await record(sessions, now)
            lines = await overview(sessions, now)
            coached = [client for client in clients if client.since <= now]
            assert set(lines) == {client.athlete for client in coached}
            for client in coached:
                assert shown(lines[client.athlete]) == oracle(client, now), (client.athlete, now)
                if step % 9 == 0:
                    figures = await card_figures(sessions, client.athlete, now)
                    for window in (7, 30, 90):
                        expected = oracle_share(client, now, window)
                        assert figures[window] == (
                            None if expected is None else pytest.approx(float(expected))
                        ), (client.athlete, now, window)


# A day of the job costs about 20 queries a client: two examples on SQLite and one on
# PostgreSQL keep this to a few seconds each, and every run draws new histories. No shrinking:
# it would replay hundreds of days; a failure names the client and the moment instead.
PROPERTY = settings(
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@settings(PROPERTY, max_examples=2)
@given(clients=histories(), runs=job_runs())
@pytest.mark.parametrize("database_url", [BACKENDS[0]], indirect=True)
async def test_verdicts_through_the_rows_equal_the_whole_day_rule_on_sqlite(
    database_url: str, tmp_path: Path, clients: list[Client], runs: tuple[int, set[int]]
) -> None:
    await judge_daily(database_url, tmp_path, clients, runs)


@settings(PROPERTY, max_examples=1)
@given(clients=histories(), runs=job_runs())
@pytest.mark.parametrize("database_url", [BACKENDS[1]], indirect=True)
async def test_verdicts_through_the_rows_equal_the_whole_day_rule_on_postgresql(
    database_url: str, tmp_path: Path, clients: list[Client], runs: tuple[int, set[int]]
) -> None:
    await judge_daily(database_url, tmp_path, clients, runs)


# The rows are what the rules read.

KOLKATA = ZoneInfo("Asia/Kolkata")
ALICE = FIRST_CLIENT


def steady(since: datetime, days: int, zone: ZoneInfo) -> Client:
    """Three a week, Monday, Wednesday and Friday at 07:00 local, for `days` days."""
    first = _day(since, zone)
    workouts = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() in (0, 2, 4):
            started = _local(day, 7, 0, zone)
            workouts.append((started, started + timedelta(hours=1)))
    return Client(ALICE, zone, "stronglifts", since, tuple(workouts), ())


async def run_daily(sessions: Sessions, client: Client, until: datetime, at: time) -> None:
    """Seeds the client's history day by day and runs the job at `at` UTC each day."""
    await join(sessions, client)
    seeded, now = client.since, datetime.combine(client.since.date(), at, UTC)
    while now <= until:
        if now > seeded:
            await seed_until(sessions, [client], seeded, now)
            seeded = now
            await record(sessions, now)
        now += timedelta(days=1)
    await seed_until(sessions, [client], seeded, until)


async def test_a_row_changed_by_hand_changes_the_verdict(database_url: str, tmp_path: Path) -> None:
    """A month of three a week, recorded daily: nothing dropped. With the last week's rows set to
    none by hand the week reads 0% and "dropped" shows, though every workout is still there;
    raised, the card's week follows (#16)."""
    since = datetime(2026, 3, 1, 6, tzinfo=UTC)  # a Sunday; 11:30 in Kolkata
    client = steady(since, 40, KOLKATA)
    now = datetime(2026, 4, 1, 1, tzinfo=UTC)  # Wednesday 06:30 in Kolkata, before the workout
    async with pristine(database_url, tmp_path) as sessions:
        await coach_and_clients(sessions, [client])
        await run_daily(sessions, client, now, time(0, 0))
        line = (await overview(sessions, now))[ALICE]
        assert shown(line) == oracle(client, now)
        assert not line.attention.dropped
        assert line.done_this_week == 1  # Monday

        async with sessions() as session, session.begin():
            await session.execute(
                update(EngagementDayRow)
                .where(EngagementDayRow.day >= date(2026, 3, 25))
                .values(sessions_done=0)
            )
        line = (await overview(sessions, now))[ALICE]
        assert line.attention.dropped  # 0 of 3 in 25 to 31 March against 10 of 90/7
        assert line.done_this_week == 0
        assert line.last_session == oracle(client, now).last_session  # the rows' own, untouched

        async with sessions() as session, session.begin():
            await session.execute(
                update(EngagementDayRow)
                .where(EngagementDayRow.day == date(2026, 3, 31))
                .values(sessions_done=2)
            )
        assert (await card_figures(sessions, ALICE, now))[7] == pytest.approx(2 / 3)
        assert (await overview(sessions, now))[ALICE].done_this_week == 2

        long_ago = datetime(2026, 1, 5, 7, tzinfo=UTC)
        async with sessions() as session, session.begin():
            await session.execute(update(EngagementDayRow).values(last_session=long_ago))
        line = (await overview(sessions, now))[ALICE]
        assert line.last_session == long_ago  # nothing live today: the rows say when
        assert line.attention.quiet


async def test_days_without_rows_are_read_live(database_url: str, tmp_path: Path) -> None:
    """Rows deleted for 10 to 12 March, and none written after 21 March (the job down ten
    days): the verdicts and the card still equal the oracle's (#16)."""
    since = datetime(2026, 3, 1, 6, tzinfo=UTC)
    client = steady(since, 25, KOLKATA)  # busy until 25 March, then nothing
    stopped = datetime(2026, 3, 22, 0, tzinfo=UTC)
    now = datetime(2026, 4, 1, 3, tzinfo=UTC)
    async with pristine(database_url, tmp_path) as sessions:
        await coach_and_clients(sessions, [client])
        await run_daily(sessions, client, stopped, time(0, 0))
        async with sessions() as session, session.begin():
            await session.execute(
                delete(EngagementDayRow).where(
                    EngagementDayRow.day.between(date(2026, 3, 10), date(2026, 3, 12))
                )
            )
        await seed_until(sessions, [client], stopped, now)
        line = (await overview(sessions, now))[ALICE]
        figures = await card_figures(sessions, ALICE, now)

        expected = oracle(client, now)
        assert shown(line) == expected
        assert expected.dropped  # busy all month, then a quiet week
        for window in (7, 30, 90):
            share = oracle_share(client, now, window)
            assert share is not None
            assert figures[window] == pytest.approx(float(share))


async def test_a_workout_finished_after_midnight_counts_a_day_late_but_is_the_last_at_once(
    database_url: str, tmp_path: Path
) -> None:
    """Every day to 18 March, then one workout from 23:30 on the 25th to 00:20 on the 26th,
    after the job wrote the 25th at 00:05: that day the week still reads none, but the last
    session is that workout, so neither quiet nor missed; the job's next writing run (27 March,
    00:05) writes the 25th again and the week counts it (#16)."""
    since = datetime(2026, 3, 1, 6, tzinfo=UTC)
    daily = tuple(
        (datetime(2026, 3, day, 9, tzinfo=UTC), datetime(2026, 3, day, 10, tzinfo=UTC))
        for day in range(1, 19)
    )
    client = Client(ALICE, ZoneInfo("UTC"), "stronglifts", since, daily, ())
    started = datetime(2026, 3, 25, 23, 30, tzinfo=UTC)
    async with pristine(database_url, tmp_path) as sessions:
        await coach_and_clients(sessions, [client])
        await run_daily(sessions, client, datetime(2026, 3, 25, 23, 45, tzinfo=UTC), time(0, 5))
        late = await add_workout(sessions, ALICE, started, None)
        await record(sessions, datetime(2026, 3, 26, 0, 5, tzinfo=UTC))
        await finish_workout(sessions, late, datetime(2026, 3, 26, 0, 20, tzinfo=UTC))

        for now in (
            datetime(2026, 3, 26, 0, 30, tzinfo=UTC),
            datetime(2026, 3, 26, 23, 0, tzinfo=UTC),
        ):
            line = (await overview(sessions, now))[ALICE]
            assert line.last_session == started
            assert not line.attention.quiet  # 18 March's would be 7 days ago and more
            assert not line.attention.missed
            assert (await card_figures(sessions, ALICE, now))[7] == 0.0  # 19 to 25 March

        next_run = datetime(2026, 3, 27, 0, 5, tzinfo=UTC)
        assert await record(sessions, next_run) == 1  # the 26th, and the 25th again
        figures = await card_figures(sessions, ALICE, next_run)
        assert figures[7] == pytest.approx(1 / 3)  # 20 to 26 March: the late workout
        async with sessions() as session:
            row = await session.get(EngagementDayRow, (ALICE, SAM, date(2026, 3, 25)))
        assert row is not None
        assert (row.sessions_done, row.last_session) == (1, started)
