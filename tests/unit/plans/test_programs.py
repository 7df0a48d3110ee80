from decimal import Decimal

import pytest

from bench.sample_training import builtin_plan
from domain.plans.library import PlanDataError, builtin_plans, load_exercises, parse_exercise
from domain.plans.model import BodyRegion, Tier

NSUNS = builtin_plan("nsuns-4day")


def test_the_library_has_every_lift_the_reference_names() -> None:
    exercises = load_exercises()

    assert set(exercises) >= {
        "bench",
        "squat",
        "ohp",
        "deadlift",
        "sumo_deadlift",
        "close_grip_bench",
        "front_squat",
        "incline_bench",
        "barbell_row",
        "power_clean",
        "lat_pulldown",
        "dumbbell_row",
    }
    assert all(slug == e.slug for slug, e in exercises.items())
    upper = {slug for slug, e in exercises.items() if e.region == BodyRegion.UPPER}
    assert {"bench", "ohp", "close_grip_bench"} <= upper
    assert {"squat", "deadlift", "sumo_deadlift", "front_squat"}.isdisjoint(upper)


def test_every_program_of_the_reference_is_built_in() -> None:
    assert {plan.slug for plan in builtin_plans()} == {
        "nsuns-4day",
        "nsuns-5day",
        "531-bbb",
        "531-fsl",
        "gzclp",
        "stronglifts",
        "starting-strength-1",
        "starting-strength-2",
    }
    assert NSUNS.training_max_percent == Decimal("0.90")
    assert NSUNS.training_max_exercises == ("bench", "ohp", "squat", "deadlift")


def test_each_nsuns_day_is_a_nine_set_t1_then_an_eight_set_t2() -> None:
    layout = [
        [(s.order, s.tier, s.exercise, s.training_max_of, len(s.sets)) for s in day.slots]
        for day in NSUNS.days
    ]

    assert [day.number for day in NSUNS.days] == [1, 2, 3, 4]
    assert layout == [
        [(1, Tier.T1, "bench", "bench", 9), (2, Tier.T2, "ohp", "ohp", 8)],
        [(1, Tier.T1, "squat", "squat", 9), (2, Tier.T2, "sumo_deadlift", "deadlift", 8)],
        [(1, Tier.T1, "bench", "bench", 9), (2, Tier.T2, "close_grip_bench", "bench", 8)],
        [(1, Tier.T1, "deadlift", "deadlift", 9), (2, Tier.T2, "front_squat", "squat", 8)],
    ]


def test_the_t2_sets_ask_for_the_reference_reps() -> None:
    reps = {day.slots[1].exercise: [s.reps for s in day.slots[1].sets] for day in NSUNS.days}

    assert reps == {
        "ohp": [6, 5, 3, 5, 7, 4, 6, 8],
        "sumo_deadlift": [5, 5, 3, 5, 7, 4, 6, 8],
        "close_grip_bench": [6, 5, 3, 5, 7, 4, 6, 8],
        "front_squat": [5, 5, 3, 5, 7, 4, 6, 8],
    }
    assert not any(s.amrap for day in NSUNS.days for s in day.slots[1].sets)


def test_every_last_t1_set_is_amrap_but_only_the_95_percent_sets_drive_progression() -> None:
    for day in NSUNS.days:
        t1 = day.slots[0].sets
        assert t1[-1].amrap
        assert not t1[-1].drives_progression
    progression = [
        (day.number, index, s.percent, s.reps, s.amrap)
        for day in NSUNS.days
        for slot in day.slots
        for index, s in enumerate(slot.sets)
        if s.drives_progression
    ]
    assert progression == [
        (2, 2, Decimal("0.95"), 1, True),
        (3, 2, Decimal("0.95"), 1, True),
        (4, 2, Decimal("0.95"), 1, True),
    ]


def test_the_progression_table_is_one_rule_per_region() -> None:
    table = {
        rule.region: [(b.min_reps, str(b.kg), str(b.lb)) for b in rule.brackets]
        for rule in NSUNS.progression
    }

    assert table == {
        BodyRegion.UPPER: [(0, "0", "0"), (2, "2.5", "5"), (4, "2.5", "5"), (6, "5", "10")],
        BodyRegion.LOWER: [(0, "0", "0"), (2, "2.5", "5"), (4, "5", "10"), (6, "7.5", "15")],
    }
    assert all(rule.exercise is None for rule in NSUNS.progression)


def test_a_broken_exercise_is_refused() -> None:
    with pytest.raises(PlanDataError, match="region is upper or lower"):
        parse_exercise(
            "plank",
            {"name": "Plank", "muscle_group": "core", "category": "accessory", "region": "core"},
            "exercises.toml: plank",
        )
