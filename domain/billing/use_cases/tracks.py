"""Paid programming tracks through billing's machinery (docs/billing.md, "Paid tracks"): the
owner's price is an offered package that names the track, an invoice pays for one
subscription, and a completed or refunded payment moves that subscription's access."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime

from domain.athletes.use_cases.registration import registered_user
from domain.billing.model import (
    MAX_PRICE,
    NAME_LIMIT,
    Package,
    PackageDraft,
    PackageKind,
    Payment,
    PaymentStatus,
    invoice_lines,
)
from domain.billing.ports import BillingUnitOfWork
from domain.billing.use_cases.packages import BadPriceError
from domain.billing.use_cases.purchase import TOKEN_BYTES, Invoice
from domain.shared.ports import Clock
from domain.teams.model import Actor, Permission
from domain.teams.tracks import (
    MAX_TRIAL_DAYS,
    PriceKind,
    Pricing,
    StoredTrack,
    Subscription,
    trial_access,
)
from domain.teams.use_cases.membership import NotAllowedError, authorize
from domain.teams.use_cases.tracks import NoSuchTrackError, find_track


class BadTrialError(ValueError):
    """Trial days outside 0 to MAX_TRIAL_DAYS, or a trial on a free track."""


class NothingToPayError(LookupError):
    """The subscription's track is free, or it was bought for good."""


class SetTrackPricing:
    """The owner prices their own track. The old price's package is withdrawn (its open
    invoices are refused at pre-checkout); a paid price is a new package. When a free track
    becomes paid, its followers get the trial from now."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, owner_id: int, ref: str, pricing: Pricing) -> StoredTrack:
        if pricing.paid and not 1 <= pricing.price <= MAX_PRICE:
            raise BadPriceError(pricing.price)
        if not 0 <= pricing.trial_days <= MAX_TRIAL_DAYS or (
            not pricing.paid and (pricing.trial_days or pricing.price)
        ):
            raise BadTrialError(pricing.trial_days)
        uow, now = self._uow, self._clock.now()
        async with uow:
            await registered_user(uow, owner_id)
            own = [
                t
                for t in await uow.wod_tracks.visible(team_id=None, user_id=owner_id)
                if t.owner_id == owner_id
            ]
            was = find_track(own, ref)
            track = replace(was, pricing=pricing)
            await uow.wod_tracks.save_track(track)
            old = await uow.packages.for_track(track.id or 0)
            if old is not None:
                await uow.packages.archive(old.id or 0, now)
            if pricing.paid:
                await uow.packages.add(Package(None, owner_id, _draft(track), now))
            if pricing.paid and not was.pricing.paid:
                await self._trials(track, now)
            await uow.commit()
            return track

    async def _trials(self, track: StoredTrack, now: datetime) -> None:
        """A free track's followers, when it becomes paid: the trial from now for those who
        have nothing paid still running (a new price of a paid track gives no new trial)."""
        for held in await self._uow.wod_tracks.subscribers(track.id or 0):
            running = held.access_until is not None and held.access_until > now
            if not held.paid_for_good and not running:
                access = trial_access(track.pricing, now)
                await self._uow.wod_tracks.save_subscription(replace(held, access_until=access))


def _draft(track: StoredTrack) -> PackageDraft:
    kind = PackageKind.MONTHLY if track.pricing.kind == PriceKind.MONTHLY else PackageKind.PROGRAM
    return PackageDraft(kind, track.name[:NAME_LIMIT], track.pricing.price, track_id=track.id)


async def _payable(
    uow: BillingUnitOfWork, actor: Actor, subscription: Subscription | None
) -> Subscription:
    """The active subscription the actor may pay for: their own, or their team's when they may
    program it (the team admin pays for the team: docs/billing.md)."""
    if subscription is None or not subscription.active:
        raise NoSuchTrackError(str(subscription.id if subscription else ""))
    if subscription.user_id is not None and subscription.user_id != actor.user_id:
        raise NotAllowedError(actor.user_id)
    if subscription.team_id is not None:
        team = await uow.teams.get(subscription.team_id)
        if team is None or not team.active:
            raise NotAllowedError(actor.user_id)
        await authorize(uow, team, actor, Permission.PROGRAM)
    return subscription


class StartTrackPurchase:
    """An invoice for a subscription to a paid track, payable by the actor only, numbered in
    the owner's sequence; tapping Pay again reuses the open one."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, subscription_id: int) -> Invoice:
        uow = self._uow
        async with uow:
            await registered_user(uow, actor.user_id)
            held = await uow.wod_tracks.subscription_by_id(subscription_id)
            held = await _payable(uow, actor, held)
            track = await uow.wod_tracks.track(held.track_id)
            package = await uow.packages.for_track(held.track_id)
            if track is None or package is None or track.owner_id is None:
                raise NothingToPayError(subscription_id)
            if held.paid_for_good:
                raise NothingToPayError(subscription_id)
            price = package.draft.price
            open_one = await uow.payments.open_invoice(
                actor.user_id, package.id or 0, price, track_subscription_id=held.id
            )
            if open_one is not None:
                return Invoice(open_one, package)
            payment = await uow.payments.add(
                Payment(
                    id=None,
                    token=secrets.token_urlsafe(TOKEN_BYTES),
                    coach_id=track.owner_id,
                    athlete_id=actor.user_id,
                    package_id=package.id or 0,
                    kind=package.draft.kind,
                    amount=price,
                    number=await uow.payments.next_number(track.owner_id),
                    lines=invoice_lines(package.draft),
                    status=PaymentStatus.PENDING,
                    created_at=self._clock.now(),
                    track_subscription_id=held.id,
                )
            )
            await uow.commit()
            return Invoice(payment, package)


__all__ = [
    "BadPriceError",
    "BadTrialError",
    "NoSuchTrackError",
    "NothingToPayError",
    "SetTrackPricing",
    "StartTrackPurchase",
]
