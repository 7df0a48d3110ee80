"""Finishing a workout: progression, personal records, proposed resets and the summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.plans.model import Plan
from domain.plans.rules.reasons import PLAN_START, Reason, ReasonKind
from domain.shared.e1rm import E1rmFormula, e1rm
from domain.shared.ports import Clock
from domain.shared.weights import Weight
from domain.training.advance import advance_workout
from domain.training.model import LiftTrack, TrainingMax, Workout, WorkoutSet
from domain.training.ports import TrainingUnitOfWork
from domain.training.prescription import AthleteLoading
from domain.training.progression import (
    RESET_FACTOR,
    Proposal,
    TrainingMaxChange,
    reset_training_max,
    suggests_reset,
)
from domain.training.records import DatedSet, PersonalRecord, personal_records
from domain.training.use_cases.logging import owned_open_workout


@dataclass(frozen=True, slots=True)
class LiftBest:
    exercise: str
    display_name: str
    e1rm: Weight
    records: tuple[PersonalRecord, ...]  # what this workout beat in the athlete's history


@dataclass(frozen=True, slots=True)
class WorkoutSummary:
    workout: Workout
    sets_done: int
    volume: Weight
    duration: timedelta
    bests: tuple[LiftBest, ...]
    changes: tuple[TrainingMaxChange, ...]
    resets: tuple[TrainingMaxChange, ...] = ()  # proposed, not made: the athlete confirms
    proposed: tuple[TrainingMaxChange, ...] = ()  # not made: they wait for the coach


STALL_LOOKBACK = 12  # finished workouts searched for the previous result on a 1+ set


class FinishWorkout:
    """Closes the workout, raises training maxes per the plan, and moves on to the next day."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, workout_id: int) -> WorkoutSummary:
        async with self._uow:
            workout = await owned_open_workout(self._uow, athlete_id, workout_id)
            user = await registered_user(self._uow, athlete_id)
            plan = await self._uow.plans.get(workout.plan_slug)
            now = self._clock.now()
            changes: tuple[TrainingMaxChange, ...] = ()
            resets: tuple[TrainingMaxChange, ...] = ()
            proposed: tuple[TrainingMaxChange, ...] = ()
            if plan is not None and any(d.number == workout.day_number for d in plan.days):
                resets = await self._stalls(workout)
                changes, proposed = await self._progress(plan, workout, user, now)
                await self._uow.athlete_plans.set_next_day(
                    athlete_id, _next_day(plan, workout.day_number)
                )
            lifted = sorted({s.prescribed.exercise for s in workout.sets if s.done})
            history = await self._uow.workouts.first_sets(athlete_id, lifted)
            bests = _bests(workout, history, user.e1rm_formula)
            if not workout.deload:
                for best in bests:
                    # one record of a kind per lift and workout: the first set to set it
                    kinds = {record.kind: record for record in reversed(best.records)}
                    for record in kinds.values():
                        await self._uow.records.add(athlete_id, workout_id, best.exercise, record)
            await self._uow.workouts.finish(workout_id, now)
            await self._uow.commit()
        finished = replace(workout, finished_at=now)
        return WorkoutSummary(
            workout=finished,
            sets_done=sum(1 for s in workout.sets if s.done),
            volume=_volume(workout, user),
            duration=now - workout.started_at,
            bests=bests,
            changes=changes,
            resets=resets,
            proposed=proposed,
        )

    async def _stalls(self, workout: Workout) -> tuple[TrainingMaxChange, ...]:
        """A 10% reset to propose for each TM whose 1+ set got 0 reps now and the time before."""
        zeros = _progression_reps(workout, only_zero=True)
        if not zeros or workout.deload:
            return ()
        earlier = await self._uow.workouts.finished(workout.athlete_id, STALL_LOOKBACK)
        maxes = await self._uow.training_maxes.current(workout.athlete_id)
        exercises = await self._uow.exercises.all()
        resets = []
        for exercise in zeros:
            before = next(
                (reps[exercise] for w in earlier if exercise in (reps := _progression_reps(w))),
                None,
            )
            current = maxes.get(exercise)
            if current is not None and before is not None and suggests_reset([before, 0]):
                new = reset_training_max(current.weight)
                resets.append(
                    TrainingMaxChange(
                        exercise,
                        exercises[exercise].name,
                        current.weight,
                        new,
                        new.amount - current.weight.amount,
                        STALLED,
                    )
                )
        return tuple(resets)

    async def _progress(
        self, plan: Plan, workout: Workout, user: User, now: datetime
    ) -> tuple[tuple[TrainingMaxChange, ...], tuple[TrainingMaxChange, ...]]:
        """The changes made, and the training-max changes proposed to the coach instead."""
        athlete_id = workout.athlete_id
        maxes = await self._uow.training_maxes.current(athlete_id)
        tracks = await self._uow.tracks.current(athlete_id)
        progress = advance_workout(
            plan,
            _as_loadable(workout, user),
            exercises=await self._uow.exercises.all(),
            training_maxes={e: tm.weight for e, tm in maxes.items()},
            tracks={key: track.state for key, track in tracks.items()},
            athlete=AthleteLoading(user.unit, user.rounding_step, user.rounding),
        )
        approval = await self._uow.proposals.approval_required(athlete_id)
        proposed = tuple(c for c in progress.changes if approval and c.track is None)
        for change in progress.changes:
            if change in proposed:
                await self._uow.proposals.add(
                    Proposal(None, athlete_id, workout.id or 0, change, now)
                )
            elif change.track is None:
                await self._uow.training_maxes.add(
                    athlete_id, TrainingMax(change.exercise, change.new, now, change.reason)
                )
        for update in progress.tracks:
            if update.key not in tracks:  # kept, so a declined first change has a way back
                await self._uow.tracks.add(
                    athlete_id, LiftTrack(update.key, update.before, now, PLAN_START)
                )
            await self._uow.tracks.add(
                athlete_id, LiftTrack(update.key, update.state, now, update.reason)
            )
        return tuple(c for c in progress.changes if c not in proposed), proposed


def _as_loadable(workout: Workout, user: User) -> Workout:
    """The workout as the card prescribed it: each weight the nearest the athlete can load."""
    sets = tuple(
        replace(s, prescribed=replace(s.prescribed, weight=user.loads(s.prescribed.weight).total))
        for s in workout.sets
    )
    return replace(workout, sets=sets)


def _progression_reps(workout: Workout, *, only_zero: bool = False) -> dict[str, int]:
    """Reps done on each TM's 1+ sets in the workout (the last one counts)."""
    found = {
        s.prescribed.training_max_of: s.done.reps
        for s in workout.sets
        if s.prescribed.drives_progression and s.done is not None and not workout.deload
    }
    return {e: reps for e, reps in found.items() if reps == 0} if only_zero else found


def _next_day(plan: Plan, day_number: int) -> int:
    return plan.next_day(day_number)


def _volume(workout: Workout, user: User) -> Weight:
    total = Decimal(0)
    for s in workout.sets:
        if s.done:
            total += s.done.weight.to(user.unit).amount * s.done.reps
    return Weight(total, user.unit)


def _best_e1rm(sets: Sequence[WorkoutSet], exercise: str, formula: E1rmFormula) -> Weight | None:
    best: Weight | None = None
    for s in sets:
        if s.done and s.done.reps > 0 and s.prescribed.exercise == exercise:
            estimate = e1rm(s.done.weight, s.done.reps, formula)
            if estimate is not None and (
                best is None or estimate.to(best.unit).amount > best.amount
            ):
                best = estimate
    return best


def _bests(
    workout: Workout, history: Sequence[tuple[str, DatedSet]], formula: E1rmFormula
) -> tuple[LiftBest, ...]:
    bests: list[LiftBest] = []
    seen: set[str] = set()
    for s in workout.sets:
        exercise = s.prescribed.exercise
        if exercise in seen:
            continue
        seen.add(exercise)
        best = _best_e1rm(workout.sets, exercise, formula)
        if best is None:
            continue
        before = [lifted for lift, lifted in history if lift == exercise]
        now = [
            DatedSet.of(w.done, deload=workout.deload)
            for w in workout.sets
            if w.done and w.prescribed.exercise == exercise and not w.prescribed.warmup
        ]
        records = personal_records(before, now, formula)
        bests.append(LiftBest(exercise, s.prescribed.display_name, best, records))
    return tuple(bests)


STALLED = Reason.of(ReasonKind.RESET_PROPOSED, factor=RESET_FACTOR)
