"""What each side sees and the coach's marks: the coach's sessions, the athlete's bookings,
one booking for either side (the .ics file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.bookings.model import Booking, BookingStatus, TransitionError, advance
from domain.bookings.ports import BookingsUnitOfWork
from domain.bookings.use_cases.access import (
    NoSuchBookingError,
    coach_user,
    is_client,
    own_booking,
    zone_of,
)
from domain.shared.ports import Clock
from domain.shared.time import local_day, start_of

SESSIONS_AHEAD = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class Marked:
    booking: Booking
    sessions_left: int | None  # from the athlete's pack, once completed; None: no pack


MARKS = frozenset({BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW})
# A session held and not come to is spent as one come to: the coach kept the hour (issue 16).
SPENDS_A_SESSION = frozenset({BookingStatus.COMPLETED, BookingStatus.NO_SHOW})


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
                or not await is_client(self._uow, coach_id, booking.athlete_id)
            ):
                raise NoSuchBookingError(booking_id)
            if to not in MARKS:
                raise TransitionError(booking.status, to)
            if booking.status != to:  # the same mark again (a redelivered tap) changes nothing
                booking = advance(booking, to, now)
                await self._uow.bookings.set_status(booking_id, to)
            left = None
            if to in SPENDS_A_SESSION:
                left = await self._uow.session_packs.draw(
                    booking.athlete_id, coach_id, booking_id, now
                )
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
        coach = await coach_user(uow, coach_id)
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
        booking = await own_booking(uow, user_id, booking_id)
        return BookingView(
            booking,
            await registered_user(uow, booking.coach_id),
            await registered_user(uow, booking.athlete_id),
            await registered_user(uow, user_id),
        )
