"""A team's classes: the weekly pattern (or one date) and its occurrences in the team's time
zone, the roster of an occurrence (booked in order up to the capacity, then a waitlist in order),
promotion from the waitlist, late cancellation, and the `/class` command's text.

An occurrence is a (class, date) pair; it is stored when first needed (an RSVP, a card), so
nothing is generated ahead. Times are local wall-clock times (DST rules: domain.shared.time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.shared.time import occurrence

LATE_CANCEL_WINDOW = timedelta(hours=2)  # the default: cancelling later than this is late
REMINDER_LEAD = timedelta(minutes=60)
CAPACITY_LIMIT = 500
DURATION_LIMIT = timedelta(hours=12)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RU_WEEKDAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_NAMES = {
    name: index
    for index, names in enumerate(zip(WEEKDAYS, _FULL, RU_WEEKDAYS, strict=True))
    for name in names
}


@dataclass(frozen=True, slots=True)
class TeamClass:
    """A class of a team: weekly on `weekdays` (0 is Monday), or once on `on`."""

    id: int | None
    team_id: int
    coach_id: int | None  # a team member; None when an anonymous admin scheduled it
    start: time
    duration: timedelta
    capacity: int
    weekdays: frozenset[int] = frozenset()
    on: date | None = None  # a one-off class's date
    exceptions: frozenset[date] = frozenset()  # dates a recurring class does not happen
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        if (self.on is None) == (not self.weekdays):
            raise ValueError("a class is weekly on some days, or once on a date")
        if not 0 < self.capacity <= CAPACITY_LIMIT:
            raise ValueError("capacity out of range")
        if not timedelta(0) < self.duration <= DURATION_LIMIT:
            raise ValueError("duration out of range")

    def scheduled_on(self, day: date) -> bool:
        """Whether the pattern has the class that day (exceptions aside)."""
        return day == self.on if self.on is not None else day.weekday() in self.weekdays

    def happens_on(self, day: date) -> bool:
        return self.scheduled_on(day) and day not in self.exceptions

    def starts_at(self, day: date, zone: ZoneInfo) -> datetime:
        """The UTC moment the class starts that day: the same wall-clock time across DST."""
        return occurrence(day, self.start, zone)

    def days(self, first: date, last: date) -> list[date]:
        """The days it happens from `first` to `last`, both included."""
        if self.on is not None:
            return [self.on] if first <= self.on <= last and self.happens_on(self.on) else []
        count = (last - first).days + 1
        every = (first + timedelta(days=n) for n in range(max(count, 0)))
        return [day for day in every if self.happens_on(day)]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A class on a date, stored once someone needs it."""

    id: int | None
    class_id: int
    day: date
    starts_at: datetime  # UTC


class BookingStatus(StrEnum):
    """Stored, so never renamed."""

    BOOKED = "booked"
    WAITING = "waiting"
    CANCELLED = "cancelled"


class Attendance(StrEnum):
    """What the coach marked; stored, so never renamed."""

    PRESENT = "present"
    NO_SHOW = "no_show"


@dataclass(frozen=True, slots=True)
class ClassRecord:
    """A person's classes in one team over a stretch: what their coach marked, and the places
    they gave up late."""

    attended: int = 0
    no_shows: int = 0
    late_cancels: int = 0


@dataclass(frozen=True, slots=True)
class Booking:
    """A person's place in an occurrence: booked or waiting, in `seq` order; cancelled ones are
    kept (a late cancellation is a fact the coach sees)."""

    id: int | None
    occurrence_id: int
    user_id: int
    status: BookingStatus
    seq: int  # the order people asked in; a new RSVP after a cancellation goes to the back
    booked_at: datetime
    cancelled_at: datetime | None = None
    late: bool = False
    attendance: Attendance | None = None

    @property
    def active(self) -> bool:
        return self.status != BookingStatus.CANCELLED


@dataclass(frozen=True, slots=True)
class Roster:
    """An occurrence's bookings, whoever is in and whoever waits, each in order."""

    bookings: tuple[Booking, ...]

    @property
    def booked(self) -> list[Booking]:
        return self._in(BookingStatus.BOOKED)

    @property
    def waiting(self) -> list[Booking]:
        return self._in(BookingStatus.WAITING)

    def of(self, user_id: int) -> Booking | None:
        return next((b for b in self.bookings if b.user_id == user_id), None)

    def _in(self, status: BookingStatus) -> list[Booking]:
        return sorted((b for b in self.bookings if b.status == status), key=lambda b: b.seq)


def rsvp(
    roster: Roster, occurrence_id: int, user_id: int, capacity: int, now: datetime
) -> Booking | None:
    """The person's booking after saying "I'm in": booked while there is room, else waiting at
    the back; None if they are booked or waiting already (saying it twice is saying it once)."""
    held = roster.of(user_id)
    if held is not None and held.active:
        return None
    seq = max((b.seq for b in roster.bookings), default=0) + 1
    status = BookingStatus.BOOKED if len(roster.booked) < capacity else BookingStatus.WAITING
    if held is None:
        return Booking(None, occurrence_id, user_id, status, seq, now)
    return replace(
        held, status=status, seq=seq, booked_at=now, cancelled_at=None, late=False, attendance=None
    )


@dataclass(frozen=True, slots=True)
class Cancelled:
    booking: Booking
    promoted: list[Booking]  # from the waitlist into the class, first waiting first


def cancel(
    roster: Roster,
    user_id: int,
    capacity: int,
    *,
    starts_at: datetime,
    now: datetime,
    window: timedelta,
) -> Cancelled | None:
    """The person out (late if within `window` of the start, and only a booked place can be
    cancelled late), and whoever waits first filling the places freed; None if they were not
    in."""
    held = roster.of(user_id)
    if held is None or not held.active:
        return None
    late = held.status == BookingStatus.BOOKED and now > starts_at - window
    out = replace(held, status=BookingStatus.CANCELLED, cancelled_at=now, late=late)
    rest = Roster(tuple(out if b.user_id == user_id else b for b in roster.bookings))
    return Cancelled(out, promotions(rest, capacity))


def promotions(roster: Roster, capacity: int) -> list[Booking]:
    """Waiting people moved in, in order, while the class has free places."""
    free = capacity - len(roster.booked)
    return [replace(b, status=BookingStatus.BOOKED) for b in roster.waiting[: max(free, 0)]]


# The /class command: one class a line, all or nothing.


class ClassProblem(StrEnum):
    """Why a line of /class was not understood; each has a catalogue text."""

    EMPTY = "empty"
    DAY = "day"  # neither weekdays nor a date
    DATE = "date"
    PAST = "past"
    TIME = "time"
    DURATION = "duration"
    CAPACITY = "capacity"
    UNKNOWN = "unknown"  # a word that is none of the above


@dataclass(frozen=True, slots=True)
class ClassSpec:
    start: time
    duration: timedelta
    capacity: int
    weekdays: frozenset[int] = frozenset()
    on: date | None = None


@dataclass(frozen=True, slots=True)
class LineProblem:
    line: int  # 1-based
    problem: ClassProblem
    word: str = ""


DEFAULT_DURATION = timedelta(minutes=60)
# ASCII digits only: `\d` alone takes other scripts' digits, and "²".isdigit() is True while
# int("²") raises.
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$", re.ASCII)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DURATION = re.compile(r"^(\d{1,3})(min|m|мин|h|ч)$", re.ASCII)
_CAP = re.compile(r"^(?:cap|мест)(.*)$")
_NUMBER = re.compile(r"^\d{1,4}$", re.ASCII)


def parse_date(word: str) -> date | None:
    if not _DATE.match(word):
        return None
    try:
        return date.fromisoformat(word)
    except ValueError:
        return None


def parse_time(word: str) -> time | None:
    found = _TIME.match(word)
    return None if found is None else time(int(found[1]), int(found[2]))


class _Stop(ValueError):  # noqa: N818 - a parse that stops at a word, not an error to log
    def __init__(self, problem: ClassProblem, word: str = "") -> None:
        super().__init__(problem, word)
        self.problem = problem
        self.word = word


@dataclass
class _Line:
    today: date
    days: set[int] = field(default_factory=set)
    on: date | None = None
    at: time | None = None
    duration: timedelta | None = None
    capacity: int | None = None

    def when(self, word: str) -> None:
        """A day, a date or the time: what comes before the duration and the capacity."""
        day = _DAY_NAMES.get(word)
        if day is not None and self.on is None:
            self.days.add(day)
        elif _DATE.match(word) and not self.days and self.on is None:
            self.on = parse_date(word)
            if self.on is None:
                raise _Stop(ClassProblem.DATE, word)
            if self.on < self.today:
                raise _Stop(ClassProblem.PAST, word)
        elif self.days or self.on is not None:
            self.at = parse_time(word)
            if self.at is None:
                raise _Stop(ClassProblem.TIME, word)
        else:
            raise _Stop(ClassProblem.DAY, word)

    def size(self, word: str, following: list[str]) -> None:
        """The duration, then `cap N` (or `capN`); `following` gives up the number after cap."""
        if (found := _DURATION.match(word)) and self.duration is None and self.capacity is None:
            minutes = int(found[1]) * (60 if found[2] in {"h", "ч"} else 1)
            self.duration = timedelta(minutes=minutes)
            if not timedelta(0) < self.duration <= DURATION_LIMIT:
                raise _Stop(ClassProblem.DURATION, word)
        elif (found := _CAP.match(word)) and self.capacity is None:
            attached = found[1]
            number = attached or (following.pop(0) if following else "")
            if not _NUMBER.match(number) or not 0 < int(number) <= CAPACITY_LIMIT:
                raise _Stop(ClassProblem.CAPACITY, word if attached else number)
            self.capacity = int(number)
        else:
            raise _Stop(ClassProblem.UNKNOWN, word)

    def spec(self) -> ClassSpec:
        if not self.days and self.on is None:
            raise _Stop(ClassProblem.DAY)
        if self.at is None:
            raise _Stop(ClassProblem.TIME)
        if self.capacity is None:
            raise _Stop(ClassProblem.CAPACITY)
        duration = self.duration or DEFAULT_DURATION
        return ClassSpec(self.at, duration, self.capacity, frozenset(self.days), self.on)


def parse_line(line: str, today: date) -> ClassSpec | tuple[ClassProblem, str]:
    """`Mon Wed Fri 07:00 60min cap 12` or `2026-12-24 10:00 90min cap 8` (duration optional:
    an hour), in English or Russian day names; a problem names the word it stopped at."""
    words = line.lower().replace(",", " ").split()
    if not words:
        return ClassProblem.EMPTY, ""
    parsed = _Line(today)
    try:
        while words:
            word = words.pop(0)
            if parsed.at is None:
                parsed.when(word)
            else:
                parsed.size(word, words)
        return parsed.spec()
    except _Stop as stop:
        return stop.problem, stop.word


def parse_classes(text: str, today: date) -> list[ClassSpec] | list[LineProblem]:
    """Every line a class; any problem, and the problems (by line) are the answer."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return [LineProblem(1, ClassProblem.EMPTY)]
    specs: list[ClassSpec] = []
    problems: list[LineProblem] = []
    for number, line in enumerate(lines, start=1):
        parsed = parse_line(line, today)
        if isinstance(parsed, ClassSpec):
            specs.append(parsed)
        else:
            problems.append(LineProblem(number, *parsed))
    return problems if problems else specs


@dataclass(frozen=True, slots=True)
class ClassSettings:
    """A team's class settings."""

    late_cancel: timedelta = LATE_CANCEL_WINDOW
    reminder_lead: timedelta = REMINDER_LEAD
