"""A client's day of engagement from the moments they did something (their local day).

Completion is coaching's 7-day compliance (domain/coaching/compliance.py) at the day's end:
sessions done in the 7 whole days to then against a week of the plan, counted from the
coaching's first day if later. Which days to record: those that ended (the client's clock) and
are not recorded yet, at most BACKFILL_DAYS back, so a bot down for a while makes up its last
week. A run writes a client's days in one transaction, oldest first, so the days not recorded
are those after the last one that is. A run that records new days writes the last recorded day
again (`day_to_rewrite`): a workout started before its midnight and finished after its row was
written counts there, a day late.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from domain.analytics.model import Activity, DailyEngagement, EngagementSubject
from domain.coaching.compliance import compliance, session_days
from domain.shared.time import local_day, start_of

BACKFILL_DAYS = 7
COMPLETION_DAYS = 7


def days_to_record(
    subject: EngagementSubject, now: datetime, backfill: int = BACKFILL_DAYS
) -> list[date]:
    """The client's ended local days, oldest first, not recorded yet, from the coaching's start."""
    yesterday = local_day(now, subject.zone) - timedelta(days=1)
    first = max(
        yesterday - timedelta(days=backfill - 1), local_day(subject.coached_since, subject.zone)
    )
    if subject.last_recorded is not None:
        first = max(first, subject.last_recorded + timedelta(days=1))
    return [first + timedelta(days=n) for n in range((yesterday - first).days + 1)]


def day_to_rewrite(subject: EngagementSubject, days: Sequence[date]) -> date | None:
    """The recorded day just before `days` (new ones to record), if it is of this coaching."""
    if not days:
        return None
    before = days[0] - timedelta(days=1)
    if subject.last_recorded != before:
        return None
    return before if before >= local_day(subject.coached_since, subject.zone) else None


def _on(moments: Iterable[datetime], start: datetime, end: datetime) -> int:
    return sum(1 for moment in moments if start <= moment < end)


def engagement_day(
    subject: EngagementSubject, planned_per_week: int, day: date, activity: Activity
) -> DailyEngagement:
    start = start_of(day, subject.zone)
    end = start_of(day + timedelta(days=1), subject.zone)
    counted = (
        activity.sets,
        activity.workouts,
        activity.results,
        activity.videos,
        activity.messages,
        activity.check_ins,
    )
    sets, workouts, results, videos, messages, check_ins = (_on(m, start, end) for m in counted)
    moments = [moment for group in counted for moment in group if moment < end]
    if activity.before is not None:
        moments.append(activity.before)
    sessions = [moment for moment in activity.sessions if moment < end]
    # At the day's end "today" is the next day, with nothing done yet: 7 ended days.
    week = session_days(
        None,
        sessions,
        zone=subject.zone,
        now=end,
        since=subject.coached_since,
        window=COMPLETION_DAYS,
    )
    return DailyEngagement(
        athlete_id=subject.athlete_id,
        coach_id=subject.coach_id,
        day=day,
        sets_logged=sets,
        workouts_finished=workouts,
        conditioning_results=results,
        videos_sent=videos,
        messages_to_coach=messages,
        check_ins_answered=check_ins,
        sessions_done=_on(activity.sessions, start, end),
        completion=compliance(week, planned_per_week, COMPLETION_DAYS),
        last_activity=max(moments, default=None),
        last_session=max(sessions, default=None),
    )
