"""The /today card's arithmetic: the set to do now as the athlete can load it, rest, next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.athletes.equipment import BarLoad
from domain.athletes.model import User
from domain.shared.weights import Weight
from domain.training.model import Workout, WorkoutSet
from domain.training.rest import Rest, current_rest
from domain.training.warmup import WarmupSet, warmup_before

AMRAP_CHOICES = 8  # buttons on an as-many-as-possible set: the prescribed reps and seven more


@dataclass(frozen=True, slots=True)
class Taps:
    """The card's − / + presses on the set it shows."""

    weight_steps: int = 0
    reps_delta: int = 0


@dataclass(frozen=True, slots=True)
class SetAsShown:
    """A set moved by the taps, as the athlete can load it."""

    set: WorkoutSet
    wanted: Weight  # the prescription moved by the weight taps
    load: BarLoad  # what the athlete's bar and plates make nearest to `wanted`
    reps: int
    step: Decimal  # one weight tap

    @property
    def weight(self) -> Weight:
        return self.load.total

    @property
    def as_prescribed(self) -> bool:
        prescribed = self.set.prescribed
        return self.weight == prescribed.weight and self.reps == prescribed.reps

    @property
    def amrap_choices(self) -> tuple[int, ...]:
        reps = self.set.prescribed.reps
        return tuple(range(reps, reps + AMRAP_CHOICES))


@dataclass(frozen=True, slots=True)
class TodayCard:
    """What the card shows while sets are open."""

    workout: Workout
    current: SetAsShown
    bar: Weight
    rest: Rest | None
    warmup: tuple[WarmupSet, ...]
    upcoming: WorkoutSet | None  # the next open set after this one

    @property
    def logged(self) -> int:
        return sum(1 for s in self.workout.sets if not s.is_open)


def as_shown(athlete: User, workout_set: WorkoutSet, taps: Taps) -> SetAsShown:
    prescribed = workout_set.prescribed
    step = athlete.step_for(prescribed.weight.unit)
    wanted = prescribed.weight.stepped(step, taps.weight_steps)
    reps = max(0, prescribed.reps + taps.reps_delta)
    return SetAsShown(workout_set, wanted, athlete.loads(wanted), reps, step)


def today_card(
    athlete: User, workout: Workout, current: WorkoutSet, taps: Taps, now: datetime
) -> TodayCard:
    """The card while `current`, the workout's next open set, is to be done."""
    shown = as_shown(athlete, current, taps)
    position = current.prescribed.position
    return TodayCard(
        workout=workout,
        current=shown,
        bar=athlete.bar_for(shown.weight.unit),
        rest=current_rest(workout, now),
        warmup=warmup_before(current, athlete),
        upcoming=next(
            (s for s in workout.sets if s.is_open and s.prescribed.position > position), None
        ),
    )
