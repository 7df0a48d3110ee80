"""A workout: the sets a plan day prescribes, each next to what the athlete actually did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.plans.model import Tier
from domain.plans.rules import RuleState
from domain.plans.rules.reasons import Reason
from domain.shared.weights import Weight


@dataclass(frozen=True, slots=True)
class PrescribedSet:
    position: int  # 0-based order of the set within the workout
    slot_order: int
    tier: Tier
    exercise: str  # slug of the exercise performed
    training_max_of: str  # slug of the exercise whose TM set the load
    display_name: str
    set_number: int  # 1-based within its slot
    sets_in_slot: int
    weight: Weight  # rounded to the athlete's step
    reps: int
    amrap: bool
    drives_progression: bool
    top_reps: int | None = None  # a rep range: reps–top_reps
    target_rpe: Decimal | None = None
    warmup: bool = False
    optional: bool = False  # a joker set
    superset: str | None = None  # "A1"

    @property
    def counts(self) -> bool:
        """A work set: progression and records read it."""
        return not self.warmup and not self.optional


@dataclass(frozen=True, slots=True)
class DoneSet:
    weight: Weight
    reps: int
    logged_at: datetime
    rpe: Decimal | None = None
    note: str | None = None
    source_message_id: int | None = None  # the typed message that logged it, if any


@dataclass(frozen=True, slots=True)
class WorkoutSet:
    prescribed: PrescribedSet
    done: DoneSet | None = None
    skipped: bool = False

    @property
    def is_open(self) -> bool:
        return self.done is None and not self.skipped


@dataclass(frozen=True, slots=True)
class TrainingMax:
    """One entry of an athlete's append-only training-max history."""

    exercise: str
    weight: Weight  # stored unrounded
    effective_at: datetime
    reason: Reason


@dataclass(frozen=True, slots=True)
class Workout:
    id: int | None  # None until stored
    athlete_id: int
    plan_slug: str
    day_number: int
    day_name: str
    started_at: datetime
    sets: tuple[WorkoutSet, ...]
    finished_at: datetime | None = None
    deload: bool = False  # lighter on purpose: no progression from AMRAPs, no records

    @property
    def next_open(self) -> WorkoutSet | None:
        return next((s for s in self.sets if s.is_open), None)


@dataclass(frozen=True, slots=True)
class ActivePlan:
    """The plan an athlete follows now, and which of its days comes next."""

    plan_slug: str
    started_at: datetime
    next_day: int


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One set done in a finished workout, with the workout it belongs to."""

    workout_id: int
    workout_started_at: datetime
    exercise: str
    weight: Weight
    reps: int
    logged_at: datetime


@dataclass(frozen=True, slots=True)
class SetResult:
    """What the athlete did on a set; None means as prescribed."""

    weight: Weight | None = None
    reps: int | None = None
    rpe: Decimal | None = None


@dataclass(frozen=True, slots=True)
class LiftTrack:
    """One entry of a lift's rule-state history: what a slot's progression rule remembers.

    Keyed by exercise and tier ("squat/T1"), not by plan, so a working weight carries over when
    the athlete switches between plans that share the lift. The history is append-only, each
    entry with the reason it changed, like the training maxes.
    """

    key: str  # Slot.track: "squat/T1"
    state: RuleState
    effective_at: datetime
    reason: Reason
