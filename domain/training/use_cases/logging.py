"""A workout in progress: open today's, log, skip, undo, note, relog an edited set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.shared.ports import Clock
from domain.training.model import DoneSet, SetResult, Workout, WorkoutSet
from domain.training.ports import TrainingUnitOfWork
from domain.training.prescription import prescribe_day


class NoActivePlanError(LookupError):
    """The athlete has not chosen a plan yet."""


class WorkoutInProgressError(RuntimeError):
    """Another day was asked for while a workout with logged sets is open."""

    def __init__(self, workout: Workout) -> None:
        super().__init__(workout.id)
        self.workout = workout


class WorkoutNotFoundError(LookupError):
    """No open workout of this athlete has that id: finished, someone else's, or forged."""


async def athlete_and_open_workout(
    uow: TrainingUnitOfWork, athlete_id: int
) -> tuple[User, Workout | None]:
    """The athlete and their unfinished workout, if any, read in one transaction."""
    async with uow:
        return await registered_user(uow, athlete_id), await uow.workouts.open_for(athlete_id)


async def owned_open_workout(uow: TrainingUnitOfWork, athlete_id: int, workout_id: int) -> Workout:
    workout = await uow.workouts.open_for(athlete_id)
    if workout is None or workout.id != workout_id:
        raise WorkoutNotFoundError(workout_id)
    return workout


def _with_set(workout: Workout, changed: WorkoutSet) -> Workout:
    sets = tuple(
        changed if s.prescribed.position == changed.prescribed.position else s for s in workout.sets
    )
    return replace(workout, sets=sets)


class OpenWorkout:
    """The athlete's open workout, or a new one for the plan's next day (or a chosen day)."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, day_number: int | None = None) -> Workout:
        async with self._uow:
            current = await self._uow.workouts.open_for(athlete_id)
            if current is not None and day_number in (None, current.day_number):
                return current
            user = await registered_user(self._uow, athlete_id)
            active = await self._uow.athlete_plans.active(athlete_id)
            plan = await self._uow.plans.get(active.plan_slug) if active else None
            if active is None or plan is None:
                raise NoActivePlanError(athlete_id)
            if current is not None:  # switching days: only an untouched workout is replaced
                if any(not s.is_open for s in current.sets):
                    raise WorkoutInProgressError(current)
                await self._uow.workouts.finish(current.id or 0, self._clock.now())
            number = day_number or active.next_day
            if not any(day.number == number for day in plan.days):
                number = 1  # the plan was rewritten with fewer days
            maxes = await self._uow.training_maxes.current(athlete_id)
            tracks = await self._uow.tracks.current(athlete_id)
            deload = plan.day(number).deload or user.deloading(self._clock.now())
            prescribed = prescribe_day(
                plan,
                number,
                {exercise: tm.weight for exercise, tm in maxes.items()},
                unit=user.unit,
                step=user.rounding_step,
                rounding=user.rounding,
                tracks={key: track.state for key, track in tracks.items()},
                deload=deload and not plan.day(number).deload,
            )
            workout = await self._uow.workouts.add(
                Workout(
                    id=None,
                    athlete_id=athlete_id,
                    plan_slug=plan.slug,
                    day_number=number,
                    day_name=plan.day(number).name,
                    started_at=self._clock.now(),
                    sets=tuple(WorkoutSet(p) for p in prescribed),
                    deload=deload,
                )
            )
            await self._uow.commit()
            return workout


class LogSet:
    """Logs the open set at `position` (the next open one if None); a repeat changes nothing."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self,
        athlete_id: int,
        workout_id: int,
        position: int | None,
        result: SetResult,
        source_message_id: int | None = None,
    ) -> Workout:
        async with self._uow:
            workout = await owned_open_workout(self._uow, athlete_id, workout_id)
            target = _target(workout.sets, position)
            if target is None or not target.is_open:
                return workout  # a double tap or a redelivered press: already logged
            prescribed = target.prescribed
            done = DoneSet(
                weight=result.weight or prescribed.weight,
                reps=prescribed.reps if result.reps is None else result.reps,
                logged_at=self._clock.now(),
                rpe=result.rpe,
                source_message_id=source_message_id,
            )
            logged = replace(target, done=done, skipped=False)
            await self._uow.workouts.save_set(workout_id, logged)
            await self._uow.commit()
            return _with_set(workout, logged)


async def set_logged_by(
    uow: TrainingUnitOfWork, athlete_id: int, message_id: int
) -> WorkoutSet | None:
    """The set of the open workout that this athlete's message logged, if any."""
    async with uow:
        workout = await uow.workouts.open_for(athlete_id)
    if workout is None:
        return None
    return next(
        (s for s in workout.sets if s.done and s.done.source_message_id == message_id), None
    )


class RelogEditedSet:
    """The athlete edited the message that logged a set: the set takes the edited values."""

    def __init__(self, uow: TrainingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(
        self, athlete_id: int, source_message_id: int, result: SetResult
    ) -> WorkoutSet | None:
        async with self._uow:
            workout = await self._uow.workouts.open_for(athlete_id)
            if workout is None or workout.id is None:
                return None
            target = next(
                (
                    s
                    for s in workout.sets
                    if s.done and s.done.source_message_id == source_message_id
                ),
                None,
            )
            if target is None or target.done is None:
                return None
            done = replace(
                target.done,
                weight=result.weight or target.prescribed.weight,
                reps=target.prescribed.reps if result.reps is None else result.reps,
                rpe=result.rpe,
            )
            relogged = replace(target, done=done)
            await self._uow.workouts.save_set(workout.id, relogged)
            await self._uow.commit()
            return relogged


class AddNote:
    """Attaches a note to the set logged last."""

    def __init__(self, uow: TrainingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, workout_id: int, note: str) -> WorkoutSet | None:
        async with self._uow:
            workout = await owned_open_workout(self._uow, athlete_id, workout_id)
            target = next((s for s in reversed(workout.sets) if s.done), None)
            if target is None or target.done is None:
                return None
            noted = replace(target, done=replace(target.done, note=note[:NOTE_LIMIT]))
            await self._uow.workouts.save_set(workout_id, noted)
            await self._uow.commit()
            return noted


NOTE_LIMIT = 300


class SkipSet:
    def __init__(self, uow: TrainingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, workout_id: int, position: int | None) -> Workout:
        async with self._uow:
            workout = await owned_open_workout(self._uow, athlete_id, workout_id)
            target = _target(workout.sets, position)
            if target is None or not target.is_open:
                return workout
            skipped = replace(target, skipped=True)
            await self._uow.workouts.save_set(workout_id, skipped)
            await self._uow.commit()
            return _with_set(workout, skipped)


class ReopenSet:
    """Undo: reopens the set at `position`, or the last one logged or skipped if None."""

    def __init__(self, uow: TrainingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, workout_id: int, position: int | None) -> Workout:
        async with self._uow:
            workout = await owned_open_workout(self._uow, athlete_id, workout_id)
            target = (
                _target(workout.sets, position) if position is not None else last_closed(workout)
            )
            if target is None or target.is_open:
                return workout
            reopened = replace(target, done=None, skipped=False)
            await self._uow.workouts.save_set(workout_id, reopened)
            await self._uow.commit()
            return _with_set(workout, reopened)


def last_closed(workout: Workout) -> WorkoutSet | None:
    """The furthest set logged or skipped: sets are worked through in order."""
    return next((s for s in reversed(workout.sets) if not s.is_open), None)


def _target(sets: Sequence[WorkoutSet], position: int | None) -> WorkoutSet | None:
    if position is None:
        return next((s for s in sets if s.is_open), None)
    return next((s for s in sets if s.prescribed.position == position), None)
