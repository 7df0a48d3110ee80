from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.athletes.equipment import PlateInventory, load_bar
from domain.shared.weights import DEFAULT_STEP, Rounding, Unit, Weight
from domain.training.warmup import DEFAULT_WARMUP, WarmupScheme, WarmupSet, WarmupStep, warmup_sets


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def ramp(*sets: tuple[Weight, int]) -> tuple[WarmupSet, ...]:
    return tuple(WarmupSet(weight, reps) for weight, reps in sets)


KG_GYM = PlateInventory.default(Unit.KG)
LB_GYM = PlateInventory.default(Unit.LB)
KG_STEP = DEFAULT_STEP[Unit.KG]


def test_a_100_kg_work_set_ramps_bar_40_60_80_percent() -> None:
    assert warmup_sets(kg("100"), KG_GYM, KG_STEP) == ramp(
        (kg("20"), 10), (kg("40"), 5), (kg("60"), 3), (kg("80"), 1)
    )


def test_percentages_round_to_the_nearest_step_of_the_athlete() -> None:
    # 40% of 115 = 46 → 45; 60% = 69 → 70; 80% = 92 → 92.5
    assert warmup_sets(kg("115"), KG_GYM, KG_STEP) == ramp(
        (kg("20"), 10), (kg("45"), 5), (kg("70"), 3), (kg("92.5"), 1)
    )


def test_rounding_down_keeps_every_warm_up_at_or_below_its_percentage() -> None:
    assert warmup_sets(kg("115"), KG_GYM, KG_STEP, Rounding.DOWN) == ramp(
        (kg("20"), 10), (kg("45"), 5), (kg("67.5"), 3), (kg("90"), 1)
    )


def test_pounds_ramp_on_a_45_lb_bar() -> None:
    assert warmup_sets(lb("225"), LB_GYM, DEFAULT_STEP[Unit.LB]) == ramp(
        (lb("45"), 10), (lb("90"), 5), (lb("135"), 3), (lb("180"), 1)
    )


def test_steps_at_or_below_the_bar_are_dropped_but_the_bar_stays() -> None:
    # 40% of 40 = 16 → 15 loads as the bar and goes; 60% = 24 → 25; 80% = 32 → 32.5
    assert warmup_sets(kg("40"), KG_GYM, KG_STEP) == ramp(
        (kg("20"), 10), (kg("25"), 3), (kg("32.5"), 1)
    )


def test_a_light_work_set_warms_up_with_the_empty_bar_only() -> None:
    assert warmup_sets(kg("25"), KG_GYM, KG_STEP) == ramp((kg("20"), 10))


def test_no_warm_up_before_a_work_set_on_the_empty_bar() -> None:
    assert warmup_sets(kg("20"), KG_GYM, KG_STEP) == ()
    assert warmup_sets(kg("15"), KG_GYM, KG_STEP) == ()


def test_warm_ups_follow_the_plates_the_athlete_owns() -> None:
    # 10s and one pair of 5s load 20, 30, 40 …: 45 → 50 (a tie goes up), 70, 92.5 → 90
    inventory = PlateInventory(kg("20"), {Decimal(10): 4, Decimal(5): 1})

    assert warmup_sets(kg("115"), inventory, KG_STEP) == ramp(
        (kg("20"), 10), (kg("50"), 5), (kg("70"), 3), (kg("90"), 1)
    )


def test_a_warm_up_that_would_load_the_work_weight_is_dropped() -> None:
    # only 20s: 80% of 60 = 48 loads as 60, the work weight itself
    inventory = PlateInventory(kg("20"), {Decimal(20): 2})

    assert warmup_sets(kg("60"), inventory, KG_STEP) == ramp((kg("20"), 10))


def test_a_scheme_rises_strictly_with_at_least_one_rep_a_set() -> None:
    with pytest.raises(ValueError, match="rise"):
        WarmupScheme(10, (WarmupStep(Decimal("0.6"), 3), WarmupStep(Decimal("0.4"), 5)))
    with pytest.raises(ValueError, match="rise"):
        WarmupScheme(10, (WarmupStep(Decimal(1), 1),))
    with pytest.raises(ValueError, match="rep"):
        WarmupScheme(0, ())


def test_the_default_scheme_is_bar_then_40_60_80() -> None:
    assert DEFAULT_WARMUP.bar_reps == 10
    assert [(s.percent, s.reps) for s in DEFAULT_WARMUP.steps] == [
        (Decimal("0.4"), 5),
        (Decimal("0.6"), 3),
        (Decimal("0.8"), 1),
    ]


units = st.sampled_from(Unit)
work_amounts = st.decimals(min_value=0, max_value=400, places=2)
small_inventories = st.builds(
    PlateInventory,
    bar=st.sampled_from([kg("20"), kg("15")]),
    pairs=st.dictionaries(
        st.sampled_from([Decimal(p) for p in ("25", "20", "10", "5", "2.5", "1.25")]),
        st.integers(0, 3),
        max_size=4,
    ),
)


@settings(max_examples=150)
@given(
    work=st.builds(Weight, work_amounts, units),
    inventory=st.one_of(st.just(KG_GYM), st.just(LB_GYM), small_inventories),
    step=st.sampled_from([Decimal("2.5"), Decimal("5"), Decimal("1")]),
    rounding=st.sampled_from(Rounding),
)
def test_warm_ups_start_at_the_bar_rise_strictly_stay_below_work_and_load_exactly(
    work: Weight, inventory: PlateInventory, step: Decimal, rounding: Rounding
) -> None:
    sets = warmup_sets(work, inventory, step, rounding)

    weights = [s.weight.amount for s in sets]
    assert weights == sorted(set(weights))
    assert all(w < work.to(inventory.bar.unit).amount for w in weights)
    if sets:
        assert sets[0] == WarmupSet(inventory.bar, DEFAULT_WARMUP.bar_reps)
    for s in sets:
        assert load_bar(s.weight, inventory).exact


@settings(max_examples=150)
@given(
    a=work_amounts,
    b=work_amounts,
    step=st.sampled_from([Decimal("2.5"), Decimal("5"), Decimal("1.25")]),
    rounding=st.sampled_from(Rounding),
)
def test_rounding_then_loading_never_reverses_two_weights(
    a: Decimal, b: Decimal, step: Decimal, rounding: Rounding
) -> None:
    low, high = sorted([a, b])

    rounded_low = Weight(low, Unit.KG).rounded(step, rounding)
    rounded_high = Weight(high, Unit.KG).rounded(step, rounding)

    assert rounded_low.amount <= rounded_high.amount
    assert (
        load_bar(rounded_low, KG_GYM, rounding).total.amount
        <= load_bar(rounded_high, KG_GYM, rounding).total.amount
    )
