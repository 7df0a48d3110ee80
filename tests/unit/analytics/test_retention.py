"""Retention by month from a coach's coachings, in the coach's time zone (docs/analytics.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from domain.analytics.model import CoachingSpan
from domain.analytics.retention import Retention, active_in, months_to, retention

BERLIN = ZoneInfo("Europe/Berlin")
A, B, C, D = 1, 2, 3, 4
SPANS = [
    CoachingSpan(A, datetime(2026, 1, 10, 9, tzinfo=UTC), None),
    # ends 23:30 on 31 January in Berlin: January is its last month
    CoachingSpan(
        B, datetime(2025, 12, 1, 9, tzinfo=UTC), datetime(2026, 1, 31, 22, 30, tzinfo=UTC)
    ),
    # starts 00:30 on 1 March in Berlin, still February in UTC: March is its first month
    CoachingSpan(C, datetime(2026, 2, 28, 23, 30, tzinfo=UTC), None),
    # leaves in December, comes back in February
    CoachingSpan(D, datetime(2025, 11, 15, 9, tzinfo=UTC), datetime(2025, 12, 20, 9, tzinfo=UTC)),
    CoachingSpan(D, datetime(2026, 2, 5, 9, tzinfo=UTC), None),
]


def _month(year: int, month: int) -> frozenset[int]:
    return active_in(SPANS, date(year, month, 1), BERLIN)


def test_a_client_is_active_in_each_month_a_coaching_covered_on_the_coachs_calendar():
    assert _month(2025, 12) == {B, D}
    assert _month(2026, 1) == {A, B}
    assert _month(2026, 2) == {A, D}
    assert _month(2026, 3) == {A, C, D}


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        # Dec {B, D} → Jan {A, B}: B stays, D left, A is new
        ((2026, 1), Retention(retained=1, churned=1, new=1)),
        # Jan {A, B} → Feb {A, D}: A stays, B left, D is back and so new again
        ((2026, 2), Retention(retained=1, churned=1, new=1)),
        # Feb {A, D} → Mar {A, C, D}: A and D stay, nobody left, C is new
        ((2026, 3), Retention(retained=2, churned=0, new=1)),
    ],
)
def test_retained_churned_and_new_against_the_month_before(month, expected):
    year, number = month
    before = _month(year - (number == 1), (number - 2) % 12 + 1)
    assert retention(before, _month(year, number)) == expected


def test_a_coaching_ended_at_midnight_sharp_does_not_reach_into_the_next_month():
    ended = [
        CoachingSpan(A, datetime(2026, 1, 5, tzinfo=UTC), datetime(2026, 1, 31, 23, tzinfo=UTC))
    ]
    assert active_in(ended, date(2026, 2, 1), BERLIN) == frozenset()  # 00:00 on 1 Feb in Berlin
    assert active_in(ended, date(2026, 1, 1), BERLIN) == {A}


def test_the_months_shown_end_with_this_one_and_cross_new_year():
    assert months_to(date(2026, 2, 17), 4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
