"""Booking: a day of free slots, a slot booked (once, however many tap it), a recurring
series, cancelling and moving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.bookings.model import (
    BOOKED_KEY,
    CANCELLED_KEY,
    MOVED_KEY,
    Booking,
    BookingStatus,
    advance,
)
from domain.bookings.parsing import SeriesSpec
from domain.bookings.ports import BookingsUnitOfWork, BookingWording
from domain.bookings.recurrence import Frequency, Recurrence, expand
from domain.bookings.slots import Slot, free_slots, slot_at
from domain.bookings.use_cases.access import (
    NoSuchBookingError,
    NoSuchSlotError,
    SlotTakenError,
    coach_of,
    own_booking,
    zone_of,
)
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import local_day, occurrence, start_of

PAGES = 28  # days ahead an athlete can page through


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
        coach = await coach_of(uow, athlete_id)
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
            coach = await coach_of(self._uow, athlete_id)
            held = await _held(self._uow, athlete_id, starts_at, now)
            if held is not None:
                return Booked(held, coach, already=True)
            slot = await _slot(self._uow, coach, starts_at, now)
            booking = await _place(self._uow, athlete_id, coach, slot, now)
            if booking is None:
                raise SlotTakenError(starts_at)
            await self._tellcoach_user(coach, athlete_id, booking, now)
            await self._uow.commit()
            return Booked(booking, coach, already=False)

    async def _tellcoach_user(
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
            coach = await coach_of(self._uow, athlete_id)
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
            booking = await own_booking(self._uow, user_id, booking_id)
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
            coach = await coach_of(self._uow, athlete_id)
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
