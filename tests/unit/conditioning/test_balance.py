"""§6's balance and rotation rules on generated workouts, over many seeds: patterns paired,
one skill and one grip-limited element at most, rested patterns get no heavy lift, the least
used modality leads, and never yesterday's format."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from domain.athletes.kit import Kit
from domain.conditioning.balance import (
    GRIP_LIMITED,
    HIGH_SKILL,
    MAY_REPEAT,
    Pattern,
    lead_order,
    modality_use,
    pattern,
    rested_patterns,
)
from domain.conditioning.duration import TimeDomain
from domain.conditioning.generator import Request, generate, heavy_lift
from domain.conditioning.movements import BY_SLUG, Modality, Movement
from domain.conditioning.rotation import next_format
from domain.conditioning.workout import Format, Workout

GYM = frozenset(Kit)
SEEDS = range(150)
W, G, M = Modality.WEIGHTLIFTING, Modality.GYMNASTICS, Modality.MONOSTRUCTURAL


def movements(workout: Workout) -> list[Movement]:
    return [BY_SLUG[part.movement] for part in workout.parts]


@pytest.mark.parametrize("format", [Format.FOR_TIME, Format.AMRAP])
def test_generated_workouts_pair_patterns_and_hold_one_skill_and_one_grip_element_at_most(
    format: Format,
) -> None:
    for seed in SEEDS:
        chosen = movements(generate(Request(format, TimeDomain.SHORT, GYM), random.Random(seed)))

        patterns = Counter(pattern(m) for m in chosen if pattern(m) not in MAY_REPEAT)
        assert max(patterns.values(), default=0) <= 1, (seed, chosen)
        assert sum(m.slug in HIGH_SKILL for m in chosen) <= 1, (seed, chosen)
        assert sum(m.slug in GRIP_LIMITED for m in chosen) <= 1, (seed, chosen)


def heavy_patterns(request: Request) -> set[Pattern]:
    return {
        pattern(m)
        for seed in SEEDS
        for m in movements(generate(request, random.Random(seed)))
        if heavy_lift(m)
    }


def test_a_pattern_loaded_heavy_lately_gets_no_heavy_lift() -> None:
    barbell = frozenset({Kit.BARBELL})
    fresh = Request(Format.FOR_TIME, TimeDomain.SHORT, barbell)
    after_deadlifts = Request(
        Format.FOR_TIME, TimeDomain.SHORT, barbell, rested=rested_patterns(["deadlift"])
    )

    assert Pattern.HINGE in heavy_patterns(fresh)  # cleans and snatches, when nothing rests
    assert Pattern.HINGE not in heavy_patterns(after_deadlifts)
    assert heavy_patterns(after_deadlifts)  # the other patterns' heavy lifts still come


def test_the_least_used_modality_leads() -> None:
    for seed in SEEDS:
        request = Request(Format.AMRAP, TimeDomain.MEDIUM, GYM, lead=(M, G, W))
        assert movements(generate(request, random.Random(seed)))[0].modality == M


def test_the_lead_order_counts_the_last_nine_training_days_only() -> None:
    first = date(2026, 3, 1)
    days = {first + timedelta(days=n): [W] for n in range(9)}  # nine strength days
    days[first - timedelta(days=1)] = [G, G, G, G, G, G, G, G, G, G]  # the tenth: not counted
    days[first + timedelta(days=4)] = [W, G]

    used = modality_use(days)

    assert used == Counter({W: 9, G: 1})
    assert lead_order(used, random.Random(1)) == [M, G, W]


def test_never_yesterdays_format() -> None:
    today = date(2026, 3, 4)
    for seed in SEEDS:
        rng = random.Random(seed)
        assert next_format({today - timedelta(days=1): Format.AMRAP}, today, rng) != Format.AMRAP
        assert next_format({today - timedelta(days=1): Format.FOR_TIME}, today, rng) == Format.AMRAP
