"""A paid track's access rules (#16): free, trial, paid until, refunded. Dates worked out by
hand: a 3-day trial from Monday 7 December 2026 09:00 UTC ends Thursday 10 December 09:00; a
month paid during it runs 30 days on from the trial's end, to Saturday 9 January 2027 09:00."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.billing.checkout import CheckoutProblem, checkout_problem
from domain.billing.model import Package, PackageDraft, PackageKind, Payment, PaymentStatus
from domain.billing.use_cases.track_access import granted_access, revoked_access
from domain.teams.tracks import (
    PriceKind,
    Pricing,
    Subscription,
    has_access,
    lapsed_key,
    trial_access,
)
from handlers.teams.track_pricing import parse_pricing

SUBSCRIBED = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
TRIAL_ENDS = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
FREE = Pricing()
MONTHLY = Pricing(PriceKind.MONTHLY, 250, trial_days=3)
ONCE = Pricing(PriceKind.ONCE, 300)


def subscription(access_until: datetime | None, *, for_good: bool = False) -> Subscription:
    return Subscription(
        5, 9, date(2026, 12, 7), 0, True, SUBSCRIBED, None, 201, access_until, for_good
    )


def test_a_free_track_is_followed_whatever_the_subscriptions_access_says() -> None:
    lapsed_long_ago = subscription(datetime(2020, 1, 1, tzinfo=UTC))

    assert trial_access(FREE, SUBSCRIBED) is None
    assert has_access(FREE, subscription(None), SUBSCRIBED)
    assert has_access(FREE, lapsed_long_ago, SUBSCRIBED)


def test_a_three_day_trial_ends_at_the_same_moment_three_days_on() -> None:
    held = subscription(trial_access(MONTHLY, SUBSCRIBED))

    assert held.access_until == TRIAL_ENDS
    assert has_access(MONTHLY, held, TRIAL_ENDS - timedelta(seconds=1))
    assert not has_access(MONTHLY, held, TRIAL_ENDS)


def test_without_a_trial_a_paid_track_gives_nothing_until_paid() -> None:
    held = subscription(trial_access(ONCE, SUBSCRIBED))

    assert held.access_until == SUBSCRIBED
    assert not has_access(ONCE, held, SUBSCRIBED)


def test_a_month_paid_during_the_trial_runs_thirty_days_from_the_trials_end() -> None:
    on_trial = subscription(TRIAL_ENDS)
    paid_at = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)

    paid = granted_access(on_trial, PackageKind.MONTHLY, paid_at)
    renewed = granted_access(paid, PackageKind.MONTHLY, datetime(2027, 1, 9, 9, 0, tzinfo=UTC))

    assert paid.access_until == datetime(2027, 1, 9, 9, 0, tzinfo=UTC)
    assert renewed.access_until == datetime(2027, 2, 8, 9, 0, tzinfo=UTC)
    assert has_access(MONTHLY, paid, datetime(2027, 1, 9, 8, 59, tzinfo=UTC))
    assert not has_access(MONTHLY, paid, datetime(2027, 1, 9, 9, 0, tzinfo=UTC))


def test_a_month_paid_after_a_lapse_runs_thirty_days_from_the_payment() -> None:
    lapsed = subscription(TRIAL_ENDS)
    paid_at = datetime(2026, 12, 20, 18, 0, tzinfo=UTC)

    paid = granted_access(lapsed, PackageKind.MONTHLY, paid_at)

    assert paid.access_until == datetime(2027, 1, 19, 18, 0, tzinfo=UTC)


def test_a_one_time_payment_is_for_good_and_its_refund_ends_access_now() -> None:
    paid = granted_access(subscription(SUBSCRIBED), PackageKind.PROGRAM, SUBSCRIBED)
    refunded_at = datetime(2027, 6, 1, tzinfo=UTC)

    refunded = revoked_access(paid, PackageKind.PROGRAM, refunded_at)

    assert has_access(ONCE, paid, datetime(2030, 1, 1, tzinfo=UTC))
    assert (refunded.paid_for_good, refunded.access_until) == (False, SUBSCRIBED)
    assert not has_access(ONCE, refunded, refunded_at)


def test_a_refunded_month_comes_off_what_was_paid_but_never_into_the_past() -> None:
    two_months = subscription(datetime(2027, 2, 8, 9, 0, tzinfo=UTC))
    one_month = subscription(datetime(2027, 1, 9, 9, 0, tzinfo=UTC))
    now = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)

    assert revoked_access(two_months, PackageKind.MONTHLY, now).access_until == datetime(
        2027, 1, 9, 9, 0, tzinfo=UTC
    )
    cut = revoked_access(one_month, PackageKind.MONTHLY, now)
    assert cut.access_until == now  # 9 January minus 30 days is 10 December, already past
    assert not has_access(MONTHLY, cut, now)


def test_a_lapse_is_told_once_per_moment_it_ended() -> None:
    assert lapsed_key(subscription(TRIAL_ENDS)) == f"tracks:lapsed:5:{int(TRIAL_ENDS.timestamp())}"
    assert lapsed_key(subscription(TRIAL_ENDS)) != lapsed_key(subscription(SUBSCRIBED))


def test_a_tracks_payment_for_an_ended_subscription_is_refused_at_checkout() -> None:
    draft = PackageDraft(PackageKind.MONTHLY, "Engine", 250, track_id=9)
    package = Package(7, 101, draft, SUBSCRIBED)
    payment = Payment(
        1, "tok", 101, 201, 7, PackageKind.MONTHLY, 250, 1, (), PaymentStatus.PENDING, SUBSCRIBED
    )

    def problem(*, following: bool) -> CheckoutProblem | None:
        return checkout_problem(
            payment, package, buyer_id=201, currency="XTR", amount=250, is_client=following
        )

    assert problem(following=True) is None
    assert problem(following=False) == CheckoutProblem.NOT_FOLLOWING


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Engine free", ("Engine", Pricing())),
        ("#12 once 300", ("#12", Pricing(PriceKind.ONCE, 300))),
        ("North  Gym monthly 250 trial 3", ("North Gym", Pricing(PriceKind.MONTHLY, 250, 3))),
        ("Engine ONCE 300 trial 7", ("Engine", Pricing(PriceKind.ONCE, 300, 7))),
        ("Engine once", None),  # a paid kind needs its price
        ("Engine free 5", None),
        ("Engine monthly -5", None),
        ("Engine monthly 250 trial", None),
        ("monthly 250", None),  # no track named
    ],
)
def test_the_price_command_reads_free_once_and_monthly_with_a_trial(
    text: str, parsed: tuple[str, Pricing] | None
) -> None:
    assert parse_pricing(text) == parsed
