from collections.abc import Callable
from decimal import Decimal

import pytest

from domain.shared.e1rm import brzycki, epley
from domain.shared.weights import Unit, Weight

Formula = Callable[[Weight, int], Weight]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


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
