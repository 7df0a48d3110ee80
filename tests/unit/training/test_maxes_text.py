from decimal import Decimal

import pytest

from domain.shared.weights import Unit, Weight
from domain.training.maxes_text import read_maxes


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def test_four_lifts_in_one_message() -> None:
    result = read_maxes("bench 100 squat 140 ohp 60 deadlift 180", Unit.KG)

    assert result.found == {
        "bench": kg("100"),
        "squat": kg("140"),
        "ohp": kg("60"),
        "deadlift": kg("180"),
    }
    assert result.unknown == ()


def test_aliases_units_separators_and_comma_decimals() -> None:
    result = read_maxes("Bench press: 102,5\nSQ=140kg, press 135 lb; DL 180", Unit.KG)

    assert result.found == {
        "bench": kg("102.5"),
        "squat": kg("140"),
        "ohp": Weight(Decimal("135"), Unit.LB),
        "deadlift": kg("180"),
    }


def test_the_athletes_unit_applies_when_none_is_typed() -> None:
    assert read_maxes("squat 315", Unit.LB).found == {"squat": Weight(Decimal("315"), Unit.LB)}


@pytest.mark.parametrize(
    ("text", "unknown", "out_of_range"),
    [
        ("curls 40", ("curls",), ()),
        ("squat 0", (), ("squat",)),
        ("squat 1001", (), ("squat",)),
        ("squat 2300 lb", (), ("squat",)),
    ],
)
def test_unknown_lifts_and_impossible_weights_are_reported(
    text: str, unknown: tuple[str, ...], out_of_range: tuple[str, ...]
) -> None:
    result = read_maxes(text, Unit.KG)

    assert result.found == {}
    assert (result.unknown, result.out_of_range) == (unknown, out_of_range)


@pytest.mark.parametrize("text", ["", "hello there", "💪" * 50, "x" * 5000, "1e309", "-5"])
def test_text_without_maxes_finds_nothing(text: str) -> None:
    assert read_maxes(text, Unit.KG).found == {}
