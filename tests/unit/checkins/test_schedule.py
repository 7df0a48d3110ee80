"""When a weekly check-in falls due, across DST."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from domain.checkins.model import CheckInDay
from domain.checkins.schedule import last_due

BERLIN = ZoneInfo("Europe/Berlin")
SUNDAY = 6


def test_sunday_at_nine_in_berlin_is_eight_utc_in_winter() -> None:
    now = datetime(2026, 3, 22, 8, 5, tzinfo=UTC)
    assert last_due(CheckInDay(1, SUNDAY), BERLIN, now) == (
        "2026-W12",
        datetime(2026, 3, 22, 8, tzinfo=UTC),
    )


def test_the_sunday_clocks_go_forward_nine_is_seven_utc() -> None:
    # 29 March 2026: CEST from 02:00, so 09:00 local is 07:00 UTC
    now = datetime(2026, 3, 29, 7, 1, tzinfo=UTC)
    assert last_due(CheckInDay(1, SUNDAY), BERLIN, now) == (
        "2026-W13",
        datetime(2026, 3, 29, 7, tzinfo=UTC),
    )


def test_before_the_time_on_the_day_the_last_due_is_a_week_earlier() -> None:
    now = datetime(2026, 3, 29, 6, 59, tzinfo=UTC)
    assert last_due(CheckInDay(1, SUNDAY), BERLIN, now) == (
        "2026-W12",
        datetime(2026, 3, 22, 8, tzinfo=UTC),
    )


def test_a_time_skipped_by_the_clock_change_moves_forward_by_the_gap() -> None:
    now = datetime(2026, 3, 29, 12, tzinfo=UTC)
    due = last_due(CheckInDay(1, SUNDAY, time(2, 30)), BERLIN, now)
    assert due == ("2026-W13", datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 03:30 CEST


def test_no_day_no_check_in() -> None:
    assert last_due(CheckInDay(1), BERLIN, datetime(2026, 3, 29, tzinfo=UTC)) is None
