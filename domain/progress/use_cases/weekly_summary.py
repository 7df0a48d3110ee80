"""The facts of one athlete's week, for the weekly summary."""

from __future__ import annotations

from domain.athletes.use_cases.registration import registered_user
from domain.progress.ports import ProgressUnitOfWork
from domain.progress.series import WeeklySummary, monday_of, weekly_summary
from domain.shared.ports import Clock
from domain.shared.time import local_day, start_of


class SummariseWeek:
    """The weekly summary of the week that holds now, in the athlete's time zone."""

    def __init__(self, uow: ProgressUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int) -> WeeklySummary:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            week = monday_of(local_day(self._clock.now(), user.zone))
            begins = start_of(week, user.zone)
            done = await self._uow.workouts.logged_sets(athlete_id, since=begins)
            history = await self._uow.workouts.logged_sets(
                athlete_id, until=begins, exercises=sorted({s.exercise for s in done})
            )
            maxes = await self._uow.training_maxes.current(athlete_id)
            tm_history = {
                slug: await self._uow.training_maxes.history(athlete_id, slug) for slug in maxes
            }
            exercises = await self._uow.exercises.all()
            active = await self._uow.athlete_plans.active(athlete_id)
            plan = await self._uow.plans.get(active.plan_slug) if active else None
            conditioning = await self._uow.conditioning.done_since(athlete_id, begins)
        return weekly_summary(
            week,
            done,
            history,
            tm_history,
            exercises,
            zone=user.zone,
            planned_per_week=plan.sessions_per_week if plan else None,
            formula=user.e1rm_formula,
            conditioning=conditioning,
            unit=user.unit,
        )
