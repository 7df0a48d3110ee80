"""Recurring appointments: a rule (weekly, every other week, monthly) expanded to the dated
occurrences it makes, at the same wall-clock time in the coach's zone across DST changes.

A monthly rule keeps the first date's day of the month; a month without that day (the 31st in
April) has no occurrence. Exception dates are skipped and do not count towards `count`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.shared.time import occurrence

SERIES_LIMIT = 52  # occurrences a rule makes at most


class Frequency(StrEnum):
    """Stored, so never renamed."""

    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"


@dataclass(frozen=True, slots=True)
class Recurrence:
    frequency: Frequency
    first: date
    at: time
    until: date | None = None  # the last date it may happen, included
    count: int | None = None  # how many occurrences, exceptions not counted
    exceptions: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if (self.until is None) == (self.count is None):
            raise ValueError("a series ends by a date or after a count")
        if self.count is not None and not 0 < self.count <= SERIES_LIMIT:
            raise ValueError("count out of range")
        if self.until is not None and self.until < self.first:
            raise ValueError("a series ends after it starts")


def _nth(rule: Recurrence, n: int) -> date | None:
    if rule.frequency == Frequency.WEEKLY:
        return rule.first + timedelta(weeks=n)
    if rule.frequency == Frequency.BIWEEKLY:
        return rule.first + timedelta(weeks=2 * n)
    months = rule.first.month - 1 + n
    year, month = rule.first.year + months // 12, months % 12 + 1
    try:
        return date(year, month, rule.first.day)
    except ValueError:  # no such day that month
        return None


def dates(rule: Recurrence) -> list[date]:
    """The dates the series happens on, in order."""
    found: list[date] = []
    n = 0
    while len(found) < (rule.count or SERIES_LIMIT):
        day = _nth(rule, n)
        n += 1
        if day is None:
            continue
        if rule.until is not None and day > rule.until:
            break
        if day not in rule.exceptions:
            found.append(day)
    return found


def expand(rule: Recurrence, zone: ZoneInfo) -> list[datetime]:
    """The UTC moments the series happens at."""
    return [occurrence(day, rule.at, zone) for day in dates(rule)]
