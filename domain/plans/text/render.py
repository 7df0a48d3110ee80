"""Writing a plan as text; `domain.plans.text.parse` reads it back as the same plan."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from domain.plans.model import (
    AfterStages,
    Exercise,
    Increment,
    Plan,
    SetTemplate,
    Slot,
    SlotRule,
    Step,
)
from domain.plans.text.grammar import MAX_SETS
from domain.shared.weights import format_amount


def plan_to_text(plan: Plan, exercises: Mapping[str, Exercise]) -> str:
    """The plan in the text format; parse_plan_text reads it back as the same plan."""
    lines = [f"plan: {plan.name}", f"slug: {plan.slug}"]
    if plan.about:
        lines.append(f"about: {plan.about}")
    if plan.per_week is not None:
        lines.append(f"sessions: {plan.per_week} a week")
    lines.append(f"tm: {_pct(plan.training_max_percent)}")
    for rule in plan.progression:
        target = rule.exercise or (rule.region.value if rule.region else "")
        lines.append(f"progress {target}: {_brackets(rule.brackets)}")
    week: tuple[int | None, bool] = (None, False)
    for day in plan.days:
        if (day.week, day.deload) != week and day.week is not None:
            lines.extend(["", f"week: {day.week}{' deload' if day.deload else ''}"])
        week = (day.week, day.deload)
        lines.extend(["", f"day: {day.name}"])
        lines.extend(_slot_text(slot, exercises) for slot in day.slots)
    return "\n".join(lines) + "\n"


def _slot_text(slot: Slot, exercises: Mapping[str, Exercise]) -> str:
    head = [slot.tier.value]
    if slot.superset:
        head.append(slot.superset)
    head.append(slot.exercise)
    if slot.training_max_of != slot.exercise:
        head.append(f"tm={slot.training_max_of}")
    known = exercises.get(slot.exercise)
    if known is None or slot.display_name != known.name:
        head.append(f'"{slot.display_name}"')
    body = " | ".join(_stage_text(stage) for stage in slot.stages)
    rule = f" ; {_rule_text(slot.rule)}" if slot.rule is not None else ""
    return f"{' '.join(head)}: {body}{rule}"


def _stage_text(stage: tuple[SetTemplate, ...]) -> str:
    groups: list[tuple[int, SetTemplate]] = []
    for template in stage:
        if groups and groups[-1][1] == template and groups[-1][0] < MAX_SETS:
            groups[-1] = (groups[-1][0] + 1, template)
        else:
            groups.append((1, template))
    return ", ".join(_group_text(count, template) for count, template in groups)


def _group_text(count: int, template: SetTemplate) -> str:
    reps = f"{count}x{template.reps}"
    if template.amrap:
        reps += "+"
    elif template.top_reps is not None:
        reps += f"-{template.top_reps}"
    words = [reps]
    if template.percent is not None:
        words.append(f"@{_pct(template.percent)}")
    elif template.weight is not None:
        words.append(f"{format_amount(template.weight.amount)}{template.weight.unit}")
    elif template.rpe is not None:
        words.append(f"@{format_amount(template.rpe)}")
    if template.drives_progression:
        words.append("!")
    if template.warmup:
        words.append("warmup")
    if template.optional:
        words.append("joker")
    return " ".join(words)


def _rule_text(rule: SlotRule) -> str:
    words = [rule.kind.value]
    if rule.step is not None:
        words.append(_step_text(rule.step))
    if rule.start is not None:
        words.append(f"start {_pct(rule.start)}")
    if rule.start_weight is not None:
        words.append(f"start {_step_text(rule.start_weight, sign='')}")
    defaults = SlotRule(rule.kind)
    if (rule.deload, rule.failures) != (defaults.deload, defaults.failures):
        words.append(f"deload {_pct(rule.deload)} after {rule.failures}")
    if rule.after == AfterStages.BUMP and rule.bump is not None:
        words.append(f"then {_step_text(rule.bump)}")
    elif rule.after == AfterStages.RETEST:
        words.append(f"then retest {rule.retest_reps}RM at {_pct(rule.restart)}")
    if rule.at_reps is not None:
        words.append(f"at {rule.at_reps} reps")
    return " ".join(words)


def _brackets(brackets: tuple[Increment, ...]) -> str:
    parts = []
    for index, bracket in enumerate(brackets):
        if index + 1 < len(brackets):
            high = brackets[index + 1].min_reps - 1
            reps = (
                str(bracket.min_reps) if high == bracket.min_reps else f"{bracket.min_reps}-{high}"
            )
        else:
            reps = f"{bracket.min_reps}+"
        step = Step(bracket.kg, bracket.lb)
        parts.append(f"{reps} {'+0' if not bracket.kg and not bracket.lb else _step_text(step)}")
    return ", ".join(parts)


def _step_text(step: Step, sign: str = "+") -> str:
    return f"{sign}{format_amount(step.kg)}kg/{format_amount(step.lb)}lb"


def _pct(share: Decimal) -> str:
    return f"{format_amount(share * 100)}%"
