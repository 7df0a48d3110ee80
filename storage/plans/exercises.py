"""The SQL adapter for the domain's ExerciseRepository."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.plans.model import BodyRegion, Exercise
from storage.plans.tables import ExerciseRow

LIBRARY_LOCK = 0x53_70_4C_69  # "SpLi": the library's advisory lock key in its database


class SqlExerciseRepository:
    """The exercise catalogue in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def hold_library(self) -> None:
        """On PostgreSQL, makes another transaction holding the library wait until this one
        ends (SQLite has one writer, and one process, already)."""
        if self._session.get_bind().dialect.name == "postgresql":
            await self._session.execute(select(func.pg_advisory_xact_lock(LIBRARY_LOCK)))

    async def all(self) -> dict[str, Exercise]:
        rows = await self._session.scalars(
            select(ExerciseRow).order_by(ExerciseRow.slug).execution_options(populate_existing=True)
        )
        return {row.slug: _to_exercise(row) for row in rows}

    async def save_all(self, exercises: Sequence[Exercise]) -> None:
        """Adds new exercises and updates changed ones (by slug)."""
        slugs = [exercise.slug for exercise in exercises]
        stored = {
            row.slug: row
            for row in await self._session.scalars(
                select(ExerciseRow).where(ExerciseRow.slug.in_(slugs))
            )
        }
        for exercise in exercises:
            row = stored.get(exercise.slug)
            if row is None:
                row = stored[exercise.slug] = ExerciseRow(slug=exercise.slug)
                self._session.add(row)
            row.name = exercise.name
            row.muscle_group = exercise.muscle_group
            row.category = exercise.category
            row.region = exercise.region.value

    async def visible_to(self, athlete_id: int) -> dict[str, Exercise]:
        """The shared library and the athlete's own exercises, by slug."""
        rows = await self._session.scalars(
            select(ExerciseRow)
            .where(or_(ExerciseRow.owner_id.is_(None), ExerciseRow.owner_id == athlete_id))
            .order_by(ExerciseRow.slug)
        )
        return {row.slug: _to_exercise(row) for row in rows}

    async def owned_by(self, athlete_id: int) -> list[Exercise]:
        rows = await self._session.scalars(
            select(ExerciseRow).where(ExerciseRow.owner_id == athlete_id)
        )
        return [_to_exercise(row) for row in rows]

    async def add_own(self, athlete_id: int, exercise: Exercise) -> None:
        """Adds an exercise of the athlete's own, or updates theirs of that slug."""
        row = await self._session.get(ExerciseRow, exercise.slug)
        if row is None:
            row = ExerciseRow(slug=exercise.slug, owner_id=athlete_id)
            self._session.add(row)
        elif row.owner_id != athlete_id:
            raise ValueError(f"exercise {exercise.slug!r} is not {athlete_id}'s own")
        row.name = exercise.name
        row.muscle_group = exercise.muscle_group
        row.category = exercise.category
        row.region = exercise.region.value


def _to_exercise(row: ExerciseRow) -> Exercise:
    return Exercise(
        slug=row.slug,
        name=row.name,
        muscle_group=row.muscle_group,
        category=row.category,
        region=BodyRegion(row.region),
    )
