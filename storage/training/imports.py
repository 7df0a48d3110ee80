"""The SQL adapter for the domain's ImportRepository: files sent and the workouts they added."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.training.imports.convert import IMPORTED_PLAN
from domain.training.imports.model import App, StoredImport
from domain.training.model import Workout
from storage.core.dialects import dialect_insert
from storage.plans.tables import PlanRow
from storage.training.tables import WorkoutImportRow, WorkoutRow
from storage.training.workouts import set_row


class SqlImportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find(self, athlete_id: int, content_hash: str) -> StoredImport | None:
        row = await self._session.scalar(
            select(WorkoutImportRow).where(
                WorkoutImportRow.user_id == athlete_id,
                WorkoutImportRow.content_hash == content_hash,
            )
        )
        return None if row is None else _to_import(row)

    async def get(self, import_id: int, *, lock: bool = False) -> StoredImport | None:
        query = select(WorkoutImportRow).where(WorkoutImportRow.id == import_id)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else _to_import(row)

    async def add(
        self, athlete_id: int, app: App, content_hash: str, file_id: str, at: datetime
    ) -> StoredImport:
        row = WorkoutImportRow(
            user_id=athlete_id,
            app=app.value,
            content_hash=content_hash,
            file_id=file_id,
            created_at=at,
            workouts=0,
        )
        self._session.add(row)
        await self._session.flush()
        return _to_import(row)

    async def started_at(self, athlete_id: int) -> set[datetime]:
        rows = await self._session.scalars(
            select(WorkoutRow.started_at).where(WorkoutRow.user_id == athlete_id)
        )
        return set(rows)

    async def add_workout(self, import_id: int, workout: Workout) -> int:
        row = WorkoutRow(
            user_id=workout.athlete_id,
            plan_id=await self._imported_plan(),
            day_number=0,
            day_name=workout.day_name,
            started_at=workout.started_at,
            finished_at=workout.finished_at,
            deload=False,
            import_id=import_id,
            sets=[set_row(workout_set) for workout_set in workout.sets],
        )
        self._session.add(row)
        await self._session.flush()
        return row.id

    async def mark_imported(self, import_id: int, at: datetime, workouts: int) -> None:
        await self._session.execute(
            update(WorkoutImportRow)
            .where(WorkoutImportRow.id == import_id)
            .values(imported_at=at, workouts=workouts)
        )

    async def remove(self, import_id: int) -> None:
        # The sets and records go with their workouts (ON DELETE CASCADE, on both databases).
        await self._session.execute(delete(WorkoutRow).where(WorkoutRow.import_id == import_id))
        await self._session.execute(
            delete(WorkoutImportRow).where(WorkoutImportRow.id == import_id)
        )

    async def _imported_plan(self) -> int:
        """The plan imported workouts name: no days, never offered (its definition is empty);
        the first import makes it (two at once make one)."""
        found = select(PlanRow.id).where(PlanRow.slug == IMPORTED_PLAN)
        plan_id = await self._session.scalar(found)
        if plan_id is None:
            await self._session.execute(
                dialect_insert(self._session)(PlanRow)
                .values(
                    slug=IMPORTED_PLAN,
                    name="Imported",
                    definition="",
                    is_builtin=False,
                    is_published=False,
                    created_at=func.now(),
                )
                .on_conflict_do_nothing(index_elements=["slug"])
            )
            plan_id = await self._session.scalar(found)
        if plan_id is None:
            raise LookupError("the imported workouts' plan was not made")
        return plan_id


def _to_import(row: WorkoutImportRow) -> StoredImport:
    return StoredImport(
        id=row.id,
        athlete_id=row.user_id,
        app=App(row.app),
        content_hash=row.content_hash,
        file_id=row.file_id,
        created_at=row.created_at,
        imported_at=row.imported_at,
        workouts=row.workouts,
    )
