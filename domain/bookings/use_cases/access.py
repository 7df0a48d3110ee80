"""Who may touch what: the errors bookings' use cases raise, and the checks every one makes
against the acting user (a coach sees only current clients' bookings)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.bookings.model import Booking
from domain.bookings.ports import BookingsUnitOfWork
from domain.coaching.use_cases.invites import NoCoachError, NotACoachError


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


async def coach_user(uow: BookingsUnitOfWork, user_id: int) -> User:
    """The acting user, if they are a coach; NotACoachError otherwise."""
    if not await uow.coaches.is_coach(user_id):
        raise NotACoachError(user_id)
    return await registered_user(uow, user_id)


async def coach_of(uow: BookingsUnitOfWork, athlete_id: int) -> User:
    """The athlete's current coach; NoCoachError without one."""
    coaching = await uow.coachings.current_for_athlete(athlete_id)
    if coaching is None:
        raise NoCoachError(athlete_id)
    return await registered_user(uow, coaching.coach_id)


async def is_client(uow: BookingsUnitOfWork, coach_id: int, athlete_id: int) -> bool:
    coaching = await uow.coachings.current_for_athlete(athlete_id)
    return coaching is not None and coaching.coach_id == coach_id


async def own_booking(uow: BookingsUnitOfWork, user_id: int, booking_id: int) -> Booking:
    """The booking if the user is its athlete, or its coach while the athlete is their client."""
    booking = await uow.bookings.get(booking_id)
    if booking is None:
        raise NoSuchBookingError(booking_id)
    if booking.athlete_id == user_id:
        return booking
    if booking.coach_id == user_id and await is_client(uow, user_id, booking.athlete_id):
        return booking
    raise NoSuchBookingError(booking_id)
