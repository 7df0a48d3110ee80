"""An exercise typed in chat: four parts, each checked, and slugs nobody else's name takes."""

from __future__ import annotations

import pytest

from domain.plans.exercise_line import (
    ExerciseLine,
    LineProblem,
    as_exercise,
    own_slug,
    parse_exercise_line,
)
from domain.plans.model import BodyRegion
from domain.plans.text.grammar import SLUG


def test_an_exercise_line_reads_its_four_parts() -> None:
    assert parse_exercise_line("exercise: Cable  fly, chest, accessory, upper") == ExerciseLine(
        "Cable fly", "chest", "accessory", BodyRegion.UPPER, shared=False
    )


def test_a_shared_line_in_any_case_is_for_the_shared_library() -> None:
    found = parse_exercise_line("Shared Exercise: Nordic curl, Legs, Accessory, LOWER")

    assert found == ExerciseLine("Nordic curl", "legs", "accessory", BodyRegion.LOWER, shared=True)


def test_full_body_may_be_written_with_a_space() -> None:
    found = parse_exercise_line("exercise: Thruster, full body, accessory, lower")

    assert isinstance(found, ExerciseLine)
    assert found.muscle_group == "full_body"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("exercise: Cable fly, chest, upper", LineProblem.PARTS),
        ("exercise: Cable fly, chest, accessory, upper, extra", LineProblem.PARTS),
        ("exercise: X, chest, accessory, upper", LineProblem.NAME),
        ("exercise: " + "x" * 61 + ", chest, accessory, upper", LineProblem.NAME),
        ("exercise: Cable fly, pecs, accessory, upper", LineProblem.MUSCLE_GROUP),
        ("exercise: Cable fly, chest, isolation, upper", LineProblem.CATEGORY),
        ("exercise: Cable fly, chest, accessory, middle", LineProblem.REGION),
    ],
)
def test_a_line_that_does_not_read_names_the_part(text: str, problem: LineProblem) -> None:
    assert parse_exercise_line(text) == problem


def test_an_own_exercise_slug_is_the_athletes_alone_and_never_a_plan_texts() -> None:
    line = parse_exercise_line("exercise: Cable fly, chest, accessory, upper")
    assert isinstance(line, ExerciseLine)

    mine, theirs, shared = as_exercise(line, 1), as_exercise(line, 2), as_exercise(line, None)

    assert len({mine.slug, theirs.slug, shared.slug}) == 3
    assert shared.slug == "cable_fly"
    assert mine.slug == own_slug(1, "cable FLY")  # the same name, however written
    assert not SLUG.fullmatch(mine.slug)  # plan slugs have no "_"


def test_a_coach_names_the_client_an_exercise_is_for() -> None:
    found = parse_exercise_line("exercise for @ann_lifts: Cable fly, chest, accessory, upper")

    assert found == ExerciseLine(
        "Cable fly", "chest", "accessory", BodyRegion.UPPER, shared=False, client="@ann_lifts"
    )


def test_an_exercise_is_for_a_client_or_for_everyone_never_both() -> None:
    text = "shared exercise for ann: Cable fly, chest, accessory, upper"

    assert parse_exercise_line(text) == LineProblem.PARTS
