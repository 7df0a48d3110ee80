"""A plan day turned into the sets to lift: training max × percent, rounded to a loadable step."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from domain.plans import Plan
from domain.weights import Rounding, Unit, Weight
from domain.workouts import PrescribedSet


class MissingTrainingMaxError(LookupError):
    """The plan needs a training max the athlete has not entered."""

    def __init__(self, exercise: str) -> None:
        super().__init__(f"no training max for {exercise!r}")
        self.exercise = exercise


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
) -> tuple[PrescribedSet, ...]:
    """Every set of the day, in slot order then set order, at positions 0..n-1."""
    day = plan.day(day_number)
    prescribed: list[PrescribedSet] = []
    for slot in sorted(day.slots, key=lambda s: s.order):
        training_max = training_maxes.get(slot.training_max_of)
        if training_max is None:
            raise MissingTrainingMaxError(slot.training_max_of)
        for number, template in enumerate(slot.sets, start=1):
            prescribed.append(
                PrescribedSet(
                    position=len(prescribed),
                    slot_order=slot.order,
                    tier=slot.tier,
                    exercise=slot.exercise,
                    training_max_of=slot.training_max_of,
                    display_name=slot.display_name,
                    set_number=number,
                    sets_in_slot=len(slot.sets),
                    weight=prescribed_weight(
                        training_max, template.percent, unit=unit, step=step, rounding=rounding
                    ),
                    reps=template.reps,
                    amrap=template.amrap,
                    drives_progression=template.drives_progression,
                )
            )
    return tuple(prescribed)
