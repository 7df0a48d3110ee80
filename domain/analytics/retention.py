"""Who stayed, who left and who came, month by month, from a coach's coachings (docs/analytics.md).

A client is active in a month when a coaching with this coach covered any moment of it (in the
coach's time zone). In month M, against month M-1: retained were active in both, churned in
M-1 only, new in M only (a client coming back after a month or more away is new again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from domain.analytics.model import CoachingSpan
from domain.shared.time import start_of


@dataclass(frozen=True, slots=True)
class Retention:
    retained: int
    churned: int
    new: int


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def previous_month(first: date) -> date:
    return date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)


def months_to(today: date, count: int) -> list[date]:
    """The first days of the `count` months that end with `today`'s, oldest first."""
    months = [month_start(today)]
    while len(months) < count:
        months.insert(0, previous_month(months[0]))
    return months


def month_bounds(first: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The month's first moment and the next month's, on the coach's clock."""
    return start_of(first, zone), start_of(next_month(first), zone)


def active_in(spans: Iterable[CoachingSpan], first: date, zone: ZoneInfo) -> frozenset[int]:
    """The clients a coaching covered some moment of the month for."""
    start, end = month_bounds(first, zone)
    return frozenset(
        span.athlete_id
        for span in spans
        if span.started_at < end and (span.ended_at is None or span.ended_at > start)
    )


def retention(before: frozenset[int], now: frozenset[int]) -> Retention:
    return Retention(retained=len(before & now), churned=len(before - now), new=len(now - before))
