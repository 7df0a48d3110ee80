from decimal import Decimal

import pytest

from domain.plans.rules.reasons import (
    PARAMETERS,
    Reason,
    ReasonKind,
    SetScheme,
    note,
    reason_from_json,
    reason_to_json,
)
from domain.shared.weights import Unit, Weight

KG5 = Weight(Decimal(5), Unit.KG)


def test_a_reason_keeps_its_parameters_typed_through_json() -> None:
    reasons = [
        Reason.of(ReasonKind.ALL_SETS_MADE, increment=KG5, scheme=SetScheme(5, 3, amrap=True)),
        Reason.of(
            ReasonKind.RANGE_TOP_REACHED, increment=KG5, scheme=SetScheme(3, 8, top=12), reps=12
        ),
        Reason.of(ReasonKind.CYCLE_WEEK_DONE, week=3, deload=False, next_week=4, next_deload=True),
        Reason.of(ReasonKind.AMRAP_TABLE, increment=KG5, reps=1, percent=Decimal("0.95")),
        Reason.of(ReasonKind.AMRAP_TABLE, increment=KG5, reps=1),
        Reason.of(ReasonKind.RESET_AFTER_STALL, factor=Decimal("0.90")),
        Reason(ReasonKind.DECLINED),
        note("kept from before"),
    ]

    assert [reason_from_json(reason_to_json(reason)) for reason in reasons] == reasons


def test_parameters_are_given_in_any_order_and_kept_in_the_declared_one() -> None:
    one = Reason.of(ReasonKind.SESSION_FAILED, failures=2, scheme=SetScheme(5, 5))
    other = Reason.of(ReasonKind.SESSION_FAILED, scheme=SetScheme(5, 5), failures=2)

    assert one == other
    assert one.get("failures", int) == 2


def test_a_reason_refuses_parameters_its_kind_does_not_declare() -> None:
    with pytest.raises(ValueError, match="takes"):
        Reason.of(ReasonKind.DECLINED, reps=5)
    with pytest.raises(ValueError, match="takes"):
        Reason.of(ReasonKind.SESSION_FAILED, failures=2)  # no scheme


def test_a_reason_refuses_a_parameter_of_the_wrong_type() -> None:
    with pytest.raises(TypeError):
        Reason.of(ReasonKind.SESSION_FAILED, scheme=SetScheme(5, 5), failures=True)
    with pytest.raises(TypeError):
        Reason.of(ReasonKind.CYCLE_FELL_SHORT, factor="0.9")


def test_every_kind_declares_its_parameters() -> None:
    assert set(PARAMETERS) == set(ReasonKind)
