"""Nutrition's tables: targets, the food log, meal plans (as text), and the bot's questions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from domain.nutrition.model import PromptPurpose
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class NutritionTargetsRow(Base):
    """An athlete's daily targets; the training-day columns are empty when the same."""

    __tablename__ = "nutrition_targets"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    kcal: Mapped[int | None] = mapped_column(Integer)
    protein: Mapped[int | None] = mapped_column(Integer)
    carbs: Mapped[int | None] = mapped_column(Integer)
    fat: Mapped[int | None] = mapped_column(Integer)
    training_kcal: Mapped[int | None] = mapped_column(Integer)
    training_protein: Mapped[int | None] = mapped_column(Integer)
    training_carbs: Mapped[int | None] = mapped_column(Integer)
    training_fat: Mapped[int | None] = mapped_column(Integer)
    restrictions: Mapped[str] = mapped_column(Text)
    set_by: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FoodEntryRow(Base):
    __tablename__ = "food_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)  # the athlete's local day
    eaten_at: Mapped[datetime] = mapped_column(UtcDateTime())
    name: Mapped[str] = mapped_column(String(60))
    kcal: Mapped[int] = mapped_column(Integer)
    protein: Mapped[int] = mapped_column(Integer)
    carbs: Mapped[int] = mapped_column(Integer)
    fat: Mapped[int] = mapped_column(Integer)
    photo_file_id: Mapped[str | None] = mapped_column(String(255))  # Telegram's, never fetched
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_food_entries_athlete_day", "athlete_id", "day"),
        Index("uq_food_entries_message", "athlete_id", "source_message_id", unique=True),
    )


class MealPlanRow(Base):
    """An athlete's meal plan from their coach, as its text (which reads back the same)."""

    __tablename__ = "meal_plans"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    coach_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="SET NULL")
    )
    definition: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NutritionPromptRow(Base):
    """A question the bot asked `owner_id` about `athlete_id`, answered by a reply."""

    __tablename__ = "nutrition_prompts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint(one_of("purpose", PromptPurpose), name="purpose"),)
