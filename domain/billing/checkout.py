"""The pre-checkout question: may this person pay this invoice, now, at this price?"""

from __future__ import annotations

from enum import StrEnum

from domain.billing.model import Package, Payment, PaymentStatus

STARS = "XTR"


class CheckoutProblem(StrEnum):
    """Why a payment is refused; the handler words it in the payer's language."""

    UNKNOWN = "unknown"  # the payload names no invoice of ours
    NOT_YOURS = "not-yours"  # someone else pays an invoice sent to another athlete
    NOT_PENDING = "not-pending"  # paid, refunded or cancelled already
    WITHDRAWN = "withdrawn"  # the coach archived the package
    PRICE_CHANGED = "price-changed"  # the package costs something else now
    NOT_CLIENT = "not-client"  # the athlete no longer trains with that coach
    NOT_FOLLOWING = "not-following"  # a track's subscription ended, or the payer may not pay it


def checkout_problem(
    payment: Payment | None,
    package: Package | None,
    *,
    buyer_id: int,
    currency: str,
    amount: int,
    is_client: bool,
) -> CheckoutProblem | None:
    """None when the payment may go ahead; otherwise the first reason it may not. For a
    track's payment, `is_client` says the payer may still pay for its subscription."""
    if payment is None or package is None or package.id != payment.package_id:
        return CheckoutProblem.UNKNOWN
    price_kept = currency == STARS and amount == payment.amount == package.draft.price
    reasons = (
        (payment.athlete_id != buyer_id, CheckoutProblem.NOT_YOURS),
        (
            payment.status not in {PaymentStatus.PENDING, PaymentStatus.FAILED},
            CheckoutProblem.NOT_PENDING,
        ),
        (not package.offered, CheckoutProblem.WITHDRAWN),
        (not price_kept, CheckoutProblem.PRICE_CHANGED),
        (
            not is_client,
            CheckoutProblem.NOT_CLIENT
            if package.draft.track_id is None
            else CheckoutProblem.NOT_FOLLOWING,
        ),
    )
    return next((problem for failed, problem in reasons if failed), None)
