"""Double progression: reps climb through a range, then the weight goes up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.plans.rules.common import Amount, LiftedSet, Outcome, all_made
from domain.plans.rules.reasons import Reason, ReasonKind, SetScheme
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
            raise ValueError(f"a rep range needs 1 ≤ low ≤ high and a set, got {self.scheme.label}")

    @property
    def scheme(self) -> SetScheme:
        return SetScheme(self.sets, self.low, top=self.high)


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
        reason = Reason.of(
            ReasonKind.RANGE_TOP_REACHED,
            increment=Weight(increment, weight.unit),
            scheme=rule.scheme,
            reps=rule.high,
        )
        return Outcome(new, DoubleState(new), reason)
    done = [lifted_set.reps for lifted_set in lifted[: rule.sets]]
    if len(done) < rule.sets:
        reason = Reason.of(ReasonKind.SETS_NOT_LOGGED, logged=len(done), sets=rule.sets)
    else:
        reason = Reason.of(ReasonKind.RANGE_TOP_MISSED, reps=min(done), needed=rule.high)
    return Outcome(weight, state, reason)
