"""Training-max progression: reps on a plan's progression set pick the increment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.plans.model import (
    AmrapProgression,
    Exercise,
    Increment,
    Plan,
    SetTemplate,
    UnknownExerciseError,
)
from domain.plans.rules.reasons import Reason, ReasonKind
from domain.shared.weights import Weight
from domain.training.model import WorkoutSet
from domain.training.prescription import MissingTrainingMaxError

RESET_FACTOR = Decimal("0.90")  # a stalled lift restarts 10% lower (TRAINING.md)
STALLS_BEFORE_RESET = 2


@dataclass(frozen=True, slots=True)
class TrainingMaxChange:
    """A training max that changes, or with `track` set, a working weight that changes."""

    exercise: str  # slug of the exercise whose training max (or working weight) changes
    name: str  # that exercise's name in the library, as people see it
    old: Weight
    new: Weight  # unrounded, in the old weight's unit
    increment: Decimal
    reason: Reason
    track: str | None = None  # Slot.track of a working weight: "squat/T1"


class ProposalDecision(StrEnum):
    """What the coach made of a proposed training-max change; stored, so never renamed."""

    KEPT = "kept"
    DECLINED = "declined"
    REPLACED = "replaced"  # the coach set another training max instead


@dataclass(frozen=True, slots=True)
class Proposal:
    """A training-max change waiting for the athlete's coach, made instead of the change when
    the athlete's progression needs approval (coaching turns that on)."""

    id: int | None
    athlete_id: int
    workout_id: int
    change: TrainingMaxChange
    created_at: datetime
    decision: ProposalDecision | None = None


def rule_for(plan: Plan, exercise: Exercise) -> AmrapProgression | None:
    """The plan's progression rule for the exercise: its own rule beats its body region's."""
    own = [rule for rule in plan.progression if rule.exercise == exercise.slug]
    if own:
        return own[0]
    regional = [
        rule
        for rule in plan.progression
        if rule.exercise is None and rule.region == exercise.region
    ]
    return regional[0] if regional else None


def progression_set(plan: Plan, exercise: str) -> SetTemplate | None:
    """The last set in the plan that drives the training max of `exercise`, if any."""
    found: SetTemplate | None = None
    for day in plan.days:
        for slot in day.slots:
            if slot.training_max_of != exercise:
                continue
            for template in slot.sets:
                if template.drives_progression:
                    found = template
    return found


def _bracket(rule: AmrapProgression, reps: int) -> Increment | None:
    reached = [bracket for bracket in rule.brackets if bracket.min_reps <= reps]
    return max(reached, key=lambda bracket: bracket.min_reps) if reached else None


def _reason(increment: Weight, reps: int, template: SetTemplate | None) -> Reason:
    percent = template.percent if template is not None else None
    return Reason.of(ReasonKind.AMRAP_TABLE, increment=increment, reps=reps, percent=percent)


def next_training_max(
    plan: Plan, exercise: Exercise, current: Weight, reps_on_progression_set: int
) -> TrainingMaxChange:
    """The training max after `reps_on_progression_set` reps; +0 when no rule matches."""
    reps = reps_on_progression_set
    if reps < 0:
        raise ValueError(f"reps are not negative, got {reps}")
    rule = rule_for(plan, exercise)
    if rule is None:
        return TrainingMaxChange(
            exercise.slug,
            exercise.name,
            current,
            current,
            Decimal(0),
            Reason.of(
                ReasonKind.NO_RULE,
                increment=Weight(Decimal(0), current.unit),
                exercise=exercise.name,
            ),
        )
    bracket = _bracket(rule, reps)
    # the increment comes from the TM's own unit column, so a lb TM rises by whole lb steps
    increment = bracket.amount(current.unit) if bracket is not None else Decimal(0)
    reason = _reason(Weight(increment, current.unit), reps, progression_set(plan, exercise.slug))
    return TrainingMaxChange(
        exercise.slug, exercise.name, current, current.plus(increment), increment, reason
    )


def progression_from_workout(
    plan: Plan,
    exercises: Mapping[str, Exercise],
    sets: Sequence[WorkoutSet],
    training_maxes: Mapping[str, Weight],
) -> tuple[TrainingMaxChange, ...]:
    """One change per training max that a done progression set drives; the last such set counts."""
    reps_by_exercise: dict[str, int] = {}
    for workout_set in sets:
        done = workout_set.done
        if not workout_set.prescribed.drives_progression or done is None or workout_set.skipped:
            continue
        prescribed = workout_set.prescribed.weight
        if done.weight.to(prescribed.unit).amount < prescribed.amount:
            continue  # (ours) reps at a lighter weight say nothing about the TM
        reps_by_exercise[workout_set.prescribed.training_max_of] = done.reps
    changes: list[TrainingMaxChange] = []
    for slug, reps in reps_by_exercise.items():
        exercise = exercises.get(slug)
        if exercise is None:
            raise UnknownExerciseError(slug)
        current = training_maxes.get(slug)
        if current is None:
            raise MissingTrainingMaxError(slug)
        changes.append(next_training_max(plan, exercise, current, reps))
    return tuple(changes)


def suggests_reset(previous_reps: Sequence[int]) -> bool:
    """True when the last two results on a lift's 1+ set (oldest first) were both 0 reps."""
    recent = previous_reps[-STALLS_BEFORE_RESET:]
    return len(recent) == STALLS_BEFORE_RESET and all(reps == 0 for reps in recent)


def reset_training_max(current: Weight) -> Weight:
    """The training max after a stall reset: 10% lower, unrounded like every TM."""
    return current.times(RESET_FACTOR)
