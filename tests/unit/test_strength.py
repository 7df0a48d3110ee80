from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.strength import DEFAULT_BAR, DEFAULT_PLATES, brzycki, epley, plates_per_side
from domain.weights import Unit, Weight

Formula = Callable[[Weight, int], Weight]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def plates(*amounts: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(a) for a in amounts)


def test_epley_of_100_kg_for_5_is_116_67() -> None:
    assert epley(kg("100"), 5).amount.quantize(Decimal("0.01")) == Decimal("116.67")


def test_epley_of_225_lb_for_10_is_300() -> None:
    assert epley(lb("225"), 10) == lb("300")


def test_brzycki_of_100_kg_for_5_is_100_times_36_over_32() -> None:
    assert brzycki(kg("100"), 5) == kg("112.5")


@pytest.mark.parametrize("formula", [epley, brzycki])
def test_a_single_is_its_own_one_rep_max(formula: Formula) -> None:
    assert formula(kg("142.5"), 1) == kg("142.5")


@pytest.mark.parametrize("formula", [epley, brzycki])
def test_no_estimate_from_a_failed_set(formula: Formula) -> None:
    with pytest.raises(ValueError, match="rep"):
        formula(kg("100"), 0)


def test_brzycki_stops_before_it_divides_by_zero() -> None:
    assert brzycki(kg("100"), 36) == kg("3600")
    with pytest.raises(ValueError, match="36"):
        brzycki(kg("100"), 37)


def test_the_default_bars_and_plates_are_the_gym_standards() -> None:
    assert DEFAULT_BAR[Unit.KG] == kg("20")
    assert DEFAULT_BAR[Unit.LB] == lb("45")
    assert DEFAULT_PLATES[Unit.KG] == plates("25", "20", "15", "10", "5", "2.5", "1.25")
    assert DEFAULT_PLATES[Unit.LB] == plates("45", "35", "25", "10", "5", "2.5")


@pytest.mark.parametrize(
    ("total", "side"),
    [
        (kg("100"), plates("25", "15")),
        (kg("102.5"), plates("25", "15", "1.25")),
        (kg("20"), ()),
        (kg("22.5"), plates("1.25")),
        (kg("180"), plates("25", "25", "25", "5")),
        (lb("250"), plates("45", "45", "10", "2.5")),
        (lb("135"), plates("45")),
        (lb("315"), plates("45", "45", "45")),
    ],
    ids=str,
)
def test_plates_per_side_greedy_from_the_heaviest(total: Weight, side: tuple[Decimal, ...]) -> None:
    unit = total.unit

    assert plates_per_side(total, DEFAULT_BAR[unit], DEFAULT_PLATES[unit]) == side


@pytest.mark.parametrize("total", [kg("101"), kg("15"), kg("20.5"), lb("247"), lb("40")], ids=str)
def test_a_weight_that_cannot_be_loaded_exactly_has_no_plates(total: Weight) -> None:
    unit = total.unit

    assert plates_per_side(total, DEFAULT_BAR[unit], DEFAULT_PLATES[unit]) is None


def test_a_bar_in_the_other_unit_is_converted() -> None:
    # a 45 lb bar is 20.41165665 kg: no kg plates make up the odd grams
    assert plates_per_side(kg("100"), lb("45"), DEFAULT_PLATES[Unit.KG]) is None


def test_plates_must_weigh_something() -> None:
    with pytest.raises(ValueError, match="plates"):
        plates_per_side(kg("100"), kg("20"), plates("25", "0"))


@settings(max_examples=200)
@given(
    unit=st.sampled_from(Unit),
    amount=st.decimals(min_value=0, max_value=1200, places=2),
)
def test_found_plates_add_up_to_the_total(unit: Unit, amount: Decimal) -> None:
    total, bar = Weight(amount, unit), DEFAULT_BAR[unit]

    side = plates_per_side(total, bar, DEFAULT_PLATES[unit])

    if side is not None:
        assert 2 * sum(side) + bar.amount == total.amount
        assert list(side) == sorted(side, reverse=True)


@settings(max_examples=100)
@given(unit=st.sampled_from(Unit), counts=st.lists(st.integers(0, 3), min_size=7, max_size=7))
def test_any_weight_built_from_plate_pairs_can_be_loaded(unit: Unit, counts: list[int]) -> None:
    sizes = DEFAULT_PLATES[unit]
    total = DEFAULT_BAR[unit].plus(
        2 * sum((n * p for n, p in zip(counts, sizes, strict=False)), Decimal(0))
    )

    side = plates_per_side(total, DEFAULT_BAR[unit], sizes)

    assert side is not None
    assert 2 * sum(side) + DEFAULT_BAR[unit].amount == total.amount
