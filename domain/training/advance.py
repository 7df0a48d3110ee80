"""After a workout: every progression rule of the plan day applied to what was actually lifted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from domain.plans.model import Exercise, Plan, RuleKind, Slot, UnknownExerciseError
from domain.plans.rules import CycleState, LiftedSet, Outcome, RpeState, RuleState, advance
from domain.plans.rules.reasons import Reason, ReasonKind
from domain.plans.rules.slots import counting, first_state, matches, rule_of, working_weight
from domain.shared.weights import Weight
from domain.training.model import Workout, WorkoutSet
from domain.training.prescription import AthleteLoading
from domain.training.progression import TrainingMaxChange, progression_from_workout


@dataclass(frozen=True, slots=True)
class TrackUpdate:
    key: str
    state: RuleState
    reason: Reason
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
    athlete: AthleteLoading,
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
            s
            for s in workout.sets
            if s.prescribed.slot_order == slot.order
            and s.prescribed.exercise == slot.exercise  # a plan rewritten since: no evidence
            and s.prescribed.counts
        ]
        if slot.rule is None or not any(s.done for s in sets):
            continue
        lifted = [_lifted(s) for s in sets]
        if slot.rule.kind == RuleKind.COMPLETE:
            changes.extend(_complete(slot, sets, training_maxes, exercises))
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
        changes.extend(_change(slot, base, result, exercises))
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
    athlete: AthleteLoading,
    week: int | None,
) -> tuple[RuleState, Outcome[RuleState]] | None:
    rule = rule_of(plan, slot)
    assert slot.rule is not None  # noqa: S101  # the caller skips slots without one
    training_max = training_maxes.get(slot.training_max_of)
    stored = tracks.get(slot.track)
    if rule is None:
        return None
    state: RuleState | None
    if slot.rule.kind == RuleKind.CYCLE:
        state = _cycle_state(plan, training_max, stored, week or 1)
    elif stored is not None and matches(slot.rule, stored):
        state = stored
    else:  # a first session, or a plan switched from another rule: start at the weight kept
        carried = working_weight(stored) if stored is not None else None
        state = first_state(slot, training_max, athlete.unit, athlete.loading, carried=carried)
    if state is None:
        return None
    state, lifted = _as_lifted(state, lifted)
    return state, advance(rule, state, lifted, athlete.loading)


def _cycle_state(
    plan: Plan, training_max: Weight | None, stored: RuleState | None, week: int
) -> CycleState | None:
    """The cycle as the lift stands; its last week ends it only if the lift got that far.

    Lifting the last week's day again, or jumping to it from week 1, moves no TM.
    """
    if training_max is None:
        return None
    reached = stored.week if isinstance(stored, CycleState) else 1
    if week == plan.weeks and reached != plan.weeks:
        return None
    stalled = isinstance(stored, CycleState) and stored.stalled
    return CycleState(training_max, week, stalled)


def _as_lifted(
    state: RuleState, lifted: Sequence[LiftedSet]
) -> tuple[RuleState, Sequence[LiftedSet]]:
    """The state and sets as the athlete lifted them.

    Every set made at or above the working weight: the next step builds on the lightest of
    them. A set made lighter than the working weight counts as a set not made.
    """
    if isinstance(state, CycleState | RpeState):
        return state, lifted  # a TM rule, or loads that follow the e1RM whatever was lifted
    unit = state.weight.unit
    made = [done for done in lifted if done.reps > 0]
    if not made:
        return state, lifted
    if all(done.weight.to(unit).amount >= state.weight.amount for done in made):
        lightest = min((done.weight.to(unit) for done in made), key=lambda w: w.amount)
        if lightest.amount != state.weight.amount:
            state = replace(state, weight=lightest)
        return state, lifted
    return state, [
        done if done.weight.to(unit).amount >= state.weight.amount else replace(done, reps=0)
        for done in lifted
    ]


def _name(exercises: Mapping[str, Exercise], slug: str) -> str:
    exercise = exercises.get(slug)
    if exercise is None:
        raise UnknownExerciseError(slug)
    return exercise.name


def _change(
    slot: Slot, base: RuleState, result: Outcome[RuleState], exercises: Mapping[str, Exercise]
) -> list[TrainingMaxChange]:
    if isinstance(base, CycleState):
        old = base.training_max
        if result.weight == old:
            return []
        return [
            TrainingMaxChange(
                slot.training_max_of,
                _name(exercises, slot.training_max_of),
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
            _name(exercises, slot.exercise),
            old,
            result.weight,
            result.weight.amount - old.to(result.weight.unit).amount,
            result.reason,
            track=slot.track,
        )
    ]


def _complete(
    slot: Slot,
    sets: Sequence[WorkoutSet],
    training_maxes: Mapping[str, Weight],
    exercises: Mapping[str, Exercise],
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
    reason = Reason.of(
        ReasonKind.ALL_PRESCRIBED_SETS_MADE, increment=Weight(step, training_max.unit), sets=work
    )
    new = training_max.plus(step)
    name = _name(exercises, slot.training_max_of)
    return [TrainingMaxChange(slot.training_max_of, name, training_max, new, step, reason)]
