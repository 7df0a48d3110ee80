from decimal import Decimal

import pytest

from domain.plans.model import BodyRegion
from domain.plans.rules import (
    LOWER_STEP,
    UPPER_STEP,
    CycleIncrement,
    CycleState,
    DoubleProgression,
    DoubleState,
    LiftedSet,
    LinearState,
    Loading,
    RpeState,
    RpeTarget,
    Rule,
    RuleState,
    StagedState,
    StateMismatchError,
    advance,
    gzclp_t1,
    stronglifts,
)
from domain.shared.weights import Rounding, Unit, Weight
from handlers.training.texts import reason_text

HUNDRED = Weight(Decimal(100), Unit.KG)
FIVES = tuple(LiftedSet(HUNDRED, 5, Decimal(8)) for _ in range(5))

PAIRS: list[tuple[Rule, RuleState, Decimal]] = [
    (CycleIncrement(LOWER_STEP), CycleState(HUNDRED), Decimal(100)),
    (gzclp_t1(BodyRegion.LOWER), StagedState(HUNDRED), Decimal(105)),
    (stronglifts(), LinearState(HUNDRED), Decimal("102.5")),
    (DoubleProgression(5, 3, 5, UPPER_STEP), DoubleState(HUNDRED), Decimal("102.5")),
    (RpeTarget(5, Decimal(8)), RpeState(HUNDRED), Decimal(100)),
]


@pytest.mark.parametrize(("rule", "state", "expected"), PAIRS)
def test_advance_applies_every_kind_to_its_own_state(rule, state, expected):
    outcome = advance(rule, state, FIVES, Loading(mode=Rounding.NEAREST))
    assert outcome.weight == Weight(expected, Unit.KG)
    assert type(outcome.state) is type(state)
    assert reason_text(outcome.reason)


def test_a_rule_with_another_kind_s_state_is_refused():
    with pytest.raises(StateMismatchError, match="LinearWithDeload does not take a DoubleState"):
        advance(stronglifts(), DoubleState(HUNDRED), FIVES)
