"""A coach's availability (weekly windows) and the bookings athletes make in it.

Times of day are the coach's wall-clock times in the coach's time zone; moments are UTC.
A booking's life is a small state machine (`advance`): SCHEDULED → CONFIRMED → COMPLETED, or
CANCELLED, RESCHEDULED (moved to another slot: a new booking) or NO_SHOW.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

SLOT_LIMIT = timedelta(hours=8)
BUFFER_LIMIT = timedelta(hours=4)
CAPACITY_LIMIT = 100
PRICE_LIMIT = 100_000  # Stars a person, per session
DEFAULT_REMINDERS = (timedelta(hours=24), timedelta(hours=1))
# Outbox keys, each message once:
REMINDER_KEY = "booking-reminder:"  # booking-reminder:<booking>:<minutes before>
BOOKED_KEY = "booking-new:"  # booking-new:<booking>, to the coach
CANCELLED_KEY = "booking-cancelled:"  # booking-cancelled:<booking>, to the other side
MOVED_KEY = "booking-moved:"  # booking-moved:<booking moved>, to the coach


@dataclass(frozen=True, slots=True)
class Window:
    """Weekly on `weekdays` (0 is Monday) from `start` to `end`, cut into slots of `slot`
    with `buffer` between them; only between `valid_from` and `valid_until` (both included,
    None: open). A capacity above one makes each slot a group session."""

    id: int | None
    coach_id: int
    weekdays: frozenset[int]
    start: time
    end: time
    slot: timedelta
    buffer: timedelta = timedelta(0)
    valid_from: date | None = None
    valid_until: date | None = None
    capacity: int = 1
    price: int | None = None  # Stars a person; the billing context charges it

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError("a window needs weekdays")
        if not timedelta(0) < self.slot <= SLOT_LIMIT:
            raise ValueError("slot length out of range")
        if not timedelta(0) <= self.buffer <= BUFFER_LIMIT:
            raise ValueError("buffer out of range")
        if _minutes(self.end) - _minutes(self.start) < self.slot.total_seconds() // 60:
            raise ValueError("a window holds at least one slot")
        if not 0 < self.capacity <= CAPACITY_LIMIT:
            raise ValueError("capacity out of range")
        if self.price is not None and not 0 < self.price <= PRICE_LIMIT:
            raise ValueError("price out of range")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("a window ends after it starts")

    def open_on(self, day: date) -> bool:
        return (
            day.weekday() in self.weekdays
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or day <= self.valid_until)
        )

    def slot_times(self) -> list[time]:
        """The wall-clock starts of its slots, each a slot long with the buffer after it."""
        step = int((self.slot + self.buffer).total_seconds() // 60)
        length = int(self.slot.total_seconds() // 60)
        first, last = _minutes(self.start), _minutes(self.end)
        return [time(m // 60, m % 60) for m in range(first, last - length + 1, step)]


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def without_vacation(window: Window, first: date, last: date) -> list[Window]:
    """The window with the days from `first` to `last` taken out: ended before them, resumed
    after them, or both (a split); unchanged if it is not open then."""
    if (window.valid_until is not None and window.valid_until < first) or (
        window.valid_from is not None and last < window.valid_from
    ):
        return [window]
    kept: list[Window] = []
    if window.valid_from is None or window.valid_from < first:
        kept.append(replace(window, valid_until=first - timedelta(days=1)))
    if window.valid_until is None or last < window.valid_until:
        resumed = replace(window, valid_from=last + timedelta(days=1))
        kept.append(replace(resumed, id=None) if kept else resumed)  # a split adds a window
    return kept


class BookingStatus(StrEnum):
    """Stored, so never renamed."""

    SCHEDULED = "scheduled"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"
    NO_SHOW = "no_show"


ACTIVE = frozenset({BookingStatus.SCHEDULED, BookingStatus.CONFIRMED})  # they hold the slot

# Before the start a booking may be confirmed, cancelled or moved; from the start on, only
# the coach's mark (completed or no-show) is left. Final statuses go nowhere.
_BEFORE_START = {
    BookingStatus.SCHEDULED: {
        BookingStatus.CONFIRMED,
        BookingStatus.CANCELLED,
        BookingStatus.RESCHEDULED,
    },
    BookingStatus.CONFIRMED: {BookingStatus.CANCELLED, BookingStatus.RESCHEDULED},
}
_FROM_START = {
    BookingStatus.SCHEDULED: {BookingStatus.COMPLETED, BookingStatus.NO_SHOW},
    BookingStatus.CONFIRMED: {BookingStatus.COMPLETED, BookingStatus.NO_SHOW},
}


class TransitionError(ValueError):
    """The booking cannot go from its status to that one (now)."""

    def __init__(self, current: BookingStatus, wanted: BookingStatus) -> None:
        super().__init__(current, wanted)
        self.current = current
        self.wanted = wanted


@dataclass(frozen=True, slots=True)
class Booking:
    """An athlete's place in a coach's slot. `seat` numbers the places of a group slot from 1:
    no two active bookings share (coach, start, seat), so a slot is never held twice."""

    id: int | None
    coach_id: int
    athlete_id: int
    starts_at: datetime  # UTC
    ends_at: datetime
    status: BookingStatus
    booked_at: datetime
    seat: int = 1
    capacity: int = 1
    price: int | None = None
    series_id: int | None = None  # the recurring appointment it came from
    moved_to: int | None = None  # RESCHEDULED: the booking that replaced it

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


def advance(booking: Booking, to: BookingStatus, now: datetime) -> Booking:
    """The booking in status `to`; TransitionError if the machine does not allow it now."""
    allowed = _FROM_START if now >= booking.starts_at else _BEFORE_START
    if to not in allowed.get(booking.status, set()):
        raise TransitionError(booking.status, to)
    return replace(booking, status=to)


def due_reminder(
    booking: Booking, offsets: tuple[timedelta, ...], now: datetime
) -> timedelta | None:
    """The reminder due now: the nearest offset whose moment (`offset` before the start, in
    elapsed time) has come, before the start, and none whose moment had passed already when
    the booking was made (booked 3 h ahead: no 24 h reminder). A run that missed one sends only
    the nearest, so a late bot never sends two at once."""
    if not booking.active or now >= booking.starts_at:
        return None
    due = [
        offset
        for offset in offsets
        if booking.starts_at - offset <= now and booking.booked_at < booking.starts_at - offset
    ]
    return min(due, default=None)
