"""After a workout: every progression rule of the plan day applied to what was actually lifted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from domain.plans import Exercise, Plan, RuleKind, Slot
from domain.prescription import Athlete
from domain.progression import TrainingMaxChange, progression_from_workout
from domain.rules import CycleState, LiftedSet, Outcome, RuleState, advance
from domain.rules.common import plus
from domain.tracks import counting, first_state, matches, rule_of, working_weight
from domain.weights import Weight
from domain.workouts import Workout, WorkoutSet


@dataclass(frozen=True, slots=True)
class TrackUpdate:
    key: str
    state: RuleState
    reason: str
    before: RuleState  # the state the rule started from this time


@dataclass(frozen=True, slots=True)
class Progress:
    changes: tuple[TrainingMaxChange, ...]  # what the athlete is told, and may decline
    tracks: tuple[TrackUpdate, ...]  # rule states to store


def advance_workout(
    plan: Plan,
    workout: Workout,
    *,
    exercises: Mapping[str, Exercise],
    training_maxes: Mapping[str, Weight],
    tracks: Mapping[str, RuleState],
    athlete: Athlete,
) -> Progress:
    """The plan's verdict on a finished workout.

    A deload the athlete chose moves nothing; a plan's own deload day (5/3/1 week 4) still ends
    its cycle. A slot with no set logged is no evidence and changes nothing.
    """
    day = plan.day(workout.day_number)
    if workout.deload and not day.deload:
        return Progress((), ())
    changes: list[TrainingMaxChange] = []
    if not workout.deload:
        changes.extend(
            c
            for c in progression_from_workout(plan, exercises, workout.sets, training_maxes)
            if c.new != c.old
        )
    updates: list[TrackUpdate] = []
    for slot in day.slots:
        sets = [
            s for s in workout.sets if s.prescribed.slot_order == slot.order and s.prescribed.counts
        ]
        if slot.rule is None or not any(s.done for s in sets):
            continue
        lifted = [_lifted(s) for s in sets]
        if slot.rule.kind == RuleKind.COMPLETE:
            changes.extend(_complete(slot, sets, training_maxes))
            continue
        outcome = _outcome(
            plan,
            slot,
            lifted,
            training_maxes=training_maxes,
            tracks=tracks,
            athlete=athlete,
            week=day.week,
        )
        if outcome is None:
            continue
        base, result = outcome
        updates.append(TrackUpdate(slot.track, result.state, result.reason, base))
        changes.extend(_change(slot, base, result))
    return Progress(tuple(changes), tuple(updates))


def _lifted(workout_set: WorkoutSet) -> LiftedSet:
    done = workout_set.done
    if done is None:  # skipped, or left open by finishing early: a set not made
        return LiftedSet(workout_set.prescribed.weight, 0)
    return LiftedSet(done.weight, done.reps, done.rpe)


def _outcome(
    plan: Plan,
    slot: Slot,
    lifted: Sequence[LiftedSet],
    *,
    training_maxes: Mapping[str, Weight],
    tracks: Mapping[str, RuleState],
    athlete: Athlete,
    week: int | None,
) -> tuple[RuleState, Outcome[RuleState]] | None:
    rule = rule_of(plan, slot)
    assert slot.rule is not None  # noqa: S101  # the caller skips slots without one
    training_max = training_maxes.get(slot.training_max_of)
    stored = tracks.get(slot.track)
    if rule is None:
        return None
    if slot.rule.kind == RuleKind.CYCLE:
        if training_max is None:
            return None
        stalled = isinstance(stored, CycleState) and stored.stalled
        state: RuleState = CycleState(training_max, week or 1, stalled)
    elif stored is not None and matches(slot.rule, stored):
        state = _as_lifted(stored, lifted)
    else:
        first = first_state(slot, training_max, athlete.unit, athlete.loading)
        if first is None:
            return None
        state = _as_lifted(first, lifted)
    return state, advance(rule, state, lifted, athlete.loading)


def _as_lifted(state: RuleState, lifted: Sequence[LiftedSet]) -> RuleState:
    """The state as the athlete lifted it: the next step builds on the weight on the bar."""
    if isinstance(state, CycleState):
        return state
    made = [done.weight.to(state.weight.unit) for done in lifted if done.reps > 0]
    if not made:
        return state
    lightest = min(made, key=lambda w: w.amount)
    return state if lightest.amount == state.weight.amount else replace(state, weight=lightest)


def _change(slot: Slot, base: RuleState, result: Outcome[RuleState]) -> list[TrainingMaxChange]:
    if isinstance(base, CycleState):
        old = base.training_max
        if result.weight == old:
            return []
        return [
            TrainingMaxChange(
                slot.training_max_of,
                old,
                result.weight,
                result.weight.amount - old.amount,
                result.reason,
            )
        ]
    old = working_weight(base) or result.weight
    if result.state == base:
        return []
    return [
        TrainingMaxChange(
            slot.exercise,
            old,
            result.weight,
            result.weight.amount - old.to(result.weight.unit).amount,
            result.reason,
            track=slot.track,
        )
    ]


def _complete(
    slot: Slot, sets: Sequence[WorkoutSet], training_maxes: Mapping[str, Weight]
) -> list[TrainingMaxChange]:
    """nSuns 4-day OHP (ours): one step when every set was made at its weight and reps."""
    training_max = training_maxes.get(slot.training_max_of)
    rule = slot.rule
    if training_max is None or rule is None or rule.step is None:
        return []
    made = all(
        s.done is not None
        and s.done.reps >= s.prescribed.reps
        and s.done.weight.to(s.prescribed.weight.unit).amount >= s.prescribed.weight.amount
        for s in sets
    )
    if not made:
        return []
    step = rule.step.amount(training_max.unit)
    work = len(counting(slot.sets))
    reason = f"{plus(step, training_max.unit)}: all {work} sets made as prescribed"
    new = training_max.plus(step)
    return [TrainingMaxChange(slot.training_max_of, training_max, new, step, reason)]
