"""Availability, booking a slot (once, or as a recurring series), moving and cancelling it, the
coach's marks, the calendar file, and reminders before a session.

Every use case that callback data reaches re-reads the booking or window and checks it
belongs to the acting user (or, for a coach, to a current client of theirs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.bookings.model import (
    DEFAULT_REMINDERS,
    Booking,
    BookingStatus,
    TransitionError,
    Window,
    advance,
    due_reminder,
    without_vacation,
)
from domain.bookings.parsing import SeriesSpec, Vacation, WindowSpec
from domain.bookings.ports import BookingsUnitOfWork, BookingWording
from domain.bookings.recurrence import Frequency, Recurrence, expand
from domain.bookings.slots import Slot, free_slots, slot_at
from domain.coaching.use_cases.invites import NoCoachError, NotACoachError
from domain.outbox.model import OutgoingMessage
from domain.shared.errors import NotRegisteredError
from domain.shared.ports import Clock
from domain.shared.time import local_day, occurrence, start_of

REMINDER_KEY = "booking-reminder:"  # booking-reminder:<booking>:<minutes before>
BOOKED_KEY = "booking-new:"  # booking-new:<booking>, to the coach
CANCELLED_KEY = "booking-cancelled:"  # booking-cancelled:<booking>, to the other side
MOVED_KEY = "booking-moved:"  # booking-moved:<booking moved>, to the coach
PAGES = 28  # days ahead an athlete can page through
SESSIONS_AHEAD = timedelta(days=14)
REMINDER_LIMIT = timedelta(days=7)  # the longest offset an athlete may choose
OFFSETS_LIMIT = 3

__all__ = ["NoCoachError", "NotACoachError", "NotRegisteredError", "TransitionError"]


class SlotTakenError(RuntimeError):
    """Someone else holds the slot (or its last place) now."""


class NoSuchSlotError(LookupError):
    """Not a free slot of the athlete's coach: past, outside the windows, or made up."""


class NoSuchBookingError(LookupError):
    """No booking of the acting user's (or of a current client's, for a coach) by that id."""


class NoSuchWindowError(LookupError):
    """No window of this coach's by that id."""


def zone_of(user: User) -> ZoneInfo:
    return ZoneInfo(user.time_zone)


async def _coach(uow: BookingsUnitOfWork, user_id: int) -> User:
    if not await uow.coaches.is_coach(user_id):
        raise NotACoachError(user_id)
    return await registered_user(uow, user_id)


async def _coach_of(uow: BookingsUnitOfWork, athlete_id: int) -> User:
    coaching = await uow.coachings.current_for_athlete(athlete_id)
    if coaching is None:
        raise NoCoachError(athlete_id)
    return await registered_user(uow, coaching.coach_id)


async def _is_client(uow: BookingsUnitOfWork, coach_id: int, athlete_id: int) -> bool:
    coaching = await uow.coachings.current_for_athlete(athlete_id)
    return coaching is not None and coaching.coach_id == coach_id


# Availability


@dataclass(frozen=True, slots=True)
class Availability:
    coach: User
    windows: list[Window]

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.coach)


async def availability(uow: BookingsUnitOfWork, coach_id: int) -> Availability:
    """The coach's windows. NotACoachError for anyone else."""
    async with uow:
        return Availability(await _coach(uow, coach_id), await uow.bookings.windows(coach_id))


class AddWindow:
    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, spec: WindowSpec) -> Availability:
        async with self._uow:
            coach = await _coach(self._uow, coach_id)
            await self._uow.bookings.add_window(
                Window(
                    None,
                    coach_id,
                    spec.weekdays,
                    spec.start,
                    spec.end,
                    spec.slot,
                    spec.buffer,
                    spec.valid_from,
                    spec.valid_until,
                    spec.capacity,
                    spec.price,
                )
            )
            windows = await self._uow.bookings.windows(coach_id)
            await self._uow.commit()
            return Availability(coach, windows)


class RemoveWindow:
    """❌ beside a window: the coach's own windows only (the id comes from callback data).
    Bookings made in it stay: removing availability cancels nobody."""

    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, window_id: int) -> Availability:
        async with self._uow:
            coach = await _coach(self._uow, coach_id)
            windows = await self._uow.bookings.windows(coach_id)
            if window_id not in {w.id for w in windows}:
                raise NoSuchWindowError(window_id)
            await self._uow.bookings.remove_window(window_id)
            await self._uow.commit()
            return Availability(coach, [w for w in windows if w.id != window_id])


class TakeVacation:
    """Days off: every window ends before them and resumes after them."""

    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, vacation: Vacation) -> Availability:
        async with self._uow:
            coach = await _coach(self._uow, coach_id)
            for window in await self._uow.bookings.windows(coach_id):
                kept = without_vacation(window, vacation.first, vacation.last)
                if kept == [window]:
                    continue
                same = [w for w in kept if w.id == window.id]
                if same:
                    await self._uow.bookings.save_window(same[0])
                else:
                    await self._uow.bookings.remove_window(window.id or 0)
                for added in kept:
                    if added.id is None:
                        await self._uow.bookings.add_window(added)
            windows = await self._uow.bookings.windows(coach_id)
            await self._uow.commit()
            return Availability(coach, windows)


# Slots and booking


@dataclass(frozen=True, slots=True)
class SlotPage:
    """A day of free slots, as the athlete's calendar has it."""

    coach: User
    athlete: User
    day: date  # the athlete's
    page: int
    slots: list[Slot]

    @property
    def last(self) -> bool:
        return self.page >= PAGES - 1

    @property
    def athlete_zone(self) -> ZoneInfo:
        return zone_of(self.athlete)


async def slot_page(uow: BookingsUnitOfWork, clock: Clock, athlete_id: int, page: int) -> SlotPage:
    """The free slots of the athlete's coach on the athlete's day `page` days from today.
    NoCoachError without a coach."""
    now = clock.now()
    page = min(max(page, 0), PAGES - 1)
    async with uow:
        athlete = await registered_user(uow, athlete_id)
        coach = await _coach_of(uow, athlete_id)
        zone = zone_of(athlete)
        day = local_day(now, zone) + timedelta(days=page)
        first = max(start_of(day, zone), now)
        last = start_of(day + timedelta(days=1), zone)
        windows = await uow.bookings.windows(coach.telegram_id)
        taken = await uow.bookings.taken(coach.telegram_id, first, last)
        slots = free_slots(windows, zone_of(coach), first, last, taken)
        return SlotPage(coach, athlete, day, page, slots)


@dataclass(frozen=True, slots=True)
class Booked:
    booking: Booking
    coach: User
    already: bool  # the athlete held it already (a tap said twice): nothing changed


async def _place(
    uow: BookingsUnitOfWork, athlete_id: int, coach: User, slot: Slot, now: datetime, **extra: int
) -> Booking | None:
    """The athlete in the slot's first free seat, or None if every seat is held. Seats are
    tried in order: a concurrent tap that loses seat 1 tries seat 2, and so on."""
    for seat in range(1, slot.capacity + 1):
        booking = Booking(
            None,
            coach.telegram_id,
            athlete_id,
            slot.starts_at,
            slot.ends_at,
            BookingStatus.SCHEDULED,
            now,
            seat,
            slot.capacity,
            slot.price,
            series_id=extra.get("series_id"),
        )
        added = await uow.bookings.add(booking)
        if added is not None:
            return added
    return None


async def _held(
    uow: BookingsUnitOfWork, athlete_id: int, starts_at: datetime, now: datetime
) -> Booking | None:
    mine = await uow.bookings.of_athlete(athlete_id, now)
    return next((b for b in mine if b.starts_at == starts_at), None)


async def _slot(uow: BookingsUnitOfWork, coach: User, starts_at: datetime, now: datetime) -> Slot:
    windows = await uow.bookings.windows(coach.telegram_id)
    slot = slot_at(windows, zone_of(coach), starts_at)
    if slot is None or slot.starts_at <= now:
        raise NoSuchSlotError(starts_at)
    return slot


class Book:
    """A tap on a free slot. The database holds each seat of a slot once: of any number of
    simultaneous taps on the last place, one books it and the others get SlotTakenError."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock, wording: BookingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, athlete_id: int, starts_at: datetime) -> Booked:
        """NoCoachError without a coach; NoSuchSlotError for a start that is not the coach's
        free slot (the start comes from callback data)."""
        now = self._clock.now()
        async with self._uow:
            coach = await _coach_of(self._uow, athlete_id)
            held = await _held(self._uow, athlete_id, starts_at, now)
            if held is not None:
                return Booked(held, coach, already=True)
            slot = await _slot(self._uow, coach, starts_at, now)
            booking = await _place(self._uow, athlete_id, coach, slot, now)
            if booking is None:
                raise SlotTakenError(starts_at)
            await self._tell_coach(coach, athlete_id, booking, now)
            await self._uow.commit()
            return Booked(booking, coach, already=False)

    async def _tell_coach(
        self, coach: User, athlete_id: int, booking: Booking, now: datetime
    ) -> None:
        athlete = await registered_user(self._uow, athlete_id)
        await self._uow.outbox.add(
            OutgoingMessage(
                f"{BOOKED_KEY}{booking.id}",
                coach.telegram_id,
                now,
                self._wording.booked(coach, athlete, booking.starts_at.astimezone(zone_of(coach))),
                language=coach.language.value,
                expires_at=booking.starts_at,
            )
        )


def _coach_days(
    days: frozenset[date], starts_at: datetime, athlete: User, coach: User
) -> frozenset[date]:
    """The athlete's dates of a series at `starts_at`'s time of day, as the coach's dates (the
    rule runs on the coach's calendar: 01:00 in New York is 07:00 in Berlin the same day, but
    23:00 in New York is the next day in Berlin)."""
    at = starts_at.astimezone(zone_of(athlete)).time()
    return frozenset(
        datetime.combine(day, at, zone_of(athlete)).astimezone(zone_of(coach)).date()
        for day in days
    )


@dataclass(frozen=True, slots=True)
class SeriesBooked:
    series_id: int
    booked: list[Booking]
    skipped: list[datetime]  # occurrences not free (or not the coach's slots then)


class BookSeries:
    """A recurring appointment from a slot: every occurrence of the rule that is a free slot
    of the coach's is booked (as by `Book`), those not free are listed as skipped, and those
    the athlete holds already are left as they are. `until` and `exceptions` are the athlete's
    dates."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def typed(self, athlete_id: int, spec: SeriesSpec) -> SeriesBooked:
        """`/book series …`: the first session at the athlete's own date and wall-clock time."""
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
        return await self(
            athlete_id,
            occurrence(spec.first, spec.at, zone_of(athlete)),
            spec.frequency,
            count=spec.count,
            until=spec.until,
            exceptions=spec.exceptions,
        )

    async def __call__(
        self,
        athlete_id: int,
        starts_at: datetime,
        frequency: Frequency,
        *,
        count: int | None = None,
        until: date | None = None,
        exceptions: frozenset[date] = frozenset(),
    ) -> SeriesBooked:
        now = self._clock.now()
        async with self._uow:
            coach = await _coach_of(self._uow, athlete_id)
            athlete = await registered_user(self._uow, athlete_id)
            await _slot(self._uow, coach, starts_at, now)  # the first must be a slot of theirs
            local = starts_at.astimezone(zone_of(coach))
            skipped_days = _coach_days(exceptions, starts_at, athlete, coach)
            last = (
                None
                if until is None
                else min(_coach_days(frozenset({until}), starts_at, athlete, coach))
            )
            rule = Recurrence(frequency, local.date(), local.time(), last, count, skipped_days)
            series_id = await self._uow.bookings.add_series(athlete_id, coach.telegram_id, rule)
            booked: list[Booking] = []
            skipped: list[datetime] = []
            windows = await self._uow.bookings.windows(coach.telegram_id)
            for moment in expand(rule, zone_of(coach)):
                if await _held(self._uow, athlete_id, moment, now) is not None:
                    continue  # theirs already (the first, booked before it was repeated)
                slot = slot_at(windows, zone_of(coach), moment)
                placed = None
                if slot is not None and moment > now:
                    placed = await _place(
                        self._uow, athlete_id, coach, slot, now, series_id=series_id
                    )
                if placed is None:
                    skipped.append(moment)
                else:
                    booked.append(placed)
            await self._uow.commit()
            return SeriesBooked(series_id, booked, skipped)


async def _own(uow: BookingsUnitOfWork, user_id: int, booking_id: int) -> Booking:
    """The booking if the user is its athlete, or its coach while the athlete is their client."""
    booking = await uow.bookings.get(booking_id)
    if booking is None:
        raise NoSuchBookingError(booking_id)
    if booking.athlete_id == user_id:
        return booking
    if booking.coach_id == user_id and await _is_client(uow, user_id, booking.athlete_id):
        return booking
    raise NoSuchBookingError(booking_id)


class CancelBooking:
    """Either side cancels before the start; the other side hears of it, and the booking's
    reminders still queued are cancelled."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock, wording: BookingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, user_id: int, booking_id: int) -> Booking:
        """NoSuchBookingError if not theirs; TransitionError once started or final."""
        now = self._clock.now()
        async with self._uow:
            booking = await _own(self._uow, user_id, booking_id)
            if booking.status == BookingStatus.CANCELLED:
                return booking
            cancelled = advance(booking, BookingStatus.CANCELLED, now)
            await self._uow.bookings.set_status(booking_id, cancelled.status)
            await self._uow.bookings.cancel_reminders(booking_id)
            other_id = booking.coach_id if user_id == booking.athlete_id else booking.athlete_id
            other, actor = (
                await registered_user(self._uow, other_id),
                await registered_user(self._uow, user_id),
            )
            await self._uow.outbox.add(
                OutgoingMessage(
                    f"{CANCELLED_KEY}{booking_id}",
                    other.telegram_id,
                    now,
                    self._wording.cancelled(
                        other, actor, booking.starts_at.astimezone(zone_of(other))
                    ),
                    language=other.language.value,
                    expires_at=booking.starts_at,
                )
            )
            await self._uow.commit()
            return cancelled


class Reschedule:
    """The athlete moves a booking to another free slot: the old one becomes RESCHEDULED
    (naming the new one) and frees its slot in the same transaction; the coach is told."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock, wording: BookingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, athlete_id: int, booking_id: int, starts_at: datetime) -> Booking:
        now = self._clock.now()
        async with self._uow:
            booking = await self._uow.bookings.get(booking_id)
            if booking is None or booking.athlete_id != athlete_id:
                raise NoSuchBookingError(booking_id)
            advance(booking, BookingStatus.RESCHEDULED, now)
            coach = await _coach_of(self._uow, athlete_id)
            if coach.telegram_id != booking.coach_id:
                raise NoSuchBookingError(booking_id)
            slot = await _slot(self._uow, coach, starts_at, now)
            await self._uow.bookings.set_status(booking_id, BookingStatus.RESCHEDULED)
            moved = await _place(self._uow, athlete_id, coach, slot, now)
            if moved is None:
                raise SlotTakenError(starts_at)  # leaving the block rolls the status back
            await self._uow.bookings.set_status(booking_id, BookingStatus.RESCHEDULED, moved.id)
            await self._uow.bookings.cancel_reminders(booking_id)
            athlete, zone = await registered_user(self._uow, athlete_id), zone_of(coach)
            await self._uow.outbox.add(
                OutgoingMessage(
                    f"{MOVED_KEY}{booking_id}",
                    coach.telegram_id,
                    now,
                    self._wording.moved(
                        coach,
                        athlete,
                        booking.starts_at.astimezone(zone),
                        moved.starts_at.astimezone(zone),
                    ),
                    language=coach.language.value,
                    expires_at=moved.starts_at,
                )
            )
            await self._uow.commit()
            return moved


@dataclass(frozen=True, slots=True)
class Marked:
    booking: Booking
    sessions_left: int | None  # from the athlete's pack, once completed; None: no pack


MARKS = frozenset({BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW})


class MarkSession:
    """The coach confirms a booking, or marks it completed or a no-show once it has started;
    a completed session is drawn from the athlete's pack (once per booking)."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, booking_id: int, to: BookingStatus) -> Marked:
        """NoSuchBookingError unless it is a current client's booking with this coach;
        TransitionError for a mark the machine does not allow now."""
        now = self._clock.now()
        async with self._uow:
            booking = await self._uow.bookings.get(booking_id)
            if (
                booking is None
                or booking.coach_id != coach_id
                or not await _is_client(self._uow, coach_id, booking.athlete_id)
            ):
                raise NoSuchBookingError(booking_id)
            if to not in MARKS:
                raise TransitionError(booking.status, to)
            if booking.status != to:  # the same mark again (a redelivered tap) changes nothing
                booking = advance(booking, to, now)
                await self._uow.bookings.set_status(booking_id, to)
            left = None
            if to == BookingStatus.COMPLETED:
                left = await self._uow.session_packs.draw(booking.athlete_id, coach_id, booking_id)
            await self._uow.commit()
            return Marked(booking, left)


# What each side sees


@dataclass(frozen=True, slots=True)
class Sessions:
    coach: User
    bookings: list[Booking]
    names: dict[int, str]  # athlete → first name


async def coach_sessions(uow: BookingsUnitOfWork, clock: Clock, coach_id: int) -> Sessions:
    """The coach's bookings from the start of their today for two weeks, current clients'
    only. NotACoachError for anyone else."""
    now = clock.now()
    async with uow:
        coach = await _coach(uow, coach_id)
        first = start_of(local_day(now, zone_of(coach)), zone_of(coach))
        clients = {c.athlete_id for c in await uow.coachings.clients(coach_id)}
        shown = [
            b
            for b in await uow.bookings.of_coach(coach_id, first, now + SESSIONS_AHEAD)
            if b.athlete_id in clients and b.status != BookingStatus.RESCHEDULED
        ]
        names = {}
        for athlete_id in {b.athlete_id for b in shown}:
            athlete = await uow.users.get(athlete_id)
            names[athlete_id] = athlete.first_name if athlete else str(athlete_id)
        return Sessions(coach, shown, names)


@dataclass(frozen=True, slots=True)
class MyBookings:
    athlete: User
    coach: User | None
    bookings: list[Booking]


async def my_bookings(uow: BookingsUnitOfWork, clock: Clock, athlete_id: int) -> MyBookings:
    async with uow:
        athlete = await registered_user(uow, athlete_id)
        coaching = await uow.coachings.current_for_athlete(athlete_id)
        coach = None if coaching is None else await uow.users.get(coaching.coach_id)
        return MyBookings(athlete, coach, await uow.bookings.of_athlete(athlete_id, clock.now()))


@dataclass(frozen=True, slots=True)
class BookingView:
    booking: Booking
    coach: User
    athlete: User
    viewer: User


async def booking_view(uow: BookingsUnitOfWork, user_id: int, booking_id: int) -> BookingView:
    """One booking for either of its sides (the .ics file). NoSuchBookingError otherwise."""
    async with uow:
        booking = await _own(uow, user_id, booking_id)
        return BookingView(
            booking,
            await registered_user(uow, booking.coach_id),
            await registered_user(uow, booking.athlete_id),
            await registered_user(uow, user_id),
        )


# Reminders


class SetReminderOffsets:
    """The athlete's own reminder times before a session (none: no reminders)."""

    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, offsets: tuple[timedelta, ...]) -> None:
        if len(offsets) > OFFSETS_LIMIT or any(
            not timedelta(0) < o <= REMINDER_LIMIT for o in offsets
        ):
            raise ValueError("reminder offsets out of range")
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            await self._uow.bookings.set_reminder_offsets(
                athlete_id, tuple(sorted(set(offsets), reverse=True))
            )
            await self._uow.commit()


class SendBookingReminders:
    """Queues each due reminder of a booking (24 h and 1 h before unless the athlete chose
    otherwise) once, by its key per booking and offset, while the athlete is still the coach's
    client; it expires at the start."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock, wording: BookingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        queued = 0
        async with self._uow:
            upcoming = await self._uow.bookings.starting_between(now, now + REMINDER_LIMIT)
            chosen = await self._uow.bookings.reminder_offsets({b.athlete_id for b in upcoming})
            for booking in upcoming:
                offsets = chosen.get(booking.athlete_id, DEFAULT_REMINDERS)
                due = due_reminder(booking, offsets, now)
                if due is not None and await _is_client(
                    self._uow, booking.coach_id, booking.athlete_id
                ):
                    queued += await self._remind(booking, due, now)
            await self._uow.commit()
        return queued

    async def _remind(self, booking: Booking, due: timedelta, now: datetime) -> int:
        athlete = await self._uow.users.get(booking.athlete_id)
        coach = await self._uow.users.get(booking.coach_id)
        if athlete is None or coach is None:
            return 0
        text = self._wording.reminder(
            athlete, coach, booking.starts_at.astimezone(zone_of(athlete))
        )
        message = OutgoingMessage(
            f"{REMINDER_KEY}{booking.id}:{int(due.total_seconds() // 60)}",
            athlete.telegram_id,
            now,
            text,
            language=athlete.language.value,
            expires_at=booking.starts_at,
        )
        return int(await self._uow.outbox.add(message))
