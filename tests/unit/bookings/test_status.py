"""A booking's status machine: confirmed, cancelled or moved before the start; completed or a
no-show from the start on; nothing after a final status. And when its reminders are due."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from domain.bookings.model import (
    DEFAULT_REMINDERS,
    Booking,
    BookingStatus,
    TransitionError,
    advance,
    due_reminder,
)

S = BookingStatus
START = datetime(2026, 3, 29, 8, tzinfo=UTC)  # Sunday 10:00 in Berlin (CEST)
BEFORE, AFTER = START - timedelta(hours=2), START + timedelta(minutes=5)
BOOKING = Booking(
    1, 7, 8, START, START + timedelta(hours=1), S.SCHEDULED, datetime(2026, 3, 20, tzinfo=UTC)
)


@pytest.mark.parametrize(
    ("status", "to", "now"),
    [
        (S.SCHEDULED, S.CONFIRMED, BEFORE),
        (S.SCHEDULED, S.CANCELLED, BEFORE),
        (S.SCHEDULED, S.RESCHEDULED, BEFORE),
        (S.CONFIRMED, S.CANCELLED, BEFORE),
        (S.CONFIRMED, S.RESCHEDULED, BEFORE),
        (S.SCHEDULED, S.COMPLETED, AFTER),
        (S.CONFIRMED, S.COMPLETED, AFTER),
        (S.SCHEDULED, S.NO_SHOW, AFTER),
        (S.CONFIRMED, S.NO_SHOW, START),
    ],
)
def test_allowed_moves(status: BookingStatus, to: BookingStatus, now: datetime) -> None:
    assert advance(replace(BOOKING, status=status), to, now).status == to


@pytest.mark.parametrize(
    ("status", "to", "now"),
    [
        (S.SCHEDULED, S.COMPLETED, BEFORE),  # not before it happened
        (S.SCHEDULED, S.NO_SHOW, BEFORE),
        (S.SCHEDULED, S.CANCELLED, AFTER),  # too late to cancel: it is a no-show or done
        (S.SCHEDULED, S.CONFIRMED, AFTER),
        (S.CONFIRMED, S.CONFIRMED, BEFORE),
        (S.CONFIRMED, S.SCHEDULED, BEFORE),
        (S.COMPLETED, S.NO_SHOW, AFTER),  # final statuses are final
        (S.NO_SHOW, S.COMPLETED, AFTER),
        (S.CANCELLED, S.SCHEDULED, BEFORE),
        (S.CANCELLED, S.CONFIRMED, BEFORE),
        (S.RESCHEDULED, S.CANCELLED, BEFORE),
    ],
)
def test_refused_moves(status: BookingStatus, to: BookingStatus, now: datetime) -> None:
    with pytest.raises(TransitionError):
        advance(replace(BOOKING, status=status), to, now)


def test_only_scheduled_and_confirmed_bookings_hold_their_slot() -> None:
    assert {s for s in S if replace(BOOKING, status=s).active} == {S.SCHEDULED, S.CONFIRMED}


def test_the_day_before_reminder_comes_24_elapsed_hours_before_across_the_dst_change() -> None:
    # The session is Sunday 10:00 CEST (08:00 UTC); Saturday was still CET, so 24 h before is
    # Saturday 08:00 UTC, 09:00 on Berlin's clock.
    assert due_reminder(BOOKING, DEFAULT_REMINDERS, START - timedelta(hours=24, seconds=1)) is None
    assert due_reminder(BOOKING, DEFAULT_REMINDERS, datetime(2026, 3, 28, 8, tzinfo=UTC)) == (
        timedelta(hours=24)
    )


def test_the_hour_before_reminder_replaces_the_day_before_one_once_its_time_comes() -> None:
    assert due_reminder(BOOKING, DEFAULT_REMINDERS, START - timedelta(hours=1)) == timedelta(
        hours=1
    )
    assert due_reminder(BOOKING, DEFAULT_REMINDERS, START) is None  # started: too late


def test_a_booking_made_three_hours_ahead_gets_no_day_before_reminder() -> None:
    late = replace(BOOKING, booked_at=START - timedelta(hours=3))

    assert (
        due_reminder(late, DEFAULT_REMINDERS, START - timedelta(hours=3) + timedelta(minutes=1))
        is None
    )
    assert due_reminder(late, DEFAULT_REMINDERS, START - timedelta(minutes=30)) == timedelta(
        hours=1
    )


def test_a_cancelled_booking_has_no_reminder() -> None:
    cancelled = replace(BOOKING, status=S.CANCELLED)

    assert due_reminder(cancelled, DEFAULT_REMINDERS, START - timedelta(minutes=30)) is None
