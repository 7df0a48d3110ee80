"""What an export holds: every stored row that names the athlete, and their sets for other apps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.shared.weights import Weight

# JSON-ready values: str, int, bool, None, or a decimal/datetime written as text.
Cell = str | int | bool | None
Rows = dict[str, list[dict[str, Cell]]]  # by table name

CONFIRM_WINDOW_SECONDS = 600  # the last step of /delete is good for ten minutes


@dataclass(frozen=True, slots=True)
class ExportedSet:
    """One set done, as Strong's CSV has it."""

    workout_started_at: datetime
    workout_name: str
    exercise: str
    set_order: int  # 1-based within the exercise in its workout
    weight: Weight
    reps: int
    rpe: Decimal | None
    note: str | None
    warmup: bool


@dataclass(frozen=True, slots=True)
class AccountExport:
    rows: Rows  # every table that names the athlete
    sets_csv: str  # their sets as Strong's CSV export
    plans: tuple[tuple[str, str], ...]  # (slug, plan text) of the plans they wrote


@dataclass(frozen=True, slots=True)
class Erased:
    rows: int  # rows removed or cleared of the athlete's id
    tables: int  # how many tables held some
