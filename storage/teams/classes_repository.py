"""The SQL adapter for a team's classes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.teams.classes import (
    Attendance,
    Booking,
    BookingStatus,
    ClassRecord,
    ClassSettings,
    Occurrence,
    Roster,
    TeamClass,
)
from storage.athletes.tables import UserRow
from storage.core.dialects import dialect_insert
from storage.teams.classes_tables import (
    TeamClassBookingRow,
    TeamClassExceptionRow,
    TeamClassOccurrenceRow,
    TeamClassReminderOptOutRow,
    TeamClassRow,
    TeamClassSettingsRow,
)


def _bits(weekdays: frozenset[int]) -> int:
    return sum(1 << day for day in weekdays)


def _class(row: TeamClassRow, exceptions: frozenset[date]) -> TeamClass:
    return TeamClass(
        row.id,
        row.team_id,
        row.coach_id,
        time(row.start_minute // 60, row.start_minute % 60),
        timedelta(minutes=row.duration_minutes),
        row.capacity,
        frozenset(day for day in range(7) if row.weekdays & (1 << day)),
        row.once_on,
        exceptions,
        row.created_at,
    )


def _occurrence(row: TeamClassOccurrenceRow) -> Occurrence:
    return Occurrence(row.id, row.class_id, row.day, row.starts_at)


def _booking(row: TeamClassBookingRow) -> Booking:
    return Booking(
        row.id,
        row.occurrence_id,
        row.user_id,
        BookingStatus(row.status),
        row.seq,
        row.booked_at,
        row.cancelled_at,
        row.late,
        None if row.attendance is None else Attendance(row.attendance),
    )


class SqlClassRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def attendance_of(self, user_id: int, since: datetime) -> dict[int, ClassRecord]:
        rows = await self._session.execute(
            select(
                TeamClassRow.team_id,
                TeamClassBookingRow.attendance,
                TeamClassBookingRow.late,
                func.count(),
            )
            .join(TeamClassOccurrenceRow, TeamClassOccurrenceRow.class_id == TeamClassRow.id)
            .join(
                TeamClassBookingRow,
                TeamClassBookingRow.occurrence_id == TeamClassOccurrenceRow.id,
            )
            .where(
                TeamClassBookingRow.user_id == user_id,
                TeamClassOccurrenceRow.starts_at >= since,
            )
            .group_by(
                TeamClassRow.team_id, TeamClassBookingRow.attendance, TeamClassBookingRow.late
            )
        )
        counts: dict[int, dict[str, int]] = {}
        for team_id, attendance, late, count in rows:
            held = counts.setdefault(team_id, {"attended": 0, "no_shows": 0, "late_cancels": 0})
            if attendance == Attendance.PRESENT.value:
                held["attended"] += count
            elif attendance == Attendance.NO_SHOW.value:
                held["no_shows"] += count
            if late:
                held["late_cancels"] += count
        return {team_id: ClassRecord(**held) for team_id, held in counts.items()}

    async def settings(self, team_id: int) -> ClassSettings:
        row = await self._session.get(TeamClassSettingsRow, team_id)
        if row is None:
            return ClassSettings()
        return ClassSettings(
            timedelta(minutes=row.late_cancel_minutes), timedelta(minutes=row.reminder_minutes)
        )

    async def save_settings(self, team_id: int, settings: ClassSettings) -> None:
        values = {
            "late_cancel_minutes": int(settings.late_cancel.total_seconds() // 60),
            "reminder_minutes": int(settings.reminder_lead.total_seconds() // 60),
        }
        await self._session.execute(
            dialect_insert(self._session)(TeamClassSettingsRow)
            .values(team_id=team_id, **values)
            .on_conflict_do_update(index_elements=["team_id"], set_=values)
        )

    async def add_class(self, team_class: TeamClass) -> TeamClass:
        row = TeamClassRow(
            team_id=team_class.team_id,
            coach_id=team_class.coach_id,
            weekdays=_bits(team_class.weekdays),
            once_on=team_class.on,
            start_minute=team_class.start.hour * 60 + team_class.start.minute,
            duration_minutes=int(team_class.duration.total_seconds() // 60),
            capacity=team_class.capacity,
            created_at=team_class.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        for day in team_class.exceptions:
            await self.add_exception(row.id, day)
        return _class(row, team_class.exceptions)

    async def _exceptions(self, class_ids: list[int]) -> dict[int, set[date]]:
        found: dict[int, set[date]] = {class_id: set() for class_id in class_ids}
        rows = await self._session.scalars(
            select(TeamClassExceptionRow).where(TeamClassExceptionRow.class_id.in_(class_ids))
        )
        for row in rows:
            found[row.class_id].add(row.day)
        return found

    async def get_class(self, class_id: int) -> TeamClass | None:
        row = await self._session.get(TeamClassRow, class_id)
        if row is None:
            return None
        return _class(row, frozenset((await self._exceptions([class_id]))[class_id]))

    async def classes_of(self, team_id: int) -> list[TeamClass]:
        rows = list(
            await self._session.scalars(
                select(TeamClassRow)
                .where(TeamClassRow.team_id == team_id)
                .order_by(TeamClassRow.id)
            )
        )
        exceptions = await self._exceptions([row.id for row in rows])
        return [_class(row, frozenset(exceptions[row.id])) for row in rows]

    async def add_exception(self, class_id: int, day: date) -> None:
        await self._session.execute(
            dialect_insert(self._session)(TeamClassExceptionRow)
            .values(class_id=class_id, day=day)
            .on_conflict_do_nothing()
        )

    async def occurrence(self, class_id: int, day: date, starts_at: datetime) -> Occurrence:
        await self._session.execute(
            dialect_insert(self._session)(TeamClassOccurrenceRow)
            .values(class_id=class_id, day=day, starts_at=starts_at)
            .on_conflict_do_nothing(index_elements=["class_id", "day"])
        )
        row = await self._session.scalar(
            select(TeamClassOccurrenceRow).where(
                TeamClassOccurrenceRow.class_id == class_id, TeamClassOccurrenceRow.day == day
            )
        )
        if row is None:
            raise LookupError((class_id, day))
        return _occurrence(row)

    async def get_occurrence(self, occurrence_id: int, *, lock: bool = False) -> Occurrence | None:
        query = select(TeamClassOccurrenceRow).where(TeamClassOccurrenceRow.id == occurrence_id)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else _occurrence(row)

    async def starting_between(self, start: datetime, end: datetime) -> list[Occurrence]:
        rows = await self._session.scalars(
            select(TeamClassOccurrenceRow)
            .where(
                TeamClassOccurrenceRow.starts_at > start, TeamClassOccurrenceRow.starts_at <= end
            )
            .order_by(TeamClassOccurrenceRow.starts_at, TeamClassOccurrenceRow.id)
        )
        return [_occurrence(row) for row in rows]

    async def roster(self, occurrence_id: int) -> Roster:
        rows = await self._session.scalars(
            select(TeamClassBookingRow)
            .where(TeamClassBookingRow.occurrence_id == occurrence_id)
            .order_by(TeamClassBookingRow.seq, TeamClassBookingRow.id)
            .execution_options(populate_existing=True)
        )
        return Roster(tuple(_booking(row) for row in rows))

    async def add_booking(self, booking: Booking) -> Booking:
        row = TeamClassBookingRow(
            occurrence_id=booking.occurrence_id,
            user_id=booking.user_id,
            status=booking.status.value,
            seq=booking.seq,
            booked_at=booking.booked_at,
            cancelled_at=booking.cancelled_at,
            late=booking.late,
            attendance=None if booking.attendance is None else booking.attendance.value,
        )
        self._session.add(row)
        await self._session.flush()
        return _booking(row)

    async def save_booking(self, booking: Booking) -> None:
        await self._session.execute(
            update(TeamClassBookingRow)
            .where(TeamClassBookingRow.id == booking.id)
            .values(
                status=booking.status.value,
                seq=booking.seq,
                booked_at=booking.booked_at,
                cancelled_at=booking.cancelled_at,
                late=booking.late,
                attendance=None if booking.attendance is None else booking.attendance.value,
            )
        )

    async def first_names(self, user_ids: set[int]) -> dict[int, str]:
        if not user_ids:
            return {}
        rows = await self._session.execute(
            select(UserRow.telegram_id, UserRow.first_name).where(
                UserRow.telegram_id.in_(sorted(user_ids))
            )
        )
        return {row[0]: row[1] for row in rows}

    async def reminders_off(self, team_id: int) -> frozenset[int]:
        rows = await self._session.scalars(
            select(TeamClassReminderOptOutRow.user_id).where(
                TeamClassReminderOptOutRow.team_id == team_id
            )
        )
        return frozenset(rows)

    async def set_reminders(self, team_id: int, user_id: int, *, on: bool) -> None:
        if on:
            await self._session.execute(
                delete(TeamClassReminderOptOutRow).where(
                    TeamClassReminderOptOutRow.team_id == team_id,
                    TeamClassReminderOptOutRow.user_id == user_id,
                )
            )
            return
        await self._session.execute(
            dialect_insert(self._session)(TeamClassReminderOptOutRow)
            .values(team_id=team_id, user_id=user_id)
            .on_conflict_do_nothing()
        )
