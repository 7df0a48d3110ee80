"""A plan slot's progression rule: which rule a slot follows, its first state, and states as JSON.

The state a rule keeps between sessions is the athlete's (`domain.training.model.LiftTrack`);
this module only knows how a slot maps to a rule and how a state is written and read.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from domain.plans.model import AfterStages, Plan, RuleKind, SetTemplate, Slot, SlotRule, Step
from domain.plans.rules import (
    AfterLastStage,
    Amount,
    CycleIncrement,
    CycleState,
    CycleWeek,
    DoubleProgression,
    DoubleState,
    LinearState,
    LinearWithDeload,
    Loading,
    PlannedSet,
    RpeState,
    RpeTarget,
    Rule,
    RuleState,
    Stage,
    StagedLinear,
    StagedState,
)
from domain.shared.weights import Unit, Weight


def working_weight(state: RuleState) -> Weight | None:
    """The weight a working-weight rule prescribes next; None for a TM rule's state."""
    return None if isinstance(state, CycleState) else state.weight


def stage_of(state: RuleState | None) -> int:
    return state.stage if isinstance(state, StagedState) else 0


def matches(rule: SlotRule, state: RuleState) -> bool:
    """True when the state is the kind the rule keeps (a switched plan may leave another)."""
    kinds: dict[RuleKind, type] = {
        RuleKind.CYCLE: CycleState,
        RuleKind.LINEAR: LinearState,
        RuleKind.STAGES: StagedState,
        RuleKind.DOUBLE: DoubleState,
        RuleKind.RPE: RpeState,
    }
    expected = kinds.get(rule.kind)
    return expected is not None and isinstance(state, expected)


def first_state(
    slot: Slot,
    training_max: Weight | None,
    unit: Unit,
    loading: Loading,
    *,
    carried: Weight | None = None,
) -> RuleState | None:
    """The state a slot's rule starts from: a working weight `carried` over from another rule
    (a plan switched), or else the one its `start` names."""
    rule = slot.rule
    if rule is None or rule.kind == RuleKind.COMPLETE:
        return None
    if rule.kind == RuleKind.CYCLE:
        return None if training_max is None else CycleState(training_max)
    weight = _start(rule, training_max, unit, loading)
    if carried is not None:
        weight = loading.round(carried.to(unit))
    if weight is None:
        return None
    if rule.kind == RuleKind.STAGES:
        return StagedState(weight, 0, weight)
    states: dict[RuleKind, type[LinearState | DoubleState | RpeState]] = {
        RuleKind.LINEAR: LinearState,
        RuleKind.DOUBLE: DoubleState,
        RuleKind.RPE: RpeState,
    }
    return states[rule.kind](weight)


def _start(
    rule: SlotRule, training_max: Weight | None, unit: Unit, loading: Loading
) -> Weight | None:
    if rule.start_weight is not None:
        return loading.round(Weight(rule.start_weight.amount(unit), unit))
    if rule.start is not None and training_max is not None:
        return loading.round(training_max.to(unit).times(rule.start))
    return None


def counting(templates: tuple[SetTemplate, ...]) -> tuple[SetTemplate, ...]:
    return tuple(template for template in templates if template.counts)


def rep_range(work: tuple[SetTemplate, ...]) -> tuple[int, int]:
    """The reps a double-progression slot climbs through: its first work set's to the range top."""
    ranged = [t for t in work if t.top_reps is not None]
    top = ranged[0].top_reps if ranged else work[0].reps
    return work[0].reps, top or work[0].reps


def _amount(step: Step | None) -> Amount:
    if step is None:  # the parser requires a step for every rule that uses one
        raise ValueError("this rule needs a step")
    return Amount(step.kg, step.lb)


def _stage(templates: tuple[SetTemplate, ...]) -> Stage:
    work = counting(templates)
    return Stage(len(work), work[0].reps, amrap=work[-1].amrap)


_AFTER = {
    AfterStages.RETEST: AfterLastStage.RETEST,
    AfterStages.BUMP: AfterLastStage.BUMP,
    AfterStages.REPEAT: AfterLastStage.REPEAT,
}


def rule_of(plan: Plan, slot: Slot) -> Rule | None:
    """The pure rule (domain.plans.rules) a slot's stated rule stands for; None for COMPLETE."""
    rule = slot.rule
    if rule is None or rule.kind == RuleKind.COMPLETE:
        return None
    work = counting(slot.sets)
    match rule.kind:
        case RuleKind.LINEAR:
            return LinearWithDeload(
                len(work),
                min(t.reps for t in work),
                _amount(rule.step),
                failures_to_deload=rule.failures,
                deload_factor=1 - rule.deload,
            )
        case RuleKind.STAGES:
            return StagedLinear(
                stages=tuple(_stage(stage) for stage in slot.stages),
                increment=_amount(rule.step),
                after_last=_AFTER[rule.after],
                bump=None if rule.bump is None else _amount(rule.bump),
                retest_reps=rule.retest_reps,
                restart_percent=rule.restart,
                advance_at=rule.at_reps,
            )
        case RuleKind.DOUBLE:
            low, high = rep_range(work)
            return DoubleProgression(len(work), low, high, _amount(rule.step))
        case RuleKind.RPE:
            rated = next(t for t in work if t.rpe is not None)
            return RpeTarget(rated.reps, rated.rpe or Decimal(8))
        case _:
            return CycleIncrement(_amount(rule.step), weeks=_weeks(plan, slot))


def _weeks(plan: Plan, slot: Slot) -> tuple[CycleWeek, ...]:
    """The slot's lift week by week: its sets on the first day of each week that has it."""
    weeks: list[CycleWeek] = []
    for number in range(1, plan.weeks + 1):
        days = [day for day in plan.days if day.week == number]
        same = [s for day in days for s in day.slots if s.track == slot.track and s.rule]
        planned = tuple(
            PlannedSet(t.percent or Decimal(0), t.reps, amrap=t.amrap)
            for t in (counting(same[0].sets) if same else ())
        )
        weeks.append(CycleWeek(number, planned, deload=any(day.deload for day in days)))
    return tuple(weeks)


# -------------------------------------------------------------------------------------------
# Stored as JSON: {"kind": ..., fields...}; weights as [amount, unit] with the amount a string.


def state_to_json(state: RuleState) -> dict[str, Any]:
    match state:
        case CycleState():
            return {
                "kind": "cycle",
                "training_max": _weight(state.training_max),
                "week": state.week,
                "stalled": state.stalled,
            }
        case StagedState():
            first = state.first_stage_weight
            return {
                "kind": "stages",
                "weight": _weight(state.weight),
                "stage": state.stage,
                "first_stage_weight": None if first is None else _weight(first),
            }
        case LinearState():
            return {"kind": "linear", "weight": _weight(state.weight), "failures": state.failures}
        case DoubleState():
            return {"kind": "double", "weight": _weight(state.weight)}
        case RpeState():
            e1rm = state.e1rm
            return {
                "kind": "rpe",
                "weight": _weight(state.weight),
                "e1rm": None if e1rm is None else _weight(e1rm),
            }


def state_from_json(data: Mapping[str, Any]) -> RuleState:
    kind = data["kind"]
    if kind == "cycle":
        return CycleState(_read(data["training_max"]), int(data["week"]), bool(data["stalled"]))
    if kind == "stages":
        first = data["first_stage_weight"]
        return StagedState(
            _read(data["weight"]), int(data["stage"]), None if first is None else _read(first)
        )
    if kind == "linear":
        return LinearState(_read(data["weight"]), int(data["failures"]))
    if kind == "double":
        return DoubleState(_read(data["weight"]))
    if kind == "rpe":
        e1rm = data["e1rm"]
        return RpeState(_read(data["weight"]), None if e1rm is None else _read(e1rm))
    raise ValueError(f"unknown rule state {kind!r}")


def _weight(weight: Weight) -> list[str]:
    return [str(weight.amount), weight.unit.value]


def _read(value: list[str]) -> Weight:
    amount, unit = value
    return Weight(Decimal(amount), Unit(unit))
