"""What bookings say: times in the reader's zone, a coach's windows, problems with
/availability, reminder offsets, and the words of what is sent unasked. HTML; names from
Telegram are escaped."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from domain.athletes.model import User
from domain.bookings.model import Window
from domain.bookings.parsing import Problem
from domain.bookings.slots import Slot
from handlers.common.i18n import Catalogue, Translator


def weekday(t: Translator, day: int) -> str:
    return t.get("bookings-weekday", day=day)


def day(t: Translator, moment: datetime) -> str:
    """ "Wed 04.03"."""
    return f"{weekday(t, moment.weekday())} {moment:%d.%m}"


def when(t: Translator, starts: datetime, ends: datetime | None = None) -> str:
    """ "Wed 04.03, 07:00–08:00" in the zone `starts` carries."""
    text = f"{day(t, starts)}, {starts:%H:%M}"
    return f"{text}–{ends.astimezone(starts.tzinfo):%H:%M}" if ends is not None else text


def _minutes(length: timedelta) -> int:
    return int(length.total_seconds() // 60)


def window_line(t: Translator, number: int, window: Window) -> str:
    days = " ".join(weekday(t, d) for d in sorted(window.weekdays))
    parts = [
        t.get(
            "bookings-window",
            number=number,
            days=days,
            start=f"{window.start:%H:%M}",
            end=f"{window.end:%H:%M}",
            slot=_minutes(window.slot),
        )
    ]
    if window.buffer:
        parts.append(t.get("bookings-window-buffer", minutes=_minutes(window.buffer)))
    if window.capacity > 1:
        parts.append(t.get("bookings-window-group", capacity=window.capacity))
    if window.price is not None:
        parts.append(t.get("bookings-price", price=window.price))
    if window.valid_from is not None:
        parts.append(t.get("bookings-window-from", date=window.valid_from.isoformat()))
    if window.valid_until is not None:
        parts.append(t.get("bookings-window-until", date=window.valid_until.isoformat()))
    return " · ".join(parts)


def problem(t: Translator, found: Problem) -> str:
    text = t.get("bookings-problem", problem=found.problem.value)
    if found.word:
        word = found.word if len(found.word) <= 24 else found.word[:23] + "…"
        text += "\n" + t.get("bookings-problem-word", word=escape(word))
    return text + "\n\n" + t.get("bookings-availability-help")


def slot_label(t: Translator, slot: Slot, local_start: datetime) -> str:
    """A slot's button: its time in the reader's zone, and for a group the places left."""
    at = f"{local_start:%H:%M}"
    if slot.capacity == 1 and slot.price is None:
        return at
    label = t.get("bookings-group-slot-button", time=at, free=slot.capacity - slot.taken)
    if slot.price is not None:
        label += " · " + t.get("bookings-price", price=slot.price)
    return label


def offsets(t: Translator, chosen: tuple[timedelta, ...]) -> str:
    """ "24 h, 1 h" or "1 d, 30 min"."""
    words = []
    for offset in chosen:
        minutes = _minutes(offset)
        if minutes % (24 * 60) == 0:
            words.append(t.get("bookings-days", days=minutes // (24 * 60)))
        elif minutes % 60 == 0:
            words.append(t.get("bookings-hours", hours=minutes // 60))
        else:
            words.append(t.get("bookings-minutes", minutes=minutes))
    return ", ".join(words)


class BookingWords:
    """BookingWording in the recipient's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def _t(self, user: User) -> Translator:
        return self._catalogue.translator(user.language.value)

    def reminder(self, athlete: User, coach: User, starts: datetime) -> str:
        t = self._t(athlete)
        return t.get(
            "bookings-reminder",
            coach=escape(coach.first_name),
            when=when(t, starts),
            zone=escape(athlete.time_zone),
        )

    def booked(self, coach: User, athlete: User, starts: datetime) -> str:
        t = self._t(coach)
        return t.get("bookings-new", athlete=escape(athlete.first_name), when=when(t, starts))

    def moved(self, coach: User, athlete: User, was: datetime, starts: datetime) -> str:
        t = self._t(coach)
        return t.get(
            "bookings-moved-by",
            athlete=escape(athlete.first_name),
            was=when(t, was),
            when=when(t, starts),
        )

    def cancelled(self, recipient: User, other: User, starts: datetime) -> str:
        t = self._t(recipient)
        return t.get("bookings-cancelled-by", name=escape(other.first_name), when=when(t, starts))
