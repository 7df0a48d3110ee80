"""What a coach sees of their clients: the list, and one client's card. Clients only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.compliance import WINDOWS, Attention, attention, compliance, week_start
from domain.coaching.model import Coaching
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import NotYourClientError
from domain.shared.time import local_day, start_of
from domain.training.model import TrainingMax, Workout

HISTORY_DAYS = max(WINDOWS)
RECENT_WORKOUTS = 3
MOST_SESSIONS = 7 * HISTORY_DAYS  # more than anyone plans: the query's bound, not a rule


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


async def _sessions(uow: CoachingUnitOfWork, athlete_id: int, now: datetime) -> list[Workout]:
    """Finished workouts with at least one set done, over the longest window, newest first."""
    recent = await uow.workouts.finished(athlete_id, limit=MOST_SESSIONS)
    horizon = now - timedelta(days=HISTORY_DAYS)
    return [
        w
        for w in recent
        if w.finished_at is not None
        and w.finished_at >= horizon
        and any(s.done is not None for s in w.sets)
    ]


async def _planned_per_week(uow: CoachingUnitOfWork, athlete_id: int) -> tuple[int, str | None]:
    active = await uow.athlete_plans.active(athlete_id)
    plan = await uow.plans.get(active.plan_slug) if active else None
    return (len(plan.days), plan.name) if plan else (0, None)


async def clients_overview(
    uow: CoachingUnitOfWork, coach_id: int, now: datetime
) -> list[ClientLine]:
    async with uow:
        lines = []
        for coaching in await uow.coachings.clients(coach_id):
            client = await registered_user(uow, coaching.athlete_id)
            sessions = [w.started_at for w in await _sessions(uow, client.telegram_id, now)]
            planned, _ = await _planned_per_week(uow, client.telegram_id)
            monday = start_of(week_start(local_day(now, client.zone)), client.zone)
            lines.append(
                ClientLine(
                    client=client,
                    since=coaching.started_at,
                    done_this_week=sum(1 for moment in sessions if moment >= monday),
                    planned_per_week=planned,
                    last_session=max(sessions, default=None),
                    attention=attention(sessions, planned, now=now, since=coaching.started_at),
                )
            )
        return lines


async def client_card(
    uow: CoachingUnitOfWork, coach_id: int, athlete_id: int, now: datetime
) -> ClientCard:
    """The client's card, for their coach only: NotYourClientError for anyone else."""
    async with uow:
        coaching = await uow.coachings.current_for_athlete(athlete_id)
        if coaching is None or coaching.coach_id != coach_id:
            raise NotYourClientError(athlete_id)
        client = await registered_user(uow, athlete_id)
        workouts = await _sessions(uow, athlete_id, now)
        sessions = [w.started_at for w in workouts]
        planned, plan_name = await _planned_per_week(uow, athlete_id)
        return ClientCard(
            client=client,
            coaching=coaching,
            plan_name=plan_name,
            training_maxes=await uow.training_maxes.current(athlete_id),
            recent=(await uow.workouts.finished(athlete_id, limit=RECENT_WORKOUTS)),
            compliance={
                days: compliance(sessions, planned, now=now, days=days, since=coaching.started_at)
                for days in WINDOWS
            },
        )
