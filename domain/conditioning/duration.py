"""How long a workout takes, and its time domain (CONDITIONING.md §2, "Duration (ours)").

T0 = Σ amount × pace + 5 s per movement change (10 s to or from a run or erg) + set rest;
T = T0 × F (1.0 up to 10 min, 1.1 up to 20, 1.2 beyond) × the tier's factor, × 1.15 for women.
An AMRAP's rounds are its minutes over a round's T, F taken at the AMRAP's length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from domain.conditioning.movements import Movement, Unit
from domain.conditioning.percentiles import Tier

CHANGE = Decimal(5)
CYCLIC_CHANGE = Decimal(10)
WOMEN = Decimal("1.15")
TIER_FACTOR = {  # e^(−zσ) at the 90/75/50/25/10th percentiles
    Tier.ELITE: Decimal("0.64"),
    Tier.ADVANCED: Decimal("0.79"),
    Tier.INTERMEDIATE: Decimal(1),
    Tier.DEVELOPING: Decimal("1.27"),
    Tier.BEGINNER: Decimal("1.57"),
}


@dataclass(frozen=True, slots=True)
class Piece:
    """One movement done once in sequence: 21 thrusters, 400 m of running, 15 calories."""

    movement: Movement
    amount: Decimal  # reps, metres or calories
    unit: Unit = Unit.REPS

    def seconds(self) -> Decimal:
        if self.unit == Unit.CALORIES and self.movement.calorie_seconds is not None:
            return self.amount * self.movement.calorie_seconds
        return self.amount * self.movement.seconds


def _change(before: Piece, after: Piece) -> Decimal:
    if before.movement == after.movement:
        return Decimal(0)
    return CYCLIC_CHANGE if before.movement.cyclic or after.movement.cyclic else CHANGE


def base_seconds(pieces: Sequence[Piece], rest: Decimal = Decimal(0)) -> Decimal:
    """T0: the work, the changes between movements, and any set rest."""
    work = sum((piece.seconds() for piece in pieces), Decimal(0))
    changes = sum((_change(a, b) for a, b in pairwise(pieces)), Decimal(0))
    return work + changes + rest


def fatigue(seconds: Decimal) -> Decimal:
    """F: longer efforts slow down."""
    if seconds <= 600:
        return Decimal(1)
    return Decimal("1.1") if seconds <= 1200 else Decimal("1.2")


def estimated_seconds(
    pieces: Sequence[Piece],
    rest: Decimal = Decimal(0),
    *,
    tier: Tier = Tier.INTERMEDIATE,
    woman: bool = False,
) -> Decimal:
    """T for a workout done for time, the pieces in the order done."""
    t0 = base_seconds(pieces, rest)
    return t0 * fatigue(t0) * TIER_FACTOR[tier] * (WOMEN if woman else Decimal(1))


def round_seconds(round_pieces: Sequence[Piece]) -> Decimal:
    """T0 of one round done again and again: it ends with the change back to its start."""
    first = round_pieces[0]
    return base_seconds([*round_pieces, first]) - first.seconds()


def estimated_rounds(
    round_pieces: Sequence[Piece],
    minutes: int,
    *,
    tier: Tier = Tier.INTERMEDIATE,
    woman: bool = False,
) -> Decimal:
    """Rounds of an AMRAP: each round ends with the change back to its first movement."""
    length = Decimal(minutes * 60)
    per_round = (
        round_seconds(round_pieces)
        * fatigue(length)
        * TIER_FACTOR[tier]
        * (WOMEN if woman else Decimal(1))
    )
    return length / per_round


class TimeDomain(StrEnum):
    SPRINT = "sprint"  # under 5 minutes
    SHORT = "short"  # 5–10
    MEDIUM = "medium"  # 10–20
    LONG = "long"  # 20–40 (ours: BTWB's Long split in two)
    EXTENDED = "extended"  # 40 and more


def time_domain(seconds: Decimal | float) -> TimeDomain:
    minutes = Decimal(str(seconds)) / 60
    if minutes < 5:
        return TimeDomain.SPRINT
    if minutes < 10:
        return TimeDomain.SHORT
    if minutes < 20:
        return TimeDomain.MEDIUM
    return TimeDomain.LONG if minutes < 40 else TimeDomain.EXTENDED
