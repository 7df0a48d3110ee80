"""Analytics' values: a client's day of engagement, and the facts /stats counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class DailyEngagement:
    """What a client did on one of their local days, as their coach sees it; one row each."""

    athlete_id: int
    coach_id: int
    day: date  # the client's local day
    sets_logged: int
    workouts_finished: int
    conditioning_results: int
    videos_sent: int
    messages_to_coach: int
    check_ins_answered: int
    sessions_done: int  # coaching's sessions (compliance.py) that day
    completion: float | None  # 7-day compliance at the day's end; None when nothing was planned
    last_activity: datetime | None  # the latest of any of the above up to the day's end
    last_session: datetime | None  # coaching's latest session up to the day's end, ever


@dataclass(frozen=True, slots=True)
class EngagementSubject:
    """A current coaching whose days are recorded: the client's zone, their plan, and the
    last day recorded so far."""

    athlete_id: int
    coach_id: int
    zone: ZoneInfo
    coached_since: datetime
    plan_slug: str | None
    last_recorded: date | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    """The moments a client did something, from `since` on; `before`: their latest earlier."""

    sets: tuple[datetime, ...] = ()
    workouts: tuple[datetime, ...] = ()  # when finished
    results: tuple[datetime, ...] = ()
    videos: tuple[datetime, ...] = ()
    messages: tuple[datetime, ...] = ()  # to this coach
    check_ins: tuple[datetime, ...] = ()  # when answered
    # coaching's sessions from 7 days before the first day, and the last before them if the
    # first day's end has none: a row's last session however long ago
    sessions: tuple[datetime, ...] = ()
    before: datetime | None = None


@dataclass(frozen=True, slots=True)
class CoachingSpan:
    """One coaching of this coach's, ended or not."""

    athlete_id: int
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class PaymentFact:
    """A payment that took Stars: when it was paid and, if it went back, when."""

    stars: int
    paid_at: datetime
    refunded_at: datetime | None


@dataclass(frozen=True, slots=True)
class SessionFact:
    """An appointment that ended as held (`attended`) or as a no-show."""

    starts_at: datetime
    attended: bool
