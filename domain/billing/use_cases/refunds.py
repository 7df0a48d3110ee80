"""Refunds: who may ask for one, and what a refund reverses once Telegram has made it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from domain.athletes.use_cases.registration import registered_user
from domain.billing.model import (
    LedgerKind,
    PackageKind,
    Payment,
    PaymentStatus,
    Subscription,
    moved,
    shortened,
)
from domain.billing.ports import BillingUnitOfWork, BillingWording
from domain.billing.use_cases.track_access import revoke_track
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.teams.tracks import Subscription as TrackSubscription


class NotRefundableError(LookupError):
    """No completed payment of the actor's current clients (or, for an admin, of anyone)."""


async def refundable(
    uow: BillingUnitOfWork, actor_id: int, payment_id: int, *, admin: bool
) -> Payment:
    """The payment the actor may refund: their current client's completed payment, any one for
    a bot admin. The handler then asks Telegram (refundStarPayment) and records the refund."""
    async with uow:
        return await _refundable(uow, actor_id, payment_id, admin=admin)


async def _refundable(
    uow: BillingUnitOfWork, actor_id: int, payment_id: int, *, admin: bool
) -> Payment:
    payment = await uow.payments.get(payment_id, lock=True)
    if payment is None or payment.status not in {PaymentStatus.COMPLETED, PaymentStatus.REFUNDED}:
        raise NotRefundableError(payment_id)
    if not admin and payment.track_subscription_id is not None:  # the track's owner's to give
        if payment.coach_id != actor_id:
            raise NotRefundableError(payment_id)
    elif not admin:
        coaching = await uow.coachings.current_for_athlete(payment.athlete_id)
        if payment.coach_id != actor_id or coaching is None or coaching.coach_id != actor_id:
            raise NotRefundableError(payment_id)
    return payment


async def refundable_charge(uow: BillingUnitOfWork, charge_id: str) -> Payment:
    """A bot admin's refund by Telegram's charge id (getStarTransactions lists them)."""
    async with uow:
        payment = await uow.payments.by_charge(charge_id)
        if payment is None:
            raise NotRefundableError(charge_id)
        return payment


@dataclass(frozen=True, slots=True)
class Refunded:
    """What a refund took back: unused sessions (and how many were used already), a period of a
    subscription, or nothing (a program, once assigned, stays with the athlete)."""

    payment: Payment
    already: bool = False  # recorded before: nothing reversed twice
    sessions_removed: int = 0
    sessions_used: int = 0
    subscription: Subscription | None = None
    program_kept: bool = False
    track: TrackSubscription | None = None  # a paid track's subscription, its access cut


class RecordRefund:
    """After Telegram refunded the charge: REFUNDED, the grant reversed where it can be, the
    Stars taken off what the bot owes the coach, and the athlete told."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, wording: BillingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, actor_id: int, payment_id: int, *, admin: bool) -> Refunded:
        uow, now = self._uow, self._clock.now()
        async with uow:
            payment = await _refundable(uow, actor_id, payment_id, admin=admin)
            if payment.status == PaymentStatus.REFUNDED:
                return Refunded(payment, already=True)
            payment = replace(payment, status=moved(payment.status, PaymentStatus.REFUNDED))
            await uow.payments.set_status(payment.id or 0, PaymentStatus.REFUNDED, now)
            await uow.balances.credit(
                payment.coach_id, LedgerKind.REFUNDED, payment.amount, now, payment_id=payment.id
            )
            refunded = await self._reverse(payment)
            package = await uow.packages.get(payment.package_id)
            athlete = await registered_user(uow, payment.athlete_id)
            await uow.outbox.add(
                OutgoingMessage(
                    key=f"billing:refunded:{payment.id}",
                    chat_id=athlete.telegram_id,
                    not_before=now,
                    text=self._wording.refunded_to_athlete(
                        athlete, payment, package.draft.name if package else ""
                    ),
                    language=athlete.language.value,
                )
            )
            await uow.commit()
            return refunded

    async def _reverse(self, payment: Payment) -> Refunded:
        uow, now = self._uow, self._clock.now()
        athlete, coach = payment.athlete_id, payment.coach_id
        if payment.track_subscription_id is not None:
            return Refunded(payment, track=await revoke_track(uow, payment, now))
        if payment.kind == PackageKind.SESSIONS:
            package = await uow.packages.get(payment.package_id)
            bought = package.draft.sessions if package else 0
            left = await uow.balances.sessions(athlete, coach)
            removed = min(bought, left)
            if removed:
                await uow.balances.add_sessions(
                    athlete, coach, -removed, now, payment_id=payment.id
                )
            return Refunded(payment, sessions_removed=removed, sessions_used=bought - removed)
        if payment.kind == PackageKind.MONTHLY:
            current = await uow.balances.subscription(athlete, coach)
            if current is None:
                return Refunded(payment)
            cut = replace(current, paid_until=shortened(current.paid_until, now))
            await uow.balances.save_subscription(cut)
            return Refunded(payment, subscription=cut)
        return Refunded(payment, program_kept=payment.granted)
