"""Billing's words: packages, the /billing overview, payments and refunds, and BillingWords."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from domain.athletes.model import Language, User
from domain.billing.model import (
    Owed,
    Package,
    PackageDraft,
    PackageKind,
    Payment,
    Subscription,
)
from domain.billing.use_cases.overview import AthleteView, CoachView
from domain.billing.use_cases.refunds import Refunded
from domain.shared.time import local_day
from handlers.common.i18n import Catalogue, Translator


def day(moment: datetime, zone: ZoneInfo) -> str:
    """The date a moment falls on where the reader lives."""
    return local_day(moment, zone).isoformat()


def what(t: Translator, draft: PackageDraft) -> str:
    """ "4 sessions", "monthly subscription · 4/month · form checks", "program “nsuns-4day”"."""
    if draft.kind == PackageKind.SESSIONS:
        head = t.get("billing-kind-sessions", sessions=draft.sessions)
    elif draft.kind == PackageKind.MONTHLY:
        head = t.get("billing-kind-monthly")
    else:
        head = t.get("billing-kind-program", plan=escape(draft.program_slug or ""))
    parts = [head]
    if draft.included.sessions_per_month:
        parts.append(
            t.get("billing-included-per-month", sessions=draft.included.sessions_per_month)
        )
    if draft.included.form_checks:
        parts.append(t.get("billing-included-forms"))
    if draft.included.messaging:
        parts.append(t.get("billing-included-messaging"))
    return " · ".join(parts)


def package_line(t: Translator, number: int, package: Package) -> str:
    draft = package.draft
    return t.get(
        "billing-package-line",
        number=number,
        name=escape(draft.name),
        what=what(t, draft),
        price=draft.price,
    )


def packages_text(t: Translator, packages: list[Package]) -> str:
    lines = [t.get("billing-packages-head")]
    if not packages:
        lines.append(t.get("billing-packages-none"))
    lines += [package_line(t, i, p) for i, p in enumerate(packages, 1)]
    lines += ["", t.get("billing-packages-help")]
    return "\n".join(lines)


def invoice_description(t: Translator, draft: PackageDraft, coach: str) -> str:
    """An invoice's description: 1 to 255 characters, in the buyer's language."""
    return t.get("billing-invoice-description", what=what(t, draft), coach=coach)[:255]


def _status(t: Translator, payment: Payment) -> str:
    return t.get(f"billing-status-{payment.status.value}")


def invoice_line(t: Translator, payment: Payment, name: str, client: str | None = None) -> str:
    described = t.get(
        "billing-invoice-line",
        number=f"{payment.number:04d}",
        name=escape(name),
        amount=payment.amount,
        status=_status(t, payment),
    )
    if payment.recurring:
        described += " " + t.get("billing-renewal")
    return described if client is None else f"{escape(client)} · {described}"


def athlete_text(t: Translator, view: AthleteView, coach_name: str | None, zone: ZoneInfo) -> str:
    lines = [t.get("billing-athlete-head")]
    if view.coach_id is None:
        lines.append(t.get("billing-no-coach"))
    elif view.packages:
        lines.append(t.get("billing-offer-head", coach=escape(coach_name or "")))
        lines += [package_line(t, i, p) for i, p in enumerate(view.packages, 1)]
    else:
        lines.append(t.get("billing-offer-none", coach=escape(coach_name or "")))
    for balance in view.balances:
        coach = escape(view.coaches.get(balance.coach_id, ""))
        lines.append(t.get("billing-balance-line", coach=coach, sessions=balance.sessions))
    for subscription in view.subscriptions:
        coach = escape(view.coaches.get(subscription.coach_id, ""))
        until = day(subscription.paid_until, zone)
        lines.append(t.get("billing-subscription-line", coach=coach, until=until))
    if view.invoices:
        lines += ["", t.get("billing-invoices-head")]
        lines += [invoice_line(t, p, view.names.get(p.package_id, "")) for p in view.invoices]
    return "\n".join(lines)


def owed_text(t: Translator, owed: Owed) -> str:
    return t.get(
        "billing-owed",
        earned=owed.earned,
        refunded=owed.refunded,
        paid=owed.paid_out,
        owed=owed.owed,
    )


def coach_text(t: Translator, view: CoachView) -> str:
    lines = [t.get("billing-coach-head")]
    if not view.invoices:
        lines.append(t.get("billing-coach-none"))
    lines += [
        invoice_line(t, p, view.names.get(p.package_id, ""), view.clients.get(p.athlete_id, ""))
        for p in view.invoices
    ]
    lines += ["", owed_text(t, view.owed)]
    return "\n".join(lines)


def refunded_text(t: Translator, refunded: Refunded, zone: ZoneInfo) -> str:
    payment = refunded.payment
    if refunded.already:
        return t.get("billing-refund-already", number=f"{payment.number:04d}")
    lines = [t.get("billing-refund-done", number=f"{payment.number:04d}", amount=payment.amount)]
    if refunded.track is not None:
        until = refunded.track.access_until
        lines.append(t.get("billing-refund-track", until=day(until, zone) if until else "-"))
    elif payment.kind == PackageKind.SESSIONS:
        lines.append(
            t.get(
                "billing-refund-sessions",
                removed=refunded.sessions_removed,
                used=refunded.sessions_used,
            )
        )
    elif refunded.subscription is not None:
        lines.append(
            t.get("billing-refund-subscription", until=day(refunded.subscription.paid_until, zone))
        )
    elif payment.kind == PackageKind.PROGRAM:
        lines.append(t.get("billing-refund-program"))
    return "\n".join(lines)


class BillingWords:
    """The domain's BillingWording, from the catalogue, in the recipient's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def _t(self, language: Language) -> Translator:
        return self._catalogue.translator(language)

    def paid_to_coach(self, coach: User, athlete: User, payment: Payment, name: str) -> str:
        return self._t(coach.language).get(
            "billing-paid-to-coach",
            athlete=escape(athlete.first_name),
            amount=payment.amount,
            name=escape(name),
            number=f"{payment.number:04d}",
        )

    def refunded_to_athlete(self, athlete: User, payment: Payment, name: str) -> str:
        return self._t(athlete.language).get(
            "billing-refunded-to-athlete",
            amount=payment.amount,
            name=escape(name),
            number=f"{payment.number:04d}",
        )

    def expiring(self, athlete: User, coach: User, subscription: Subscription) -> str:
        return self._t(athlete.language).get(
            "billing-expiring",
            coach=escape(coach.first_name),
            until=day(subscription.paid_until, athlete.zone),
        )

    def one_left(self, athlete: User, coach: User) -> str:
        return self._t(athlete.language).get("billing-one-left", coach=escape(coach.first_name))
