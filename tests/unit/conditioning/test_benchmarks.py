"""The benchmark library against CONDITIONING.md §4–5, the values typed from the reference."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.conditioning.library import MEDIANS, benchmark, benchmarks
from domain.conditioning.movements import Unit
from domain.conditioning.scores import Scheme
from domain.conditioning.text import parse_workout, workout_to_text
from domain.conditioning.workout import Format, Workout

GIRLS_AND_HEROES = [  # §4's table, Lynne left out (see benchmarks.txt)
    "Angie", "Barbara", "Chelsea", "Cindy", "Diane", "Elizabeth", "Fran", "Grace", "Helen",
    "Isabel", "Jackie", "Karen", "Annie", "Nancy", "Eva", "Kelly", "Mary", "Amanda", "Murph",
    "DT", "Michael", "Nate", "JT", "Randy", "Josh", "Badger",
]  # fmt: skip

# (benchmark, movement) → Rx kg men/women, from §4's table
RX_KG = {
    ("Fran", "thruster"): ("43", "29"),
    ("Diane", "deadlift"): ("102", "70"),
    ("Elizabeth", "squat-clean"): ("61", "43"),
    ("Grace", "clean-and-jerk"): ("61", "43"),
    ("Helen", "kb-swing"): ("24", "16"),
    ("Isabel", "squat-snatch"): ("61", "43"),
    ("Jackie", "thruster"): ("20", "15"),
    ("Karen", "wall-ball"): ("9", "6"),
    ("Nancy", "overhead-squat"): ("43", "29"),
    ("Eva", "kb-swing"): ("32", "24"),
    ("Kelly", "wall-ball"): ("9", "6"),
    ("Amanda", "squat-snatch"): ("61", "43"),
    ("DT", "deadlift"): ("70", "47.5"),
    ("DT", "hang-power-clean"): ("70", "47.5"),
    ("DT", "push-jerk"): ("70", "47.5"),
    ("Nate", "kb-swing"): ("32", "24"),
    ("Randy", "power-snatch"): ("34", "25"),
    ("Josh", "overhead-squat"): ("43", "29"),
    ("Badger", "squat-clean"): ("43", "29"),
}

# total reps of one pass through the workout, counted by hand from §4
TOTAL_REPS = {
    "Angie": 400,
    "Barbara": 5 * (20 + 30 + 40 + 50),
    "Diane": 2 * (21 + 15 + 9),
    "Fran": 2 * (21 + 15 + 9),
    "Grace": 30,
    "Annie": 2 * (50 + 40 + 30 + 20 + 10),
    "Amanda": 2 * (9 + 7 + 5),
    "Murph": 100 + 200 + 300,
    "JT": 3 * (21 + 15 + 9),
    "Randy": 75,
    "Josh": 21 + 42 + 15 + 30 + 9 + 18,
}


def reps_of(workout: Workout) -> int:
    per_round = 0
    for part in workout.parts:
        if part.unit != Unit.REPS:
            continue
        per_round += part.amount if part.amount is not None else sum(workout.pattern)
    return per_round * workout.rounds


def test_every_girl_and_hero_of_the_reference_is_there_in_its_order() -> None:
    assert [w.name for w in benchmarks()] == GIRLS_AND_HEROES


@pytest.mark.parametrize(("name", "movement"), list(RX_KG))
def test_rx_loads_are_the_references(name: str, movement: str) -> None:
    workout = benchmark(name)
    assert workout is not None
    [load] = {p.load for p in workout.parts if p.movement == movement}
    assert load is not None
    assert (load.men, load.women, load.unit) == (
        Decimal(RX_KG[name, movement][0]),
        Decimal(RX_KG[name, movement][1]),
        "kg",
    )


@pytest.mark.parametrize(("name", "reps"), list(TOTAL_REPS.items()))
def test_the_work_adds_up_to_the_references(name: str, reps: int) -> None:
    workout = benchmark(name)
    assert workout is not None
    assert reps_of(workout) == reps


def test_formats_and_schemes_as_the_reference_scores_them() -> None:
    def shape(name: str) -> tuple[Format, int, int | None, Scheme]:
        workout = benchmark(name)
        assert workout is not None
        return workout.format, workout.rounds, workout.minutes, workout.scheme

    assert shape("Cindy") == (Format.AMRAP, 1, 20, Scheme.ROUNDS_REPS)
    assert shape("Mary") == (Format.AMRAP, 1, 20, Scheme.ROUNDS_REPS)
    assert shape("Nate") == (Format.AMRAP, 1, 20, Scheme.ROUNDS_REPS)
    assert shape("Chelsea") == (Format.EMOM, 1, 30, Scheme.EMOM)
    assert shape("Helen") == (Format.FOR_TIME, 3, None, Scheme.TIME)
    assert shape("Eva") == (Format.FOR_TIME, 5, None, Scheme.TIME)
    barbara = benchmark("barbara")
    assert barbara is not None
    assert barbara.rest == 3


def test_each_benchmark_prints_and_reads_back_the_same() -> None:
    for workout in benchmarks():
        assert parse_workout(workout_to_text(workout)) == workout


def test_medians_are_the_references_and_women_are_men_times_1_15_or_rounds_times_0_85() -> None:
    # §5's table, typed as minutes:seconds (Cindy in rounds)
    table = {
        "Fran": ("5:30", "6:20"),
        "Grace": ("4:30", "5:10"),
        "Isabel": ("4:00", "4:36"),
        "Diane": ("6:00", "6:54"),
        "Karen": ("8:00", "9:12"),
        "Helen": ("11:00", "12:39"),
        "Murph": ("45:00", "51:45"),
    }
    for name, (men, women) in table.items():
        minutes, seconds = men.split(":")
        assert MEDIANS[name].men == int(minutes) * 60 + int(seconds), name
        minutes, seconds = women.split(":")
        assert MEDIANS[name].women == int(minutes) * 60 + int(seconds), name
    assert (MEDIANS["Cindy"].men, MEDIANS["Cindy"].women) == (16, 14)
    for name, median in MEDIANS.items():
        factor = 0.85 if name == "Cindy" else 1.15
        step = 1 if name == "Cindy" else 5  # the reference rounds rounds to 1, times to ~5 s
        assert abs(median.women - median.men * factor) <= step, name
    assert set(MEDIANS) <= set(GIRLS_AND_HEROES)
