"""Which library exercise an app's exercise is: by a normalised name, then a small alias table.

"Squat (Barbell)" is the back squat; "Squat (Dumbbell)" is not, so only "(Barbell)" is dropped
before names are compared. An exercise that matches nothing becomes the athlete's own,
named as the app named it, under a slug of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from domain.plans.exercise_line import own_slug
from domain.plans.model import BodyRegion, Exercise

_NOT_WORD = re.compile(r"[^0-9a-zа-яё]+")
_BARBELL = re.compile(r"\s*\((barbell|bb)\)\s*$")

# Normalised app names (both apps' library names) → our slugs.
ALIASES: dict[str, str] = {
    "bench press": "bench",
    "flat bench press": "bench",
    "back squat": "squat",
    "high bar squat": "squat",
    "low bar squat": "squat",
    "overhead press": "ohp",
    "strict military press": "ohp",
    "military press": "ohp",
    "shoulder press standing": "ohp",
    "deadlift conventional": "deadlift",
    "sumo deadlift": "sumo_deadlift",
    "close grip bench press": "close_grip_bench",
    "incline bench press": "incline_bench",
    "bent over row": "barbell_row",
    "bent over row barbell": "barbell_row",
    "pendlay row": "barbell_row",
    "dumbbell row": "dumbbell_row",
    "bent over one arm row dumbbell": "dumbbell_row",
    "dumbbell row dumbbell": "dumbbell_row",
    "lat pulldown cable": "lat_pulldown",
    "lat pulldown machine": "lat_pulldown",
    "romanian deadlift": "romanian_deadlift",
    "pull up": "pull_up",
    "pull ups": "pull_up",
    "chin up": "chin_up",
    "chin ups": "chin_up",
    "triceps dip": "dip",
    "chest dip": "dip",
    "dips": "dip",
    "bicep curl barbell": "barbell_curl",
    "triceps pushdown cable": "triceps_pushdown",
    "triceps pushdown": "triceps_pushdown",
    "lateral raise dumbbell": "lateral_raise",
    "face pull cable": "face_pull",
    "leg press machine": "leg_press",
    "leg press": "leg_press",
    "lunge dumbbell": "lunge",
    "hip thrust": "hip_thrust",
    "lying leg curl machine": "leg_curl",
    "seated leg curl machine": "leg_curl",
    "power clean": "power_clean",
    "front squat": "front_squat",
}

_LOWER_WORDS = ("squat", "deadlift", "lunge", "leg", "calf", "hip", "glute", "step up", "clean")
OWN_MUSCLE_GROUP = "other"
OWN_CATEGORY = "accessory"


def normalised(name: str) -> str:
    lowered = _BARBELL.sub("", name.strip().lower())
    return _NOT_WORD.sub(" ", lowered).strip()


def match_exercises(names: Iterable[str], library: Mapping[str, Exercise]) -> dict[str, str | None]:
    """Each app name's slug in `library` (the shared one plus the athlete's own), or None."""
    by_name = {normalised(exercise.name): slug for slug, exercise in library.items()}
    matched: dict[str, str | None] = {}
    for name in names:
        key = normalised(name)
        slug = by_name.get(key) or ALIASES.get(key)
        matched[name] = slug if slug in library else None
    return matched


def own_exercise(athlete_id: int, name: str) -> Exercise:
    """An exercise of the athlete's own, as the app named it, under a slug no one else shares."""
    key = normalised(name)
    region = BodyRegion.LOWER if any(w in key for w in _LOWER_WORDS) else BodyRegion.UPPER
    return Exercise(
        slug=own_slug(athlete_id, name),
        name=name.strip()[:100],
        muscle_group=OWN_MUSCLE_GROUP,
        category=OWN_CATEGORY,
        region=region,
    )
