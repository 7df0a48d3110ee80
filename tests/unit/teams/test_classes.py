"""Classes' pure rules: occurrences in the team's time zone across DST, the roster with its
waitlist, promotion in order, late cancellation, and the /class text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.teams.classes import (
    BookingStatus,
    ClassProblem,
    ClassSpec,
    LineProblem,
    Roster,
    TeamClass,
    cancel,
    parse_classes,
    rsvp,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
MON_WED_FRI = TeamClass(None, 1, 7, time(7, 0), timedelta(minutes=60), 3, frozenset({0, 2, 4}))


def roster_after(taps: list[int], capacity: int = 3) -> Roster:
    roster = Roster(())
    for booking_id, user_id in enumerate(taps, start=1):
        booking = rsvp(roster, 1, user_id, capacity, NOW)
        assert booking is not None
        roster = Roster((*roster.bookings, replace(booking, id=booking_id)))
    return roster


def test_a_seven_oclock_class_stays_at_seven_local_across_the_spring_dst_change() -> None:
    friday, monday = date(2026, 3, 27), date(2026, 3, 30)  # Berlin moves to CEST on the 29th

    assert MON_WED_FRI.starts_at(friday, BERLIN) == datetime(2026, 3, 27, 6, 0, tzinfo=UTC)
    assert MON_WED_FRI.starts_at(monday, BERLIN) == datetime(2026, 3, 30, 5, 0, tzinfo=UTC)
    assert MON_WED_FRI.days(friday, monday) == [friday, monday]


def test_an_exception_date_and_a_one_off_class() -> None:
    skipped = TeamClass(
        None,
        1,
        7,
        time(7),
        timedelta(hours=1),
        3,
        frozenset({0}),
        exceptions=frozenset({date(2026, 4, 6)}),
    )
    once = TeamClass(None, 1, 7, time(10), timedelta(hours=1), 8, on=date(2026, 12, 24))

    assert skipped.days(date(2026, 3, 30), date(2026, 4, 13)) == [
        date(2026, 3, 30),
        date(2026, 4, 13),
    ]
    assert once.days(date(2026, 12, 1), date(2026, 12, 31)) == [date(2026, 12, 24)]
    assert not once.happens_on(date(2026, 12, 25))


def test_capacity_three_with_five_rsvps_waitlists_two_in_order() -> None:
    roster = roster_after([11, 12, 13, 14, 15])

    assert [b.user_id for b in roster.booked] == [11, 12, 13]
    assert [b.user_id for b in roster.waiting] == [14, 15]


def test_saying_yes_twice_is_saying_it_once() -> None:
    roster = roster_after([11])

    assert rsvp(roster, 1, 11, 3, NOW) is None


def test_a_cancellation_promotes_the_first_waiting_then_the_next() -> None:
    roster = roster_after([11, 12, 13, 14, 15])
    starts = NOW + timedelta(days=1)

    first = cancel(roster, 12, 3, starts_at=starts, now=NOW, window=timedelta(hours=2))
    assert first is not None
    assert [b.user_id for b in first.promoted] == [14]
    roster = Roster(
        tuple(
            next((c for c in [first.booking, *first.promoted] if c.id == b.id), b)
            for b in roster.bookings
        )
    )
    second = cancel(roster, 11, 3, starts_at=starts, now=NOW, window=timedelta(hours=2))
    assert second is not None
    assert [b.user_id for b in second.promoted] == [15]
    assert not first.booking.late


def test_a_waiting_person_leaving_promotes_nobody() -> None:
    roster = roster_after([11, 12, 13, 14, 15])

    left = cancel(roster, 15, 3, starts_at=NOW, now=NOW, window=timedelta(hours=2))
    assert left is not None
    assert left.promoted == []
    assert not left.booking.late  # a waitlist place is never a late cancellation


def test_cancelling_within_the_window_is_late_and_just_outside_it_is_not() -> None:
    roster = roster_after([11])
    window = timedelta(hours=2)

    late = cancel(
        roster, 11, 3, starts_at=NOW + window - timedelta(minutes=1), now=NOW, window=window
    )
    in_time = cancel(roster, 11, 3, starts_at=NOW + window, now=NOW, window=window)

    assert late is not None
    assert in_time is not None
    assert (late.booking.late, in_time.booking.late) == (True, False)
    assert late.booking.status == BookingStatus.CANCELLED


def test_the_class_command_reads_weekly_and_one_off_classes() -> None:
    today = date(2026, 3, 2)

    assert parse_classes("Mon Wed Fri 07:00 60min cap 12\n2026-12-24 10:00 90min cap 8", today) == [
        ClassSpec(time(7), timedelta(minutes=60), 12, frozenset({0, 2, 4})),
        ClassSpec(time(10), timedelta(minutes=90), 8, on=date(2026, 12, 24)),
    ]
    assert parse_classes("пн ср 18:30 cap12", today) == [
        ClassSpec(time(18, 30), timedelta(hours=1), 12, frozenset({0, 2}))
    ]


def test_each_bad_line_is_named_with_the_word_it_stopped_at() -> None:
    today = date(2026, 3, 2)

    assert parse_classes("Mon 07:00 cap 12\nMun 07:00 cap 3\n2026-01-01 10:00 cap 3", today) == [
        LineProblem(2, ClassProblem.DAY, "mun"),
        LineProblem(3, ClassProblem.PAST, "2026-01-01"),
    ]
    assert parse_classes("Mon 25:00 cap 3", today) == [LineProblem(1, ClassProblem.TIME, "25:00")]
    assert parse_classes("Mon 07:00 60min", today) == [LineProblem(1, ClassProblem.CAPACITY)]
    assert parse_classes("Mon 07:00 cap 0", today) == [LineProblem(1, ClassProblem.CAPACITY, "0")]
    assert parse_classes("Mon 07:00 900min cap 3", today) == [
        LineProblem(1, ClassProblem.DURATION, "900min")
    ]


def test_a_digit_python_reads_but_int_does_not_is_the_capacitys_problem() -> None:
    """Review: "²".isdigit() is True but int("²") raises, so `cap ²` answered "sorry"."""
    today = date(2026, 3, 2)

    assert parse_classes("Mon 07:00 60min cap ²", today) == [
        LineProblem(1, ClassProblem.CAPACITY, "²")
    ]
    assert parse_classes("Mon 07:00 cap²", today) == [LineProblem(1, ClassProblem.CAPACITY, "cap²")]
    assert parse_classes("Mon 07:00 cap " + "9" * 5000, today)[0] == LineProblem(
        1, ClassProblem.CAPACITY, "9" * 5000
    )
    assert parse_classes("Mon 07:00 ²min cap 3", today) == [
        LineProblem(1, ClassProblem.UNKNOWN, "²min")
    ]
