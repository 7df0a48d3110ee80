"""When a weekly check-in falls due: the chosen weekday at a local time, DST-safe."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.checkins.model import CheckInDay
from domain.shared.time import local_day, occurrence


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def last_due(setting: CheckInDay, zone: ZoneInfo, now: datetime) -> tuple[str, datetime] | None:
    """The latest moment at or before `now` the check-in fell due, and its week's key; None
    when the athlete is not asked. A local time the clock skips moves forward by the gap; one
    that happens twice means the first (domain.shared.time)."""
    if setting.weekday is None:
        return None
    today = local_day(now, zone)
    day = today - timedelta(days=(today.weekday() - setting.weekday) % 7)
    due = occurrence(day, setting.at, zone)
    if due > now:
        day -= timedelta(days=7)
        due = occurrence(day, setting.at, zone)
    return week_of(day), due
