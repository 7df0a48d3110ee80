"""An athlete's reminder choices and due times, and the constants that shape them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

WEEK = 7
DEFAULT_DAYS = frozenset({0, 2, 4})  # Monday, Wednesday, Friday (date.weekday() numbering)
DEFAULT_AT = time(18, 0)
FOLLOW_UP_AT = time(9, 0)
SUMMARY_WEEKDAY = 6  # Sunday
SUMMARY_AT = time(19, 0)
DEFAULT_GRACE = timedelta(hours=2)
STREAK_LOOKBACK = timedelta(weeks=5)  # how far back missed days in a row are counted
BATCH = 500  # athletes per job run; the rest are due again on the next run


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily span with nothing unasked; it may wrap past midnight (22:00–07:00)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise ValueError("quiet hours start and end at different times")

    def __contains__(self, moment: object) -> bool:
        if not isinstance(moment, time):
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class Reminder:
    """An athlete's reminder choices, and when each kind of message is next due (UTC)."""

    athlete_id: int
    days: frozenset[int] = DEFAULT_DAYS  # 0 Monday … 6 Sunday
    at: time = DEFAULT_AT  # local time of day
    quiet: QuietHours | None = None
    enabled: bool = False
    weekly_summary: bool = True
    since: datetime | None = None  # when reminders were last switched on
    time_zone: str | None = None  # the zone the due times were worked out in; None: not yet
    next_due: datetime | None = None
    check_day: date | None = None  # the chosen day whose follow-up is pending
    check_due: datetime | None = None
    summary_due: datetime | None = None


def summary_key(athlete_id: int, iso_week: str) -> str:
    """The outbox key of an athlete's weekly summary: one per ISO week ("2026-W10")."""
    return f"summary:{athlete_id}:{iso_week}"
