"""Payments on SQLite and PostgreSQL: once by charge id under concurrent duplicates, invoice
numbers, refunds, the session balance bookings draws down, and what each coach sees."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.billing.checkout import CheckoutProblem
from domain.billing.model import Included, Owed, PackageDraft, PackageKind, PaymentStatus
from domain.billing.use_cases.balance import Draw, SessionBalance
from domain.billing.use_cases.notices import SendBillingNotices
from domain.billing.use_cases.overview import athlete_view, coach_view
from domain.billing.use_cases.packages import DefinePackage, RepricePackage
from domain.billing.use_cases.purchase import (
    CancelInvoice,
    Charge,
    NotYourInvoiceError,
    RecordPayment,
    StartPurchase,
    UnknownChargeError,
    check_payment,
)
from domain.billing.use_cases.refunds import NotRefundableError, RecordRefund, refundable
from domain.billing.use_cases.settlement import (
    MoreThanOwedError,
    NotAnAdminError,
    RecordPayout,
    owed_to_coaches,
)
from domain.coaching.use_cases.invites import EndClient
from storage.billing.tables import BillingChargeRow, BillingCoachLedgerRow
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.billing.conftest import (
    MONTHLY,
    PACK,
    BillingWords,
    buy,
    offer,
)
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words


async def count(session_factory: async_sessionmaker[AsyncSession], table: type) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_a_charge_delivered_eight_times_at_once_grants_four_sessions_once(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    package = await offer(uow, clock)
    invoice = await StartPurchase(uow, clock)(ALEX, package.id or 0)
    charge = Charge(ALEX, invoice.payment.token, "stx-1", 400)

    async def deliver() -> bool:
        own = SqlUnitOfWork(session_factory, clock)  # one per update, as the pipeline opens
        return (await RecordPayment(own, clock, BillingWords())(charge)).duplicate

    duplicates = await asyncio.gather(*(deliver() for _ in range(8)))

    assert sorted(duplicates) == [False] + [True] * 7
    assert (await SessionBalance(uow, clock).balance(ALEX, SAM)).sessions == 4
    assert await count(session_factory, BillingChargeRow) == 1
    assert await count(session_factory, BillingCoachLedgerRow) == 1
    async with uow:
        assert (await uow.balances.owed(SAM)) == Owed(earned=400)
        paid = await uow.payments.by_token(invoice.payment.token)
    assert paid is not None
    assert (paid.status, paid.charge_id, paid.paid_at) == (
        PaymentStatus.COMPLETED,
        "stx-1",
        clock.now(),
    )


async def test_invoice_numbers_run_one_two_three_per_coach_even_when_taken_at_once(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    packages = [await offer(uow, clock, PACK), await offer(uow, clock, MONTHLY)]
    kims = await package_of(uow, clock, KIM)

    async def start(athlete: int, package_id: int) -> tuple[int, int]:
        own = SqlUnitOfWork(session_factory, clock)
        payment = (await StartPurchase(own, clock)(athlete, package_id)).payment
        return payment.coach_id, payment.number

    numbers = await asyncio.gather(
        start(ALEX, packages[0].id or 0),
        start(ALEX, packages[1].id or 0),
        start(MASHA, kims),
    )
    third = await buy(uow, clock, packages[0], "stx-2")  # the open invoice is paid: no new one

    assert sorted(n for coach, n in numbers if coach == SAM) == [1, 2]
    assert [n for coach, n in numbers if coach == KIM] == [1]
    assert third.payment.number in {1, 2}
    again = await StartPurchase(uow, clock)(ALEX, packages[0].id or 0)
    assert again.payment.number == 3


async def package_of(uow: SqlUnitOfWork, clock: FixedClock, coach: int) -> int:
    return (await DefinePackage(uow, clock)(coach, PACK)).id or 0


async def test_the_pre_checkout_refuses_a_new_price_another_payer_and_a_former_client(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    package = await offer(uow, clock)
    token = (await StartPurchase(uow, clock)(ALEX, package.id or 0)).payment.token

    assert await check_payment(uow, ALEX, token, "XTR", 400) is None
    assert await check_payment(uow, MASHA, token, "XTR", 400) == CheckoutProblem.NOT_YOURS
    assert await check_payment(uow, ALEX, "forged", "XTR", 400) == CheckoutProblem.UNKNOWN
    assert await check_payment(uow, ALEX, token, "XTR", 1) == CheckoutProblem.PRICE_CHANGED
    await RepricePackage(uow)(SAM, 1, 450)
    assert await check_payment(uow, ALEX, token, "XTR", 400) == CheckoutProblem.PRICE_CHANGED
    await RepricePackage(uow)(SAM, 1, 400)
    await EndClient(uow, clock, Words())(SAM, ALEX)
    assert await check_payment(uow, ALEX, token, "XTR", 400) == CheckoutProblem.NOT_CLIENT


async def test_a_refund_takes_back_the_unused_sessions_once_and_says_how_many_were_used(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    paid = await buy(uow, clock, await offer(uow, clock), "stx-3")
    balance = SessionBalance(uow, clock)
    assert await balance.draw_session(ALEX, SAM, 77) == (Draw.DRAWN, 3)
    assert await balance.draw_session(ALEX, SAM, 77) == (Draw.ALREADY, 3)  # the same appointment
    payment_id = paid.payment.id or 0

    with pytest.raises(NotRefundableError):
        await refundable(uow, KIM, payment_id, admin=False)  # not Kim's client
    refund = RecordRefund(uow, clock, BillingWords())
    with pytest.raises(NotRefundableError):
        await refund(KIM, payment_id, admin=False)
    done = await refund(SAM, payment_id, admin=False)
    twice = await refund(SAM, payment_id, admin=False)

    assert (done.sessions_removed, done.sessions_used) == (3, 1)
    assert twice.already
    assert (await balance.balance(ALEX, SAM)).sessions == 0
    async with uow:
        assert await uow.balances.owed(SAM) == Owed(earned=400, refunded=400)
        refunded = await uow.payments.get(payment_id)
    assert refunded is not None
    assert refunded.status == PaymentStatus.REFUNDED
    async with session_factory() as session:
        texts = list(await session.scalars(select(OutboxRow.text).where(OutboxRow.chat_id == ALEX)))
    assert texts.count("refunded 400 for Four sessions") == 1


async def test_draws_at_once_never_take_more_sessions_than_were_bought(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    two = PackageDraft(PackageKind.SESSIONS, "Two", 200, Included(), sessions=2)
    await buy(uow, clock, await offer(uow, clock, two), "stx-4")

    async def draw(appointment: int) -> Draw:
        own = SqlUnitOfWork(session_factory, clock)
        return (await SessionBalance(own, clock).draw_session(ALEX, SAM, appointment))[0]

    outcomes = await asyncio.gather(*(draw(a) for a in range(1, 7)))

    assert sorted(outcomes) == sorted([Draw.DRAWN] * 2 + [Draw.NONE_LEFT] * 4)
    assert (await SessionBalance(uow, clock).balance(ALEX, SAM)).sessions == 0


async def test_a_renewal_extends_the_subscription_and_one_notice_comes_three_days_before(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    package = await offer(uow, clock, MONTHLY)
    first = await buy(uow, clock, package, "stx-5")
    assert first.paid_until is not None
    assert first.paid_until.paid_until == clock.now() + timedelta(days=30)

    clock.current += timedelta(days=29)  # Telegram renews a day early: the 30 days add on
    renewal = Charge(ALEX, first.payment.token, "stx-6", 300, recurring=True)
    renewed = await RecordPayment(uow, clock, BillingWords())(renewal)
    assert renewed.paid_until is not None
    assert renewed.paid_until.paid_until == first.paid_until.paid_until + timedelta(days=30)
    assert (renewed.payment.number, renewed.payment.recurring) == (2, True)

    notices = SendBillingNotices(uow, clock, BillingWords())
    clock.current = renewed.paid_until.paid_until - timedelta(days=4)
    assert await notices() == 0
    clock.current += timedelta(days=1, minutes=1)
    assert await notices() == 1
    assert await notices() == 0  # the next run: the same key
    async with session_factory() as session:
        text = await session.scalar(
            select(OutboxRow.text).where(OutboxRow.chat_id == ALEX).order_by(OutboxRow.id.desc())
        )
    assert text == f"Sam's subscription ends {renewed.paid_until.paid_until.date()}"


async def test_the_last_session_of_a_pack_is_told_once(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await buy(
        uow,
        clock,
        await offer(
            uow, clock, PackageDraft(PackageKind.SESSIONS, "Two", 200, Included(), sessions=2)
        ),
        "stx-7",
    )
    one = PackageDraft(PackageKind.SESSIONS, "One", 100, Included(), sessions=1)
    await buy(uow, clock, await DefinePackage(uow, clock)(KIM, one), "stx-7b", athlete=MASHA)
    notices = SendBillingNotices(uow, clock, BillingWords())
    assert await notices() == 0  # two left; and a pack of one just bought is no news
    await SessionBalance(uow, clock).draw_session(ALEX, SAM, 1)
    assert await notices() == 1
    assert await notices() == 0


async def test_each_side_sees_only_its_own_invoices(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    await buy(uow, clock, await offer(uow, clock), "stx-8")

    sams = await coach_view(uow, SAM)
    kims = await coach_view(uow, KIM)
    alexs = await athlete_view(uow, ALEX)
    mashas = await athlete_view(uow, MASHA)

    assert sams is not None
    assert kims is not None
    assert [(p.athlete_id, p.number) for p in sams.invoices] == [(ALEX, 1)]
    assert kims.invoices == []
    assert kims.owed == Owed()
    assert [p.number for p in alexs.invoices] == [1]
    assert [b.sessions for b in alexs.balances] == [4]
    assert mashas.invoices == []
    assert mashas.packages == []  # Kim offers nothing; Sam's packages are not Маша's to see
    assert await coach_view(uow, ALEX) is None


async def test_only_an_admin_records_a_payout_and_never_more_than_is_owed(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await buy(uow, clock, await offer(uow, clock), "stx-9")
    admin = 999
    payout = RecordPayout(uow, clock, frozenset({admin}))

    with pytest.raises(NotAnAdminError):
        await payout(SAM, SAM, 100)  # a coach does not pay themselves
    with pytest.raises(MoreThanOwedError):
        await payout(admin, SAM, 401)
    assert await payout(admin, SAM, 150) == Owed(earned=400, paid_out=150)
    assert await owed_to_coaches(uow, admin, frozenset({admin})) == {
        SAM: Owed(earned=400, paid_out=150)
    }


async def test_a_new_charge_for_a_refunded_invoice_is_left_to_an_admin_and_grants_nothing(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    paid = await buy(uow, clock, await offer(uow, clock), "stx-10")
    await RecordRefund(uow, clock, BillingWords())(SAM, paid.payment.id or 0, admin=False)

    with pytest.raises(UnknownChargeError):
        await RecordPayment(uow, clock, BillingWords())(
            Charge(ALEX, paid.payment.token, "stx-11", 400)
        )
    assert (await SessionBalance(uow, clock).balance(ALEX, SAM)).sessions == 0


async def test_an_invoice_the_athlete_cancels_is_refused_at_checkout_but_a_charge_in_flight_counts(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    package = await offer(uow, clock)
    invoice = (await StartPurchase(uow, clock)(ALEX, package.id or 0)).payment

    with pytest.raises(NotYourInvoiceError):
        await CancelInvoice(uow, clock)(MASHA, invoice.id or 0)
    cancelled = await CancelInvoice(uow, clock)(ALEX, invoice.id or 0)
    assert cancelled.status == PaymentStatus.CANCELLED
    with pytest.raises(NotYourInvoiceError):
        await CancelInvoice(uow, clock)(ALEX, invoice.id or 0)  # closed already
    problem = await check_payment(uow, ALEX, invoice.token, "XTR", 400)
    assert problem == CheckoutProblem.NOT_PENDING

    # Alex had confirmed the payment a moment before cancelling: Telegram took the Stars.
    paid = await RecordPayment(uow, clock, BillingWords())(
        Charge(ALEX, invoice.token, "stx-12", 400)
    )
    assert paid.payment.status == PaymentStatus.COMPLETED
    assert paid.sessions == 4
