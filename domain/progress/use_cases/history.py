"""Finished workouts: the athlete's history, one past workout, and fixing a set logged wrong."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.progress.ports import ProgressUnitOfWork
from domain.shared.ports import Clock
from domain.shared.time import local_day
from domain.training.model import DoneSet, SetResult, Workout, WorkoutSet

PAGE_SIZE = 5


class PastWorkoutNotFoundError(LookupError):
    """No finished workout of this athlete has that id: still open, someone else's, or forged."""


class NoSuchSetError(LookupError):
    """The workout has no set at that position."""


@dataclass(frozen=True, slots=True)
class PastWorkout:
    workout: Workout
    day: date  # the day it was started, in the athlete's time zone

    @property
    def id(self) -> int:
        return self.workout.id or 0

    @property
    def sets_done(self) -> int:
        return sum(1 for s in self.workout.sets if s.done is not None)


@dataclass(frozen=True, slots=True)
class HistoryPage:
    workouts: tuple[PastWorkout, ...]  # newest first
    page: int  # 0-based
    has_next: bool
    today: date  # in the athlete's time zone

    @property
    def has_previous(self) -> bool:
        return self.page > 0


@dataclass(frozen=True, slots=True)
class Correction:
    past: PastWorkout  # with the corrected set
    before: WorkoutSet
    after: WorkoutSet


async def _past_workout(uow: ProgressUnitOfWork, athlete_id: int, workout_id: int) -> Workout:
    workout = await uow.workouts.get(workout_id)
    if workout is None or workout.athlete_id != athlete_id or workout.finished_at is None:
        raise PastWorkoutNotFoundError(workout_id)
    return workout


def _past(workout: Workout, user: User) -> PastWorkout:
    return PastWorkout(workout, local_day(workout.started_at, user.zone))


class ListHistory:
    """One page of the athlete's finished workouts, newest first."""

    def __init__(self, uow: ProgressUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, page: int = 0) -> HistoryPage:
        page = max(0, page)
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            found = await self._fetch(athlete_id, page)
            if not found and page > 0:  # a stale card can point past the end
                page = 0
                found = await self._fetch(athlete_id, page)
        return HistoryPage(
            workouts=tuple(_past(w, user) for w in found[:PAGE_SIZE]),
            page=page,
            has_next=len(found) > PAGE_SIZE,
            today=local_day(self._clock.now(), user.zone),
        )

    async def _fetch(self, athlete_id: int, page: int) -> list[Workout]:
        # one more than a page: whether it comes back tells if there is a next page
        return await self._uow.workouts.finished(
            athlete_id, limit=PAGE_SIZE + 1, offset=page * PAGE_SIZE
        )


class ShowPastWorkout:
    """One of the athlete's own finished workouts, set by set."""

    def __init__(self, uow: ProgressUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, workout_id: int) -> PastWorkout:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            return _past(await _past_workout(self._uow, athlete_id, workout_id), user)


class CorrectSet:
    """Rewrites what was done on one set of a finished workout; progression is not re-run.

    A set that was logged keeps when it was logged; one that was skipped or left open is
    logged now.
    """

    def __init__(self, uow: ProgressUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, workout_id: int, position: int, result: SetResult
    ) -> Correction:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            workout = await _past_workout(self._uow, athlete_id, workout_id)
            before = next((s for s in workout.sets if s.prescribed.position == position), None)
            if before is None:
                raise NoSuchSetError(position)
            prescribed = before.prescribed
            weight = result.weight or prescribed.weight
            reps = prescribed.reps if result.reps is None else result.reps
            done = (
                replace(before.done, weight=weight, reps=reps)
                if before.done is not None
                else DoneSet(weight=weight, reps=reps, logged_at=self._clock.now())
            )
            after = replace(before, done=done, skipped=False)
            await self._uow.workouts.save_set(workout_id, after)
            await self._uow.commit()
        sets = tuple(after if s is before else s for s in workout.sets)
        return Correction(_past(replace(workout, sets=sets), user), before, after)
