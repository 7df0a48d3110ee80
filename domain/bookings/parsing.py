"""The /availability line: `Mon Wed 07:00-12:00 60min buffer 15`, with optional `from DATE`,
`until DATE`, `group N` and `price N` (Stars a person); `off DATE [DATE]`, a vacation; and
`/book series DATE HH:MM weekly|biweekly|monthly count N|until DATE [except DATE …]`.

A problem names the word it stopped at; each problem has a catalogue text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from domain.bookings.model import (
    BUFFER_LIMIT,
    CAPACITY_LIMIT,
    PRICE_LIMIT,
    SLOT_LIMIT,
)
from domain.bookings.recurrence import SERIES_LIMIT, Frequency

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RU = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS = {n: i for i, names in enumerate(zip(WEEKDAYS, _RU, _FULL, strict=True)) for n in names}
_RANGE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)-([01]?\d|2[0-3])[:.]([0-5]\d)$", re.ASCII)
_LENGTH = re.compile(r"^(\d{1,3})(min|m|мин|h|ч)?$", re.ASCII)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_NUMBER = re.compile(r"^\d{1,6}$", re.ASCII)
_KEYWORDS = {
    "buffer": "buffer",
    "буфер": "buffer",
    "from": "from",
    "с": "from",
    "until": "until",
    "по": "until",
    "group": "group",
    "группа": "group",
    "price": "price",
    "цена": "price",
}


class AvailabilityProblem(StrEnum):
    EMPTY = "empty"
    DAY = "day"  # no weekday first
    RANGE = "range"  # not HH:MM-HH:MM, or ends before it starts
    SLOT = "slot"  # no slot length, or out of range
    SHORT = "short"  # the window is shorter than one slot
    BUFFER = "buffer"
    DATE = "date"
    DATES = "dates"  # until before from
    CAPACITY = "capacity"
    PRICE = "price"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class WindowSpec:
    weekdays: frozenset[int]
    start: time
    end: time
    slot: timedelta
    buffer: timedelta = timedelta(0)
    valid_from: date | None = None
    valid_until: date | None = None
    capacity: int = 1
    price: int | None = None


@dataclass(frozen=True, slots=True)
class Vacation:
    first: date
    last: date


@dataclass(frozen=True, slots=True)
class Problem:
    problem: AvailabilityProblem
    word: str = ""


def parse_date(word: str) -> date | None:
    if not _DATE.match(word):
        return None
    try:
        return date.fromisoformat(word)
    except ValueError:
        return None


def _length(word: str, unit_needed: bool) -> timedelta | None:
    found = _LENGTH.match(word)
    if found is None or (unit_needed and found[2] is None):
        return None
    return timedelta(minutes=int(found[1]) * (60 if found[2] in {"h", "ч"} else 1))


def parse_vacation(words: list[str]) -> Vacation | Problem:
    """`off 2026-12-24` or `off 2026-12-24 2027-01-02`."""
    if not 1 <= len(words) <= 2:
        return Problem(AvailabilityProblem.DATE, " ".join(words[2:]))
    days: list[date] = []
    for word in words:
        day = parse_date(word)
        if day is None:
            return Problem(AvailabilityProblem.DATE, word)
        days.append(day)
    first, last = days[0], days[-1]
    if last < first:
        return Problem(AvailabilityProblem.DATES, words[-1])
    return Vacation(first, last)


def parse_window(line: str) -> WindowSpec | Problem:  # noqa: PLR0911 - a problem per word
    words = line.lower().replace(",", " ").split()
    if not words:
        return Problem(AvailabilityProblem.EMPTY)
    days: set[int] = set()
    while words and words[0] in _DAYS:
        days.add(_DAYS[words.pop(0)])
    if not days:
        return Problem(AvailabilityProblem.DAY, words[0])
    if not words:
        return Problem(AvailabilityProblem.RANGE)
    word = words.pop(0)
    found = _RANGE.match(word)
    if found is None:
        return Problem(AvailabilityProblem.RANGE, word)
    start_minutes = int(found[1]) * 60 + int(found[2])
    end_minutes = int(found[3]) * 60 + int(found[4])
    if end_minutes <= start_minutes:
        return Problem(AvailabilityProblem.RANGE, word)
    if not words:
        return Problem(AvailabilityProblem.SLOT)
    word = words.pop(0)
    slot = _length(word, unit_needed=True)
    if slot is None or not timedelta(0) < slot <= SLOT_LIMIT:
        return Problem(AvailabilityProblem.SLOT, word)
    if end_minutes - start_minutes < slot.total_seconds() // 60:
        return Problem(AvailabilityProblem.SHORT, word)
    extras = _Extras()
    while words:
        word = words.pop(0)
        problem = extras.take(_KEYWORDS.get(word), word, words.pop(0) if words else "")
        if problem is not None:
            return problem
    if extras.valid_from and extras.valid_until and extras.valid_until < extras.valid_from:
        return Problem(AvailabilityProblem.DATES, str(extras.valid_until))
    return WindowSpec(
        frozenset(days),
        time(start_minutes // 60, start_minutes % 60),
        time(end_minutes // 60, end_minutes % 60),
        slot,
        extras.buffer or timedelta(0),
        extras.valid_from,
        extras.valid_until,
        extras.capacity or 1,
        extras.price,
    )


@dataclass
class _Extras:
    """The optional words after the slot length, each said once."""

    buffer: timedelta | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    capacity: int | None = None
    price: int | None = None
    said: set[str] = field(default_factory=set)

    def take(self, key: str | None, word: str, value: str) -> Problem | None:
        if key is None or key in self.said:
            return Problem(AvailabilityProblem.UNKNOWN, word)
        self.said.add(key)
        if key == "buffer":
            self.buffer = _length(value, unit_needed=False)
            if self.buffer is None or self.buffer > BUFFER_LIMIT:
                return Problem(AvailabilityProblem.BUFFER, value)
        elif key in {"from", "until"}:
            day = parse_date(value)
            if day is None:
                return Problem(AvailabilityProblem.DATE, value)
            if key == "from":
                self.valid_from = day
            else:
                self.valid_until = day
        elif key == "group":
            if not _NUMBER.match(value) or not 0 < int(value) <= CAPACITY_LIMIT:
                return Problem(AvailabilityProblem.CAPACITY, value)
            self.capacity = int(value)
        else:
            if not _NUMBER.match(value) or not 0 < int(value) <= PRICE_LIMIT:
                return Problem(AvailabilityProblem.PRICE, value)
            self.price = int(value)
        return None


# `/book series`: a recurring appointment typed in full.


class SeriesProblem(StrEnum):
    START = "start"  # not `DATE HH:MM`
    FREQUENCY = "frequency"
    END = "end"  # neither `count N` nor `until DATE`, or both
    COUNT = "count"
    DATE = "date"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    """The first session's date and time (the athlete's wall clock), how often, the end, and
    the dates (the athlete's) it skips."""

    first: date
    at: time
    frequency: Frequency
    count: int | None = None
    until: date | None = None
    exceptions: frozenset[date] = frozenset()


@dataclass(frozen=True, slots=True)
class SeriesMistake:
    problem: SeriesProblem
    word: str = ""


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$", re.ASCII)
_FREQUENCIES = {
    "weekly": Frequency.WEEKLY,
    "еженедельно": Frequency.WEEKLY,
    "biweekly": Frequency.BIWEEKLY,
    "fortnightly": Frequency.BIWEEKLY,
    "раз-в-две-недели": Frequency.BIWEEKLY,
    "monthly": Frequency.MONTHLY,
    "ежемесячно": Frequency.MONTHLY,
}


def parse_series(words: list[str]) -> SeriesSpec | SeriesMistake:  # noqa: PLR0911 - one per word
    """`2026-03-04 07:00 weekly count 8 except 2026-03-18` or `... monthly until 2026-12-31`."""
    words = [w.lower() for w in words]
    first = parse_date(words[0]) if words else None
    found = _TIME.match(words[1]) if len(words) > 1 else None
    if first is None or found is None:
        return SeriesMistake(SeriesProblem.START, " ".join(words[:2]))
    at = time(int(found[1]), int(found[2]))
    frequency = _FREQUENCIES.get(words[2]) if len(words) > 2 else None
    if frequency is None:
        return SeriesMistake(SeriesProblem.FREQUENCY, words[2] if len(words) > 2 else "")
    rest = words[3:]
    count: int | None = None
    until: date | None = None
    exceptions: set[date] = set()
    while rest:
        word = rest.pop(0)
        if word in {"count", "раз"} and count is None and rest:
            value = rest.pop(0)
            if not _NUMBER.match(value) or not 0 < int(value) <= SERIES_LIMIT:
                return SeriesMistake(SeriesProblem.COUNT, value)
            count = int(value)
        elif word in {"until", "до"} and until is None and rest:
            value = rest.pop(0)
            until = parse_date(value)
            if until is None or until < first:
                return SeriesMistake(SeriesProblem.DATE, value)
        elif word in {"except", "кроме"}:
            if not rest or parse_date(rest[0]) is None:
                return SeriesMistake(SeriesProblem.DATE, rest[0] if rest else "")
            while rest and (day := parse_date(rest[0])) is not None:
                exceptions.add(day)
                rest.pop(0)
        else:
            return SeriesMistake(SeriesProblem.UNKNOWN, word)
    if (count is None) == (until is None):
        return SeriesMistake(SeriesProblem.END)
    return SeriesSpec(first, at, frequency, count, until, frozenset(exceptions))
