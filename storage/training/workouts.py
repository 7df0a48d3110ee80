"""The SQL adapter for the domain's WorkoutRepository: prescribed sets next to what was done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, RowMapping, Select, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.plans.model import Tier
from domain.training.model import DoneSet, LoggedSet, PrescribedSet, Workout, WorkoutSet
from domain.training.records import DatedSet
from storage.core.columns import to_weight, weight_columns
from storage.plans.tables import PlanRow
from storage.training.tables import WorkoutRow, WorkoutSetRow

# id, user_id, day_number, day_name, started_at, finished_at, deload, plan slug
_WorkoutQuery = Select[int, int, int, str, datetime, datetime | None, bool, str]
_WorkoutRow = Row[int, int, int, str, datetime, datetime | None, bool, str]

LOGGED_SETS_BATCH = 500


class SqlWorkoutRepository:
    """Workouts in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        # Open workouts as this unit of work read them. An update reads the athlete's for the
        # card, then the use case reads it again in a transaction of its own: the second read
        # is answered here (the athlete's updates run one at a time). The first write forgets
        # them all and stops remembering, so nothing uncommitted outlives a rollback.
        self._open: dict[int, Workout | None] = {}
        self._written = False

    async def open_for(self, athlete_id: int) -> Workout | None:
        """The athlete's unfinished workout, if any (there is at most one)."""
        if athlete_id in self._open:
            return self._open[athlete_id]
        # Every update of a workout in progress reads it: one statement, built once, run on
        # the connection (the ORM's execution path cost more than the query).
        connection = await self._session.connection()
        rows = (await connection.execute(_OPEN_WORKOUT, {"athlete_id": athlete_id})).all()
        workout = None
        if rows:
            sets = tuple(_to_workout_set(row) for row in rows if row.position is not None)
            workout = _to_workout(rows[0], sets)
        if not self._written:
            self._open[athlete_id] = workout
        return workout

    def _writing(self) -> None:
        self._written = True
        self._open.clear()

    async def get(self, workout_id: int) -> Workout | None:
        found = await self._load(_workouts().where(WorkoutRow.id == workout_id))
        return found[0] if found else None

    async def done_sets(
        self, athlete_id: int, exercises: Sequence[str]
    ) -> list[tuple[str, DoneSet]]:
        """Every work set done in the athlete's finished workouts of these exercises, oldest first.

        Warm-up sets and deload workouts are left out: they are no yardstick for records.
        """
        session = self._session
        if session.new or session.dirty or session.deleted:
            await session.flush()
        connection = await session.connection()
        rows = await connection.execute(
            _DONE_SETS, {"athlete_id": athlete_id, "exercises": list(exercises)}
        )
        # Every finished workout's sets of the lifts: only what a done set is, by key.
        return [(row[0], _to_done_set(row._mapping)) for row in rows]

    async def first_sets(
        self, athlete_id: int, exercises: Sequence[str]
    ) -> list[tuple[str, DatedSet]]:
        """Each weight × reps done, once, when first done: a finished workout reads a few
        hundred rows, not the athlete's whole history."""
        connection = await self._session.connection()
        rows = await connection.execute(
            _FIRST_SETS, {"athlete_id": athlete_id, "exercises": list(exercises)}
        )
        return [(row[0], _first_set(row._mapping)) for row in rows]

    async def logged_sets(
        self,
        athlete_id: int,
        since: datetime | None = None,
        until: datetime | None = None,
        exercises: Sequence[str] | None = None,
    ) -> list[LoggedSet]:
        """Sets done in finished workouts started in [since, until), oldest first.

        Only of `exercises` if given; either bound may be left open.
        """
        query = (
            select(
                WorkoutRow.id,
                WorkoutRow.started_at,
                WorkoutSetRow.exercise,
                WorkoutSetRow.done_amount,
                WorkoutSetRow.done_unit,
                WorkoutSetRow.done_reps,
                WorkoutSetRow.logged_at,
            )
            .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
            .where(
                WorkoutRow.user_id == athlete_id,
                WorkoutRow.finished_at.is_not(None),
                WorkoutSetRow.done_amount.is_not(None),
            )
            .order_by(WorkoutSetRow.logged_at, WorkoutSetRow.workout_id, WorkoutSetRow.position)
        )
        if since is not None:
            query = query.where(WorkoutRow.started_at >= since)
        if until is not None:
            query = query.where(WorkoutRow.started_at < until)
        if exercises is not None:
            query = query.where(WorkoutSetRow.exercise.in_(exercises))
        # A year is thousands of rows: read in batches, so other updates run in between.
        result = await self._session.stream(query)
        found = []
        async for rows in result.partitions(LOGGED_SETS_BATCH):
            for row in rows:
                amount, unit, reps, logged_at = (
                    row.done_amount,
                    row.done_unit,
                    row.done_reps,
                    row.logged_at,
                )
                # A CHECK constraint keeps the done columns all set or all NULL.
                if amount is not None and unit is not None and reps is not None and logged_at:
                    weight = to_weight(amount, unit)
                    found.append(
                        LoggedSet(row.id, row.started_at, row.exercise, weight, reps, logged_at)
                    )
        return found

    async def all_open(self) -> list[Workout]:
        """Every athlete's unfinished workout."""
        return await self._load(_workouts().where(WorkoutRow.finished_at.is_(None)))

    async def _load(self, query: _WorkoutQuery) -> list[Workout]:
        # Plain rows, not ORM objects: every set logged reads the whole workout back, and
        # building seventeen ORM objects each time cost more than the rest of the update.
        workouts = (await self._session.execute(query)).all()
        if not workouts:
            return []
        sets = await self._session.execute(
            select(*WorkoutSetRow.__table__.columns)
            .where(WorkoutSetRow.workout_id.in_([w.id for w in workouts]))
            .order_by(WorkoutSetRow.workout_id, WorkoutSetRow.position)
        )
        by_workout: dict[int, list[WorkoutSet]] = {w.id: [] for w in workouts}
        for set_row in sets:
            by_workout[set_row.workout_id].append(_to_workout_set(set_row))
        return [_to_workout(w, tuple(by_workout[w.id])) for w in workouts]

    async def add(self, workout: Workout) -> Workout:
        """Stores a new workout with its prescribed sets; returns it with its id."""
        if workout.id is not None:
            raise ValueError(f"workout {workout.id} is stored already")
        self._writing()
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
            deload=workout.deload,
            sets=[set_row(workout_set) for workout_set in workout.sets],
        )
        self._session.add(row)
        await self._session.flush()
        return replace(workout, id=row.id)

    async def save_set(self, workout_id: int, workout_set: WorkoutSet) -> None:
        """Stores what was done (or skipped, or cleared) for the set at its position.

        The prescription stored with the workout stays as it is.
        """
        self._writing()
        position = workout_set.prescribed.position
        values = {f"new_{column}": value for column, value in _done_columns(workout_set).items()}
        connection = await self._session.connection()
        changed = await connection.execute(
            _SAVE_SET, {"workout": workout_id, "at_position": position, **values}
        )
        if changed.rowcount == 0:
            raise LookupError(f"workout {workout_id} has no set at position {position}")

    async def finish(self, workout_id: int, at: datetime) -> None:
        self._writing()
        row = await self._session.get(WorkoutRow, workout_id)
        if row is None:
            raise LookupError(f"no workout {workout_id}")
        row.finished_at = at
        # Within one flush the ORM inserts before it updates: a new open workout added next
        # would meet this one still open in the partial unique index.
        await self._session.flush()

    async def finished(self, athlete_id: int, limit: int, offset: int = 0) -> list[Workout]:
        """Finished workouts, newest first."""
        return await self._load(
            _workouts()
            .where(WorkoutRow.user_id == athlete_id, WorkoutRow.finished_at.is_not(None))
            .order_by(WorkoutRow.finished_at.desc(), WorkoutRow.id.desc())
            .limit(limit)
            .offset(offset)
        )


def _workouts() -> _WorkoutQuery:
    return select(
        WorkoutRow.id,
        WorkoutRow.user_id,
        WorkoutRow.day_number,
        WorkoutRow.day_name,
        WorkoutRow.started_at,
        WorkoutRow.finished_at,
        WorkoutRow.deload,
        PlanRow.slug,
    ).join(PlanRow, PlanRow.id == WorkoutRow.plan_id)


_OPEN_WORKOUT = (
    _workouts()
    .add_columns(*WorkoutSetRow.__table__.columns)
    .outerjoin(WorkoutSetRow, WorkoutSetRow.workout_id == WorkoutRow.id)
    .where(WorkoutRow.user_id == bindparam("athlete_id"), WorkoutRow.finished_at.is_(None))
    .order_by(WorkoutSetRow.position)
)

# What records are measured against: the athlete's work sets of the exercises, done in finished
# workouts; warm-ups and deloads are no yardstick.
_WORK_DONE_IN_FINISHED_WORKOUTS = (
    WorkoutRow.user_id == bindparam("athlete_id"),
    WorkoutRow.finished_at.is_not(None),
    WorkoutRow.deload.is_(False),
    WorkoutSetRow.warmup.is_(False),
    WorkoutSetRow.exercise.in_(bindparam("exercises", expanding=True)),
    WorkoutSetRow.done_amount.is_not(None),
)
_DONE_SETS = (
    select(
        WorkoutSetRow.exercise,
        WorkoutSetRow.done_amount,
        WorkoutSetRow.done_unit,
        WorkoutSetRow.done_reps,
        WorkoutSetRow.logged_at,
        WorkoutSetRow.rpe,
        WorkoutSetRow.note,
        WorkoutSetRow.source_message_id,
    )
    .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
    .where(*_WORK_DONE_IN_FINISHED_WORKOUTS)
    .order_by(WorkoutSetRow.logged_at)
)

_FIRST_DONE = func.min(WorkoutSetRow.logged_at).label("first_done")
_FIRST_SETS = (
    select(
        WorkoutSetRow.exercise,
        WorkoutSetRow.done_amount,
        WorkoutSetRow.done_unit,
        WorkoutSetRow.done_reps,
        _FIRST_DONE,
    )
    .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
    .where(*_WORK_DONE_IN_FINISHED_WORKOUTS)
    .group_by(
        WorkoutSetRow.exercise,
        WorkoutSetRow.done_amount,
        WorkoutSetRow.done_unit,
        WorkoutSetRow.done_reps,
    )
    .order_by(_FIRST_DONE)
)


def _to_workout(row: _WorkoutRow, sets: tuple[WorkoutSet, ...]) -> Workout:
    return Workout(
        id=row.id,
        athlete_id=row.user_id,
        plan_slug=row.slug,
        day_number=row.day_number,
        day_name=row.day_name,
        started_at=row.started_at,
        sets=sets,
        finished_at=row.finished_at,
        deload=row.deload,
    )


def _to_workout_set(row: Row[Any]) -> WorkoutSet:
    # By key through the mapping: a Row's attributes cost 0.7 µs each, eight times as much,
    # and an open workout of 25 sets reads 800 of them on every logged set.
    column = row._mapping
    prescribed = PrescribedSet(
        position=column["position"],
        slot_order=column["slot_order"],
        tier=Tier(column["tier"]),
        exercise=column["exercise"],
        training_max_of=column["training_max_of"],
        display_name=column["display_name"],
        set_number=column["set_number"],
        sets_in_slot=column["sets_in_slot"],
        weight=to_weight(column["prescribed_amount"], column["prescribed_unit"]),
        reps=column["prescribed_reps"],
        amrap=column["amrap"],
        drives_progression=column["drives_progression"],
        top_reps=column["top_reps"],
        target_rpe=column["target_rpe"],
        warmup=column["warmup"],
        optional=column["optional"],
        superset=column["superset"],
    )
    # A CHECK constraint keeps the done columns all set or all NULL.
    done = None if column["done_amount"] is None else _to_done_set(column)
    return WorkoutSet(prescribed=prescribed, done=done, skipped=column["skipped"])


def _first_set(column: RowMapping) -> DatedSet:
    weight = to_weight(column["done_amount"], column["done_unit"])
    return DatedSet(weight, column["done_reps"], column["first_done"])


def _to_done_set(column: RowMapping) -> DoneSet:
    return DoneSet(
        weight=to_weight(column["done_amount"], column["done_unit"]),
        reps=column["done_reps"],
        logged_at=column["logged_at"],
        rpe=column["rpe"],
        note=column["note"],
        source_message_id=column["source_message_id"],
    )


def set_row(workout_set: WorkoutSet) -> WorkoutSetRow:
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
        top_reps=prescribed.top_reps,
        target_rpe=prescribed.target_rpe,
        warmup=prescribed.warmup,
        optional=prescribed.optional,
        superset=prescribed.superset,
    )
    for column, value in _done_columns(workout_set).items():
        setattr(row, column, value)
    return row


def _done_columns(workout_set: WorkoutSet) -> dict[str, Any]:
    done = workout_set.done
    if done is None:
        return dict.fromkeys(_DONE_COLUMNS, None) | {"skipped": workout_set.skipped}
    amount, unit = weight_columns(done.weight)
    return {
        "done_amount": amount,
        "done_unit": unit,
        "done_reps": done.reps,
        "rpe": done.rpe,
        "note": done.note,
        "logged_at": done.logged_at,
        "source_message_id": done.source_message_id,
        "skipped": workout_set.skipped,
    }


_DONE_COLUMNS = (
    "done_amount",
    "done_unit",
    "done_reps",
    "rpe",
    "note",
    "logged_at",
    "source_message_id",
)


_SAVE_SET = (
    update(WorkoutSetRow)
    .where(
        WorkoutSetRow.workout_id == bindparam("workout"),
        WorkoutSetRow.position == bindparam("at_position"),
    )
    .values({column: bindparam(f"new_{column}") for column in (*_DONE_COLUMNS, "skipped")})
)
