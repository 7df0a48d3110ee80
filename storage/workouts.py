"""The SQL adapter for the domain's WorkoutRepository: prescribed sets next to what was done."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from domain.plans import Tier
from domain.workouts import DoneSet, PrescribedSet, Workout, WorkoutSet
from storage.models import PlanRow, WorkoutRow, WorkoutSetRow
from storage.weights import to_weight, weight_columns


class SqlWorkoutRepository:
    """Workouts in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def open_for(self, athlete_id: int) -> Workout | None:
        """The athlete's unfinished workout, if any (there is at most one)."""
        found = (
            await self._session.execute(
                _workouts().where(
                    WorkoutRow.user_id == athlete_id, WorkoutRow.finished_at.is_(None)
                )
            )
        ).one_or_none()
        return None if found is None else _to_workout(found[0], found[1])

    async def get(self, workout_id: int) -> Workout | None:
        found = (
            await self._session.execute(_workouts().where(WorkoutRow.id == workout_id))
        ).one_or_none()
        return None if found is None else _to_workout(found[0], found[1])

    async def add(self, workout: Workout) -> Workout:
        """Stores a new workout with its prescribed sets; returns it with its id."""
        if workout.id is not None:
            raise ValueError(f"workout {workout.id} is stored already")
        plan_id = await self._session.scalar(
            select(PlanRow.id).where(PlanRow.slug == workout.plan_slug)
        )
        if plan_id is None:
            raise LookupError(f"no plan {workout.plan_slug!r}")
        row = WorkoutRow(
            user_id=workout.athlete_id,
            plan_id=plan_id,
            day_number=workout.day_number,
            day_name=workout.day_name,
            started_at=workout.started_at,
            finished_at=workout.finished_at,
            sets=[_set_row(workout_set) for workout_set in workout.sets],
        )
        self._session.add(row)
        await self._session.flush()
        return replace(workout, id=row.id)

    async def save_set(self, workout_id: int, workout_set: WorkoutSet) -> None:
        """Stores what was done (or skipped, or cleared) for the set at its position.

        The prescription stored with the workout stays as it is.
        """
        position = workout_set.prescribed.position
        row = await self._session.get(WorkoutSetRow, (workout_id, position))
        if row is None:
            raise LookupError(f"workout {workout_id} has no set at position {position}")
        _copy_done(workout_set, row)

    async def finish(self, workout_id: int, at: datetime) -> None:
        row = await self._session.get(WorkoutRow, workout_id)
        if row is None:
            raise LookupError(f"no workout {workout_id}")
        row.finished_at = at
        # Within one flush the ORM inserts before it updates: a new open workout added next
        # would meet this one still open in the partial unique index.
        await self._session.flush()

    async def finished(self, athlete_id: int, limit: int, offset: int = 0) -> list[Workout]:
        """Finished workouts, newest first."""
        found = await self._session.execute(
            _workouts()
            .where(WorkoutRow.user_id == athlete_id, WorkoutRow.finished_at.is_not(None))
            .order_by(WorkoutRow.finished_at.desc(), WorkoutRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return [_to_workout(row[0], row[1]) for row in found]


def _workouts() -> Select[WorkoutRow, str]:
    return (
        select(WorkoutRow, PlanRow.slug)
        .join(PlanRow, PlanRow.id == WorkoutRow.plan_id)
        .options(selectinload(WorkoutRow.sets))
        .execution_options(populate_existing=True)
    )


def _to_workout(row: WorkoutRow, plan_slug: str) -> Workout:
    return Workout(
        id=row.id,
        athlete_id=row.user_id,
        plan_slug=plan_slug,
        day_number=row.day_number,
        day_name=row.day_name,
        started_at=row.started_at,
        sets=tuple(_to_workout_set(set_row) for set_row in row.sets),
        finished_at=row.finished_at,
    )


def _to_workout_set(row: WorkoutSetRow) -> WorkoutSet:
    prescribed = PrescribedSet(
        position=row.position,
        slot_order=row.slot_order,
        tier=Tier(row.tier),
        exercise=row.exercise,
        training_max_of=row.training_max_of,
        display_name=row.display_name,
        set_number=row.set_number,
        sets_in_slot=row.sets_in_slot,
        weight=to_weight(row.prescribed_amount, row.prescribed_unit),
        reps=row.prescribed_reps,
        amrap=row.amrap,
        drives_progression=row.drives_progression,
    )
    done = None
    # A CHECK constraint keeps the done columns all set or all NULL.
    if (
        row.done_amount is not None
        and row.done_unit is not None
        and row.done_reps is not None
        and row.logged_at is not None
    ):
        done = DoneSet(
            weight=to_weight(row.done_amount, row.done_unit),
            reps=row.done_reps,
            logged_at=row.logged_at,
            rpe=row.rpe,
            note=row.note,
            source_message_id=row.source_message_id,
        )
    return WorkoutSet(prescribed=prescribed, done=done, skipped=row.skipped)


def _set_row(workout_set: WorkoutSet) -> WorkoutSetRow:
    prescribed = workout_set.prescribed
    amount, unit = weight_columns(prescribed.weight)
    row = WorkoutSetRow(
        position=prescribed.position,
        slot_order=prescribed.slot_order,
        tier=prescribed.tier.value,
        exercise=prescribed.exercise,
        training_max_of=prescribed.training_max_of,
        display_name=prescribed.display_name,
        set_number=prescribed.set_number,
        sets_in_slot=prescribed.sets_in_slot,
        prescribed_amount=amount,
        prescribed_unit=unit,
        prescribed_reps=prescribed.reps,
        amrap=prescribed.amrap,
        drives_progression=prescribed.drives_progression,
    )
    _copy_done(workout_set, row)
    return row


def _copy_done(workout_set: WorkoutSet, row: WorkoutSetRow) -> None:
    done = workout_set.done
    row.skipped = workout_set.skipped
    if done is None:
        row.done_amount = row.done_unit = row.done_reps = None
        row.rpe = row.note = row.logged_at = row.source_message_id = None
        return
    row.done_amount, row.done_unit = weight_columns(done.weight)
    row.done_reps = done.reps
    row.rpe = done.rpe
    row.note = done.note
    row.logged_at = done.logged_at
    row.source_message_id = done.source_message_id
