"""What a coach sees of their clients: the list, and one client's card. Clients only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.body.trend import BodyTrend
from domain.body.use_cases.entries import body_snapshot
from domain.checkins.model import CheckIn
from domain.checkins.use_cases.checkins import latest_check_ins
from domain.coaching.compliance import (
    MONTH,
    WINDOWS,
    Attention,
    SessionDays,
    attention,
    compliance,
    counted_from,
    done_since,
    live_from,
    session_days,
    week_start,
)
from domain.coaching.model import Coaching
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import coaching_of
from domain.nutrition.adherence import Adherence
from domain.nutrition.use_cases.adherence import week_adherence
from domain.plans.model import Plan
from domain.shared.time import local_day, start_of
from domain.training.model import TrainingMax, Workout

HISTORY_DAYS = max(WINDOWS)
RECENT_WORKOUTS = 3
# Rows normally reach yesterday or the day before: live reads from then on are short, and one
# client read live over the whole window (rows missing) must not lengthen everyone's.
SHALLOW = timedelta(days=3)


@dataclass(frozen=True, slots=True)
class ClientLine:
    client: User
    since: datetime
    done_this_week: int
    planned_per_week: int
    last_session: datetime | None
    attention: Attention


@dataclass(frozen=True, slots=True)
class ClientCard:
    client: User
    coaching: Coaching
    plan_name: str | None
    training_maxes: dict[str, TrainingMax]
    recent: list[Workout]  # newest first
    compliance: dict[int, float | None]  # days → share of planned sessions done
    approval: bool = False  # their training-max changes wait for the coach
    nutrition: Adherence | None = None  # the week before today against their targets, if set
    body: BodyTrend | None = None  # their body weight, if they log it in /body (#15)
    check_ins: tuple[CheckIn, ...] = ()  # the latest completed, newest first


async def _planned_per_week(
    uow: CoachingUnitOfWork, plan_slug: str | None, known: dict[str, Plan | None]
) -> tuple[int, str | None]:
    if plan_slug is None:
        return 0, None
    if plan_slug not in known:
        known[plan_slug] = await uow.plans.get(plan_slug)
    plan = known[plan_slug]
    return (plan.sessions_per_week, plan.name) if plan else (0, None)


async def clients_overview(
    uow: CoachingUnitOfWork, coach_id: int, now: datetime
) -> list[ClientLine]:
    """Every current client with this week's sessions, the last one, and whether to look."""
    async with uow:
        facts = await uow.coachings.clients_with_plans(coach_id)
        counted = await _session_days(
            uow, coach_id, [(fact.coaching, fact.client.zone) for fact in facts], now, MONTH
        )
        unknown = [athlete for athlete, days in counted.items() if days.last is None]
        if unknown:  # no session in the rows or the live read: perhaps long ago
            for athlete, last in (await uow.coachings.last_sessions(unknown)).items():
                counted[athlete] = replace(counted[athlete], last=last)
        plans: dict[str, Plan | None] = {}
        lines = []
        for fact in facts:
            client = fact.client
            days = counted[client.telegram_id]
            planned, _ = await _planned_per_week(uow, fact.plan_slug, plans)
            since = fact.coaching.started_at
            lines.append(
                ClientLine(
                    client=client,
                    since=since,
                    done_this_week=done_since(days, week_start(days.today)),
                    planned_per_week=planned,
                    last_session=days.last,
                    attention=attention(days, planned, now=now, since=since),
                )
            )
        return lines


async def _session_days(
    uow: CoachingUnitOfWork,
    coach_id: int,
    clients: Sequence[tuple[Coaching, ZoneInfo]],
    now: datetime,
    window: int,
) -> dict[int, SessionDays]:
    """The clients' sessions over the last `window` days and today: their recorded days in
    one query, then live sessions from the first day without a row, in one read for those
    whose rows reach the last day or two and one for the others."""
    if not clients:
        return {}
    first = min(
        counted_from(zone=zone, now=now, since=coaching.started_at, window=window)
        for coaching, zone in clients
    )
    last = max(local_day(now, zone) for _, zone in clients) - timedelta(days=1)
    athletes = [coaching.athlete_id for coaching, _ in clients]
    recorded = await uow.engagement_days.recorded(coach_id, athletes, first, last)
    live_since = {
        coaching.athlete_id: start_of(
            live_from(
                recorded.get(coaching.athlete_id),
                zone=zone,
                now=now,
                since=coaching.started_at,
                window=window,
            ),
            zone,
        )
        for coaching, zone in clients
    }
    live: dict[int, list[datetime]] = {}
    shallow = {athlete for athlete, since in live_since.items() if since >= now - SHALLOW}
    for group in (shallow, live_since.keys() - shallow):
        if group:
            since = min(live_since[athlete] for athlete in group)
            live.update(await uow.coachings.sessions(sorted(group), since))
    return {
        coaching.athlete_id: session_days(
            recorded.get(coaching.athlete_id),
            live[coaching.athlete_id],
            zone=zone,
            now=now,
            since=coaching.started_at,
            window=window,
        )
        for coaching, zone in clients
    }


async def client_card(
    uow: CoachingUnitOfWork, coach_id: int, athlete_id: int, now: datetime
) -> ClientCard:
    """The client's card, for their coach only: NotYourClientError for anyone else."""
    async with uow:
        coaching = await coaching_of(uow, coach_id, athlete_id)
        client = await registered_user(uow, athlete_id)
        counted = await _session_days(uow, coach_id, [(coaching, client.zone)], now, HISTORY_DAYS)
        days = counted[athlete_id]
        active = await uow.athlete_plans.active(athlete_id)
        planned, plan_name = await _planned_per_week(uow, active.plan_slug if active else None, {})
        return ClientCard(
            client=client,
            coaching=coaching,
            plan_name=plan_name,
            training_maxes=await uow.training_maxes.current(athlete_id),
            recent=await uow.workouts.finished(athlete_id, limit=RECENT_WORKOUTS),
            compliance={window: compliance(days, planned, window) for window in WINDOWS},
            approval=await uow.proposals.approval_required(athlete_id),
            nutrition=await week_adherence(uow, client, now),
            body=await body_snapshot(uow, athlete_id, local_day(now, client.zone)),
            check_ins=tuple(await latest_check_ins(uow.checkins, athlete_id)),
        )
