"""The SQL adapters for goals: goals, assessments, and the sets a lift goal follows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.goals.model import Assessment, AssessmentPrompt, Goal, GoalKind, GoalStatus
from domain.shared.weights import Unit, Weight
from storage.core.columns import to_weight
from storage.core.dialects import dialect_insert
from storage.goals.tables import AssessmentPromptRow, AssessmentRow, GoalRow
from storage.training.tables import WorkoutRow, WorkoutSetRow


def _goal(row: GoalRow) -> Goal:
    return Goal(
        row.id,
        row.athlete_id,
        GoalKind(row.kind),
        row.target,
        row.due,
        row.created_at,
        row.subject,
        None if row.unit is None else Unit(row.unit),
        GoalStatus(row.status),
        row.start,
        row.reached_at,
    )


class SqlGoalRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, goal: Goal) -> Goal:
        row = GoalRow(
            athlete_id=goal.athlete_id,
            kind=goal.kind.value,
            subject=goal.subject,
            target=goal.target,
            unit=None if goal.unit is None else goal.unit.value,
            due=goal.due,
            status=goal.status.value,
            start=goal.start,
            created_at=goal.created_at,
            reached_at=goal.reached_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _goal(row)

    async def get(self, goal_id: int) -> Goal | None:
        row = await self._session.get(GoalRow, goal_id)
        return None if row is None else _goal(row)

    async def of_athlete(self, athlete_id: int) -> list[Goal]:
        rows = await self._session.scalars(
            select(GoalRow).where(GoalRow.athlete_id == athlete_id).order_by(GoalRow.id)
        )
        return [_goal(row) for row in rows]

    async def save(self, goal: Goal) -> None:
        row = await self._session.get(GoalRow, goal.id)
        if row is None:
            raise LookupError(f"no goal {goal.id}")
        row.status = goal.status.value
        row.start = goal.start
        row.reached_at = goal.reached_at
        await self._session.flush()

    async def with_active(self) -> list[int]:
        rows = await self._session.scalars(
            select(GoalRow.athlete_id)
            .where(GoalRow.status == GoalStatus.ACTIVE.value)
            .distinct()
            .order_by(GoalRow.athlete_id)
        )
        return list(rows)


def _assessment(row: AssessmentRow) -> Assessment:
    return Assessment(
        row.id, row.athlete_id, row.coach_id, row.day, row.tests, row.notes, row.created_at
    )


class SqlAssessmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, assessment: Assessment) -> Assessment:
        row = AssessmentRow(
            athlete_id=assessment.athlete_id,
            coach_id=assessment.coach_id,
            day=assessment.day,
            tests=assessment.tests,
            notes=assessment.notes,
            created_at=assessment.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _assessment(row)

    async def of_athlete(self, athlete_id: int, limit: int) -> list[Assessment]:
        rows = await self._session.scalars(
            select(AssessmentRow)
            .where(AssessmentRow.athlete_id == athlete_id)
            .order_by(AssessmentRow.day.desc(), AssessmentRow.id.desc())
            .limit(limit)
        )
        return [_assessment(row) for row in rows]

    async def add_prompt(self, prompt: AssessmentPrompt, at: datetime) -> None:
        await self._session.execute(
            dialect_insert(self._session)(AssessmentPromptRow)
            .values(
                chat_id=prompt.chat_id,
                message_id=prompt.message_id,
                coach_id=prompt.coach_id,
                athlete_id=prompt.athlete_id,
                created_at=at,
            )
            .on_conflict_do_nothing(index_elements=["chat_id", "message_id"])
        )

    async def prompt(self, chat_id: int, message_id: int) -> AssessmentPrompt | None:
        row = await self._session.get(AssessmentPromptRow, (chat_id, message_id))
        if row is None:
            return None
        return AssessmentPrompt(row.chat_id, row.message_id, row.coach_id, row.athlete_id)


class SqlLiftedSets:
    """Goals' view of training's sets: work sets done, finished workouts or not."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def sets_of(self, athlete_id: int, exercise: str) -> list[tuple[Weight, int]]:
        rows = await self._session.execute(
            select(WorkoutSetRow.done_amount, WorkoutSetRow.done_unit, WorkoutSetRow.done_reps)
            .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
            .where(
                WorkoutRow.user_id == athlete_id,
                WorkoutSetRow.exercise == exercise,
                WorkoutSetRow.warmup.is_(False),
                WorkoutSetRow.done_amount.is_not(None),
            )
        )
        return [
            (to_weight(amount, unit), reps)
            for amount, unit, reps in rows
            if amount is not None and unit is not None and reps is not None
        ]
