"""A plan day turned into the sets to lift: each load worked out and rounded to a loadable step."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.plans.model import Load, Plan, SetTemplate, Slot
from domain.plans.rules import Loading, RuleState
from domain.plans.rules.slots import first_state, matches, stage_of, working_weight
from domain.shared.weights import Rounding, Unit, Weight
from domain.training.model import PrescribedSet

# (ours) a deload the athlete switches on lifts 60% of the usual loads, as 5/3/1's deload week
# tops out at 60%, with no AMRAP sets.
DELOAD_SHARE = Decimal("0.60")


class MissingTrainingMaxError(LookupError):
    """The plan needs a training max the athlete has not entered."""

    def __init__(self, exercise: str) -> None:
        super().__init__(f"no training max for {exercise!r}")
        self.exercise = exercise


@dataclass(frozen=True, slots=True)
class AthleteLoading:
    """How the athlete loads a bar: their unit, smallest step and tie rule."""

    unit: Unit
    step: Decimal
    rounding: Rounding

    @property
    def loading(self) -> Loading:
        return Loading(
            kg=self.step if self.unit == Unit.KG else Loading().kg,
            lb=self.step if self.unit == Unit.LB else Loading().lb,
            mode=self.rounding,
        )


def prescribed_weight(
    training_max: Weight, percent: Decimal, *, unit: Unit, step: Decimal, rounding: Rounding
) -> Weight:
    """`percent` of the training max in `unit`, rounded to `step` (ties up, or down)."""
    if step <= 0:
        raise ValueError(f"a rounding step is positive, not {step}")
    # convert before rounding, so a lb TM shown in kg lands on a kg step (and vice versa)
    return training_max.to(unit).times(percent).rounded(step, rounding)


def prescribe_day(
    plan: Plan,
    day_number: int,
    training_maxes: Mapping[str, Weight],
    *,
    unit: Unit,
    step: Decimal,
    rounding: Rounding,
    tracks: Mapping[str, RuleState] | None = None,
    deload: bool = False,
) -> tuple[PrescribedSet, ...]:
    """Every set of the day at positions 0..n-1: slot by slot, supersets alternating set by set.

    `tracks` holds the athletes' rule states by Slot.track; a slot whose rule has none yet starts
    from the rule's `start`. With `deload`, loads are DELOAD_SHARE of the usual and no set is AMRAP.
    """
    athlete = AthleteLoading(unit, step, rounding)
    day = plan.day(day_number)
    slots = sorted(day.slots, key=lambda s: s.order)
    planned: list[list[PrescribedSet]] = []
    for slot in slots:
        state = _state(slot, training_maxes, (tracks or {}).get(slot.track), athlete)
        templates = _scheme(slot, state)
        planned.append(
            [
                _prescribed(
                    slot,
                    number,
                    len(templates),
                    template,
                    weight=_load(slot, template, training_maxes, state, athlete),
                )
                for number, template in enumerate(templates, start=1)
            ]
        )
    ordered = list(_alternating(slots, planned))
    if deload:
        ordered = [_deloaded(s, athlete) for s in ordered]
    return tuple(_at(position, s) for position, s in enumerate(ordered))


def _state(
    slot: Slot,
    training_maxes: Mapping[str, Weight],
    stored: RuleState | None,
    athlete: AthleteLoading,
) -> RuleState | None:
    rule = slot.rule
    if rule is None or not rule.keeps_working_weight:
        return None
    if stored is not None and matches(rule, stored):
        return stored
    training_max = training_maxes.get(slot.training_max_of)
    carried = working_weight(stored) if stored is not None else None
    state = first_state(slot, training_max, athlete.unit, athlete.loading, carried=carried)
    if state is None:
        raise MissingTrainingMaxError(slot.training_max_of)
    return state


def _scheme(slot: Slot, state: RuleState | None) -> tuple[SetTemplate, ...]:
    """The slot's sets now: a staged rule's current stage, or a rep-max test after its last."""
    stage = stage_of(state)
    if stage < len(slot.stages):
        return slot.stages[stage]
    reps = slot.rule.retest_reps if slot.rule is not None else 1
    return (SetTemplate(reps=reps, amrap=True),)


def _prescribed(
    slot: Slot, number: int, count: int, template: SetTemplate, *, weight: Weight
) -> PrescribedSet:
    return PrescribedSet(
        position=0,
        slot_order=slot.order,
        tier=slot.tier,
        exercise=slot.exercise,
        training_max_of=slot.training_max_of,
        display_name=slot.display_name,
        set_number=number,
        sets_in_slot=count,
        weight=weight,
        reps=template.reps,
        amrap=template.amrap,
        drives_progression=template.drives_progression,
        top_reps=template.top_reps,
        target_rpe=template.rpe,
        warmup=template.warmup,
        optional=template.optional,
        superset=slot.superset,
    )


def _load(
    slot: Slot,
    template: SetTemplate,
    training_maxes: Mapping[str, Weight],
    state: RuleState | None,
    athlete: AthleteLoading,
) -> Weight:
    match template.load:
        case Load.PERCENT:
            training_max = training_maxes.get(slot.training_max_of)
            if training_max is None:
                raise MissingTrainingMaxError(slot.training_max_of)
            return prescribed_weight(
                training_max,
                template.percent or Decimal(0),
                unit=athlete.unit,
                step=athlete.step,
                rounding=athlete.rounding,
            )
        case Load.FIXED if template.weight is not None:
            return template.weight.to(athlete.unit).rounded(athlete.step, athlete.rounding)
        case _:
            weight = None if state is None else working_weight(state)
            if weight is None:  # the parser lets no such slot through
                raise MissingTrainingMaxError(slot.training_max_of)
            return weight.to(athlete.unit).rounded(athlete.step, athlete.rounding)


def _alternating(slots: list[Slot], planned: list[list[PrescribedSet]]) -> Iterator[PrescribedSet]:
    """Slot by slot; neighbouring slots of one superset ("A1", "A2") take turns set by set."""
    index = 0
    while index < len(planned):
        letter = (slots[index].superset or " ")[0].strip() or None
        group = [planned[index]]
        while (
            letter is not None
            and index + len(group) < len(planned)
            and (slots[index + len(group)].superset or " ")[0] == letter
        ):
            group.append(planned[index + len(group)])
        for round_ in range(max(len(sets) for sets in group)):
            for sets in group:
                if round_ < len(sets):
                    yield sets[round_]
        index += len(group)


def _deloaded(prescribed: PrescribedSet, athlete: AthleteLoading) -> PrescribedSet:
    lighter = prescribed.weight.times(DELOAD_SHARE).rounded(athlete.step, athlete.rounding)
    return replace(prescribed, weight=lighter, amrap=False, drives_progression=False)


def _at(position: int, prescribed: PrescribedSet) -> PrescribedSet:
    return replace(prescribed, position=position)
