"""CONDITIONING.md §6's balance and rotation rules that look at movements, not minutes:

- pair push with pull and squat with hinge: no two movements of one pattern in a metcon;
- at most one high-skill element, and one heavy barbell lift (the generator's own rule);
- no two grip-limited movements in a row; in rounds the last part runs into the first, so a
  couplet or a triplet holds at most one;
- no heavy pattern within 72 hours: a barbell lift of the strength days, or the metcon's heavy
  lift, rests its pattern for three days;
- lead with the modality least used in the last 9 training days.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from domain.conditioning.movements import BY_SLUG, Modality, Movement


class Pattern(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"
    PUSH = "push"
    PULL = "pull"
    CORE = "core"
    CYCLIC = "cyclic"  # runs, ergs, ropes: any number of them pair with anything
    WHOLE = "whole"  # a burpee: everything a little, nothing in particular


PATTERN = {
    "thruster": Pattern.SQUAT,
    "wall-ball": Pattern.SQUAT,
    "squat-clean": Pattern.SQUAT,
    "overhead-squat": Pattern.SQUAT,
    "squat-snatch": Pattern.SQUAT,
    "air-squat": Pattern.SQUAT,
    "pistol": Pattern.SQUAT,
    "walking-lunge": Pattern.SQUAT,
    "box-jump": Pattern.SQUAT,
    "kb-swing": Pattern.HINGE,
    "deadlift": Pattern.HINGE,
    "power-clean": Pattern.HINGE,
    "hang-power-clean": Pattern.HINGE,
    "power-snatch": Pattern.HINGE,
    "db-snatch": Pattern.HINGE,
    "clean-and-jerk": Pattern.HINGE,
    "back-extension": Pattern.HINGE,
    "push-press": Pattern.PUSH,
    "push-jerk": Pattern.PUSH,
    "push-up": Pattern.PUSH,
    "hspu": Pattern.PUSH,
    "ring-dip": Pattern.PUSH,
    "pull-up": Pattern.PULL,
    "muscle-up": Pattern.PULL,
    "rope-climb": Pattern.PULL,
    "toes-to-bar": Pattern.CORE,
    "sit-up": Pattern.CORE,
    "burpee": Pattern.WHOLE,
    "double-under": Pattern.CYCLIC,
    "run": Pattern.CYCLIC,
    "row": Pattern.CYCLIC,
    "bike": Pattern.CYCLIC,
}
MAY_REPEAT = frozenset({Pattern.CYCLIC, Pattern.WHOLE})
HIGH_SKILL = frozenset(
    {"muscle-up", "hspu", "pistol", "rope-climb", "squat-snatch", "double-under"}
)
GRIP_LIMITED = frozenset(
    {"pull-up", "toes-to-bar", "rope-climb", "muscle-up", "kb-swing", "squat-clean",
     "power-clean", "hang-power-clean"}
)  # fmt: skip
# The strength days' barbell lifts (the exercise library's slugs) and the pattern each loads.
STRENGTH_PATTERN = {
    "squat": Pattern.SQUAT,
    "front_squat": Pattern.SQUAT,
    "deadlift": Pattern.HINGE,
    "sumo_deadlift": Pattern.HINGE,
    "romanian_deadlift": Pattern.HINGE,
    "power_clean": Pattern.HINGE,
    "bench": Pattern.PUSH,
    "close_grip_bench": Pattern.PUSH,
    "incline_bench": Pattern.PUSH,
    "paused_bench": Pattern.PUSH,
    "ohp": Pattern.PUSH,
    "barbell_row": Pattern.PULL,
}
TRAINING_DAYS_LOOKED_AT = 9


def pattern(movement: Movement) -> Pattern:
    return PATTERN[movement.slug]


def balanced(movement: Movement, chosen: Iterable[Movement]) -> bool:
    """Whether `movement` may join the movements already chosen."""
    chosen = list(chosen)
    own = pattern(movement)
    if own not in MAY_REPEAT and any(pattern(m) == own for m in chosen):
        return False
    if movement.slug in HIGH_SKILL and any(m.slug in HIGH_SKILL for m in chosen):
        return False
    return not (movement.slug in GRIP_LIMITED and any(m.slug in GRIP_LIMITED for m in chosen))


def lead_order(used: Counter[Modality], rng: random.Random) -> list[Modality]:
    """The modalities, least used first (ties in a random order)."""
    modalities = list(Modality)
    rng.shuffle(modalities)
    return sorted(modalities, key=lambda m: used[m])  # sorted is stable: the shuffle breaks ties


def modality_use(days: dict[date, list[Modality]]) -> Counter[Modality]:
    """How often each modality was trained on the last 9 training days (a strength day is one
    weightlifting day; a metcon counts each of its movements' modalities)."""
    last = sorted(days, reverse=True)[:TRAINING_DAYS_LOOKED_AT]
    return Counter(modality for day in last for modality in days[day])


def rested_patterns(slugs: Iterable[str]) -> frozenset[Pattern]:
    """The patterns loaded heavy by these strength lifts or metcon movements (last 72 h)."""
    patterns = set()
    for slug in slugs:
        if slug in STRENGTH_PATTERN:
            patterns.add(STRENGTH_PATTERN[slug])
        elif slug in BY_SLUG and slug in PATTERN:
            patterns.add(PATTERN[slug])
    return frozenset(patterns)
