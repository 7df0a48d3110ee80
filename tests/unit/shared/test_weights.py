from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.shared.weights import Rounding, Unit, Weight

amounts = st.decimals(min_value=0, max_value=2000, places=4)
steps = st.sampled_from([Decimal("1"), Decimal("2.5"), Decimal("5"), Decimal("0.5")])


@settings(max_examples=200)
@given(amounts, amounts, steps, st.sampled_from(Rounding))
def test_rounding_never_reverses_the_order_of_two_weights(
    a: Decimal, b: Decimal, step: Decimal, mode: Rounding
) -> None:
    low, high = sorted([a, b])

    assert Weight(low, Unit.KG).rounded(step, mode).amount <= (
        Weight(high, Unit.KG).rounded(step, mode).amount
    )


@settings(max_examples=200)
@given(amounts, steps, st.sampled_from(Rounding))
def test_rounding_lands_on_a_step_within_one_step(
    amount: Decimal, step: Decimal, mode: Rounding
) -> None:
    rounded = Weight(amount, Unit.LB).rounded(step, mode).amount

    assert rounded % step == 0
    assert abs(rounded - amount) <= (step / 2 if mode == Rounding.NEAREST else step)


def test_a_weight_steps_down_no_further_than_one_step() -> None:
    bar = Weight.of("20", Unit.KG)

    assert bar.stepped(Decimal("2.5"), 2) == Weight.of("25", Unit.KG)
    assert bar.stepped(Decimal("2.5"), -3) == Weight.of("12.5", Unit.KG)
    assert bar.stepped(Decimal("2.5"), -100) == Weight.of("2.5", Unit.KG)
