"""Wendler 5/3/1: a four-week wave, the training max rising once per cycle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.plans.rules.common import Amount, LiftedSet, Loading, Outcome
from domain.plans.rules.reasons import Reason, ReasonKind
from domain.shared.weights import Weight

TM_85 = Decimal("0.85")  # 5/3/1's lighter option
TM_90 = Decimal("0.90")  # the default, as original 5/3/1 and nSuns
TM_PERCENTS = (TM_85, TM_90)


@dataclass(frozen=True, slots=True)
class PlannedSet:
    percent: Decimal  # of the training max
    reps: int  # at least this many when amrap
    amrap: bool = False


@dataclass(frozen=True, slots=True)
class CycleWeek:
    number: int
    sets: tuple[PlannedSet, ...]
    deload: bool = False


def _week(number: int, sets: str, *, deload: bool = False) -> CycleWeek:
    """Parse "65×5 75×5 85×5+" (percent × reps, + for AMRAP) into a week."""
    planned = []
    for text in sets.split():
        percent, reps = text.split("×")
        planned.append(
            PlannedSet(Decimal(percent) / 100, int(reps.rstrip("+")), amrap=reps.endswith("+"))
        )
    return CycleWeek(number, tuple(planned), deload=deload)


WENDLER_WEEKS = (
    _week(1, "65×5 75×5 85×5+"),
    _week(2, "70×3 80×3 90×3+"),
    _week(3, "75×5 85×3 95×1+"),
    _week(4, "40×5 50×5 60×5", deload=True),
)


@dataclass(frozen=True, slots=True)
class CycleIncrement:
    """+`increment` to the TM after each full cycle; a + set short of its minimum resets it instead.

    (ours) Any + set below its minimum (5+, 3+ or the 95% 1+ set at 0 reps) marks the cycle as
    stalled; the TM then drops to `reset_factor` of itself when the cycle ends, in place of the
    increment, so the deload week still runs off the old TM.
    """

    increment: Amount
    weeks: tuple[CycleWeek, ...] = WENDLER_WEEKS
    reset_factor: Decimal = Decimal("0.90")

    def __post_init__(self) -> None:
        if not self.weeks:
            raise ValueError("a cycle has at least one week")
        if not 0 < self.reset_factor < 1:
            raise ValueError(f"a reset lowers the TM, got factor {self.reset_factor}")


@dataclass(frozen=True, slots=True)
class CycleState:
    training_max: Weight  # unrounded, as every TM
    week: int = 1  # 1-based, the week about to be lifted
    stalled: bool = False  # a + set fell short earlier in this cycle

    def __post_init__(self) -> None:
        if self.week < 1:
            raise ValueError(f"weeks count from 1, got {self.week}")


def training_max(one_rep_max: Weight, percent: Decimal = TM_90) -> Weight:
    """The TM for a 1RM: 90% by default, 85% for the lighter option; unrounded."""
    if percent not in TM_PERCENTS:
        raise ValueError(f"a 5/3/1 training max is 85% or 90% of the 1RM, not {percent}")
    return one_rep_max.times(percent)


def week_loads(
    rule: CycleIncrement, state: CycleState, loading: Loading | None = None
) -> tuple[tuple[PlannedSet, Weight], ...]:
    """This week's sets with their loads: TM × percent, rounded to the athlete's step."""
    loading = loading or Loading()
    week = _current(rule, state)
    return tuple(
        (planned, loading.round(state.training_max.times(planned.percent))) for planned in week.sets
    )


def _current(rule: CycleIncrement, state: CycleState) -> CycleWeek:
    if state.week > len(rule.weeks):
        raise ValueError(f"the cycle has {len(rule.weeks)} weeks, not {state.week}")
    return rule.weeks[state.week - 1]


def _short(week: CycleWeek, lifted: Sequence[LiftedSet]) -> tuple[PlannedSet, int] | None:
    """The first + set done below its minimum, with the reps done; unlogged sets are no evidence."""
    for planned, done in zip(week.sets, lifted, strict=False):
        if planned.amrap and done.reps < planned.reps:
            return planned, done.reps
    return None


def advance_cycle(
    rule: CycleIncrement, state: CycleState, lifted: Sequence[LiftedSet]
) -> Outcome[CycleState]:
    """The TM and week after lifting this week's sets (`lifted`, in the planned order)."""
    week = _current(rule, state)
    short = _short(week, lifted)
    stalled = state.stalled or short is not None
    tm = state.training_max
    if state.week < len(rule.weeks):
        following = rule.weeks[state.week]
        ahead = {"next_week": following.number, "next_deload": following.deload}
        reason = Reason.of(
            ReasonKind.CYCLE_WEEK_DONE, week=week.number, deload=week.deload, **ahead
        )
        if short is not None:
            planned, reps = short
            reason = Reason.of(
                ReasonKind.CYCLE_SET_SHORT,
                **ahead,
                percent=planned.percent,
                set_reps=planned.reps,
                amrap=planned.amrap,
                reps=reps,
                factor=rule.reset_factor,
            )
        return Outcome(tm, CycleState(tm, state.week + 1, stalled), reason)
    if stalled:
        new = tm.times(rule.reset_factor)
        reason = Reason.of(ReasonKind.CYCLE_FELL_SHORT, factor=rule.reset_factor)
    else:
        increment = rule.increment.in_unit(tm.unit)
        new = tm.plus(increment)
        reason = Reason.of(
            ReasonKind.CYCLE_COMPLETE, increment=Weight(increment, tm.unit), weeks=len(rule.weeks)
        )
    return Outcome(new, CycleState(new, 1, stalled=False), reason)
