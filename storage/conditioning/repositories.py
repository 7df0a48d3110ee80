"""The SQL adapter for conditioning: saved workouts (as text) and results."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.conditioning.model import LoggedResult, Prompt, SavedWorkout, WorkoutSource
from domain.conditioning.scores import Scheme, Score, Status
from domain.conditioning.text import parse_workout, workout_to_text
from storage.conditioning.tables import (
    ConditioningPromptRow,
    ConditioningResultRow,
    ConditioningWorkoutRow,
)
from storage.core.dialects import dialect_insert


def _saved(row: ConditioningWorkoutRow) -> SavedWorkout:
    return SavedWorkout(
        row.id,
        row.owner_id,
        WorkoutSource(row.source),
        parse_workout(row.definition),
        row.created_at,
    )


def _result(row: ConditioningResultRow) -> LoggedResult:
    score = Score(
        Scheme(row.scheme),
        row.value,
        Status(row.status),
        row.reps_at_cap,
        row.tiebreak,
        row.tiebreak_reps,
        row.capped_sets,
    )
    return LoggedResult(
        row.id,
        row.athlete_id,
        row.workout_id,
        score,
        row.rx,
        row.logged_at,
        row.note,
        row.source_message_id,
        row.percentile,
        () if row.sets is None else _sets_from_json(row.sets, row.scheme),
    )


def _sets_json(sets: tuple[Score, ...]) -> str | None:
    if not sets:
        return None
    return json.dumps([[s.value, s.status.value, s.reps_at_cap] for s in sets])


def _sets_from_json(text: str, scheme: str) -> tuple[Score, ...]:
    return tuple(
        Score(Scheme(scheme), value, Status(status), reps_at_cap)
        for value, status, reps_at_cap in json.loads(text)
    )


class SqlConditioningRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_workout(self, saved: SavedWorkout) -> SavedWorkout:
        row = ConditioningWorkoutRow(
            owner_id=saved.owner_id,
            source=saved.source.value,
            name=saved.workout.name,
            definition=workout_to_text(saved.workout),
            created_at=saved.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _saved(row)

    async def workout(self, workout_id: int) -> SavedWorkout | None:
        row = await self._session.get(ConditioningWorkoutRow, workout_id)
        return None if row is None else _saved(row)

    async def add_result(self, result: LoggedResult) -> LoggedResult:
        score = result.score
        values = {
            "athlete_id": result.athlete_id,
            "workout_id": result.workout_id,
            "scheme": score.scheme.value,
            "value": score.value,
            "status": score.status.value,
            "reps_at_cap": score.reps_at_cap,
            "tiebreak": score.tiebreak,
            "tiebreak_reps": score.tiebreak_reps,
            "capped_sets": score.capped_sets,
            "rx": result.rx,
            "note": result.note,
            "logged_at": result.logged_at,
            "source_message_id": result.source_message_id,
            "percentile": result.percentile,
            "sets": _sets_json(result.sets),
        }
        statement = dialect_insert(self._session)(ConditioningResultRow).values(**values)
        if result.source_message_id is not None:
            statement = statement.on_conflict_do_nothing(
                index_elements=["athlete_id", "source_message_id"]
            )
            await self._session.execute(statement)
            row = await self._session.scalar(
                select(ConditioningResultRow).where(
                    ConditioningResultRow.athlete_id == result.athlete_id,
                    ConditioningResultRow.source_message_id == result.source_message_id,
                )
            )
        else:
            inserted = await self._session.execute(statement.returning(ConditioningResultRow.id))
            row = await self._session.get(ConditioningResultRow, inserted.scalar_one())
        assert row is not None  # noqa: S101 - inserted or there already, in this transaction
        return _result(row)

    async def results(self, athlete_id: int, limit: int) -> list[LoggedResult]:
        rows = await self._session.scalars(
            select(ConditioningResultRow)
            .where(ConditioningResultRow.athlete_id == athlete_id)
            .order_by(ConditioningResultRow.logged_at.desc(), ConditioningResultRow.id.desc())
            .limit(limit)
        )
        return [_result(row) for row in rows]

    async def done_since(
        self, athlete_id: int, since: datetime
    ) -> list[tuple[LoggedResult, SavedWorkout]]:
        rows = await self._session.execute(
            select(ConditioningResultRow, ConditioningWorkoutRow)
            .join(ConditioningWorkoutRow)
            .where(
                ConditioningResultRow.athlete_id == athlete_id,
                ConditioningResultRow.logged_at >= since,
            )
            .order_by(ConditioningResultRow.logged_at, ConditioningResultRow.id)
        )
        return [(_result(result), _saved(workout)) for result, workout in rows]

    async def named_results(
        self, athlete_id: int, name: str, *, before: datetime
    ) -> list[LoggedResult]:
        rows = await self._session.scalars(
            select(ConditioningResultRow)
            .join(ConditioningWorkoutRow)
            .where(
                ConditioningResultRow.athlete_id == athlete_id,
                ConditioningWorkoutRow.name == name,
                ConditioningResultRow.logged_at <= before,
            )
            .order_by(ConditioningResultRow.logged_at)
        )
        return [_result(row) for row in rows]

    async def best_rx_by_athlete(self, name: str, since: datetime) -> list[LoggedResult]:
        rows = await self._session.scalars(
            select(ConditioningResultRow)
            .join(ConditioningWorkoutRow)
            .where(
                ConditioningWorkoutRow.name == name,
                ConditioningWorkoutRow.source == WorkoutSource.BENCHMARK.value,
                ConditioningResultRow.rx.is_(True),
                ConditioningResultRow.logged_at >= since,
            )
        )
        return [_result(row) for row in rows]

    async def add_prompt(self, prompt: Prompt, at: datetime) -> None:
        await self._session.execute(
            dialect_insert(self._session)(ConditioningPromptRow)
            .values(
                chat_id=prompt.chat_id,
                message_id=prompt.message_id,
                athlete_id=prompt.athlete_id,
                workout_id=prompt.workout_id,
                rx=prompt.rx,
                created_at=at,
            )
            .on_conflict_do_nothing(index_elements=["chat_id", "message_id"])
        )

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None:
        row = await self._session.get(ConditioningPromptRow, (chat_id, message_id))
        if row is None:
            return None
        return Prompt(row.chat_id, row.message_id, row.athlete_id, row.workout_id, row.rx)
