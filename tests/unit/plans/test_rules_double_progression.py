from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.plans.rules import UPPER_STEP, DoubleProgression, DoubleState, LiftedSet, advance_double
from domain.shared.weights import Unit, Weight
from handlers.training.texts import reason_text

CURLS = DoubleProgression(sets=3, low=8, high=12, increment=UPPER_STEP)


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def sets(*reps: int) -> tuple[LiftedSet, ...]:
    return tuple(LiftedSet(kg("20"), done) for done in reps)


@pytest.mark.parametrize("reps", [(12, 12, 12), (13, 12, 15)])
def test_every_set_at_the_top_of_the_range_adds_weight(reps):
    outcome = advance_double(CURLS, DoubleState(kg("20")), sets(*reps))
    assert outcome.weight == kg("22.5")
    assert reason_text(outcome.reason) == "+2.5 kg: every 3×8–12 set reached 12 reps"


def test_in_lb_the_step_is_5_lb():
    outcome = advance_double(CURLS, DoubleState(Weight(Decimal(40), Unit.LB)), sets(12, 12, 12))
    assert outcome.weight == Weight(Decimal(45), Unit.LB)


@pytest.mark.parametrize(
    ("reps", "reason"),
    [
        ((12, 12, 11), "same weight: a set stopped at 11 reps, 12 needed"),
        ((8, 8, 8), "same weight: a set stopped at 8 reps, 12 needed"),
        ((12, 12), "same weight: 2 of 3 sets logged"),
    ],
)
def test_below_the_top_of_the_range_the_weight_stays(reps, reason):
    outcome = advance_double(CURLS, DoubleState(kg("20")), sets(*reps))
    assert outcome.weight == kg("20")
    assert reason_text(outcome.reason) == reason


def test_a_range_upside_down_is_refused():
    with pytest.raises(ValueError, match="low ≤ high"):
        DoubleProgression(sets=3, low=12, high=8, increment=UPPER_STEP)


@settings(max_examples=100)
@given(st.lists(st.integers(min_value=0, max_value=20), max_size=5))
def test_the_weight_never_falls(reps):
    outcome = advance_double(CURLS, DoubleState(kg("20")), sets(*reps))
    assert outcome.weight.amount >= 20
