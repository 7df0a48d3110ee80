"""Progression as data: a closed set of rule kinds, each with its state and one pure function."""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from domain.plans.rules.common import (
    LOWER_STEP,
    UPPER_STEP,
    Amount,
    LiftedSet,
    Loading,
    Outcome,
)
from domain.plans.rules.cycle_increment import (
    TM_85,
    TM_90,
    TM_PERCENTS,
    WENDLER_WEEKS,
    CycleIncrement,
    CycleState,
    CycleWeek,
    PlannedSet,
    advance_cycle,
    training_max,
    week_loads,
)
from domain.plans.rules.double_progression import DoubleProgression, DoubleState, advance_double
from domain.plans.rules.linear_with_deload import (
    DEADLIFT_STEP,
    SESSION_STEP,
    LinearState,
    LinearWithDeload,
    advance_linear,
    starting_strength,
    stronglifts,
)
from domain.plans.rules.rpe_target import RPE_SEQ, RpeState, RpeTarget, advance_rpe, rpe_percent
from domain.plans.rules.staged_linear import (
    T2_BUMP,
    AfterLastStage,
    Stage,
    StagedLinear,
    StagedState,
    advance_staged,
    gzclp_t1,
    gzclp_t2,
    gzclp_t3,
)

Rule = CycleIncrement | StagedLinear | LinearWithDeload | DoubleProgression | RpeTarget
RuleState = CycleState | StagedState | LinearState | DoubleState | RpeState


class StateMismatchError(TypeError):
    """A rule paired with another kind's state."""

    def __init__(self, rule: Rule, state: RuleState) -> None:
        super().__init__(f"{type(rule).__name__} does not take a {type(state).__name__}")


@overload
def advance(
    rule: CycleIncrement, state: CycleState, lifted: Sequence[LiftedSet], loading: Loading = ...
) -> Outcome[CycleState]: ...
@overload
def advance(
    rule: StagedLinear, state: StagedState, lifted: Sequence[LiftedSet], loading: Loading = ...
) -> Outcome[StagedState]: ...
@overload
def advance(
    rule: LinearWithDeload, state: LinearState, lifted: Sequence[LiftedSet], loading: Loading = ...
) -> Outcome[LinearState]: ...
@overload
def advance(
    rule: DoubleProgression, state: DoubleState, lifted: Sequence[LiftedSet], loading: Loading = ...
) -> Outcome[DoubleState]: ...
@overload
def advance(
    rule: RpeTarget, state: RpeState, lifted: Sequence[LiftedSet], loading: Loading = ...
) -> Outcome[RpeState]: ...
@overload
def advance(
    rule: Rule, state: RuleState, lifted: Sequence[LiftedSet], loading: Loading = ...
) -> Outcome[RuleState]: ...
def advance(
    rule: Rule, state: RuleState, lifted: Sequence[LiftedSet], loading: Loading | None = None
) -> Outcome[RuleState]:
    """Apply any rule to its own kind of state; `loading` rounds the loads a rule derives."""
    loading = loading or Loading()
    match rule, state:
        case CycleIncrement(), CycleState():
            return advance_cycle(rule, state, lifted)
        case StagedLinear(), StagedState():
            return advance_staged(rule, state, lifted, loading)
        case LinearWithDeload(), LinearState():
            return advance_linear(rule, state, lifted, loading)
        case DoubleProgression(), DoubleState():
            return advance_double(rule, state, lifted)
        case RpeTarget(), RpeState():
            return advance_rpe(rule, state, lifted, loading)
        case _:
            raise StateMismatchError(rule, state)


__all__ = [
    "DEADLIFT_STEP",
    "LOWER_STEP",
    "RPE_SEQ",
    "SESSION_STEP",
    "T2_BUMP",
    "TM_85",
    "TM_90",
    "TM_PERCENTS",
    "UPPER_STEP",
    "WENDLER_WEEKS",
    "AfterLastStage",
    "Amount",
    "CycleIncrement",
    "CycleState",
    "CycleWeek",
    "DoubleProgression",
    "DoubleState",
    "LiftedSet",
    "LinearState",
    "LinearWithDeload",
    "Loading",
    "Outcome",
    "PlannedSet",
    "RpeState",
    "RpeTarget",
    "Rule",
    "RuleState",
    "Stage",
    "StagedLinear",
    "StagedState",
    "StateMismatchError",
    "advance",
    "advance_cycle",
    "advance_double",
    "advance_linear",
    "advance_rpe",
    "advance_staged",
    "gzclp_t1",
    "gzclp_t2",
    "gzclp_t3",
    "rpe_percent",
    "starting_strength",
    "stronglifts",
    "training_max",
    "week_loads",
]
