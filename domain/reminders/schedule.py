"""When reminders, missed-session follow-ups and weekly summaries are due: pure functions of
the athlete's choices, a time zone and a moment.

Rules (ours):
- Local times that do not exist (the spring-forward gap) move forward by the gap's length:
  02:30 on Berlin's 29 March 2026 is 03:30 CEST. Local times that happen twice (the fall-back
  hour) mean the first of the two: 02:30 on Berlin's 25 October 2026 is 02:30 CEST. That is
  what PEP 495's fold=0 gives (`domain.shared.time`), and a reminder then fires once, never
  twice or not at all.
- A reminder is due at its time on each chosen weekday. A reminder time never lies in quiet
  hours (the card refuses such a pair), so reminders are not moved; everything else Spotter
  says unasked (the follow-up, the nudge, the summary) waits for quiet hours to end.
- No reminder on a day the athlete already trained (logged a set that local day, whenever
  the workout was opened).
- A chosen day with no workout is missed. The next morning (09:00, or when quiet hours end)
  brings one gentle follow-up; when it is the second or later missed day in a row, one weekly
  nudge instead (once per ISO week, however many more are missed). Days before reminders were
  switched on are never counted.
- After downtime, what fell due within the grace window (2 hours by default) is sent; anything
  older is dropped with a log line, and the due time moves to the next occurrence. What was
  queued but not yet sent expires at the end of the same window (the sender cancels it).
  Nothing is caught up in quiet hours: what would be, is dropped with a log line.
- The weekly summary is due on Sunday at 19:00; it covers the ISO week of that Sunday, and says
  nothing to an athlete with no plan who trained none that week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from domain.reminders.model import (
    FOLLOW_UP_AT,
    STREAK_LOOKBACK,
    SUMMARY_AT,
    SUMMARY_WEEKDAY,
    WEEK,
    QuietHours,
    Reminder,
)
from domain.shared.time import local_day, occurrence

if TYPE_CHECKING:
    pass


def next_reminder(
    days: Iterable[int], at: time, zone: ZoneInfo, after: datetime
) -> datetime | None:
    """The first reminder strictly after `after`; None when no day is chosen."""
    chosen = frozenset(days)
    first = local_day(after, zone) - timedelta(days=1)  # a DST shift can cross midnight
    for offset in range(WEEK + 2):
        day = first + timedelta(days=offset)
        if day.weekday() in chosen:
            moment = occurrence(day, at, zone)
            if moment > after:
                return moment
    return None


def in_quiet(moment: datetime, zone: ZoneInfo, quiet: QuietHours | None) -> bool:
    return quiet is not None and moment.astimezone(zone).time() in quiet


def outside_quiet(moment: datetime, zone: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """`moment`, or the end of the quiet hours it falls in."""
    local = moment.astimezone(zone)
    if quiet is None or local.time() not in quiet:
        return moment
    day = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        day += timedelta(days=1)  # in the evening part of a span that ends tomorrow morning
    return max(occurrence(day, quiet.end, zone), moment)


def follow_up_for(day: date, zone: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """When the follow-up of a chosen day is due: the next morning, after quiet hours."""
    return outside_quiet(occurrence(day + timedelta(days=1), FOLLOW_UP_AT, zone), zone, quiet)


def next_check(reminder: Reminder, zone: ZoneInfo, after: datetime) -> tuple[date, datetime] | None:
    """The next chosen day whose follow-up is due after `after`, and when it is due.

    Only days whose reminder time came after reminders were switched on are checked.
    """
    first = local_day(after, zone) - timedelta(days=3)
    for offset in range(WEEK + 4):
        day = first + timedelta(days=offset)
        if day.weekday() not in reminder.days:
            continue
        if reminder.since is not None and occurrence(day, reminder.at, zone) < reminder.since:
            continue
        due = follow_up_for(day, zone, reminder.quiet)
        if due > after:
            return day, due
    return None


def summary_sunday(due: datetime, zone: ZoneInfo) -> date:
    """The Sunday whose week a summary due at `due` covers (quiet hours only ever delay it)."""
    day = local_day(due, zone)
    return day - timedelta(days=(day.weekday() - SUMMARY_WEEKDAY) % WEEK)


def next_summary(zone: ZoneInfo, quiet: QuietHours | None, after: datetime) -> datetime:
    """The first weekly summary due strictly after `after`."""
    sunday = summary_sunday(after, zone) - timedelta(weeks=1)
    while True:
        due = outside_quiet(occurrence(sunday, SUMMARY_AT, zone), zone, quiet)
        if due > after:
            return due
        sunday += timedelta(weeks=1)


def scheduled(reminder: Reminder, time_zone: str, now: datetime) -> Reminder:
    """The reminder with every due time worked out afresh, from `now`, in `time_zone`."""
    zone = ZoneInfo(time_zone)
    on = reminder.enabled and bool(reminder.days)
    check = next_check(reminder, zone, now) if on else None
    return replace(
        reminder,
        time_zone=time_zone,
        next_due=next_reminder(reminder.days, reminder.at, zone, now) if on else None,
        check_day=check[0] if check else None,
        check_due=check[1] if check else None,
        summary_due=next_summary(zone, reminder.quiet, now) if reminder.weekly_summary else None,
    )


def missed_in_a_row(day: date, reminder: Reminder, zone: ZoneInfo, trained: Iterable[date]) -> int:
    """Chosen days up to `day` since the athlete last trained (or switched reminders on)."""
    last = max((d for d in trained if d <= day), default=None)
    count = 0
    current = day
    horizon = day - timedelta(days=STREAK_LOOKBACK.days)
    while current > horizon and (last is None or current > last):
        counted = reminder.since is None or occurrence(current, reminder.at, zone) >= reminder.since
        if current.weekday() in reminder.days and counted:
            count += 1
        current -= timedelta(days=1)
    return count


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
