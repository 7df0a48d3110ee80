"""Compliance: sessions done against sessions planned, and when a client needs attention.

A session is a finished workout with a set done, at its start, or a day of conditioning (#12):
a local day (the client's time zone) with conditioning results and no such workout started is
one session however many results it has, at its last result; on a day a workout started, the
conditioning is part of that workout's session.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.shared.time import local_day

WINDOWS = (7, 30, 90)  # days
ATTENTION_DROP = 0.20  # 7-day compliance this far under the 30-day rate needs a look
QUIET_DAYS = 7  # no session for this long needs a look too


def conditioning_sessions(
    results: Iterable[datetime], workouts: Iterable[datetime], zone: ZoneInfo
) -> list[datetime]:
    """The sessions conditioning adds, oldest first: each local day of `results` (when they
    were logged) on which none of `workouts` started, at the day's last result."""
    lifting_days = {local_day(started, zone) for started in workouts}
    last_of_day: dict[date, datetime] = {}
    for logged in results:
        day = local_day(logged, zone)
        if day not in lifting_days and (day not in last_of_day or logged > last_of_day[day]):
            last_of_day[day] = logged
    return sorted(last_of_day.values())


def last_session(workout: datetime | None, result: datetime, zone: ZoneInfo) -> datetime:
    """The last session, from the last conditioning result and the last workout's start: the
    result when it fell on a later local day (a day of conditioning only), else the workout."""
    if workout is None or local_day(result, zone) > local_day(workout, zone):
        return result
    return workout


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
    done = sum(1 for moment in sessions if start <= moment <= now)
    return rate(done, planned_per_week, now=now, days=days, since=since)


def rate(
    done: int, planned_per_week: int, *, now: datetime, days: int, since: datetime
) -> float | None:
    """`compliance` for a count of sessions already made in the window."""
    length = now - max(now - timedelta(days=days), since)
    if planned_per_week <= 0 or length < timedelta(days=1):
        return None
    planned = planned_per_week * length / timedelta(days=7)
    return min(1.0, done / planned)


def week_start(today: date) -> date:
    """Monday of the week that holds `today`."""
    return today - timedelta(days=today.weekday())


@dataclass(frozen=True, slots=True)
class Attention:
    """Why a client needs the coach's attention, if they do."""

    dropped: bool  # 7-day compliance fell ATTENTION_DROP or more under the 30-day rate
    quiet: bool  # no session for QUIET_DAYS while coached that long
    missed: bool = False  # two planned sessions gone by in a row without one

    @property
    def needed(self) -> bool:
        return self.dropped or self.quiet or self.missed


def attention(
    sessions: Sequence[datetime], planned_per_week: int, *, now: datetime, since: datetime
) -> Attention:
    month_start = max(now - timedelta(days=30), since)
    return attention_from(
        [moment for moment in sessions if moment >= now - timedelta(days=7)],
        sum(1 for moment in sessions if month_start <= moment <= now),
        max(sessions, default=None),
        planned_per_week,
        now=now,
        since=since,
    )


def attention_from(
    week: Sequence[datetime],
    month_done: int,
    last: datetime | None,
    planned_per_week: int,
    *,
    now: datetime,
    since: datetime,
) -> Attention:
    """The rule, from the last 7 days' sessions, the month's count (counted from `since` if
    later) and the last session ever."""
    week_rate = compliance(week, planned_per_week, now=now, days=7, since=since)
    month_rate = rate(month_done, planned_per_week, now=now, days=30, since=since)
    dropped = (
        week_rate is not None
        and month_rate is not None
        and week_rate <= month_rate - ATTENTION_DROP
    )
    coached_long_enough = now - since >= timedelta(days=QUIET_DAYS)
    quiet = (
        planned_per_week > 0
        and coached_long_enough
        and (last is None or now - last >= timedelta(days=QUIET_DAYS))
    )
    return Attention(dropped, quiet, missed_two(last, planned_per_week, now=now, since=since))


def missed_two(
    last: datetime | None, planned_per_week: int, *, now: datetime, since: datetime
) -> bool:
    """Two planned sessions gone by without one: with N a week spaced evenly, the next two
    fell due within 2 × 7/N days of the last session (or of the coaching's start)."""
    if planned_per_week <= 0:
        return False
    spacing = timedelta(days=7) / planned_per_week
    reference = since if last is None or last < since else last
    return now - reference > 2 * spacing


@dataclass(frozen=True, slots=True)
class DigestLine:
    """One client worth a look, and why: any of the reasons may hold."""

    client: User
    attention: Attention
    videos_waiting: int  # clips waiting for a review longer than VIDEO_WAIT
    unanswered_since: datetime | None  # their last message, unanswered for MESSAGE_WAIT
    low_readiness: int | None = None  # their latest check-in's score, if low (checkins)

    @property
    def worth_a_look(self) -> bool:
        return (
            self.attention.needed
            or bool(self.videos_waiting)
            or bool(self.unanswered_since)
            or self.low_readiness is not None
        )
