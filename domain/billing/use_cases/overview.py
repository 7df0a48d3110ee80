"""/billing: what each side sees of the payments between them."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.billing.model import Balance, Owed, Package, Payment, Subscription
from domain.billing.ports import BillingUnitOfWork

SHOWN = 10  # invoices listed


@dataclass(frozen=True, slots=True)
class AthleteView:
    coach_id: int | None
    packages: list[Package]  # the coach's, on offer
    invoices: list[Payment]
    balances: list[Balance]
    subscriptions: list[Subscription]
    names: dict[int, str] = field(default_factory=dict)  # package id → name
    coaches: dict[int, str] = field(default_factory=dict)  # coach id → first name


@dataclass(frozen=True, slots=True)
class CoachView:
    invoices: list[Payment]  # to current clients, and for the paid tracks they own
    owed: Owed
    clients: dict[int, str]  # athlete id → first name, for clients and the tracks' payers
    names: dict[int, str] = field(default_factory=dict)  # package id → name


async def athlete_view(uow: BillingUnitOfWork, athlete_id: int) -> AthleteView:
    async with uow:
        coaching = await uow.coachings.current_for_athlete(athlete_id)
        coach_id = None if coaching is None else coaching.coach_id
        packages = [] if coach_id is None else await uow.packages.offered(coach_id)
        invoices = await uow.payments.of_athlete(athlete_id, SHOWN)
        balances = [b for b in await uow.balances.balances(athlete_id) if b.sessions]
        subscriptions = await uow.balances.subscriptions(athlete_id)
        coaches: dict[int, str] = {}
        for coach in {b.coach_id for b in balances} | {s.coach_id for s in subscriptions}:
            user = await uow.users.get(coach)
            coaches[coach] = user.first_name if user else ""
        names = await _names(uow, invoices)
        return AthleteView(coach_id, packages, invoices, balances, subscriptions, names, coaches)


async def coach_view(uow: BillingUnitOfWork, coach_id: int) -> CoachView | None:
    """What a coach, or the owner of a paid track, was paid and may refund; None for anyone
    else."""
    async with uow:
        for_tracks = await uow.payments.of_track_owner(coach_id, SHOWN)
        coach = await uow.coaches.is_coach(coach_id)
        if not coach and not for_tracks:
            return None
        clients = await uow.coachings.clients_with_plans(coach_id) if coach else []
        names = {facts.client.telegram_id: facts.client.first_name for facts in clients}
        to_clients = await uow.payments.of_coach(coach_id, sorted(names), SHOWN)
        by_id = {payment.id: payment for payment in (*to_clients, *for_tracks)}
        invoices = sorted(by_id.values(), key=lambda p: p.id or 0, reverse=True)[:SHOWN]
        for payment in invoices:
            if payment.athlete_id not in names:
                payer = await uow.users.get(payment.athlete_id)
                names[payment.athlete_id] = payer.first_name if payer else ""
        return CoachView(
            invoices, await uow.balances.owed(coach_id), names, await _names(uow, invoices)
        )


async def _names(uow: BillingUnitOfWork, invoices: list[Payment]) -> dict[int, str]:
    names: dict[int, str] = {}
    for package_id in {p.package_id for p in invoices}:
        package = await uow.packages.get(package_id)
        if package is not None:
            names[package_id] = package.draft.name
    return names
