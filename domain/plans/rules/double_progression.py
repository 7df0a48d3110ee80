"""Double progression: reps climb through a range, then the weight goes up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.plans.rules.common import Amount, LiftedSet, Outcome, all_made, plus
from domain.shared.weights import Weight


@dataclass(frozen=True, slots=True)
class DoubleProgression:
    """`sets` sets of `low`–`high` reps; +`increment` once every set reaches `high`."""

    sets: int
    low: int
    high: int
    increment: Amount

    def __post_init__(self) -> None:
        if self.sets < 1 or not 1 <= self.low <= self.high:
            raise ValueError(f"a rep range needs 1 ≤ low ≤ high and a set, got {self.label}")

    @property
    def label(self) -> str:
        return f"{self.sets}×{self.low}–{self.high}"


@dataclass(frozen=True, slots=True)
class DoubleState:
    weight: Weight  # the working weight for the next session


def advance_double(
    rule: DoubleProgression, state: DoubleState, lifted: Sequence[LiftedSet]
) -> Outcome[DoubleState]:
    """The next working weight: more once every set reached the top of the range."""
    weight = state.weight
    if all_made(lifted, rule.sets, rule.high):
        increment = rule.increment.in_unit(weight.unit)
        new = weight.plus(increment)
        return Outcome(
            new,
            DoubleState(new),
            f"{plus(increment, weight.unit)}: every {rule.label} set reached {rule.high} reps",
        )
    done = [lifted_set.reps for lifted_set in lifted[: rule.sets]]
    if len(done) < rule.sets:
        why = f"{len(done)} of {rule.sets} sets logged"
    else:
        why = f"a set stopped at {min(done)} reps, {rule.high} needed"
    return Outcome(weight, state, f"same weight: {why}")
