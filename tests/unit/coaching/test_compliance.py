"""Compliance and attention, with values worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.coaching.compliance import attention, compliance, week_start
from domain.coaching.model import (
    INVITE_PREFIX,
    START_PAYLOAD,
    Invite,
    is_invite_payload,
    new_invite_payload,
    payload_hash,
)

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
LONG_AGO = NOW - timedelta(days=365)


def days_ago(*days: float) -> list[datetime]:
    return [NOW - timedelta(days=d) for d in days]


def test_three_of_four_planned_sessions_this_week_is_75_percent() -> None:
    sessions = days_ago(1, 3, 5, 8, 9)  # the last two fall outside the 7 days

    assert compliance(sessions, 4, now=NOW, days=7, since=LONG_AGO) == 0.75


def test_thirty_days_plan_four_a_week_for_thirty_sevenths_of_a_week() -> None:
    sessions = days_ago(*range(1, 25, 2))  # 12 sessions; 4 × 30/7 = 17.14 planned

    assert compliance(sessions, 4, now=NOW, days=30, since=LONG_AGO) == pytest.approx(0.7)


def test_only_the_coached_time_counts_and_more_than_planned_is_still_100_percent() -> None:
    since = NOW - timedelta(days=14)  # 8 planned in two weeks of coaching
    eight = days_ago(*range(1, 9))
    nine = days_ago(*range(1, 10))

    assert compliance(eight, 4, now=NOW, days=30, since=since) == 1.0
    assert compliance(days_ago(1, 2), 4, now=NOW, days=30, since=since) == 0.25
    assert compliance(nine, 4, now=NOW, days=30, since=since) == 1.0


def test_nothing_planned_or_under_a_day_of_coaching_has_no_rate() -> None:
    assert compliance(days_ago(1), 0, now=NOW, days=7, since=LONG_AGO) is None
    assert compliance([], 4, now=NOW, days=7, since=NOW - timedelta(hours=20)) is None


def test_a_week_far_under_the_months_rate_needs_attention() -> None:
    # 30 days: 16 sessions of 17.14 (93%); the last 7 days: 2 of 4 (50%), 43 points under.
    month = days_ago(2, 5, *(8 + 1.5 * i for i in range(14)))
    assert len(month) == 16

    found = attention(month, 4, now=NOW, since=LONG_AGO)

    assert found.dropped
    assert not found.quiet
    assert found.needed


def test_a_week_as_good_as_the_month_needs_nothing() -> None:
    steady = days_ago(*range(1, 30, 2))  # every other day, all month

    assert not attention(steady, 4, now=NOW, since=LONG_AGO).needed


def test_seven_days_without_a_session_is_quiet_but_a_new_client_is_not() -> None:
    assert attention(days_ago(7, 9), 4, now=NOW, since=LONG_AGO).quiet
    assert not attention(days_ago(6.5), 4, now=NOW, since=LONG_AGO).quiet
    assert not attention([], 4, now=NOW, since=NOW - timedelta(days=3)).quiet
    assert attention([], 4, now=NOW, since=NOW - timedelta(days=7)).quiet


def test_the_week_starts_on_monday() -> None:
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)  # a Sunday
    assert week_start(date(2026, 3, 2)) == date(2026, 3, 2)


def test_an_invite_payload_fits_a_deep_link_and_carries_192_random_bits() -> None:
    payloads = {new_invite_payload() for _ in range(200)}

    assert len(payloads) == 200
    for payload in payloads:
        assert START_PAYLOAD.fullmatch(payload)
        assert len(payload) == len(INVITE_PREFIX) + 32  # 24 bytes in URL-safe base64
        assert is_invite_payload(payload)
        assert payload_hash(payload) != payload
        assert len(payload_hash(payload)) == 64
    assert not is_invite_payload("group")
    assert not is_invite_payload("c" * 65)
    assert not is_invite_payload("c<script>")


def test_an_invite_is_usable_until_it_is_spent_expired_or_revoked() -> None:
    fresh = Invite(1, 7, "h", NOW, NOW + timedelta(days=7))

    assert fresh.usable(NOW)
    assert not fresh.usable(NOW + timedelta(days=7))
    assert not Invite(1, 7, "h", NOW, NOW + timedelta(days=7), uses=1).usable(NOW)
    assert Invite(1, 7, "h", NOW, NOW + timedelta(days=7), multi_use=True, uses=5).usable(NOW)
    assert not Invite(1, 7, "h", NOW, NOW + timedelta(days=7), revoked_at=NOW).usable(NOW)


@pytest.mark.parametrize(
    ("planned", "days_since", "missed"),
    [
        (4, 3.4, False),  # four a week: one every 1.75 days, two missed after 3.5
        (4, 3.6, True),
        (3, 4.6, False),  # three a week: two missed after 4⅔ days
        (3, 4.7, True),
        (2, 6.9, False),
        (0, 30, False),  # nothing planned: nothing missed
    ],
)
def test_two_planned_sessions_missed_in_a_row_need_a_look(
    planned: int, days_since: float, missed: bool
) -> None:
    [last] = days_ago(days_since)

    shown = attention([last], planned, now=NOW, since=LONG_AGO)

    assert shown.missed is missed
    assert shown.needed is (missed or shown.dropped or shown.quiet)


def test_a_new_client_has_missed_nothing_before_the_coaching_began() -> None:
    since = NOW - timedelta(days=2)

    assert not attention(days_ago(20), 4, now=NOW, since=since).missed
    assert attention(days_ago(20), 4, now=NOW + timedelta(days=2), since=since).missed
