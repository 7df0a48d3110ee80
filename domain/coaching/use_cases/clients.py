"""What a coach sees of their clients: the list, and one client's card. Clients only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.body.trend import BodyTrend
from domain.body.use_cases.entries import body_snapshot
from domain.checkins.model import CheckIn
from domain.checkins.use_cases.checkins import latest_check_ins
from domain.coaching.compliance import (
    WINDOWS,
    Attention,
    attention_from,
    compliance,
    week_start,
)
from domain.coaching.model import Coaching, RecentSessions
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import coaching_of
from domain.nutrition.adherence import Adherence
from domain.nutrition.use_cases.adherence import week_adherence
from domain.plans.model import Plan
from domain.shared.time import local_day, start_of
from domain.training.model import TrainingMax, Workout

HISTORY_DAYS = max(WINDOWS)
RECENT_WORKOUTS = 3


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
        recent = await uow.coachings.recent_sessions(coach_id, now)
        plans: dict[str, Plan | None] = {}
        lines = []
        for fact in facts:
            client = fact.client
            sessions = recent.get(client.telegram_id, RecentSessions((), 0, None))
            planned, _ = await _planned_per_week(uow, fact.plan_slug, plans)
            monday = start_of(week_start(local_day(now, client.zone)), client.zone)
            since = fact.coaching.started_at
            lines.append(
                ClientLine(
                    client=client,
                    since=since,
                    done_this_week=sum(1 for moment in sessions.week if moment >= monday),
                    planned_per_week=planned,
                    last_session=sessions.last,
                    attention=attention_from(
                        sessions.week,
                        sessions.month,
                        sessions.last,
                        planned,
                        now=now,
                        since=since,
                    ),
                )
            )
        return lines


async def client_card(
    uow: CoachingUnitOfWork, coach_id: int, athlete_id: int, now: datetime
) -> ClientCard:
    """The client's card, for their coach only: NotYourClientError for anyone else."""
    async with uow:
        coaching = await coaching_of(uow, coach_id, athlete_id)
        client = await registered_user(uow, athlete_id)
        sessions = (await uow.coachings.sessions([athlete_id], now - timedelta(days=HISTORY_DAYS)))[
            athlete_id
        ]
        active = await uow.athlete_plans.active(athlete_id)
        planned, plan_name = await _planned_per_week(uow, active.plan_slug if active else None, {})
        return ClientCard(
            client=client,
            coaching=coaching,
            plan_name=plan_name,
            training_maxes=await uow.training_maxes.current(athlete_id),
            recent=await uow.workouts.finished(athlete_id, limit=RECENT_WORKOUTS),
            compliance={
                days: compliance(sessions, planned, now=now, days=days, since=coaching.started_at)
                for days in WINDOWS
            },
            approval=await uow.proposals.approval_required(athlete_id),
            nutrition=await week_adherence(uow, client, now),
            body=await body_snapshot(uow, athlete_id, local_day(now, client.zone)),
            check_ins=tuple(await latest_check_ins(uow.checkins, athlete_id)),
        )
