"""The SQL adapter for nutrition: targets, the food log, meal plans and prompts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.nutrition.meal_plan import parse_meal_plan
from domain.nutrition.model import FoodEntry, Macros, MealPlan, Prompt, PromptPurpose, Targets
from storage.core.dialects import dialect_insert
from storage.nutrition.tables import (
    FoodEntryRow,
    MealPlanRow,
    NutritionPromptRow,
    NutritionTargetsRow,
)


def _macros(
    kcal: int | None, protein: int | None, carbs: int | None, fat: int | None
) -> Macros | None:
    if kcal is None:
        return None
    return Macros(kcal, protein or 0, carbs or 0, fat or 0)


def _entry(row: FoodEntryRow) -> FoodEntry:
    return FoodEntry(
        row.id,
        row.athlete_id,
        row.day,
        row.eaten_at,
        row.name,
        Macros(row.kcal, row.protein, row.carbs, row.fat),
        row.photo_file_id,
        row.source_message_id,
    )


def _columns(macros: Macros | None, prefix: str = "") -> dict[str, int | None]:
    names = ("kcal", "protein", "carbs", "fat")
    if macros is None:
        return {prefix + name: None for name in names}
    return {prefix + name: getattr(macros, name) for name in names}


class SqlNutritionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def targets(self, athlete_id: int) -> Targets | None:
        row = await self._session.get(NutritionTargetsRow, athlete_id)
        if row is None:
            return None
        return Targets(
            athlete_id,
            _macros(row.kcal, row.protein, row.carbs, row.fat),
            _macros(row.training_kcal, row.training_protein, row.training_carbs, row.training_fat),
            row.restrictions,
            row.set_by,
        )

    async def save_targets(self, targets: Targets, at: datetime) -> None:
        values = {
            **_columns(targets.every_day),
            **_columns(targets.training, "training_"),
            "restrictions": targets.restrictions,
            "set_by": targets.set_by,
            "updated_at": at,
        }
        await self._session.execute(
            dialect_insert(self._session)(NutritionTargetsRow)
            .values(athlete_id=targets.athlete_id, **values)
            .on_conflict_do_update(index_elements=["athlete_id"], set_=values)
        )

    async def add_entry(self, entry: FoodEntry) -> FoodEntry:
        statement = dialect_insert(self._session)(FoodEntryRow).values(
            athlete_id=entry.athlete_id,
            day=entry.day,
            eaten_at=entry.eaten_at,
            name=entry.name,
            **_columns(entry.macros),
            photo_file_id=entry.photo_file_id,
            source_message_id=entry.source_message_id,
        )
        if entry.source_message_id is not None:
            await self._session.execute(
                statement.on_conflict_do_nothing(index_elements=["athlete_id", "source_message_id"])
            )
            row = await self._session.scalar(
                select(FoodEntryRow).where(
                    FoodEntryRow.athlete_id == entry.athlete_id,
                    FoodEntryRow.source_message_id == entry.source_message_id,
                )
            )
        else:
            inserted = await self._session.execute(statement.returning(FoodEntryRow.id))
            row = await self._session.get(FoodEntryRow, inserted.scalar_one())
        assert row is not None  # noqa: S101 - inserted or there already, in this transaction
        return _entry(row)

    async def entries(self, athlete_id: int, day: date) -> list[FoodEntry]:
        rows = await self._session.scalars(
            select(FoodEntryRow)
            .where(FoodEntryRow.athlete_id == athlete_id, FoodEntryRow.day == day)
            .order_by(FoodEntryRow.eaten_at, FoodEntryRow.id)
        )
        return [_entry(row) for row in rows]

    async def entry(self, entry_id: int) -> FoodEntry | None:
        row = await self._session.get(FoodEntryRow, entry_id)
        return None if row is None else _entry(row)

    async def delete_entry(self, entry_id: int) -> None:
        await self._session.execute(delete(FoodEntryRow).where(FoodEntryRow.id == entry_id))

    async def totals(self, athlete_id: int, first: date, last: date) -> dict[date, Macros]:
        rows = await self._session.execute(
            select(
                FoodEntryRow.day,
                func.sum(FoodEntryRow.kcal),
                func.sum(FoodEntryRow.protein),
                func.sum(FoodEntryRow.carbs),
                func.sum(FoodEntryRow.fat),
            )
            .where(
                FoodEntryRow.athlete_id == athlete_id,
                FoodEntryRow.day >= first,
                FoodEntryRow.day <= last,
            )
            .group_by(FoodEntryRow.day)
        )
        return {
            day: Macros(int(kcal), int(protein), int(carbs), int(fat))
            for day, kcal, protein, carbs, fat in rows
        }

    async def meal_plan(self, athlete_id: int) -> MealPlan | None:
        row = await self._session.get(MealPlanRow, athlete_id)
        if row is None:
            return None
        return MealPlan(
            athlete_id,
            row.coach_id or 0,
            parse_meal_plan(row.definition),
            row.definition,
            row.created_at,
        )

    async def save_meal_plan(self, plan: MealPlan) -> None:
        values = {"coach_id": plan.coach_id, "definition": plan.text, "created_at": plan.created_at}
        await self._session.execute(
            dialect_insert(self._session)(MealPlanRow)
            .values(athlete_id=plan.athlete_id, **values)
            .on_conflict_do_update(index_elements=["athlete_id"], set_=values)
        )

    async def add_prompt(self, prompt: Prompt, at: datetime) -> None:
        await self._session.execute(
            dialect_insert(self._session)(NutritionPromptRow)
            .values(
                chat_id=prompt.chat_id,
                message_id=prompt.message_id,
                owner_id=prompt.owner_id,
                athlete_id=prompt.athlete_id,
                purpose=prompt.purpose.value,
                created_at=at,
            )
            .on_conflict_do_nothing(index_elements=["chat_id", "message_id"])
        )

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None:
        row = await self._session.get(NutritionPromptRow, (chat_id, message_id))
        if row is None:
            return None
        return Prompt(
            row.chat_id, row.message_id, row.owner_id, row.athlete_id, PromptPurpose(row.purpose)
        )
