"""The SQL adapter for the domain's TrainingMaxRepository: an append-only history."""

from __future__ import annotations

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from domain.training.model import TrainingMax
from storage.core.columns import to_weight, weight_columns
from storage.training.reasons import reason_columns, to_reason
from storage.training.tables import TrainingMaxRow


class SqlTrainingMaxRepository:
    """Training maxes in the session's transaction, stored unrounded; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def current(self, athlete_id: int) -> dict[str, TrainingMax]:
        """The newest entry per exercise (the later-added one if two share a time)."""
        rows = await self._session.scalars(_CURRENT, {"athlete_id": athlete_id})
        return {row.exercise: _to_training_max(row) for row in rows}

    async def history(self, athlete_id: int, exercise: str) -> list[TrainingMax]:
        """Oldest first."""
        rows = await self._session.scalars(
            select(TrainingMaxRow)
            .where(TrainingMaxRow.user_id == athlete_id, TrainingMaxRow.exercise == exercise)
            .order_by(TrainingMaxRow.effective_at, TrainingMaxRow.id)
            .execution_options(populate_existing=True)
        )
        return [_to_training_max(row) for row in rows]

    async def add(self, athlete_id: int, training_max: TrainingMax) -> None:
        amount, unit = weight_columns(training_max.weight)
        reason_kind, reason_params = reason_columns(training_max.reason)
        self._session.add(
            TrainingMaxRow(
                user_id=athlete_id,
                exercise=training_max.exercise,
                amount=amount,
                unit=unit,
                effective_at=training_max.effective_at,
                reason_kind=reason_kind,
                reason_params=reason_params,
            )
        )


def _to_training_max(row: TrainingMaxRow) -> TrainingMax:
    return TrainingMax(
        exercise=row.exercise,
        weight=to_weight(row.amount, row.unit),
        effective_at=row.effective_at,
        reason=to_reason(row.reason_kind, row.reason_params),
    )


def _newest_per_exercise() -> Select[TrainingMaxRow]:
    """Built once: read on every finished workout and opened day, and building it cost more
    than running it."""
    rank = (
        func.row_number()
        .over(
            partition_by=TrainingMaxRow.exercise,
            order_by=(TrainingMaxRow.effective_at.desc(), TrainingMaxRow.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(TrainingMaxRow, rank)
        .where(TrainingMaxRow.user_id == bindparam("athlete_id"))
        .subquery()
    )
    newest = aliased(TrainingMaxRow, ranked)
    return (
        select(newest)
        .where(ranked.c.rank == 1)
        .order_by(newest.exercise)
        .execution_options(populate_existing=True)
    )


_CURRENT = _newest_per_exercise()
