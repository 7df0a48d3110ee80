"""What bookings need from storage, from billing (session packs) and from the words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.coaching.ports import CoachingUnitOfWork

if TYPE_CHECKING:
    from datetime import datetime, timedelta

    from domain.athletes.model import User
    from domain.bookings.model import Booking, BookingStatus, Window
    from domain.bookings.recurrence import Recurrence


class BookingRepository(Protocol):
    async def windows(self, coach_id: int) -> list[Window]:
        """The coach's windows, oldest first."""
        ...

    async def add_window(self, window: Window) -> Window: ...

    async def save_window(self, window: Window) -> None:
        """Its dates, changed (a vacation)."""
        ...

    async def remove_window(self, window_id: int) -> None: ...

    async def taken(self, coach_id: int, first: datetime, last: datetime) -> dict[datetime, int]:
        """Active bookings of the coach starting in [first, last), counted by start."""
        ...

    async def add(self, booking: Booking) -> Booking | None:
        """Keeps a new booking; None, and nothing kept, if its seat of that slot is held by an
        active booking already (the database refuses it, whoever tapped first)."""
        ...

    async def get(self, booking_id: int) -> Booking | None: ...

    async def set_status(
        self, booking_id: int, status: BookingStatus, moved_to: int | None = None
    ) -> None: ...

    async def of_athlete(self, athlete_id: int, since: datetime) -> list[Booking]:
        """The athlete's active bookings ending after `since`, soonest first."""
        ...

    async def of_coach(self, coach_id: int, first: datetime, last: datetime) -> list[Booking]:
        """The coach's bookings starting in [first, last), active or marked, soonest first."""
        ...

    async def starting_between(self, first: datetime, last: datetime) -> list[Booking]:
        """Every coach's active bookings starting in [first, last)."""
        ...

    async def reminder_offsets(self, athlete_ids: set[int]) -> dict[int, tuple[timedelta, ...]]:
        """The offsets athletes chose; those who chose none are left out (the default)."""
        ...

    async def set_reminder_offsets(
        self, athlete_id: int, offsets: tuple[timedelta, ...]
    ) -> None: ...

    async def cancel_reminders(self, booking_id: int) -> int:
        """Cancels the booking's reminders still queued in the outbox; returns how many."""
        ...

    async def add_series(self, athlete_id: int, coach_id: int, rule: Recurrence) -> int:
        """Keeps a recurring appointment's rule; returns its id."""
        ...


class SessionPacks(Protocol):
    """The athlete's session pack with a coach, which the billing context keeps."""

    async def draw(
        self, athlete_id: int, coach_id: int, booking_id: int, at: datetime
    ) -> int | None:
        """Takes one session for the booking and returns the sessions left; drawing for the
        same booking again takes nothing. None: no session in a pack to draw from."""
        ...


class BookingsUnitOfWork(CoachingUnitOfWork, Protocol):
    """A transaction over bookings, the coachings they depend on, the outbox and the packs."""

    @property
    def bookings(self) -> BookingRepository: ...

    @property
    def session_packs(self) -> SessionPacks: ...


class BookingWording(Protocol):
    """The words of what bookings say unasked, in the recipient's language."""

    def reminder(self, athlete: User, coach: User, starts: datetime) -> str:
        """A reminder of a session, `starts` in the athlete's zone."""
        ...

    def booked(self, coach: User, athlete: User, starts: datetime) -> str:
        """A new booking, as the coach hears of it (`starts` in the coach's zone)."""
        ...

    def moved(self, coach: User, athlete: User, was: datetime, starts: datetime) -> str:
        """A booking the athlete moved, as the coach hears of it (both in the coach's zone)."""
        ...

    def cancelled(self, recipient: User, other: User, starts: datetime) -> str:
        """A booking cancelled by the other side."""
        ...
