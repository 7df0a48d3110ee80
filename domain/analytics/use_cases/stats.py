"""/stats: a coach's clients, retention, revenue and attendance, month by month. Theirs only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain.analytics.business import Attendance, attendance_by_month, revenue_by_month
from domain.analytics.ports import AnalyticsUnitOfWork
from domain.analytics.retention import (
    active_in,
    month_bounds,
    months_to,
    previous_month,
    retention,
)
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.use_cases.invites import NotACoachError

MONTHS = 6


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: date  # its first day, on the coach's calendar
    active: int
    retained: int
    churned: int
    new: int
    revenue: int  # Stars in, less Stars refunded
    attendance: Attendance


@dataclass(frozen=True, slots=True)
class CoachStats:
    active_clients: int  # coached now
    months: tuple[MonthFigures, ...]  # oldest first, this month (so far) last
    attendance: Attendance  # over all the months shown

    @property
    def revenue(self) -> int:
        return sum(month.revenue for month in self.months)


async def coach_stats(
    uow: AnalyticsUnitOfWork, coach_id: int, now: datetime, months: int = MONTHS
) -> CoachStats:
    """The coach's own figures, in their time zone; NotACoachError for anyone else."""
    async with uow:
        if not await uow.coaches.is_coach(coach_id):
            raise NotACoachError
        zone = (await registered_user(uow, coach_id)).zone
        shown = months_to(now.astimezone(zone).date(), months)
        since, _ = month_bounds(shown[0], zone)
        spans = await uow.business.coachings(coach_id)
        revenue = revenue_by_month(await uow.business.payments(coach_id, since), zone)
        attendance = attendance_by_month(await uow.business.sessions(coach_id, since), zone)
    figures = []
    for first in shown:
        active = active_in(spans, first, zone)
        moved = retention(active_in(spans, previous_month(first), zone), active)
        figures.append(
            MonthFigures(
                month=first,
                active=len(active),
                retained=moved.retained,
                churned=moved.churned,
                new=moved.new,
                revenue=revenue.get(first, 0),
                attendance=attendance.get(first, Attendance(0, 0)),
            )
        )
    return CoachStats(
        active_clients=sum(1 for span in spans if span.ended_at is None and span.started_at <= now),
        months=tuple(figures),
        attendance=Attendance(
            sum(month.attendance.attended for month in figures),
            sum(month.attendance.no_shows for month in figures),
        ),
    )
