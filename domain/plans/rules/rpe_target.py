"""Autoregulation: target reps at an RPE, the load following the e1RM the last session implied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.plans.rules.common import LiftedSet, Loading, Outcome
from domain.plans.rules.reasons import Reason, ReasonKind
from domain.shared.weights import Unit, Weight

# TRAINING.md's chart, compactly: %1RM = RPE_SEQ[2 × (reps − 1) + 2 × (10 − RPE)]
_CHART = """
    100.0 97.8 95.5 93.9 92.2 90.7 89.2 87.8 86.3 85.0 83.7 82.4 81.1 79.9
    78.6 77.4 76.2 75.1 73.9 72.3 70.7 69.4 68.0 66.7 65.3 64.0 62.6
"""
RPE_SEQ = tuple(Decimal(cell) for cell in _CHART.split())
CHART_REPS = range(1, 11)
CHART_LOWEST_RPE = Decimal(6)
CHART_HIGHEST_RPE = Decimal(10)


def on_chart(reps: int, rpe: Decimal) -> bool:
    """True for 1–10 reps at RPE 6–10 in half points."""
    return (
        reps in CHART_REPS and CHART_LOWEST_RPE <= rpe <= CHART_HIGHEST_RPE and (rpe * 2) % 1 == 0
    )


def rpe_percent(reps: int, rpe: Decimal) -> Decimal:
    """The share of the 1RM that `reps` at `rpe` take: 5 @ 8 → 0.811."""
    if not on_chart(reps, rpe):
        raise ValueError(f"the RPE chart covers 1–10 reps at RPE 6–10, not {reps} @ {rpe}")
    index = 2 * (reps - 1) + int(2 * (CHART_HIGHEST_RPE - rpe))
    return RPE_SEQ[index] / 100


@dataclass(frozen=True, slots=True)
class RpeTarget:
    """Prescribe `reps` at `rpe`, loaded from the best e1RM of the rated sets last time."""

    reps: int
    rpe: Decimal

    def __post_init__(self) -> None:
        rpe_percent(self.reps, self.rpe)  # refuses a target off the chart


@dataclass(frozen=True, slots=True)
class RpeState:
    weight: Weight  # the load for the next session
    e1rm: Weight | None = None  # the estimate it came from, unrounded


def _estimate(done: LiftedSet, unit: Unit) -> tuple[Weight, LiftedSet] | None:
    """The e1RM a rated set implies, in `unit`, with the set; None off the chart."""
    if done.rpe is None or not on_chart(done.reps, done.rpe):
        return None
    lifted = done.weight.to(unit)
    return Weight(lifted.amount / rpe_percent(done.reps, done.rpe), unit), done


def advance_rpe(
    rule: RpeTarget,
    state: RpeState,
    lifted: Sequence[LiftedSet],
    loading: Loading | None = None,
) -> Outcome[RpeState]:
    """The next load: the best e1RM among sets rated on the chart × the target's share, rounded."""
    loading = loading or Loading()
    unit = state.weight.unit
    rated = [estimate for done in lifted if (estimate := _estimate(done, unit)) is not None]
    if not rated:
        return Outcome(state.weight, state, Reason(ReasonKind.NO_RATED_SET))
    e1rm, rated_set = max(rated, key=lambda estimate: estimate[0].amount)
    assert rated_set.rpe is not None  # noqa: S101  # _estimate keeps rated sets only
    share = rpe_percent(rule.reps, rule.rpe)
    new = loading.round(e1rm.times(share))
    reason = Reason.of(
        ReasonKind.RPE_ESTIMATE,
        change=Weight(new.amount - state.weight.amount, new.unit),
        lifted=rated_set.weight,
        reps=rated_set.reps,
        rpe=rated_set.rpe,
        e1rm=e1rm,
        target_reps=rule.reps,
        target_rpe=rule.rpe,
        percent=share,
    )
    return Outcome(new, RpeState(new, e1rm), reason)
