"""An export's workouts as Spotter's finished workouts: each set done as it was written."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.plans.model import Tier
from domain.shared.time import occurrence
from domain.training.imports.model import ImportedWorkout
from domain.training.model import DoneSet, PrescribedSet, Workout, WorkoutSet

# No plan text can take this slug (theirs have no "_"), so no uploaded plan ever claims it.
IMPORTED_PLAN = "_imported"
SET_SPACING = timedelta(seconds=1)  # each set logged a second after the last keeps their order


def started_at(workout: ImportedWorkout, zone: ZoneInfo) -> datetime:
    """The UTC moment the workout began, its wall-clock time read in the athlete's zone."""
    return occurrence(workout.started_at.date(), workout.started_at.time(), zone).astimezone(UTC)


def to_workout(
    athlete_id: int,
    imported: ImportedWorkout,
    zone: ZoneInfo,
    slugs: Mapping[str, str],
    names: Mapping[str, str],
) -> Workout:
    """A finished workout of the imported sets; `slugs` maps the app's names, `names` the slugs."""
    start = started_at(imported, zone)
    order = {exercise: number for number, exercise in enumerate(imported.exercises)}
    counts = {e: sum(1 for s in imported.sets if s.exercise == e) for e in imported.exercises}
    numbers: dict[str, int] = {}
    sets = []
    for position, done in enumerate(imported.sets):
        slug = slugs[done.exercise]
        numbers[done.exercise] = numbers.get(done.exercise, 0) + 1
        prescribed = PrescribedSet(
            position=position,
            slot_order=order[done.exercise],
            tier=Tier.T3,
            exercise=slug,
            training_max_of=slug,
            display_name=names.get(slug, done.exercise)[:100],
            set_number=numbers[done.exercise],
            sets_in_slot=counts[done.exercise],
            weight=done.weight,
            reps=done.reps,
            amrap=False,
            drives_progression=False,
            warmup=done.warmup,
        )
        logged = DoneSet(
            weight=done.weight,
            reps=done.reps,
            logged_at=start + SET_SPACING * position,
            rpe=done.rpe,
            note=done.note,
        )
        sets.append(WorkoutSet(prescribed, logged))
    return Workout(
        id=None,
        athlete_id=athlete_id,
        plan_slug=IMPORTED_PLAN,
        day_number=0,
        day_name=imported.name or "—",
        started_at=start,
        sets=tuple(sets),
        finished_at=start + SET_SPACING * len(sets),
    )
