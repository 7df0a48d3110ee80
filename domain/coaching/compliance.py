"""Compliance: sessions done against sessions planned, and when a client needs attention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

WINDOWS = (7, 30, 90)  # days
ATTENTION_DROP = 0.20  # 7-day compliance this far under the 30-day rate needs a look
QUIET_DAYS = 7  # no session for this long needs a look too


def compliance(
    sessions: Sequence[datetime],
    planned_per_week: int,
    *,
    now: datetime,
    days: int,
    since: datetime,
) -> float | None:
    """Share of planned sessions done in the last `days` days (counted from `since` if later),
    capped at 1; None when nothing was planned or the window is under a day long."""
    start = max(now - timedelta(days=days), since)
    length = now - start
    if planned_per_week <= 0 or length < timedelta(days=1):
        return None
    planned = planned_per_week * length / timedelta(days=7)
    done = sum(1 for moment in sessions if start <= moment <= now)
    return min(1.0, done / planned)


def week_start(today: date) -> date:
    """Monday of the week that holds `today`."""
    return today - timedelta(days=today.weekday())


@dataclass(frozen=True, slots=True)
class Attention:
    """Why a client needs the coach's attention, if they do."""

    dropped: bool  # 7-day compliance fell ATTENTION_DROP or more under the 30-day rate
    quiet: bool  # no session for QUIET_DAYS while coached that long

    @property
    def needed(self) -> bool:
        return self.dropped or self.quiet


def attention(
    sessions: Sequence[datetime], planned_per_week: int, *, now: datetime, since: datetime
) -> Attention:
    week = compliance(sessions, planned_per_week, now=now, days=7, since=since)
    month = compliance(sessions, planned_per_week, now=now, days=30, since=since)
    dropped = week is not None and month is not None and week <= month - ATTENTION_DROP
    coached_long_enough = now - since >= timedelta(days=QUIET_DAYS)
    last = max(sessions, default=None)
    quiet = (
        planned_per_week > 0
        and coached_long_enough
        and (last is None or now - last >= timedelta(days=QUIET_DAYS))
    )
    return Attention(dropped, quiet)
