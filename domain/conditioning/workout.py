"""A conditioning workout as data: format, rounds or rep pattern, time, movements and loads."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.conditioning.movements import Unit
from domain.conditioning.scores import Scheme


class Format(StrEnum):
    """Stored, so never renamed."""

    FOR_TIME = "for_time"  # fixed work, fastest; with rounds, Rounds For Time
    CHIPPER = "chipper"  # each movement once, in order, for time
    AMRAP = "amrap"  # fixed time, most work
    EMOM = "emom"  # work starts every `every` minutes
    TABATA = "tabata"  # 8 × (20 s on, 10 s off) per movement


@dataclass(frozen=True, slots=True)
class WorkoutLoad:
    """An Rx load for men and women, in the unit it was written in."""

    men: Decimal
    women: Decimal
    unit: str  # "kg" or "lb"


@dataclass(frozen=True, slots=True)
class Part:
    """One movement of the workout: 5 pull-ups, 400 m run, 15 calories, a thruster at 43/29 kg.

    `amount` None means "as the rep pattern says" (21-15-9), or "max" in a Tabata.
    """

    movement: str  # slug in the movement library
    amount: int | None = None
    unit: Unit = Unit.REPS
    load: WorkoutLoad | None = None


@dataclass(frozen=True, slots=True)
class Workout:
    name: str
    format: Format
    parts: tuple[Part, ...]
    rounds: int = 1
    pattern: tuple[int, ...] = ()  # 21-15-9: the reps of every part without its own amount
    minutes: int | None = None  # an AMRAP's or EMOM's length; a For Time's cap
    every: int = 1  # EMOM: 1, E2MOM: 2
    scheme_override: Scheme | None = None
    rest: int | None = None  # minutes of rest between rounds (Barbara: 3), not on the clock

    @property
    def scheme(self) -> Scheme:
        """How it is scored: as written (`score:`), or as its format scores (§2)."""
        if self.scheme_override is not None:
            return self.scheme_override
        match self.format:
            case Format.AMRAP:
                return Scheme.ROUNDS_REPS
            case Format.EMOM:
                return Scheme.EMOM
            case Format.TABATA:
                return Scheme.REPS
            case _:
                return Scheme.TIME_WITH_CAP if self.minutes is not None else Scheme.TIME

    @property
    def cap_ms(self) -> int | None:
        timed = self.format in {Format.FOR_TIME, Format.CHIPPER}
        return self.minutes * 60_000 if timed and self.minutes is not None else None


def reps_per_round(workout: Workout) -> int:
    """Reps of one pass through the parts counted in reps (a rep pattern: all its numbers)."""
    reps = 0
    for part in workout.parts:
        if part.unit == Unit.REPS:
            reps += part.amount if part.amount is not None else sum(workout.pattern)
    return reps
