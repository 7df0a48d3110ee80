"""StrongLifts 5×5 and Starting Strength: more weight each good session, a deload on a stall."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.plans.rules.common import Amount, LiftedSet, Loading, Outcome, all_made
from domain.plans.rules.reasons import Reason, ReasonKind, SetScheme
from domain.shared.weights import Weight

SESSION_STEP = Amount(Decimal("2.5"), Decimal(5))  # every lift but the deadlift (TRAINING.md)
DEADLIFT_STEP = Amount(Decimal(5), Decimal(10))


@dataclass(frozen=True, slots=True)
class LinearWithDeload:
    """+`increment` when every set is made; the same weight on failure; a deload after a streak."""

    sets: int
    reps: int
    increment: Amount
    failures_to_deload: int = 3
    deload_factor: Decimal = Decimal("0.90")

    def __post_init__(self) -> None:
        if self.sets < 1 or self.reps < 1:
            raise ValueError(f"a scheme has at least one set of one rep, got {self.scheme.label}")
        if self.failures_to_deload < 1:
            raise ValueError("a deload follows at least one failed session")
        if not 0 < self.deload_factor < 1:
            raise ValueError(f"a deload lowers the weight, got factor {self.deload_factor}")

    @property
    def scheme(self) -> SetScheme:
        return SetScheme(self.sets, self.reps)


@dataclass(frozen=True, slots=True)
class LinearState:
    weight: Weight  # the working weight for the next session
    failures: int = 0  # failed sessions in a row on this lift

    def __post_init__(self) -> None:
        if self.failures < 0:
            raise ValueError(f"failures are not negative, got {self.failures}")


def stronglifts(*, deadlift: bool = False) -> LinearWithDeload:
    """StrongLifts 5×5: 5×5 at +2.5 kg / 5 lb, the deadlift 1×5 at +5 kg / 10 lb."""
    if deadlift:
        return LinearWithDeload(1, 5, DEADLIFT_STEP)
    return LinearWithDeload(5, 5, SESSION_STEP)


def starting_strength(*, deadlift: bool = False) -> LinearWithDeload:
    """Starting Strength phase 1: 3×5, the deadlift 1×5; (ours) StrongLifts' steps and deload."""
    if deadlift:
        return LinearWithDeload(1, 5, DEADLIFT_STEP)
    return LinearWithDeload(3, 5, SESSION_STEP)


def advance_linear(
    rule: LinearWithDeload,
    state: LinearState,
    lifted: Sequence[LiftedSet],
    loading: Loading | None = None,
) -> Outcome[LinearState]:
    """The next working weight after a session; the deload is rounded to the athlete's step."""
    loading = loading or Loading()
    weight = state.weight
    if all_made(lifted, rule.sets, rule.reps):
        increment = rule.increment.in_unit(weight.unit)
        new = weight.plus(increment)
        reason = Reason.of(
            ReasonKind.ALL_SETS_MADE, increment=Weight(increment, weight.unit), scheme=rule.scheme
        )
        return Outcome(new, LinearState(new), reason)
    failures = state.failures + 1
    if failures >= rule.failures_to_deload:
        new = loading.round(weight.times(rule.deload_factor))
        reason = Reason.of(
            ReasonKind.DELOAD_AFTER_FAILURES, factor=rule.deload_factor, failures=failures
        )
        return Outcome(new, LinearState(new), reason)
    reason = Reason.of(ReasonKind.SESSION_FAILED, scheme=rule.scheme, failures=failures)
    return Outcome(weight, LinearState(weight, failures), reason)
