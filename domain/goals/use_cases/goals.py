"""Setting goals, following them from what is logged, pausing them, and celebrating once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.goals.model import UPWARD, Goal, GoalKind, GoalStatus
from domain.goals.ports import GoalsUnitOfWork, GoalWording
from domain.goals.progress import Progress, progress
from domain.goals.readings import best_e1rm, best_time, heaviest, sessions_this_week, week_start
from domain.goals.text import GoalError, GoalProblem, read_goal
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import local_day, start_of
from domain.training.maxes_text import ALIASES

logger = logging.getLogger(__name__)

CELEBRATION_EXPIRES = timedelta(days=2)
MAX_OPEN = 20  # active or paused goals an athlete keeps: /goals stays one message
COMPLETED_SHOWN = 5


class UnknownGoalError(LookupError):
    """No such goal of this athlete's."""


@dataclass(frozen=True, slots=True)
class GoalView:
    goal: Goal
    progress: Progress
    subject_name: str | None  # the lift's name from the library; else the goal's subject


def key_of(goal_id: int) -> str:
    return f"goal:{goal_id}:reached"


async def _lift_slug(uow: GoalsUnitOfWork, typed: str) -> str:
    exercises = await uow.exercises.all()
    slug = ALIASES.get(typed, typed.replace(" ", "_"))
    if slug in exercises:
        return slug
    by_name = {exercise.name.casefold(): exercise.slug for exercise in exercises.values()}
    if typed in by_name:
        return by_name[typed]
    raise GoalError(GoalProblem.UNKNOWN_LIFT)


async def current_reading(
    uow: GoalsUnitOfWork, athlete: User, goal: Goal, now: datetime
) -> Decimal | None:
    """Where the goal stands from what is logged (or measured, for the body's kinds)."""
    athlete_id = athlete.telegram_id
    match goal.kind:
        case GoalKind.LIFT | GoalKind.E1RM:
            sets = await uow.lifted_sets.sets_of(athlete_id, goal.subject or "")
            unit = goal.unit or athlete.unit
            if goal.kind == GoalKind.LIFT:
                return heaviest(sets, unit)
            return best_e1rm(sets, unit, athlete.e1rm_formula)
        case GoalKind.BENCHMARK:
            results = await uow.conditioning.named_results(
                athlete_id, goal.subject or "", before=now
            )
            return best_time(results)
        case GoalKind.SESSIONS:
            today = local_day(now, athlete.zone)
            since = start_of(week_start(today), athlete.zone)
            lifted = await uow.strength_days.lifted_since(athlete_id, since)
            done = await uow.conditioning.done_since(athlete_id, since)
            moments = [at for at, _ in lifted] + [result.logged_at for result, _ in done]
            return Decimal(sessions_this_week(moments, athlete.zone, today))
        case GoalKind.BODY_WEIGHT:
            weight = await uow.body_readings.latest_body_weight(athlete_id)
            return None if weight is None else weight.to(goal.unit or athlete.unit).amount
        case GoalKind.MEASUREMENT:
            return await uow.body_readings.latest_measurement(athlete_id, goal.subject or "")


async def _view(uow: GoalsUnitOfWork, athlete: User, goal: Goal, now: datetime) -> GoalView:
    current = await current_reading(uow, athlete, goal, now)
    name = goal.subject
    if goal.kind in (GoalKind.LIFT, GoalKind.E1RM):
        exercise = (await uow.exercises.all()).get(goal.subject or "")
        name = exercise.name if exercise else goal.subject
    return GoalView(goal, progress(goal, current), name)


class SetGoal:
    """A goal from the text typed after /goals; GoalError names what is wrong, and nothing is
    kept then (a goal already met is refused: there is nothing to aim at)."""

    def __init__(self, uow: GoalsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, text: str) -> GoalView:
        now = self._clock.now()
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            draft = read_goal(text, athlete.unit)
            if draft.due < local_day(now, athlete.zone):
                raise GoalError(GoalProblem.PAST)
            kept = await self._uow.goals.of_athlete(athlete_id)
            if sum(1 for g in kept if g.status != GoalStatus.COMPLETED) >= MAX_OPEN:
                raise GoalError(GoalProblem.TOO_MANY)
            subject = draft.subject
            if draft.kind in (GoalKind.LIFT, GoalKind.E1RM):
                subject = await _lift_slug(self._uow, draft.subject or "")
            goal = Goal(
                None, athlete_id, draft.kind, draft.target, draft.due, now, subject, draft.unit
            )
            start = await current_reading(self._uow, athlete, goal, now)
            goal = replace(goal, start=start)
            if progress(goal, start).reached:
                raise GoalError(GoalProblem.REACHED)
            goal = await self._uow.goals.add(goal)
            view = await _view(self._uow, athlete, goal, now)
            await self._uow.commit()
            return view


async def goals_of(uow: GoalsUnitOfWork, clock: Clock, athlete_id: int) -> list[GoalView]:
    """The athlete's goals with their progress: active first, then paused, then the latest
    few completed."""
    now = clock.now()
    async with uow:
        athlete = await registered_user(uow, athlete_id)
        goals = await uow.goals.of_athlete(athlete_id)
        shown = [
            g
            for status in (GoalStatus.ACTIVE, GoalStatus.PAUSED)
            for g in goals
            if g.status == status
        ]
        completed = [g for g in goals if g.status == GoalStatus.COMPLETED]
        shown += completed[-COMPLETED_SHOWN:][::-1]
        return [await _view(uow, athlete, goal, now) for goal in shown]


class ChangeGoal:
    """Pauses an active goal or resumes a paused one; UnknownGoalError for anyone else's."""

    def __init__(self, uow: GoalsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, goal_id: int, *, paused: bool) -> GoalView:
        async with self._uow:
            goal = await self._uow.goals.get(goal_id)
            if goal is None or goal.athlete_id != athlete_id:
                raise UnknownGoalError(goal_id)
            athlete = await registered_user(self._uow, athlete_id)
            if goal.status != GoalStatus.COMPLETED:
                goal = replace(goal, status=GoalStatus.PAUSED if paused else GoalStatus.ACTIVE)
                await self._uow.goals.save(goal)
            view = await _view(self._uow, athlete, goal, self._clock.now())
            await self._uow.commit()
            return view


class CelebrateGoals:
    """Marks each active goal that is reached completed and queues its celebration, once (the
    status and the outbox key both say so). A goal still without a start gets its first
    reading as one. Returns how many were celebrated."""

    def __init__(self, uow: GoalsUnitOfWork, clock: Clock, wording: GoalWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        async with self._uow:
            athletes = await self._uow.goals.with_active()
        celebrated = 0
        for athlete_id in athletes:
            try:
                celebrated += await self._athlete(athlete_id)
            except Exception:  # one athlete's failure must not cost the others theirs
                logger.exception("checking the goals of athlete %d failed", athlete_id)
        return celebrated

    async def _athlete(self, athlete_id: int) -> int:
        now = self._clock.now()
        celebrated = 0
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            for goal in await self._uow.goals.of_athlete(athlete_id):
                if goal.status != GoalStatus.ACTIVE or goal.id is None:
                    continue
                view = await _view(self._uow, athlete, goal, now)
                current = view.progress.current
                if current is None:
                    continue
                if not view.progress.reached:
                    if goal.start is None and goal.kind not in UPWARD:
                        await self._uow.goals.save(replace(goal, start=current))
                    continue
                reached = replace(goal, status=GoalStatus.COMPLETED, reached_at=now)
                await self._uow.goals.save(reached)
                text = self._wording.goal_reached(athlete, reached, current, view.subject_name)
                celebrated += await self._uow.outbox.add(
                    OutgoingMessage(
                        key=key_of(goal.id),
                        chat_id=athlete_id,
                        not_before=now,
                        text=text,
                        language=athlete.language.value,
                        expires_at=now + CELEBRATION_EXPIRES,
                    )
                )
            await self._uow.commit()
        return celebrated
