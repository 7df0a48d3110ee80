"""/stats' figures on SQLite and PostgreSQL, from seeded coachings, payments (bought and
refunded through billing) and marked appointments: each coach counts only their own clients,
revenue and sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.analytics.business import Attendance
from domain.analytics.use_cases.stats import CoachStats, MonthFigures, coach_stats
from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.billing.model import Included, PackageDraft, PackageKind
from domain.billing.use_cases.packages import DefinePackage
from domain.billing.use_cases.refunds import RecordRefund
from domain.coaching.use_cases.invites import BecomeCoach, NotACoachError
from domain.plans.use_cases.install import install_builtin_programs
from storage.athletes.tables import UserRow
from storage.bookings.tables import BookingRow
from storage.coaching.tables import CoachingRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.billing.conftest import MONTHLY, PACK, BillingWords, buy
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM

pytestmark = pytest.mark.timeout(60)

BEA, CLEO = 203, 204
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
KIMS_PACK = PackageDraft(PackageKind.SESSIONS, "Kim's ten", 999, Included(), sessions=10)


def _utc(month: int, day: int, hour: int = 9, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
async def uow(session_factory: async_sessionmaker[AsyncSession]) -> SqlUnitOfWork:
    """Sam (Berlin) and Kim, their clients over the winter, what was paid and which sessions
    were held."""
    clock = FixedClock(_utc(11, 1, year=2025))
    work = SqlUnitOfWork(session_factory, clock)
    await install_builtin_programs(work)
    people = ((SAM, "Sam"), (KIM, "Kim"), (ALEX, "Alex"), (MASHA, "Маша"), (BEA, "Bea"))
    for user_id, name in (*people, (CLEO, "Cleo")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    await BecomeCoach(work, clock)(SAM)
    await BecomeCoach(work, clock)(KIM)
    async with session_factory() as session, session.begin():
        await session.execute(
            update(UserRow).where(UserRow.telegram_id == SAM).values(time_zone="Europe/Berlin")
        )
        for coach, athlete, started, ended in (
            (SAM, ALEX, _utc(1, 10), None),
            # 23:30 on 31 January in Berlin: January is Bea's last month with Sam
            (SAM, BEA, _utc(12, 1, year=2025), _utc(1, 31, 22, 30)),
            (SAM, MASHA, _utc(11, 15, year=2025), _utc(12, 20, year=2025)),
            (KIM, MASHA, _utc(1, 5), None),
            (KIM, CLEO, _utc(2, 1), None),
        ):
            session.add(
                CoachingRow(coach_id=coach, athlete_id=athlete, started_at=started, ended_at=ended)
            )
        for coach, athlete, starts, status in (
            *((SAM, ALEX, _utc(2, day), "completed") for day in (3, 10, 17)),
            (SAM, ALEX, _utc(2, 24), "no_show"),
            (SAM, ALEX, _utc(2, 25), "cancelled"),
            (SAM, ALEX, _utc(3, 4), "scheduled"),
            (KIM, MASHA, _utc(2, 4), "no_show"),
            (KIM, MASHA, _utc(2, 11), "no_show"),
        ):
            session.add(
                BookingRow(
                    coach_id=coach,
                    athlete_id=athlete,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=1),
                    status=status,
                    seat=1,
                    capacity=1,
                    booked_at=starts - timedelta(days=1),
                )
            )
    clock.current = _utc(2, 1)
    pack = await DefinePackage(work, clock)(SAM, PACK)  # ⭐400
    monthly = await DefinePackage(work, clock)(SAM, MONTHLY)  # ⭐300
    kims = await DefinePackage(work, clock)(KIM, KIMS_PACK)
    clock.current = _utc(2, 10)
    await buy(work, clock, pack, "charge-1")
    clock.current = _utc(2, 20)
    refunded = await buy(work, clock, monthly, "charge-2")
    clock.current = _utc(2, 15)
    await buy(work, clock, kims, "charge-3", athlete=MASHA)
    clock.current = _utc(3, 1, 12)
    await RecordRefund(work, clock, BillingWords())(SAM, refunded.payment.id or 0, admin=False)
    return work


def _month(stats: CoachStats, month: int) -> MonthFigures:
    [found] = [figures for figures in stats.months if figures.month == date(2026, month, 1)]
    return found


async def test_a_coachs_months_count_their_clients_stars_and_sessions(uow):
    stats = await coach_stats(uow, SAM, NOW)
    assert [figures.month for figures in stats.months] == [
        date(2025, 10, 1),
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]
    assert stats.active_clients == 1  # Alex
    # Dec {Bea, Маша} → Jan {Alex, Bea} → Feb {Alex} → Mar {Alex}
    january, february, march = _month(stats, 1), _month(stats, 2), _month(stats, 3)
    assert (january.active, january.retained, january.churned, january.new) == (2, 1, 1, 1)
    assert (february.active, february.retained, february.churned, february.new) == (1, 1, 1, 0)
    assert (march.active, march.retained, march.churned, march.new) == (1, 1, 0, 0)
    # ⭐400 and ⭐300 paid in February; the ⭐300 refunded on 1 March
    assert (february.revenue, march.revenue, stats.revenue) == (700, -300, 400)
    # three held and one no-show in February; cancelled and scheduled ones are not marked
    assert february.attendance == Attendance(attended=3, no_shows=1)
    assert march.attendance == Attendance(0, 0)
    assert stats.attendance.attendance_rate == 0.75
    assert stats.attendance.no_show_rate == 0.25


async def test_another_coach_sees_only_their_clients_and_stars(uow):
    stats = await coach_stats(uow, KIM, NOW)
    assert stats.active_clients == 2  # Маша and Cleo, not Sam's Alex
    january, february = _month(stats, 1), _month(stats, 2)
    # Маша was Sam's client in December: to Kim she is new in January
    assert (january.active, january.retained, january.churned, january.new) == (1, 0, 0, 1)
    assert (february.active, february.retained, february.new) == (2, 1, 1)
    assert stats.revenue == 999
    assert stats.attendance == Attendance(attended=0, no_shows=2)
    assert stats.attendance.no_show_rate == 1.0


async def test_an_athlete_who_coaches_nobody_has_no_stats(uow):
    with pytest.raises(NotACoachError):
        await coach_stats(uow, ALEX, NOW)
