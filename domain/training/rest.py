"""Rest between sets: how long after which set, and whether the athlete is resting now (ours)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.plans.model import Tier
from domain.training.model import PrescribedSet, Workout
from domain.training.ports import TrainingUnitOfWork

REST_AFTER = {
    Tier.T1: timedelta(minutes=3),
    Tier.T2: timedelta(minutes=2),
    Tier.T3: timedelta(seconds=90),
}


@dataclass(frozen=True, slots=True)
class Rest:
    ends_at: datetime
    length: timedelta
    workout_id: int | None
    after: int  # the position of the set it follows

    def remaining(self, now: datetime) -> timedelta:
        return max(timedelta(0), self.ends_at - now)

    @property
    def key(self) -> str:
        """Names this rest (the set and when it was logged), the same after a restart: the
        outbox key of its "rest is over". Whole seconds, as every database keeps them."""
        return f"rest:{self.workout_id}:{self.after}:{int(self.ends_at.timestamp())}"


def rest_after(prescribed: PrescribedSet) -> timedelta:
    return REST_AFTER[prescribed.tier]


def current_rest(workout: Workout, now: datetime) -> Rest | None:
    """The rest after the set logged last, while it lasts; none once every set is closed."""
    logged = [(s.done.logged_at, s.prescribed) for s in workout.sets if s.done is not None]
    if not logged or workout.next_open is None:
        return None
    logged_at, prescribed = max(logged, key=lambda pair: pair[0])
    length = rest_after(prescribed)
    rest = Rest(logged_at + length, length, workout.id, prescribed.position)
    return rest if rest.remaining(now) > timedelta(0) else None


async def rests_in_progress(uow: TrainingUnitOfWork, now: datetime) -> list[tuple[int, Rest]]:
    """Athletes resting between sets right now, e.g. to restart their timers after a restart."""
    async with uow:
        workouts = await uow.workouts.all_open()
    return [(w.athlete_id, rest) for w in workouts if (rest := current_rest(w, now)) is not None]
