from collections import Counter
from decimal import Decimal
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.athletes.equipment import DEFAULT_BAR, DEFAULT_PLATES, BarLoad, PlateInventory, load_bar
from domain.shared.weights import KG_PER_LB, Rounding, Unit, Weight


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def plates(*amounts: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(a) for a in amounts)


def owned(bar: Weight, **pairs: int) -> PlateInventory:
    """owned(kg("20"), p25=1, p1_25=2) → one pair of 25s and two pairs of 1.25s."""
    return PlateInventory(
        bar, {Decimal(name[1:].replace("_", ".")): count for name, count in pairs.items()}
    )


KG_GYM = PlateInventory.default(Unit.KG)
LB_GYM = PlateInventory.default(Unit.LB)


@pytest.mark.parametrize(
    ("target", "inventory", "side"),
    [
        (kg("100"), KG_GYM, plates("25", "15")),
        (kg("102.5"), KG_GYM, plates("25", "15", "1.25")),
        (lb("250"), LB_GYM, plates("45", "45", "10", "2.5")),
    ],
)
def test_the_training_reference_loads_exactly(
    target: Weight, inventory: PlateInventory, side: tuple[Decimal, ...]
) -> None:
    assert load_bar(target, inventory) == BarLoad(side, target, exact=True)


def test_the_empty_bar_is_a_load_with_no_plates() -> None:
    assert load_bar(kg("20"), KG_GYM) == BarLoad((), kg("20"), exact=True)


def test_with_one_pair_of_25s_the_second_25_is_made_of_smaller_plates() -> None:
    inventory = owned(kg("20"), p25=1, p20=2, p10=2, p5=2)

    assert load_bar(kg("120"), inventory).per_side == plates("25", "20", "5")


def test_greedy_would_fail_where_a_search_finds_the_load() -> None:
    # greedy takes the 25 and then cannot make 15 from 20s and 10s; 20 + 20 can
    inventory = owned(kg("20"), p25=1, p20=2, p10=1)

    assert load_bar(kg("100"), inventory) == BarLoad(plates("20", "20"), kg("100"), exact=True)


def test_without_1_25s_a_tie_goes_up_as_prescriptions_do() -> None:
    inventory = owned(kg("20"), p25=4, p15=2, p2_5=2)

    assert load_bar(kg("102.5"), inventory) == BarLoad(plates("25", "15", "2.5"), kg("105"), False)


def test_without_1_25s_rounding_down_takes_the_lighter_load() -> None:
    inventory = owned(kg("20"), p25=4, p15=2, p2_5=2)

    load = load_bar(kg("102.5"), inventory, Rounding.DOWN)

    assert load == BarLoad(plates("25", "15"), kg("100"), exact=False)


def test_below_the_bar_the_empty_bar_is_the_nearest_load() -> None:
    assert load_bar(kg("10"), KG_GYM) == BarLoad((), kg("20"), exact=False)
    assert load_bar(kg("-5"), KG_GYM, Rounding.DOWN) == BarLoad((), kg("20"), exact=False)


def test_beyond_the_plates_owned_everything_goes_on() -> None:
    inventory = owned(kg("20"), p20=2, p10=1)

    assert load_bar(kg("300"), inventory) == BarLoad(plates("20", "20", "10"), kg("120"), False)


def test_a_pound_target_is_loaded_in_kilograms_to_the_nearest_plate() -> None:
    # 225 lb = 102.0582… kg: 102.5 is nearer than 100
    load = load_bar(lb("225"), KG_GYM)

    assert load == BarLoad(plates("25", "15", "1.25"), kg("102.5"), exact=False)


def test_a_kilogram_target_that_is_whole_pounds_loads_exactly() -> None:
    target = Weight(Decimal(135) * KG_PER_LB, Unit.KG)

    assert load_bar(target, LB_GYM) == BarLoad(plates("45"), lb("135"), exact=True)


def test_plates_are_reported_in_the_bars_unit() -> None:
    assert load_bar(kg("100"), LB_GYM).total.unit == Unit.LB


def test_an_inventory_refuses_weightless_plates_and_negative_counts() -> None:
    with pytest.raises(ValueError, match="plates"):
        PlateInventory(kg("20"), {Decimal(0): 1})
    with pytest.raises(ValueError, match="pairs"):
        PlateInventory(kg("20"), {Decimal(5): -1})
    with pytest.raises(ValueError, match="bar"):
        PlateInventory(kg("-1"), {})


def test_inventories_with_the_same_plates_are_equal_and_hash_alike() -> None:
    a = PlateInventory(kg("20"), {Decimal(5): 2, Decimal(10): 1, Decimal(25): 0})
    b = PlateInventory(kg("20"), {Decimal(10): 1, Decimal(5): 2})

    assert a == b
    assert hash(a) == hash(b)
    assert list(a.pairs) == [Decimal(10), Decimal(5)]


sizes = st.sampled_from(plates("25", "20", "15", "10", "5", "2.5", "1.25", "0.5"))
small_inventories = st.builds(
    PlateInventory,
    bar=st.sampled_from([kg("20"), kg("15"), kg("0")]),
    pairs=st.dictionaries(sizes, st.integers(0, 3), max_size=4),
)
targets = st.builds(
    Weight, st.decimals(min_value=-10, max_value=250, places=2), st.sampled_from(Unit)
)


def brute_force_totals(inventory: PlateInventory) -> set[Decimal]:
    sizes_owned = list(inventory.pairs.items())
    return {
        inventory.bar.amount
        + 2 * sum((n * s for n, (s, _) in zip(counts, sizes_owned, strict=True)), start=0)
        for counts in product(*(range(c + 1) for _, c in sizes_owned))
    }


@settings(max_examples=150)
@given(small_inventories, targets, st.sampled_from(Rounding))
def test_the_load_adds_up_and_never_uses_plates_not_owned(
    inventory: PlateInventory, target: Weight, rounding: Rounding
) -> None:
    load = load_bar(target, inventory, rounding)

    assert load.total.amount == inventory.bar.amount + 2 * sum(load.per_side, start=Decimal(0))
    assert load.total.amount >= inventory.bar.amount >= 0
    assert list(load.per_side) == sorted(load.per_side, reverse=True)
    for size, count in Counter(load.per_side).items():
        assert count <= inventory.pairs.get(size, 0)
    assert load.exact == (load.total.amount == target.to(inventory.bar.unit).amount)


@settings(max_examples=150)
@given(small_inventories, targets)
def test_the_load_is_the_nearest_loadable_with_ties_going_up(
    inventory: PlateInventory, target: Weight
) -> None:
    wanted = target.to(inventory.bar.unit).amount

    nearest = min(brute_force_totals(inventory), key=lambda t: (abs(t - wanted), -t))

    assert load_bar(target, inventory).total.amount == nearest


@settings(max_examples=150)
@given(small_inventories, targets)
def test_rounding_down_loads_the_heaviest_at_or_below_the_target(
    inventory: PlateInventory, target: Weight
) -> None:
    wanted = target.to(inventory.bar.unit).amount
    fitting = [t for t in brute_force_totals(inventory) if t <= wanted]

    load = load_bar(target, inventory, Rounding.DOWN)

    assert load.total.amount == max(fitting, default=inventory.bar.amount)


@settings(max_examples=100)
@given(unit=st.sampled_from(Unit), amount=st.decimals(min_value=0, max_value=500, places=2))
def test_with_plenty_of_plates_the_load_is_the_greedy_one(unit: Unit, amount: Decimal) -> None:
    inventory = PlateInventory.default(unit)
    greedy = _greedy_oracle(Weight(amount, unit), inventory.bar, DEFAULT_PLATES[unit])

    load = load_bar(Weight(amount, unit), inventory)

    assert load.exact == (greedy is not None)
    if greedy is not None:
        assert load.per_side == greedy


def _greedy_oracle(
    total: Weight, bar: Weight, sizes: tuple[Decimal, ...]
) -> tuple[Decimal, ...] | None:
    """Heaviest plates first, any number of each; None if the total cannot be made exactly."""
    remaining = (total.amount - bar.amount) / 2
    if remaining < 0:
        return None
    side: list[Decimal] = []
    for plate in sorted(sizes, reverse=True):
        count = int(remaining // plate)
        side.extend([plate] * count)
        remaining -= plate * count
    return tuple(side) if remaining == 0 else None


@settings(max_examples=150)
@given(small_inventories, targets, targets, st.sampled_from(Rounding))
def test_a_heavier_target_never_loads_lighter(
    inventory: PlateInventory, a: Weight, b: Weight, rounding: Rounding
) -> None:
    low, high = sorted([a, b], key=lambda w: w.to(Unit.KG).amount)

    assert (
        load_bar(low, inventory, rounding).total.amount
        <= load_bar(high, inventory, rounding).total.amount
    )


def _greedy(total: Weight) -> tuple[Decimal, ...] | None:
    """Plates per side on the default bar with plenty of the usual plates; None if not exact."""
    load = load_bar(total, PlateInventory.default(total.unit))
    return load.per_side if load.exact else None


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
def test_with_plenty_of_plates_loading_is_greedy_from_the_heaviest(
    total: Weight, side: tuple[Decimal, ...]
) -> None:

    assert _greedy(total) == side


@pytest.mark.parametrize("total", [kg("101"), kg("15"), kg("20.5"), lb("247"), lb("40")], ids=str)
def test_a_weight_that_cannot_be_loaded_exactly_has_no_plates(total: Weight) -> None:

    assert _greedy(total) is None


@settings(max_examples=200)
@given(
    unit=st.sampled_from(Unit),
    amount=st.decimals(min_value=0, max_value=1200, places=2),
)
def test_found_plates_add_up_to_the_total(unit: Unit, amount: Decimal) -> None:
    total, bar = Weight(amount, unit), DEFAULT_BAR[unit]

    side = _greedy(total)

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

    side = _greedy(total)

    assert side is not None
    assert 2 * sum(side) + DEFAULT_BAR[unit].amount == total.amount
