"""A program package: paid, then assigned through coaching's AssignPlan by the job, once."""

from __future__ import annotations

from domain.billing.model import Included, PackageDraft, PackageKind
from domain.billing.use_cases.notices import GrantPrograms
from domain.billing.use_cases.refunds import RecordRefund
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.billing.conftest import BillingWords, buy, offer
from tests.integration.coaching.conftest import ALEX, SAM, Words

BLOCK = PackageDraft(PackageKind.PROGRAM, "5x5 block", 800, Included(), program_slug="stronglifts")


async def test_a_paid_program_is_assigned_by_the_next_run_and_only_once(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    paid = await buy(uow, clock, await offer(uow, clock, BLOCK), "stx-p1")
    assert not paid.payment.granted

    grant = GrantPrograms(uow, clock, Words())
    assert await grant() == 1
    assert await grant() == 0

    async with uow:
        plan = await uow.athlete_plans.active(ALEX)
        payment = await uow.payments.get(paid.payment.id or 0)
    assert plan is not None
    assert plan.plan_slug == f"stronglifts-for-{ALEX}"
    assert payment is not None
    assert payment.granted

    refunded = await RecordRefund(uow, clock, BillingWords())(SAM, payment.id or 0, admin=False)
    assert refunded.program_kept
