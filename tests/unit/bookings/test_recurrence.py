"""Recurring appointments as dated occurrences: weekly, every other week, monthly (a month
without the day has none), exceptions skipped and not counted, ending by date or count, at
the same wall-clock time across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from domain.bookings.recurrence import Frequency, Recurrence, dates, expand

BERLIN = ZoneInfo("Europe/Berlin")


def test_weekly_by_count_skips_an_exception_without_counting_it() -> None:
    rule = Recurrence(
        Frequency.WEEKLY,
        date(2026, 3, 2),
        time(10),
        count=4,
        exceptions=frozenset({date(2026, 3, 16)}),
    )

    assert dates(rule) == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 23), date(2026, 3, 30)]


def test_every_other_week_until_a_date_includes_that_date() -> None:
    rule = Recurrence(Frequency.BIWEEKLY, date(2026, 3, 2), time(10), until=date(2026, 4, 13))

    assert dates(rule) == [
        date(2026, 3, 2),
        date(2026, 3, 16),
        date(2026, 3, 30),
        date(2026, 4, 13),
    ]


def test_monthly_on_the_31st_skips_the_months_without_one() -> None:
    rule = Recurrence(Frequency.MONTHLY, date(2026, 1, 31), time(10), count=3)

    assert dates(rule) == [date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)]


def test_monthly_crosses_the_year() -> None:
    rule = Recurrence(Frequency.MONTHLY, date(2026, 11, 15), time(10), until=date(2027, 2, 1))

    assert dates(rule) == [date(2026, 11, 15), date(2026, 12, 15), date(2027, 1, 15)]


def test_weekly_keeps_ten_o_clock_in_berlin_across_the_spring_change() -> None:
    # 23 March 2026 is CET (UTC+1): 09:00 UTC; 30 March is CEST (UTC+2): 08:00 UTC.
    rule = Recurrence(Frequency.WEEKLY, date(2026, 3, 23), time(10), count=2)

    assert expand(rule, BERLIN) == [
        datetime(2026, 3, 23, 9, tzinfo=UTC),
        datetime(2026, 3, 30, 8, tzinfo=UTC),
    ]


def test_a_series_ends_by_a_date_or_a_count_not_both_nor_neither() -> None:
    with pytest.raises(ValueError, match="ends by"):
        Recurrence(Frequency.WEEKLY, date(2026, 3, 2), time(10))
    with pytest.raises(ValueError, match="ends by"):
        Recurrence(Frequency.WEEKLY, date(2026, 3, 2), time(10), until=date(2026, 4, 1), count=2)
