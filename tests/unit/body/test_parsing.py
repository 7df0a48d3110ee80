"""Reading what athletes type in /body: weights, body fat, circumferences; and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.body.model import Measurement, Pose
from domain.body.parsing import BodyEntryError, Problem, parse_body_text, parse_pose
from domain.shared.weights import Unit


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("82.4", Unit.KG, [Measurement("weight", Decimal("82.4"))]),
        ("82,4", Unit.KG, [Measurement("weight", Decimal("82.4"))]),
        ("82.4 kg", Unit.LB, [Measurement("weight", Decimal("82.4"))]),
        ("вес 80", Unit.KG, [Measurement("weight", Decimal(80))]),
        # 200 lb × 0.45359237 = 90.718474 kg, kept to the gram
        ("200", Unit.LB, [Measurement("weight", Decimal("90.718"))]),
        ("200lb", Unit.KG, [Measurement("weight", Decimal("90.718"))]),
        ("waist 81", Unit.KG, [Measurement("waist", Decimal(81))]),
        ("Waist: 81 cm", Unit.KG, [Measurement("waist", Decimal(81))]),
        ("талия 81", Unit.KG, [Measurement("waist", Decimal(81))]),
        # a pound athlete measures in inches: 32 in × 2.54 = 81.28 cm
        ("waist 32", Unit.LB, [Measurement("waist", Decimal("81.28"))]),
        ("waist 32 in", Unit.KG, [Measurement("waist", Decimal("81.28"))]),
        ("bf 18", Unit.KG, [Measurement("body_fat", Decimal(18))]),
        ("18%", Unit.KG, [Measurement("body_fat", Decimal(18))]),
        ("calf 38", Unit.KG, [Measurement("calf", Decimal(38))]),  # a name of their own
        ("left arm 35.5", Unit.KG, [Measurement("left arm", Decimal("35.5"))]),
    ],
)
def test_readings_are_kept_in_canonical_units(
    text: str, unit: Unit, expected: list[Measurement]
) -> None:
    assert list(parse_body_text(text, unit)) == expected


def test_several_readings_at_once_and_the_last_of_a_name_wins() -> None:
    read = parse_body_text("82.4\nwaist 81; hips 95, waist 80", Unit.KG)

    assert {m.name: m.value for m in read} == {
        "weight": Decimal("82.4"),
        "waist": Decimal(80),
        "hips": Decimal(95),
    }


@pytest.mark.parametrize(
    ("text", "problem", "name"),
    [
        ("hello", Problem.UNKNOWN, ""),
        ("", Problem.UNKNOWN, ""),
        ("82.4 stone", Problem.UNKNOWN, ""),
        ("81 cm", Problem.UNKNOWN, ""),  # a length of what?
        ("-82", Problem.NOT_POSITIVE, "weight"),
        ("0", Problem.NOT_POSITIVE, "weight"),
        ("waist -3", Problem.NOT_POSITIVE, "waist"),
        ("824", Problem.OUT_OF_RANGE, "weight"),
        ("8.24", Problem.OUT_OF_RANGE, "weight"),
        ("bf 90", Problem.OUT_OF_RANGE, "body_fat"),
        ("waist 810", Problem.OUT_OF_RANGE, "waist"),
        ("waist 81 kg", Problem.WRONG_UNIT, "waist"),
        ("bf 18 kg", Problem.WRONG_UNIT, "body_fat"),
        ("\n".join(["82"] * 11), Problem.TOO_MANY, ""),
    ],
)
def test_bad_input_is_refused_with_its_reason(text: str, problem: Problem, name: str) -> None:
    with pytest.raises(BodyEntryError) as refused:
        parse_body_text(text, Unit.KG)

    assert (refused.value.problem, refused.value.name) == (problem, name)


def test_one_bad_reading_refuses_the_whole_message() -> None:
    with pytest.raises(BodyEntryError):
        parse_body_text("82.4\nwaist 8100", Unit.KG)


def test_the_limits_of_an_absurd_weight_are_told_in_the_athletes_unit() -> None:
    with pytest.raises(BodyEntryError) as refused:
        parse_body_text("1000", Unit.LB)

    # 20 kg = 44.09 lb and 400 kg = 881.85 lb, to the whole pound
    assert (refused.value.low, refused.value.high) == (Decimal(44), Decimal(882))


@pytest.mark.parametrize(
    ("caption", "pose"),
    [("front", Pose.FRONT), (" Side ", Pose.SIDE), ("сзади", Pose.BACK), (None, None), ("", None)],
)
def test_a_photos_caption_names_its_pose(caption: str | None, pose: Pose | None) -> None:
    assert parse_pose(caption) == pose
