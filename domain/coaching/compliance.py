"""Compliance: sessions done against sessions planned, and when a client needs attention.

A session is a finished workout with a set done, at its start, or a day of conditioning (#12):
a local day (the client's time zone) with conditioning results and no such workout started is
one session however many results it has, at its last result; on a day a workout started, the
conditioning is part of that workout's session.

The rules count whole local days of the client's clock (#16): the last 7 (or 30) days that
ended plus today so far, against as many days of the plan, from the coaching's first day.
Ended days come from analytics' daily rows where they exist (`RecordedDays`), the rest live.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.coaching.model import RecordedDays
from domain.shared.time import local_day

WEEK, MONTH = 7, 30  # days: the windows "dropped" compares
WINDOWS = (WEEK, MONTH, 90)  # days: the card's figures
ATTENTION_DROP = Fraction(1, 5)  # the week's share this far under the month's needs a look
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


@dataclass(frozen=True, slots=True)
class SessionDays:
    """A client's sessions as the rules count them (#16): how many on each local day from the
    coaching's first, today's so far included, and the moment of the last one ever."""

    today: date  # the client's local day now
    first_day: date  # the coaching's first local day
    done: Mapping[date, int]  # sessions by local day; a day absent had none
    last: datetime | None


def counted_from(*, zone: ZoneInfo, now: datetime, since: datetime, window: int) -> date:
    """The first day a `window`-day count covers: that many days before today, or the
    coaching's first day if later."""
    return max(local_day(now, zone) - timedelta(days=window), local_day(since, zone))


def live_from(
    recorded: RecordedDays | None, *, zone: ZoneInfo, now: datetime, since: datetime, window: int
) -> date:
    """The first day of the count without a recorded row (today at the latest): the rows count
    the days before it, live sessions that day and those after."""
    day, today = counted_from(zone=zone, now=now, since=since, window=window), local_day(now, zone)
    while recorded is not None and day < today and day in recorded.sessions:
        day += timedelta(days=1)
    return day


def session_days(
    recorded: RecordedDays | None,
    live: Iterable[datetime],
    *,
    zone: ZoneInfo,
    now: datetime,
    since: datetime,
    window: int,
) -> SessionDays:
    """The counts of the last `window` ended days and today: the recorded days' up to the first
    day without a row, the `live` sessions' from that day on (those before it only say when the
    last session was); the last session is the newest of both, None if neither knows one."""
    start = counted_from(zone=zone, now=now, since=since, window=window)
    cut = live_from(recorded, zone=zone, now=now, since=since, window=window)
    today = local_day(now, zone)
    done: dict[date, int] = {}
    if recorded is not None:
        done = {day: count for day, count in recorded.sessions.items() if start <= day < cut}
    moments = [moment for moment in live if moment <= now]
    for moment in moments:
        day = local_day(moment, zone)
        if cut <= day <= today:
            done[day] = done.get(day, 0) + 1
    if recorded is not None and recorded.last_session is not None:
        moments.append(recorded.last_session)
    return SessionDays(today, local_day(since, zone), done, max(moments, default=None))


def share(days: SessionDays, planned_per_week: int, window: int) -> Fraction | None:
    """Sessions in the last `window` ended days and today so far, against `window` days of the
    plan, both from the coaching's first day; capped at 1. None when nothing was planned or no
    coached day has ended yet. `days` were counted over this window or a longer one."""
    first = max(days.today - timedelta(days=window), days.first_day)
    ended = (days.today - first).days
    if planned_per_week <= 0 or ended <= 0:
        return None
    done = sum(count for day, count in days.done.items() if first <= day <= days.today)
    return min(Fraction(1), Fraction(done * 7, planned_per_week * ended))


def compliance(days: SessionDays, planned_per_week: int, window: int) -> float | None:
    """`share` as the card shows it."""
    found = share(days, planned_per_week, window)
    return None if found is None else float(found)


def done_since(days: SessionDays, first: date) -> int:
    """Sessions from the local day `first` (a Monday) to now, from the coaching's first day."""
    return sum(count for day, count in days.done.items() if first <= day <= days.today)


def week_start(today: date) -> date:
    """Monday of the week that holds `today`."""
    return today - timedelta(days=today.weekday())


@dataclass(frozen=True, slots=True)
class Attention:
    """Why a client needs the coach's attention, if they do."""

    dropped: bool  # the week's share fell ATTENTION_DROP or more under the month's
    quiet: bool  # no session for QUIET_DAYS while coached that long
    missed: bool = False  # two planned sessions gone by in a row without one

    @property
    def needed(self) -> bool:
        return self.dropped or self.quiet or self.missed


def attention(
    days: SessionDays, planned_per_week: int, *, now: datetime, since: datetime
) -> Attention:
    """The rule: `share` of the last 7 days against the last 30 (whole days, today so far),
    and the last session's moment for quiet and missed."""
    week = share(days, planned_per_week, WEEK)
    month = share(days, planned_per_week, MONTH)
    dropped = week is not None and month is not None and week <= month - ATTENTION_DROP
    coached_long_enough = now - since >= timedelta(days=QUIET_DAYS)
    last = days.last
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
