"""The SQL adapter for bookings."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.bookings.model import ACTIVE, REMINDER_KEY, Booking, BookingStatus, Window
from domain.bookings.recurrence import Recurrence
from domain.outbox.model import DeliveryState
from storage.bookings.tables import (
    BookingReminderRow,
    BookingRow,
    BookingSeriesRow,
    BookingWindowRow,
)
from storage.core.dialects import dialect_insert
from storage.outbox.tables import OutboxRow

_ACTIVE = [s.value for s in ACTIVE]


def _minute(at: time) -> int:
    return at.hour * 60 + at.minute


def _time(minute: int) -> time:
    return time(minute // 60, minute % 60)


def _window(row: BookingWindowRow) -> Window:
    return Window(
        row.id,
        row.coach_id,
        frozenset(day for day in range(7) if row.weekdays & (1 << day)),
        _time(row.start_minute),
        _time(row.end_minute),
        timedelta(minutes=row.slot_minutes),
        timedelta(minutes=row.buffer_minutes),
        row.valid_from,
        row.valid_until,
        row.capacity,
        row.price,
    )


def _window_values(window: Window) -> dict[str, object]:
    return {
        "coach_id": window.coach_id,
        "weekdays": sum(1 << day for day in window.weekdays),
        "start_minute": _minute(window.start),
        "end_minute": _minute(window.end),
        "slot_minutes": int(window.slot.total_seconds() // 60),
        "buffer_minutes": int(window.buffer.total_seconds() // 60),
        "valid_from": window.valid_from,
        "valid_until": window.valid_until,
        "capacity": window.capacity,
        "price": window.price,
    }


def _booking(row: BookingRow) -> Booking:
    return Booking(
        row.id,
        row.coach_id,
        row.athlete_id,
        row.starts_at,
        row.ends_at,
        BookingStatus(row.status),
        row.booked_at,
        row.seat,
        row.capacity,
        row.price,
        row.series_id,
        row.moved_to,
    )


class SqlBookingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def windows(self, coach_id: int) -> list[Window]:
        rows = await self._session.scalars(
            select(BookingWindowRow)
            .where(BookingWindowRow.coach_id == coach_id)
            .order_by(BookingWindowRow.id)
        )
        return [_window(row) for row in rows]

    async def add_window(self, window: Window) -> Window:
        row = BookingWindowRow(**_window_values(window))
        self._session.add(row)
        await self._session.flush()
        return _window(row)

    async def save_window(self, window: Window) -> None:
        await self._session.execute(
            update(BookingWindowRow)
            .where(BookingWindowRow.id == window.id)
            .values(**_window_values(window))
        )

    async def remove_window(self, window_id: int) -> None:
        await self._session.execute(
            delete(BookingWindowRow).where(BookingWindowRow.id == window_id)
        )

    async def taken(self, coach_id: int, first: datetime, last: datetime) -> dict[datetime, int]:
        rows = await self._session.execute(
            select(BookingRow.starts_at, func.count().label("held"))
            .where(
                BookingRow.coach_id == coach_id,
                BookingRow.starts_at >= first,
                BookingRow.starts_at < last,
                BookingRow.status.in_(_ACTIVE),
            )
            .group_by(BookingRow.starts_at)
        )
        return {row.starts_at: row.held for row in rows}

    async def add(self, booking: Booking) -> Booking | None:
        # ON CONFLICT DO NOTHING with no target: any of the partial unique indexes refuses it,
        # and on PostgreSQL a concurrent insert waits for the first to commit, then does nothing.
        added = await self._session.scalar(
            dialect_insert(self._session)(BookingRow)
            .values(
                coach_id=booking.coach_id,
                athlete_id=booking.athlete_id,
                starts_at=booking.starts_at,
                ends_at=booking.ends_at,
                status=booking.status.value,
                seat=booking.seat,
                capacity=booking.capacity,
                price=booking.price,
                booked_at=booking.booked_at,
                series_id=booking.series_id,
            )
            .on_conflict_do_nothing()
            .returning(BookingRow.id)
        )
        if added is None:
            return None
        return Booking(
            added,
            booking.coach_id,
            booking.athlete_id,
            booking.starts_at,
            booking.ends_at,
            booking.status,
            booking.booked_at,
            booking.seat,
            booking.capacity,
            booking.price,
            booking.series_id,
        )

    async def get(self, booking_id: int) -> Booking | None:
        row = await self._session.scalar(
            select(BookingRow)
            .where(BookingRow.id == booking_id)
            .execution_options(populate_existing=True)
        )
        return None if row is None else _booking(row)

    async def set_status(
        self, booking_id: int, status: BookingStatus, moved_to: int | None = None
    ) -> None:
        await self._session.execute(
            update(BookingRow)
            .where(BookingRow.id == booking_id)
            .values(status=status.value, moved_to=moved_to)
        )

    async def of_athlete(self, athlete_id: int, since: datetime) -> list[Booking]:
        rows = await self._session.scalars(
            select(BookingRow)
            .where(
                BookingRow.athlete_id == athlete_id,
                BookingRow.ends_at > since,
                BookingRow.status.in_(_ACTIVE),
            )
            .order_by(BookingRow.starts_at, BookingRow.id)
        )
        return [_booking(row) for row in rows]

    async def of_coach(self, coach_id: int, first: datetime, last: datetime) -> list[Booking]:
        rows = await self._session.scalars(
            select(BookingRow)
            .where(
                BookingRow.coach_id == coach_id,
                BookingRow.starts_at >= first,
                BookingRow.starts_at < last,
                BookingRow.status != BookingStatus.CANCELLED.value,
            )
            .order_by(BookingRow.starts_at, BookingRow.seat)
        )
        return [_booking(row) for row in rows]

    async def starting_between(self, first: datetime, last: datetime) -> list[Booking]:
        rows = await self._session.scalars(
            select(BookingRow)
            .where(
                BookingRow.starts_at >= first,
                BookingRow.starts_at < last,
                BookingRow.status.in_(_ACTIVE),
            )
            .order_by(BookingRow.starts_at, BookingRow.id)
        )
        return [_booking(row) for row in rows]

    async def reminder_offsets(self, athlete_ids: set[int]) -> dict[int, tuple[timedelta, ...]]:
        if not athlete_ids:
            return {}
        rows = await self._session.scalars(
            select(BookingReminderRow).where(BookingReminderRow.athlete_id.in_(athlete_ids))
        )
        return {
            row.athlete_id: tuple(timedelta(minutes=int(m)) for m in row.minutes.split(",") if m)
            for row in rows
        }

    async def set_reminder_offsets(self, athlete_id: int, offsets: tuple[timedelta, ...]) -> None:
        minutes = ",".join(str(int(o.total_seconds() // 60)) for o in offsets)
        await self._session.execute(
            dialect_insert(self._session)(BookingReminderRow)
            .values(athlete_id=athlete_id, minutes=minutes)
            .on_conflict_do_update(index_elements=["athlete_id"], set_={"minutes": minutes})
        )

    async def cancel_reminders(self, booking_id: int) -> int:
        # The outbox has no cancel of its own yet: its rows are keyed, so the booking's
        # reminders still queued are found by their key and cancelled as expired ones are.
        result = await self._session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.idempotency_key.startswith(f"{REMINDER_KEY}{booking_id}:"),
                OutboxRow.state == DeliveryState.QUEUED.value,
            )
            .values(state=DeliveryState.CANCELLED.value)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def add_series(self, athlete_id: int, coach_id: int, rule: Recurrence) -> int:
        row = BookingSeriesRow(
            athlete_id=athlete_id,
            coach_id=coach_id,
            frequency=rule.frequency.value,
            first_day=rule.first,
            at_minute=_minute(rule.at),
            until=rule.until,
            count=rule.count,
            exceptions=",".join(sorted(day.isoformat() for day in rule.exceptions)),
        )
        self._session.add(row)
        await self._session.flush()
        return row.id
