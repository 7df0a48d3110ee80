"""The SQL adapter for the domain's ReminderRepository."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from domain.reminders.model import QuietHours, Reminder
from storage.athletes.tables import UserRow
from storage.conditioning.tables import ConditioningResultRow
from storage.core.dialects import dialect_insert
from storage.reminders.tables import ReminderRow
from storage.training.tables import WorkoutRow, WorkoutSetRow

MINUTES_PER_HOUR = 60


def _minutes(moment: time) -> int:
    return moment.hour * MINUTES_PER_HOUR + moment.minute


def _time(minutes: int) -> time:
    return time(*divmod(minutes, MINUTES_PER_HOUR))


def _to_reminder(row: ReminderRow) -> Reminder:
    quiet = None
    if row.quiet_start is not None and row.quiet_end is not None:
        quiet = QuietHours(_time(row.quiet_start), _time(row.quiet_end))
    return Reminder(
        athlete_id=row.athlete_id,
        days=frozenset(day for day in range(7) if row.days >> day & 1),
        at=_time(row.at_minute),
        quiet=quiet,
        enabled=row.enabled,
        weekly_summary=row.weekly_summary,
        since=row.since,
        time_zone=row.time_zone,
        next_due=row.next_due,
        check_day=row.check_day,
        check_due=row.check_due,
        summary_due=row.summary_due,
    )


def _values(reminder: Reminder) -> dict[str, Any]:
    return {
        "enabled": reminder.enabled,
        "days": sum(1 << day for day in reminder.days),
        "at_minute": _minutes(reminder.at),
        "quiet_start": None if reminder.quiet is None else _minutes(reminder.quiet.start),
        "quiet_end": None if reminder.quiet is None else _minutes(reminder.quiet.end),
        "weekly_summary": reminder.weekly_summary,
        "since": reminder.since,
        "time_zone": reminder.time_zone,
        "next_due": reminder.next_due,
        "check_day": reminder.check_day,
        "check_due": reminder.check_due,
        "summary_due": reminder.summary_due,
    }


class SqlReminderRepository:
    """Reminder rows in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, athlete_id: int, *, lock: bool = False) -> Reminder | None:
        row = await self._session.get(
            ReminderRow, athlete_id, populate_existing=True, with_for_update=lock
        )
        return None if row is None else _to_reminder(row)

    async def save(self, reminder: Reminder) -> None:
        """Stores the athlete's row, over one another transaction added meanwhile (the job
        scheduling a new athlete while they turn reminders on): both start from the defaults."""
        values = _values(reminder)
        row = await self._session.get(ReminderRow, reminder.athlete_id)
        if row is not None:
            for name, value in values.items():
                setattr(row, name, value)
            await self._session.flush()
            return
        statement = (
            dialect_insert(self._session)(ReminderRow)
            .values(athlete_id=reminder.athlete_id, **values)
            .on_conflict_do_update(index_elements=["athlete_id"], set_=values)
        )
        await self._session.execute(statement)

    async def without_reminder(self, limit: int) -> list[int]:
        missing = (
            select(UserRow.telegram_id)
            .outerjoin(ReminderRow, ReminderRow.athlete_id == UserRow.telegram_id)
            .where(ReminderRow.athlete_id.is_(None))
            .order_by(UserRow.telegram_id)
            .limit(limit)
        )
        return list((await self._session.scalars(missing)).all())

    async def due(self, now: datetime, limit: int) -> list[int]:
        found = (
            select(ReminderRow.athlete_id)
            .join(UserRow, UserRow.telegram_id == ReminderRow.athlete_id)
            .where(
                or_(
                    ReminderRow.next_due <= now,
                    ReminderRow.check_due <= now,
                    ReminderRow.time_zone.is_(None),
                    ReminderRow.time_zone != UserRow.time_zone,
                )
            )
            .order_by(ReminderRow.athlete_id)
            .limit(limit)
        )
        return list((await self._session.scalars(found)).all())

    async def summaries_due(self, now: datetime, limit: int) -> list[int]:
        found = (
            select(ReminderRow.athlete_id)
            .where(ReminderRow.summary_due <= now)
            .order_by(ReminderRow.summary_due, ReminderRow.athlete_id)
            .limit(limit)
        )
        return list((await self._session.scalars(found)).all())

    async def trained_at(self, athlete_id: int, since: datetime) -> list[datetime]:
        lifted = (
            select(WorkoutSetRow.logged_at.label("at"))
            .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
            .where(WorkoutRow.user_id == athlete_id, WorkoutSetRow.logged_at >= since)
        )
        conditioned = select(ConditioningResultRow.logged_at.label("at")).where(
            ConditioningResultRow.athlete_id == athlete_id, ConditioningResultRow.logged_at >= since
        )
        both = union_all(lifted, conditioned).subquery()
        logged = select(both.c.at).order_by(both.c.at)
        return [moment for moment in (await self._session.scalars(logged)) if moment is not None]
