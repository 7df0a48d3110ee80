"""What every progression rule shares: lifted sets, per-unit amounts, loading steps, outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from domain.plans.rules.reasons import Reason
from domain.shared.weights import DEFAULT_STEP, Rounding, Unit, Weight

StateT_co = TypeVar("StateT_co", covariant=True)


@dataclass(frozen=True, slots=True)
class LiftedSet:
    """One set as performed: the load, the reps done and, if the athlete rated it, the RPE."""

    weight: Weight
    reps: int
    rpe: Decimal | None = None

    def __post_init__(self) -> None:
        if self.reps < 0:
            raise ValueError(f"reps are not negative, got {self.reps}")
        if self.weight.amount < 0:
            raise ValueError(f"a lifted weight is not negative, got {self.weight}")


@dataclass(frozen=True, slots=True)
class Amount:
    """A step given in both units, so a lb lift moves by whole lb rather than converted kg."""

    kg: Decimal
    lb: Decimal

    def __post_init__(self) -> None:
        if self.kg <= 0 or self.lb <= 0:
            raise ValueError(f"a step is positive, got {self.kg} kg / {self.lb} lb")

    def in_unit(self, unit: Unit) -> Decimal:
        return self.kg if unit == Unit.KG else self.lb


UPPER_STEP = Amount(Decimal("2.5"), Decimal(5))  # bench, OHP (TRAINING.md)
LOWER_STEP = Amount(Decimal(5), Decimal(10))  # squat, deadlift (TRAINING.md)


@dataclass(frozen=True, slots=True)
class Loading:
    """The athlete's loadable step per unit and tie rule; derived loads are rounded to it."""

    kg: Decimal = DEFAULT_STEP[Unit.KG]
    lb: Decimal = DEFAULT_STEP[Unit.LB]
    mode: Rounding = Rounding.NEAREST

    def __post_init__(self) -> None:
        if self.kg <= 0 or self.lb <= 0:
            raise ValueError(f"a rounding step is positive, got {self.kg} kg / {self.lb} lb")

    def round(self, weight: Weight) -> Weight:
        step = self.kg if weight.unit == Unit.KG else self.lb
        return weight.rounded(step, self.mode)


@dataclass(frozen=True, slots=True)
class Outcome(Generic[StateT_co]):
    """A rule's verdict: the next training max or working weight, the state to keep, and why."""

    weight: Weight
    state: StateT_co
    reason: Reason


def all_made(lifted: Sequence[LiftedSet], sets: int, reps: int) -> bool:
    """True when the first `sets` lifted sets exist and each reached `reps`."""
    return len(lifted) >= sets and all(done.reps >= reps for done in lifted[:sets])
