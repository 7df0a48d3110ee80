"""A booking as an iCalendar file (RFC 5545), so it lands in the phone's calendar.

The UID is the booking's, so a second download updates the same event; times are UTC
(`...Z`), lines end in CRLF and are folded at 75 octets (a CRLF and a space, never inside a
UTF-8 character).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

LINE_OCTETS = 75
PRODUCT = "-//Spotter//Bookings//EN"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    booking_id: int
    starts_at: datetime
    ends_at: datetime
    stamp: datetime  # when the booking was made: the same file each time it is asked for
    summary: str
    description: str = ""
    cancelled: bool = False


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and newline escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded into pieces of at most 75 octets, continuation lines led by a
    space (which counts towards their 75)."""
    pieces: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += char
        size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar(event: CalendarEvent, domain: str) -> str:
    """The text of a VCALENDAR with the one VEVENT; `domain` makes the UID global."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:CANCEL" if event.cancelled else "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:booking-{event.booking_id}@{domain}",
        f"DTSTAMP:{_utc(event.stamp)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{escape(event.summary)}",
        # a cancellation is a newer version of the same event, so a calendar that has it drops it
        f"SEQUENCE:{1 if event.cancelled else 0}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    lines += [
        "STATUS:CANCELLED" if event.cancelled else "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(f"{fold(line)}\r\n" for line in lines)
