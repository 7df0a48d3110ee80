from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.plans.rules import (
    LiftedSet,
    LinearState,
    Loading,
    advance_linear,
    starting_strength,
    stronglifts,
)
from domain.shared.weights import Rounding, Unit, Weight
from handlers.training.texts import reason_text

SQUAT = stronglifts()
DEADLIFT = stronglifts(deadlift=True)


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


MADE = tuple(LiftedSet(kg("100"), 5) for _ in range(5))
MISSED = (*MADE[:4], LiftedSet(kg("100"), 3))


@pytest.mark.parametrize(
    ("rule", "weight", "lifted", "expected", "reason"),
    [
        (SQUAT, kg("100"), MADE, kg("102.5"), "+2.5 kg: all 5×5 sets made"),
        (SQUAT, lb("135"), MADE, lb("140"), "+5 lb: all 5×5 sets made"),
        (DEADLIFT, kg("100"), MADE[:1], kg("105"), "+5 kg: all 1×5 sets made"),
        (DEADLIFT, lb("225"), MADE[:1], lb("235"), "+10 lb: all 1×5 sets made"),
        (starting_strength(), kg("60"), MADE[:3], kg("62.5"), "+2.5 kg: all 3×5 sets made"),
    ],
)
def test_a_successful_session_adds_one_step_and_the_deadlift_two(
    rule, weight, lifted, expected, reason
):
    outcome = advance_linear(rule, LinearState(weight), lifted)
    assert (outcome.weight, outcome.state, reason_text(outcome.reason)) == (
        expected,
        LinearState(expected),
        reason,
    )


def test_three_failed_sessions_in_a_row_take_10_percent_off():
    state = LinearState(kg("100"))
    reasons = []
    for _ in range(3):
        outcome = advance_linear(SQUAT, state, MISSED)
        reasons.append(reason_text(outcome.reason))
        state = outcome.state
    assert reasons == [
        "same weight: a 5×5 set fell short (first failed session in a row)",
        "same weight: a 5×5 set fell short (second failed session in a row)",
        "−10%: third failed session in a row",
    ]
    assert outcome.weight == kg("90")
    assert outcome.state == LinearState(kg("90"), 0)


def test_a_success_in_between_resets_the_failure_count():
    state = LinearState(kg("100"))
    for lifted in (MISSED, MISSED, MADE, MISSED, MISSED):
        state = advance_linear(SQUAT, state, lifted).state
    assert state == LinearState(kg("102.5"), 2)


@pytest.mark.parametrize(
    ("weight", "loading", "expected"),
    [
        (kg("102.5"), Loading(), kg("92.5")),  # 92.25 kg → 92.5 kg
        (lb("225"), Loading(), lb("205")),  # 202.5 lb is a tie: half-up to 205 lb
        (lb("225"), Loading(mode=Rounding.DOWN), lb("200")),
        (kg("102.5"), Loading(kg=Decimal(5)), kg("90")),  # 92.25 kg on 5 kg steps
    ],
)
def test_the_deload_is_rounded_to_the_athlete_s_step(weight, loading, expected):
    outcome = advance_linear(SQUAT, LinearState(weight, 2), MISSED, loading)
    assert outcome.weight == expected


amounts = st.decimals(min_value=0, max_value=500, places=2)


@settings(max_examples=100)
@given(amounts, st.sampled_from(Unit), st.lists(st.booleans(), max_size=30))
def test_the_weight_never_goes_negative_and_a_success_never_lowers_it(amount, unit, results):
    state = LinearState(Weight(amount, unit))
    for made in results:
        outcome = advance_linear(SQUAT, state, MADE if made else MISSED)
        assert outcome.weight.amount >= 0
        assert outcome.state.failures < 3
        if made:
            assert outcome.weight.amount > state.weight.amount
        state = outcome.state
