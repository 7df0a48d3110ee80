"""A paid track's access as billing moves it: granted by a completed payment, revoked by a
refund, and the pre-checkout's question whether the paid-for subscription still runs."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from domain.billing.model import PackageKind, Payment, paid_until, shortened
from domain.billing.use_cases.packages import UnknownPackageError

if TYPE_CHECKING:
    from datetime import datetime

    from domain.billing.ports import BillingUnitOfWork
    from domain.teams.tracks import Subscription


def granted_access(held: Subscription, kind: PackageKind, now: datetime) -> Subscription:
    """A one-time payment's access is for good; a month's runs 30 days on from the later of
    the end of what was paid (or of the trial) and now."""
    if kind == PackageKind.MONTHLY:
        return replace(held, access_until=paid_until(held.access_until, now))
    return replace(held, paid_for_good=True)


def revoked_access(held: Subscription, kind: PackageKind, now: datetime) -> Subscription:
    """A refunded month comes off what was paid, never into the past; a refunded one-time
    payment ends access now."""
    if kind == PackageKind.MONTHLY:
        return replace(held, access_until=shortened(held.access_until or now, now))
    until = now if held.access_until is None else min(held.access_until, now)
    return replace(held, paid_for_good=False, access_until=until)


async def may_pay_track(uow: BillingUnitOfWork, payment: Payment) -> bool:
    """The pre-checkout's question for a track: is the paid-for subscription still active?
    (Who pays was settled when the invoice was made for them alone.)"""
    held = await uow.wod_tracks.subscription_by_id(payment.track_subscription_id or 0)
    return held is not None and held.active


async def grant_track(uow: BillingUnitOfWork, payment: Payment, now: datetime) -> Subscription:
    """A completed payment's access: for good, or 30 days on from the later of the end of
    what was paid (or the trial) and now."""
    held = await uow.wod_tracks.subscription_by_id(payment.track_subscription_id or 0, lock=True)
    if held is None:  # a payment's subscription is never deleted, only ended
        raise UnknownPackageError(payment.package_id)
    granted = granted_access(held, payment.kind, now)
    await uow.wod_tracks.save_subscription(granted)
    await uow.payments.mark_granted(payment.id or 0)
    return granted


async def revoke_track(uow: BillingUnitOfWork, payment: Payment, now: datetime) -> Subscription:
    """A refund's: a one-time purchase ends now; a month comes off what was paid, never into
    the past."""
    held = await uow.wod_tracks.subscription_by_id(payment.track_subscription_id or 0, lock=True)
    if held is None:
        raise UnknownPackageError(payment.package_id)
    revoked = revoked_access(held, payment.kind, now)
    await uow.wod_tracks.save_subscription(revoked)
    return revoked
