"""Workouts as text: the issue's examples read as meant, mistakes named by line, and any
workout printed reads back the same (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.conditioning.movements import MOVEMENTS, Unit
from domain.conditioning.scores import Scheme
from domain.conditioning.text import (
    WorkoutProblem,
    WorkoutTextError,
    movement_slug,
    parse_workout,
    workout_to_text,
)
from domain.conditioning.workout import Format, Part, Workout, WorkoutLoad


def test_an_amrap_of_three_movements() -> None:
    cindy = parse_workout("AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats")

    assert (cindy.format, cindy.minutes, cindy.scheme) == (Format.AMRAP, 12, Scheme.ROUNDS_REPS)
    assert cindy.parts == (Part("pull-up", 5), Part("push-up", 10), Part("air-squat", 15))


def test_fran_with_its_rep_pattern_loads_and_cap() -> None:
    fran = parse_workout("name: Fran\nFor time, 21-15-9: thruster 43/29kg, pull-up\ncap: 10\n")

    assert fran.name == "Fran"
    assert (fran.format, fran.pattern, fran.minutes) == (Format.FOR_TIME, (21, 15, 9), 10)
    assert fran.parts == (
        Part("thruster", load=WorkoutLoad(Decimal(43), Decimal(29), "kg")),
        Part("pull-up"),
    )
    assert (fran.scheme, fran.cap_ms) == (Scheme.TIME_WITH_CAP, 600_000)


def test_an_emom_rounds_for_time_and_parts_on_their_own_lines() -> None:
    emom = parse_workout("EMOM 10: 3 power cleans 60/40kg")
    helen = parse_workout(
        "3 rounds for time:\n  400 m run\n  21 kettlebell swings 53/35 lb, 12 pull-ups"
    )
    row = parse_workout("E2MOM 20: 15 cal row, 10 burpees")

    assert (emom.format, emom.minutes, emom.every, emom.scheme) == (
        Format.EMOM,
        10,
        1,
        Scheme.EMOM,
    )
    assert emom.parts == (Part("power-clean", 3, load=WorkoutLoad(Decimal(60), Decimal(40), "kg")),)
    assert helen.rounds == 3
    assert helen.parts[0] == Part("run", 400, Unit.METERS)
    assert helen.parts[1].load == WorkoutLoad(Decimal(53), Decimal(35), "lb")
    assert (row.every, row.parts[0]) == (2, Part("row", 15, Unit.CALORIES))


def test_mistakes_are_named_by_line_and_each_line_is_checked() -> None:
    text = "name: Bad\nAMRAP 12: 5 pul-ups, 10 push-ups\n30 kg swings\nscore: fastest\n"

    with pytest.raises(WorkoutTextError) as wrong:
        parse_workout(text)

    assert [(e.line, e.problem) for e in wrong.value.errors] == [
        (2, WorkoutProblem.UNKNOWN_MOVEMENT),
        (3, WorkoutProblem.UNKNOWN_MOVEMENT),
        (4, WorkoutProblem.BAD_SCORE),
    ]
    assert wrong.value.errors[0].params == {"name": "pul-ups", "suggestion": "pull-up"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("5 pull-ups", WorkoutProblem.NOT_A_LINE),
        ("AMRAP: 5 pull-ups", WorkoutProblem.UNKNOWN_FORMAT),
        ("AMRAP 500: 5 pull-ups", WorkoutProblem.BAD_MINUTES),
        ("For time: pull-ups", WorkoutProblem.MISSING_AMOUNT),  # 21-15-9 would say how many
        ("For time: 400 pull-ups 3000kg", WorkoutProblem.BAD_LOAD),
        ("For time: 20000 pull-ups", WorkoutProblem.BAD_AMOUNT),
        ("For time: 400 m pull-ups", WorkoutProblem.WRONG_UNIT),
        ("For time:", WorkoutProblem.NO_PARTS),
        ("name: x", WorkoutProblem.NO_FORMAT),
        ("Tabata: air squats\ncap: 4", WorkoutProblem.CAP_NOT_TIMED),
        ("For time: 5 pull-ups\nAMRAP 5: 5 burpees", WorkoutProblem.TWO_FORMATS),
    ],
)
def test_each_kind_of_mistake(text: str, problem: WorkoutProblem) -> None:
    with pytest.raises(WorkoutTextError) as wrong:
        parse_workout(text)

    assert [e.problem for e in wrong.value.errors] == [problem]


def test_names_people_write_find_the_library_movement() -> None:
    assert [
        movement_slug(name)
        for name in ("Pull-ups", "KBS", "wall balls", "C&J", "double unders", "box jumps", "run")
    ] == ["pull-up", "kb-swing", "wall-ball", "clean-and-jerk", "double-under", "box-jump", "run"]


NAMES = st.text(
    st.characters(codec="utf-8", exclude_characters="\n\r", exclude_categories=("Cs", "Cc")),
    max_size=60,
).map(str.strip)
LOADS = st.builds(
    WorkoutLoad,
    st.decimals(Decimal("0.5"), Decimal(500), places=1),
    st.decimals(Decimal("0.5"), Decimal(500), places=1),
    st.sampled_from(["kg", "lb"]),
)


@st.composite
def parts(draw: st.DrawFn, *, open_amounts: bool) -> Part:
    movement = draw(st.sampled_from(MOVEMENTS))
    units = [movement.unit] + ([Unit.CALORIES] if movement.calorie_seconds else [])
    unit = draw(st.sampled_from(units))
    amount: int | None = draw(st.integers(1, 1000))
    if open_amounts and draw(st.booleans()):
        amount = None
    load = draw(st.none() | LOADS) if movement.unit == Unit.REPS else None
    return Part(movement.slug, amount, unit, load)


@st.composite
def workouts(draw: st.DrawFn) -> Workout:
    kind = draw(st.sampled_from(Format))
    pattern = (
        draw(st.lists(st.integers(1, 50), min_size=2, max_size=5)) if draw(st.booleans()) else []
    )
    pattern = pattern if kind == Format.FOR_TIME else []
    rounds = (
        draw(st.integers(2, 10))
        if kind == Format.FOR_TIME and not pattern and draw(st.booleans())
        else 1
    )
    open_amounts = bool(pattern) or kind == Format.TABATA
    timed = kind in {Format.AMRAP, Format.EMOM}
    minutes = draw(st.integers(1, 180)) if timed else draw(st.none() | st.integers(1, 180))
    if kind == Format.TABATA:
        minutes = None
    return Workout(
        name=draw(NAMES),
        format=kind,
        parts=tuple(draw(st.lists(parts(open_amounts=open_amounts), min_size=1, max_size=6))),
        rounds=rounds,
        pattern=tuple(pattern),
        minutes=minutes,
        every=draw(st.integers(1, 5)) if kind == Format.EMOM else 1,
        scheme_override=draw(st.none() | st.sampled_from(Scheme)),
        rest=draw(st.none() | st.integers(1, 10)),
    )


@given(workouts())
def test_any_workout_printed_reads_back_the_same(workout: Workout) -> None:
    assert parse_workout(workout_to_text(workout)) == workout


@given(st.text(max_size=300))
def test_any_text_is_a_workout_or_named_mistakes_never_a_crash(text: str) -> None:
    try:
        problems = [] if parse_workout(text) else ["no workout"]
    except WorkoutTextError as wrong:
        problems = [] if wrong.errors else ["an error naming nothing"]

    assert problems == []


def test_a_hash_inside_a_name_stays_and_a_hash_line_is_a_comment() -> None:
    workout = parse_workout("# my gym's Friday\nname: Hero #3\nFor time: 30 burpees")

    assert workout.name == "Hero #3"
