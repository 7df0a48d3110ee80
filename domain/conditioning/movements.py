"""The movement library of CONDITIONING.md §3: modality, equipment, Rx loads and pace.

Paces are the reference's estimates for an intermediate man at Rx, breaks included: seconds per
rep, per metre for a run or row, per calorie on an erg.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.athletes.kit import Kit


class Modality(StrEnum):
    WEIGHTLIFTING = "W"
    GYMNASTICS = "G"
    MONOSTRUCTURAL = "M"


class Unit(StrEnum):
    """What a movement's amount counts."""

    REPS = "reps"
    METERS = "meters"
    CALORIES = "calories"


@dataclass(frozen=True, slots=True)
class Load:
    """An Rx load, men / women, in both units as the reference gives them."""

    men_kg: Decimal
    women_kg: Decimal
    men_lb: int
    women_lb: int


@dataclass(frozen=True, slots=True)
class Movement:
    slug: str
    name: str
    modality: Modality
    kit: frozenset[Kit]
    seconds: Decimal  # per rep, per metre, or per calorie (see `unit`)
    unit: Unit = Unit.REPS
    rx: Load | None = None
    calorie_seconds: Decimal | None = None  # an erg scored in calories too

    @property
    def cyclic(self) -> bool:
        """A run or an erg: changing to or from one takes longer (10 s, not 5)."""
        return self.unit != Unit.REPS


def _load(men_kg: str, women_kg: str, men_lb: int, women_lb: int) -> Load:
    return Load(Decimal(men_kg), Decimal(women_kg), men_lb, women_lb)


_W, _G, _M = Modality.WEIGHTLIFTING, Modality.GYMNASTICS, Modality.MONOSTRUCTURAL
_BAR = frozenset({Kit.BARBELL})
_NONE: frozenset[Kit] = frozenset()

MOVEMENTS: tuple[Movement, ...] = (
    Movement("thruster", "Thruster", _W, _BAR, Decimal("3.5"), rx=_load("43", "29", 95, 65)),
    Movement(
        "wall-ball",
        "Wall ball",
        _W,
        frozenset({Kit.WALL_BALL}),
        Decimal("3.2"),
        rx=_load("9", "6", 20, 14),
    ),
    Movement(
        "kb-swing",
        "Kettlebell swing",
        _W,
        frozenset({Kit.KETTLEBELL}),
        Decimal("2.2"),
        rx=_load("24", "16", 53, 35),
    ),
    Movement("deadlift", "Deadlift", _W, _BAR, Decimal("2.5"), rx=_load("102", "70", 225, 155)),
    Movement("squat-clean", "Squat clean", _W, _BAR, Decimal("6"), rx=_load("61", "43", 135, 95)),
    Movement("power-clean", "Power clean", _W, _BAR, Decimal("4"), rx=_load("61", "43", 135, 95)),
    Movement(
        "hang-power-clean",
        "Hang power clean",
        _W,
        _BAR,
        Decimal("4"),
        rx=_load("61", "43", 135, 95),
    ),
    Movement("squat-snatch", "Squat snatch", _W, _BAR, Decimal("8"), rx=_load("61", "43", 135, 95)),
    Movement(
        "power-snatch", "Power snatch", _W, _BAR, Decimal("4.5"), rx=_load("34", "25", 75, 55)
    ),
    Movement(
        "clean-and-jerk", "Clean & jerk", _W, _BAR, Decimal("9"), rx=_load("61", "43", 135, 95)
    ),
    Movement(
        "push-press", "Push press", _W, _BAR, Decimal("4.5"), rx=_load("70", "47.5", 155, 105)
    ),
    Movement("push-jerk", "Push jerk", _W, _BAR, Decimal("4.5"), rx=_load("70", "47.5", 155, 105)),
    Movement(
        "overhead-squat", "Overhead squat", _W, _BAR, Decimal("3"), rx=_load("43", "29", 95, 65)
    ),
    Movement(
        "db-snatch",
        "Dumbbell snatch",
        _W,
        frozenset({Kit.DUMBBELLS}),
        Decimal("2.5"),
        rx=_load("22.5", "15", 50, 35),
    ),
    Movement("pull-up", "Pull-up", _G, frozenset({Kit.PULL_UP_BAR}), Decimal("3")),
    Movement("toes-to-bar", "Toes-to-bar", _G, frozenset({Kit.PULL_UP_BAR}), Decimal("3")),
    Movement("muscle-up", "Ring muscle-up", _G, frozenset({Kit.RINGS}), Decimal("8")),
    Movement("rope-climb", "Rope climb", _G, frozenset({Kit.ROPE}), Decimal("20")),
    Movement("push-up", "Push-up", _G, _NONE, Decimal("1.8")),
    Movement("hspu", "Handstand push-up", _G, _NONE, Decimal("5")),
    Movement("ring-dip", "Ring dip", _G, frozenset({Kit.RINGS}), Decimal("3")),
    Movement("air-squat", "Air squat", _G, _NONE, Decimal("1.3")),
    Movement("pistol", "Pistol", _G, _NONE, Decimal("3")),
    Movement("walking-lunge", "Walking lunge", _G, _NONE, Decimal("1.5")),
    Movement("box-jump", "Box jump", _G, frozenset({Kit.BOX}), Decimal("2.5")),
    Movement("burpee", "Burpee", _G, _NONE, Decimal("3.5")),
    Movement("sit-up", "Sit-up", _G, _NONE, Decimal("1.8")),
    Movement("back-extension", "Back extension", _G, frozenset({Kit.GHD}), Decimal("1.8")),
    Movement("double-under", "Double-under", _M, frozenset({Kit.JUMP_ROPE}), Decimal("0.7")),
    # 100 s per 400 m; 25 s per 100 m or 4 s per calorie; 4.5 s per calorie
    Movement("run", "Run", _M, _NONE, Decimal("0.25"), Unit.METERS),
    Movement(
        "row",
        "Row",
        _M,
        frozenset({Kit.ROWER}),
        Decimal("0.25"),
        Unit.METERS,
        calorie_seconds=Decimal("4"),
    ),
    Movement("bike", "Air bike", _M, frozenset({Kit.BIKE}), Decimal("4.5"), Unit.CALORIES),
)

BY_SLUG = {movement.slug: movement for movement in MOVEMENTS}
