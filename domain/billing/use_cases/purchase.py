"""Buying a package: the invoice, the pre-checkout answer, and the payment recorded once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace

from domain.athletes.use_cases.registration import registered_user
from domain.billing.checkout import CheckoutProblem, checkout_problem
from domain.billing.model import (
    LedgerKind,
    Package,
    PackageKind,
    Payment,
    PaymentStatus,
    Subscription,
    invoice_lines,
    moved,
    paid_until,
)
from domain.billing.ports import BillingUnitOfWork, BillingWording
from domain.billing.use_cases.packages import UnknownPackageError
from domain.billing.use_cases.track_access import grant_track, may_pay_track
from domain.coaching.use_cases.invites import NoCoachError
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.teams.tracks import Subscription as TrackSubscription

TOKEN_BYTES = 16  # the invoice payload: 22 characters naming a payment row, and nothing else


@dataclass(frozen=True, slots=True)
class Invoice:
    """What the handler sends Telegram: the payment's token is the payload."""

    payment: Payment
    package: Package


class StartPurchase:
    """An invoice for one of the athlete's coach's packages: a PENDING payment with the price
    now, numbered in the coach's sequence. Tapping Buy again reuses the open invoice."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, package_id: int) -> Invoice:
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            coaching = await self._uow.coachings.current_for_athlete(athlete_id)
            if coaching is None:
                raise NoCoachError(athlete_id)
            package = await self._uow.packages.get(package_id)
            if (
                package is None
                or package.coach_id != coaching.coach_id
                or not package.offered
                or package.draft.track_id is not None  # bought through its subscription
            ):
                raise UnknownPackageError(package_id)
            price = package.draft.price
            open_one = await self._uow.payments.open_invoice(athlete_id, package_id, price)
            if open_one is not None:
                return Invoice(open_one, package)
            payment = await self._uow.payments.add(
                Payment(
                    id=None,
                    token=secrets.token_urlsafe(TOKEN_BYTES),
                    coach_id=package.coach_id,
                    athlete_id=athlete_id,
                    package_id=package_id,
                    kind=package.draft.kind,
                    amount=price,
                    number=await self._uow.payments.next_number(package.coach_id),
                    lines=invoice_lines(package.draft),
                    status=PaymentStatus.PENDING,
                    created_at=self._clock.now(),
                )
            )
            await self._uow.commit()
            return Invoice(payment, package)


async def check_payment(
    uow: BillingUnitOfWork, buyer_id: int, payload: str, currency: str, amount: int
) -> CheckoutProblem | None:
    """The pre-checkout answer: a few reads by key, nothing written, so it is quick."""
    async with uow:
        payment = await uow.payments.by_token(payload)
        package = None if payment is None else await uow.packages.get(payment.package_id)
        if payment is not None and payment.track_subscription_id is not None:
            is_client = await may_pay_track(uow, payment)
        else:
            coaching = await uow.coachings.current_for_athlete(buyer_id)
            is_client = (
                payment is not None
                and coaching is not None
                and coaching.coach_id == payment.coach_id
            )
        return checkout_problem(
            payment,
            package,
            buyer_id=buyer_id,
            currency=currency,
            amount=amount,
            is_client=is_client,
        )


async def fail_payment(uow: BillingUnitOfWork, clock: Clock, buyer_id: int, payload: str) -> None:
    """After a refused pre-checkout (answered first): the buyer's pending invoice is FAILED."""
    async with uow:
        payment = await uow.payments.by_token(payload, lock=True)
        if payment is None or payment.athlete_id != buyer_id:
            return
        if payment.status == PaymentStatus.PENDING:
            await uow.payments.set_status(payment.id or 0, PaymentStatus.FAILED, clock.now())
            await uow.commit()


class NotYourInvoiceError(LookupError):
    """No open invoice of the athlete's has that id."""


class CancelInvoice:
    """The athlete withdraws an invoice they have not paid: its pre-checkout is refused."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, payment_id: int) -> Payment:
        async with self._uow:
            payment = await self._uow.payments.get(payment_id, lock=True)
            if payment is None or payment.athlete_id != athlete_id:
                raise NotYourInvoiceError(payment_id)
            if payment.status not in {PaymentStatus.PENDING, PaymentStatus.FAILED}:
                raise NotYourInvoiceError(payment_id)
            status = moved(payment.status, PaymentStatus.CANCELLED)
            await self._uow.payments.set_status(payment_id, status, self._clock.now())
            await self._uow.commit()
            return replace(payment, status=status)


@dataclass(frozen=True, slots=True)
class Charge:
    """Telegram's successful_payment, as the handler read it."""

    buyer_id: int
    payload: str
    charge_id: str
    amount: int
    recurring: bool = False  # a subscription's payment


@dataclass(frozen=True, slots=True)
class Paid:
    """What a recorded payment granted: sessions now, a subscription's end, or a program."""

    payment: Payment
    package: Package
    duplicate: bool = False  # this charge was recorded before: nothing granted again
    sessions: int = 0  # the balance with the coach after this payment
    paid_until: Subscription | None = None
    track: TrackSubscription | None = None  # a paid track's subscription, with its access


class UnknownChargeError(LookupError):
    """A successful_payment whose payload names no payment of ours (kept for an admin)."""


class RecordPayment:
    """Records a charge once by its Telegram id, completes the payment and grants the
    package: sessions to the balance, 30 more days of a subscription; a program is assigned
    by `GrantPrograms` outside this transaction, which must not fail with the money taken."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, wording: BillingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, charge: Charge) -> Paid:
        uow, now = self._uow, self._clock.now()
        async with uow:
            payment = await uow.payments.by_token(charge.payload, lock=True)
            if payment is None or payment.athlete_id != charge.buyer_id:
                raise UnknownChargeError(charge.charge_id)
            package = await uow.packages.get(payment.package_id)
            if package is None:  # a payment names its package, which is never deleted
                raise UnknownChargeError(charge.charge_id)
            seen = await uow.payments.by_charge(charge.charge_id)
            if seen is not None:
                return await self._already(seen, package)
            if payment.status == PaymentStatus.COMPLETED and charge.recurring:
                payment = await self._renewal(payment, charge.amount)
            if payment.status in {PaymentStatus.COMPLETED, PaymentStatus.REFUNDED}:
                # The pre-checkout refuses these: a charge for one is left to a bot admin.
                raise UnknownChargeError(charge.charge_id)
            payment = replace(payment, status=moved(payment.status, PaymentStatus.COMPLETED))
            if not await uow.payments.record_charge(charge.charge_id, payment.id or 0, now):
                return await self._already(payment, package)
            await uow.payments.set_status(
                payment.id or 0, PaymentStatus.COMPLETED, now, charge_id=charge.charge_id
            )
            await uow.balances.credit(
                payment.coach_id, LedgerKind.EARNED, payment.amount, now, payment_id=payment.id
            )
            paid = await self._grant(payment, package)
            await self._tell_coach(payment, package)
            await uow.commit()
            return paid

    async def _already(self, payment: Payment, package: Package) -> Paid:
        sessions = await self._uow.balances.sessions(payment.athlete_id, payment.coach_id)
        return Paid(payment, package, duplicate=True, sessions=sessions)

    async def _renewal(self, first: Payment, amount: int) -> Payment:
        """A subscription's next period: a new payment of the same package, numbered anew, for
        what Telegram charged."""
        return await self._uow.payments.add(
            replace(
                first,
                id=None,
                token=secrets.token_urlsafe(TOKEN_BYTES),
                number=await self._uow.payments.next_number(first.coach_id),
                status=PaymentStatus.PENDING,
                created_at=self._clock.now(),
                amount=amount,
                recurring=True,
                charge_id=None,
                paid_at=None,
            )
        )

    async def _grant(self, payment: Payment, package: Package) -> Paid:
        uow, now = self._uow, self._clock.now()
        athlete, coach = payment.athlete_id, payment.coach_id
        if payment.track_subscription_id is not None:
            return Paid(payment, package, track=await grant_track(uow, payment, now))
        if package.draft.kind == PackageKind.SESSIONS:
            await uow.balances.add_sessions(
                athlete, coach, package.draft.sessions, now, payment_id=payment.id
            )
            await uow.payments.mark_granted(payment.id or 0)
        subscription = None
        if package.draft.kind == PackageKind.MONTHLY:
            current = await uow.balances.subscription(athlete, coach)
            until = paid_until(None if current is None else current.paid_until, now)
            subscription = Subscription(athlete, coach, package.id or 0, until)
            await uow.balances.save_subscription(subscription)
            await uow.payments.mark_granted(payment.id or 0)
        sessions = await uow.balances.sessions(athlete, coach)
        return Paid(payment, package, sessions=sessions, paid_until=subscription)

    async def _tell_coach(self, payment: Payment, package: Package) -> None:
        coach = await registered_user(self._uow, payment.coach_id)
        athlete = await registered_user(self._uow, payment.athlete_id)
        await self._uow.outbox.add(
            OutgoingMessage(
                key=f"billing:paid:{payment.id}",
                chat_id=coach.telegram_id,
                not_before=self._clock.now(),
                text=self._wording.paid_to_coach(coach, athlete, payment, package.draft.name),
                language=coach.language.value,
            )
        )


__all__ = [
    "CancelInvoice",
    "Charge",
    "CheckoutProblem",
    "Invoice",
    "NotYourInvoiceError",
    "Paid",
    "RecordPayment",
    "StartPurchase",
    "UnknownChargeError",
    "check_payment",
    "fail_payment",
]
