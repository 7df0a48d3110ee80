"""The series behind /progress, read for one athlete."""

from __future__ import annotations

from collections import Counter, defaultdict

from domain.athletes.use_cases.registration import registered_user
from domain.body.trend import body_trend
from domain.progress.ports import ProgressUnitOfWork
from domain.progress.series import (
    CALENDAR_MONTHS,
    MAIN,
    Progress,
    lift_progress,
    months_back,
    training_calendar,
    weekly_volume,
)
from domain.shared.ports import Clock
from domain.shared.time import local_day, start_of
from domain.training.model import LoggedSet


class ShowProgress:
    """The series behind /progress: a year of e1RMs, training days and body weight, recent
    weekly volume."""

    def __init__(self, uow: ProgressUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int) -> Progress:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            zone = user.zone
            today = local_day(self._clock.now(), zone)
            first = months_back(today, CALENDAR_MONTHS - 1)
            since = start_of(first, zone)
            recent = await self._uow.workouts.logged_sets(athlete_id, since=since)
            exercises = await self._uow.exercises.all()
            maxes = await self._uow.training_maxes.current(athlete_id)
            trained = Counter(s.exercise for s in recent)
            main = sorted(
                (e for e in exercises.values() if e.category == MAIN),
                key=lambda e: (-trained[e.slug], e.slug),
            )
            shown = [e for e in main if trained[e.slug]]  # a lift not trained: no empty panel
            # records are judged against all history: the main lifts' sets from before the window
            earlier = await self._uow.workouts.logged_sets(
                athlete_id, until=since, exercises=[e.slug for e in shown]
            )
            tm_history = {
                e.slug: await self._uow.training_maxes.history(athlete_id, e.slug)
                for e in shown
                if e.slug in maxes
            }
            metcons = await self._uow.conditioning.done_since(athlete_id, since)
            classes = await self._uow.class_days.attended_since(athlete_id, since)
            active = await self._uow.athlete_plans.active(athlete_id)
            plan = await self._uow.plans.get(active.plan_slug) if active else None
            weights = await self._uow.body_weights.weights_since(athlete_id, first)
        by_lift: dict[str, list[LoggedSet]] = defaultdict(list)
        for lifted in (*earlier, *recent):
            by_lift[lifted.exercise].append(lifted)
        charted = (
            lift_progress(
                exercise,
                by_lift[exercise.slug],
                tm_history.get(exercise.slug, ()),
                unit=user.unit,
                zone=zone,
                since=first,
                formula=user.e1rm_formula,
            )
            for exercise in shown
        )
        lifts = tuple(lift for lift in charted if lift.points)  # failed sets estimate nothing
        return Progress(
            unit=user.unit,
            formula=user.e1rm_formula,
            today=today,
            lifts=lifts,
            volume=weekly_volume(recent, exercises, unit=user.unit, zone=zone, today=today),
            calendar=training_calendar(
                recent,
                zone=zone,
                today=today,
                planned_per_week=plan.sessions_per_week if plan else None,
                metcons=(result.logged_at for result, _ in metcons),
                classes=classes,
            ),
            body=body_trend(weights, user.unit),
        )
