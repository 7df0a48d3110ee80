"""A workout in progress: open today's, log, skip, undo, finish with progression."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.plans.model import Plan
from domain.plans.rules.tracks import Track, working_weight
from domain.shared.e1rm import E1rmFormula, e1rm
from domain.shared.ports import Clock
from domain.shared.weights import Weight
from domain.training.advance import advance_workout
from domain.training.model import DoneSet, TrainingMax, Workout, WorkoutSet
from domain.training.ports import TrainingUnitOfWork
from domain.training.prescription import Athlete, prescribe_day
from domain.training.progression import TrainingMaxChange, reset_training_max, suggests_reset
from domain.training.records import DatedSet, PersonalRecord, personal_records


class NoActivePlanError(LookupError):
    """The athlete has not chosen a plan yet."""


class WorkoutInProgressError(RuntimeError):
    """Another day was asked for while a workout with logged sets is open."""

    def __init__(self, workout: Workout) -> None:
        super().__init__(workout.id)
        self.workout = workout


class WorkoutNotFoundError(LookupError):
    """No open workout of this athlete has that id: finished, someone else's, or forged."""


@dataclass(frozen=True, slots=True)
class SetResult:
    """What the athlete did on a set; None means as prescribed."""

    weight: Weight | None = None
    reps: int | None = None
    rpe: Decimal | None = None


async def athlete_and_open_workout(
    uow: TrainingUnitOfWork, athlete_id: int
) -> tuple[User, Workout | None]:
    """The athlete and their unfinished workout, if any, read in one transaction."""
    async with uow:
        return await registered_user(uow, athlete_id), await uow.workouts.open_for(athlete_id)


async def _open_workout(uow: TrainingUnitOfWork, athlete_id: int, workout_id: int) -> Workout:
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
            workout = await _open_workout(self._uow, athlete_id, workout_id)
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
            workout = await _open_workout(self._uow, athlete_id, workout_id)
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
            workout = await _open_workout(self._uow, athlete_id, workout_id)
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
            workout = await _open_workout(self._uow, athlete_id, workout_id)
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


STALL_LOOKBACK = 12  # finished workouts searched for the previous result on a 1+ set


class FinishWorkout:
    """Closes the workout, raises training maxes per the plan, and moves on to the next day."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, workout_id: int) -> WorkoutSummary:
        async with self._uow:
            workout = await _open_workout(self._uow, athlete_id, workout_id)
            user = await registered_user(self._uow, athlete_id)
            plan = await self._uow.plans.get(workout.plan_slug)
            now = self._clock.now()
            changes: tuple[TrainingMaxChange, ...] = ()
            resets: tuple[TrainingMaxChange, ...] = ()
            if plan is not None and any(d.number == workout.day_number for d in plan.days):
                resets = await self._stalls(workout)
                changes = await self._progress(plan, workout, user, now)
                await self._uow.athlete_plans.set_next_day(
                    athlete_id, _next_day(plan, workout.day_number)
                )
            lifted = sorted({s.prescribed.exercise for s in workout.sets if s.done})
            history = await self._uow.workouts.done_sets(athlete_id, lifted)
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
        )

    async def _stalls(self, workout: Workout) -> tuple[TrainingMaxChange, ...]:
        """A 10% reset to propose for each TM whose 1+ set got 0 reps now and the time before."""
        zeros = _progression_reps(workout, only_zero=True)
        if not zeros or workout.deload:
            return ()
        earlier = await self._uow.workouts.finished(workout.athlete_id, STALL_LOOKBACK)
        maxes = await self._uow.training_maxes.current(workout.athlete_id)
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
                        exercise, current.weight, new, new.amount - current.weight.amount, STALLED
                    )
                )
        return tuple(resets)

    async def _progress(
        self, plan: Plan, workout: Workout, user: User, now: datetime
    ) -> tuple[TrainingMaxChange, ...]:
        athlete_id = workout.athlete_id
        maxes = await self._uow.training_maxes.current(athlete_id)
        tracks = await self._uow.tracks.current(athlete_id)
        progress = advance_workout(
            plan,
            _as_loadable(workout, user),
            exercises=await self._uow.exercises.all(),
            training_maxes={e: tm.weight for e, tm in maxes.items()},
            tracks={key: track.state for key, track in tracks.items()},
            athlete=Athlete(user.unit, user.rounding_step, user.rounding),
        )
        for change in progress.changes:
            if change.track is None:
                await self._uow.training_maxes.add(
                    athlete_id, TrainingMax(change.exercise, change.new, now, change.reason)
                )
        for update in progress.tracks:
            if update.key not in tracks:  # kept, so a declined first change has a way back
                await self._uow.tracks.add(athlete_id, Track(update.key, update.before, now, START))
            await self._uow.tracks.add(
                athlete_id, Track(update.key, update.state, now, update.reason)
            )
        return progress.changes


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
    workout: Workout, history: Sequence[tuple[str, DoneSet]], formula: E1rmFormula
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
        before = [DatedSet.of(done) for lift, done in history if lift == exercise]
        now = [
            DatedSet.of(w.done, deload=workout.deload)
            for w in workout.sets
            if w.done and w.prescribed.exercise == exercise and not w.prescribed.warmup
        ]
        records = personal_records(before, now, formula)
        bests.append(LiftBest(exercise, s.prescribed.display_name, best, records))
    return tuple(bests)


DECLINED = "change declined"
STALLED = "−10%: no reps on the 1+ set twice in a row"
RESET = "reset 10% after a stall"
START = "where the plan starts"


class DeclineChange:
    """Restores the value from before a change, if that change is still the latest.

    `key` is the exercise of a training max, or with `track` the key of a working weight.
    """

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, key: str, changed_to: Decimal, *, track: bool = False
    ) -> Weight | None:
        async with self._uow:
            kept = await (self._track if track else self._training_max)(athlete_id, key, changed_to)
            if kept is not None:
                await self._uow.commit()
            return kept

    async def _training_max(
        self, athlete_id: int, exercise: str, changed_to: Decimal
    ) -> Weight | None:
        history = await self._uow.training_maxes.history(athlete_id, exercise)
        if len(history) < 2:
            return None
        latest = history[-1]
        if latest.reason == DECLINED or not _same(latest.weight.amount, changed_to):
            return None  # declined already, or changed again since (by plan or by hand)
        kept = TrainingMax(exercise, history[-2].weight, self._clock.now(), DECLINED)
        await self._uow.training_maxes.add(athlete_id, kept)
        return kept.weight

    async def _track(self, athlete_id: int, key: str, changed_to: Decimal) -> Weight | None:
        history = await self._uow.tracks.history(athlete_id, key)
        if not history:
            return None
        latest = history[-1]
        weight = working_weight(latest.state)
        if latest.reason == DECLINED or weight is None or not _same(weight.amount, changed_to):
            return None
        if len(history) < 2:
            return None  # the first entry: nothing from before to go back to
        previous = history[-2].state
        await self._uow.tracks.add(athlete_id, Track(key, previous, self._clock.now(), DECLINED))
        return working_weight(previous)


class ResetTrainingMax:
    """Takes the proposed 10% off a stalled TM, if the TM is still the one the proposal saw."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, exercise: str, reset_from: Decimal) -> Weight | None:
        async with self._uow:
            current = (await self._uow.training_maxes.current(athlete_id)).get(exercise)
            if current is None or not _same(current.weight.amount, reset_from):
                return None  # reset already, or changed since
            new = reset_training_max(current.weight)
            await self._uow.training_maxes.add(
                athlete_id, TrainingMax(exercise, new, self._clock.now(), RESET)
            )
            await self._uow.commit()
            return new


def _same(amount: Decimal, shown: Decimal) -> bool:
    """True when `amount` is the value a button showed (to two decimals, as format_amount)."""
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == shown
