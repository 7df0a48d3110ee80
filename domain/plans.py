"""Training plans as data: exercises, days, slots, set templates and progression rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.weights import Unit


class UnknownExerciseError(LookupError):
    """An exercise slug that the exercise library does not know."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"unknown exercise {slug!r}")
        self.slug = slug


class UnknownPlanError(LookupError):
    """No plan has that slug."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"unknown plan {slug!r}")
        self.slug = slug


class UnknownDayError(LookupError):
    """A day number that the plan does not have."""

    def __init__(self, plan: str, number: int) -> None:
        super().__init__(f"plan {plan!r} has no day {number}")
        self.plan = plan
        self.number = number


class BodyRegion(StrEnum):
    UPPER = "upper"
    LOWER = "lower"


class Tier(StrEnum):
    T1 = "T1"
    T2 = "T2"
    T3 = "T3"


@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str  # "squat", "bench", "sumo_deadlift"
    name: str  # "Squat"
    muscle_group: str  # "legs", "chest", "back", "shoulders"
    category: str  # "main", "variation", "accessory"
    region: BodyRegion


@dataclass(frozen=True, slots=True)
class SetTemplate:
    percent: Decimal  # of the training max: Decimal("0.95")
    reps: int  # the reps asked for; at least this many when amrap
    amrap: bool = False
    drives_progression: bool = False


@dataclass(frozen=True, slots=True)
class Slot:
    """One exercise on a plan day: what is performed, and whose training max sets the loads."""

    order: int
    tier: Tier
    exercise: str  # slug of the exercise performed
    training_max_of: str  # slug of the exercise whose TM the percentages apply to
    display_name: str
    sets: tuple[SetTemplate, ...]


@dataclass(frozen=True, slots=True)
class PlanDay:
    number: int  # 1-based position in the plan's day sequence
    name: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class Increment:
    """Reps on the progression set from `min_reps` (inclusive) → how much the TM rises."""

    min_reps: int
    kg: Decimal
    lb: Decimal

    def amount(self, unit: Unit) -> Decimal:
        return self.kg if unit == Unit.KG else self.lb


@dataclass(frozen=True, slots=True)
class AmrapProgression:
    """nSuns: reps on the progression set pick an increment; an exercise rule beats a region rule.

    Exactly one of `exercise` or `region` is set. Brackets are ordered by min_reps.
    """

    brackets: tuple[Increment, ...]
    exercise: str | None = None
    region: BodyRegion | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    slug: str  # "nsuns-4day"
    name: str  # "nSuns 5/3/1 LP, 4 days"
    days: tuple[PlanDay, ...]
    progression: tuple[AmrapProgression, ...]
    training_max_percent: Decimal = Decimal("0.90")

    def day(self, number: int) -> PlanDay:
        for day in self.days:
            if day.number == number:
                return day
        # not StopIteration, which a generator calling this would turn into a RuntimeError
        raise UnknownDayError(self.slug, number)

    def next_day(self, number: int) -> int:
        """The day that follows `number` in the sequence, wrapping around after the last."""
        return number % len(self.days) + 1

    @property
    def training_max_exercises(self) -> tuple[str, ...]:
        """The exercises whose training max the plan needs, in the order they first appear."""
        seen: dict[str, None] = {}
        for day in self.days:
            for slot in day.slots:
                seen.setdefault(slot.training_max_of)
        return tuple(seen)
