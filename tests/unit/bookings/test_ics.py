"""A booking as an .ics file (RFC 5545): the golden text written by hand, CRLF line ends,
UTC times, a UID per booking, escaped text, and lines folded at 75 octets."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from domain.bookings.ics import CalendarEvent, calendar, fold

EVENT = CalendarEvent(
    booking_id=42,
    starts_at=datetime(2026, 3, 29, 8, tzinfo=UTC),
    ends_at=datetime(2026, 3, 29, 9, tzinfo=UTC),
    stamp=datetime(2026, 3, 20, 12, 34, 56, tzinfo=UTC),
    summary="Session with Anna, Spotter; bring shoes",
)


def test_the_calendar_of_a_booking_is_the_golden_text() -> None:
    assert calendar(EVENT, "spotter.bot") == (
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//Spotter//Bookings//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:booking-42@spotter.bot\r\n"
        "DTSTAMP:20260320T123456Z\r\n"
        "DTSTART:20260329T080000Z\r\n"
        "DTEND:20260329T090000Z\r\n"
        "SUMMARY:Session with Anna\\, Spotter\\; bring shoes\r\n"
        "SEQUENCE:0\r\n"
        "STATUS:CONFIRMED\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )


def test_the_uid_is_the_same_each_time_and_differs_between_bookings() -> None:
    again = calendar(EVENT, "spotter.bot")
    other = calendar(
        CalendarEvent(43, EVENT.starts_at, EVENT.ends_at, EVENT.stamp, "x"), "spotter.bot"
    )

    assert "UID:booking-42@spotter.bot\r\n" in again
    assert "UID:booking-43@spotter.bot\r\n" in other


def test_a_local_start_is_written_in_utc() -> None:
    local = datetime(2026, 3, 29, 10, tzinfo=ZoneInfo("Europe/Berlin"))  # CEST: 08:00 UTC
    event = CalendarEvent(1, local, local, EVENT.stamp, "x")

    assert "DTSTART:20260329T080000Z\r\n" in calendar(event, "spotter.bot")


def test_a_long_ascii_line_is_folded_at_75_octets_with_a_leading_space() -> None:
    line = "DESCRIPTION:" + "x" * 88  # 100 characters

    assert fold(line) == "DESCRIPTION:" + "x" * 63 + "\r\n " + "x" * 25


def test_a_cyrillic_line_is_folded_between_characters_never_inside_one() -> None:
    line = "SUMMARY:" + "я" * 40  # 8 + 80 octets; 33 letters fit beside the name (74 octets)

    folded = fold(line)

    assert folded == "SUMMARY:" + "я" * 33 + "\r\n " + "я" * 7
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))


def test_newlines_in_text_are_escaped_so_the_file_keeps_one_line_per_property() -> None:
    event = CalendarEvent(1, EVENT.starts_at, EVENT.ends_at, EVENT.stamp, "a\nb", "c\\d")

    text = calendar(event, "spotter.bot")

    assert "SUMMARY:a\\nb\r\n" in text
    assert "DESCRIPTION:c\\\\d\r\n" in text


def test_a_cancelled_booking_s_file_cancels_the_same_event_as_a_newer_version() -> None:
    text = calendar(replace(EVENT, cancelled=True), "spotter.bot")

    assert "METHOD:CANCEL\r\n" in text
    assert "UID:booking-42@spotter.bot\r\n" in text
    assert "SEQUENCE:1\r\nSTATUS:CANCELLED\r\n" in text
