"""A coach, their client and another coach's client, for billing's storage tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile, User
from domain.athletes.use_cases.registration import RegisterUser
from domain.billing.model import Included, Package, PackageDraft, PackageKind, Payment, Subscription
from domain.billing.use_cases.packages import DefinePackage
from domain.billing.use_cases.purchase import Charge, Paid, RecordPayment, StartPurchase
from domain.coaching.use_cases.invites import BecomeCoach
from domain.plans.use_cases.install import install_builtin_programs
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, accept, invite

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
PACK = PackageDraft(PackageKind.SESSIONS, "Four sessions", 400, Included(), sessions=4)
MONTHLY = PackageDraft(PackageKind.MONTHLY, "Online", 300, Included(4, form_checks=True))


class BillingWords:
    def paid_to_coach(self, coach: User, athlete: User, payment: Payment, name: str) -> str:
        return f"{athlete.first_name} paid {payment.amount} for {name} #{payment.number}"

    def refunded_to_athlete(self, athlete: User, payment: Payment, name: str) -> str:
        return f"refunded {payment.amount} for {name}"

    def expiring(self, athlete: User, coach: User, subscription: Subscription) -> str:
        return f"{coach.first_name}'s subscription ends {subscription.paid_until.date()}"

    def one_left(self, athlete: User, coach: User) -> str:
        return f"one session left with {coach.first_name}"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def uow(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> SqlUnitOfWork:
    """Sam coaches Alex, Kim coaches Маша."""
    work = SqlUnitOfWork(session_factory, clock)
    await install_builtin_programs(work)
    for user_id, name in ((SAM, "Sam"), (KIM, "Kim"), (ALEX, "Alex"), (MASHA, "Маша")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    await BecomeCoach(work, clock)(SAM)
    await BecomeCoach(work, clock)(KIM)
    await accept(work, clock, await invite(work, clock, SAM), ALEX)
    await accept(work, clock, await invite(work, clock, KIM), MASHA)
    return work


async def offer(uow: SqlUnitOfWork, clock: FixedClock, draft: PackageDraft = PACK) -> Package:
    return await DefinePackage(uow, clock)(SAM, draft)


async def buy(
    uow: SqlUnitOfWork, clock: FixedClock, package: Package, charge_id: str, athlete: int = ALEX
) -> Paid:
    """An invoice for the athlete, paid with this Telegram charge."""
    invoice = await StartPurchase(uow, clock)(athlete, package.id or 0)
    charge = Charge(athlete, invoice.payment.token, charge_id, invoice.payment.amount)
    return await RecordPayment(uow, clock, BillingWords())(charge)
