from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.plans.rules import (
    LOWER_STEP,
    TM_85,
    TM_90,
    UPPER_STEP,
    WENDLER_WEEKS,
    CycleIncrement,
    CycleState,
    LiftedSet,
    Loading,
    advance_cycle,
    training_max,
    week_loads,
)
from domain.shared.weights import Rounding, Unit, Weight
from handlers.training.texts import reason_text


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def sets(*reps: int, at: Weight | None = None) -> tuple[LiftedSet, ...]:
    return tuple(LiftedSet(at or kg("100"), done) for done in reps)


# the minimums of each week's sets, every + set made exactly
AS_PLANNED = {1: sets(5, 5, 5), 2: sets(3, 3, 3), 3: sets(5, 3, 1), 4: sets(5, 5, 5)}


def run_cycle(rule, state, *, week_three=AS_PLANNED[3]):
    reasons = []
    for week in (1, 2, 3, 4):
        outcome = advance_cycle(rule, state, week_three if week == 3 else AS_PLANNED[week])
        state = outcome.state
        reasons.append(reason_text(outcome.reason))
    return outcome, reasons


def test_the_week_table_is_training_md_s():
    table = [
        [(planned.percent, planned.reps, planned.amrap) for planned in week.sets]
        for week in WENDLER_WEEKS
    ]
    d = Decimal
    assert table == [
        [(d("0.65"), 5, False), (d("0.75"), 5, False), (d("0.85"), 5, True)],
        [(d("0.70"), 3, False), (d("0.80"), 3, False), (d("0.90"), 3, True)],
        [(d("0.75"), 5, False), (d("0.85"), 3, False), (d("0.95"), 1, True)],
        [(d("0.40"), 5, False), (d("0.50"), 5, False), (d("0.60"), 5, False)],
    ]
    assert [week.deload for week in WENDLER_WEEKS] == [False, False, False, True]


@pytest.mark.parametrize(
    ("one_rep_max", "percent", "expected"),
    [
        (kg("100"), TM_90, kg("90")),
        (kg("100"), TM_85, kg("85")),
        (lb("225"), TM_90, lb("202.5")),
        (lb("225"), TM_85, lb("191.25")),  # a TM stays unrounded
    ],
)
def test_the_training_max_is_85_or_90_percent_of_the_one_rep_max(one_rep_max, percent, expected):
    assert training_max(one_rep_max, percent) == expected


def test_the_training_max_defaults_to_90_percent_and_refuses_other_shares():
    assert training_max(kg("200")) == kg("180")
    with pytest.raises(ValueError, match="85% or 90%"):
        training_max(kg("200"), Decimal("0.80"))


@pytest.mark.parametrize(
    ("tm", "week", "expected"),
    [
        (kg("100"), 1, ["65", "75", "85"]),
        (kg("90"), 3, ["67.5", "77.5", "85"]),  # 76.5 → 77.5, 85.5 → 85
        (kg("90"), 4, ["35", "45", "55"]),  # deload: 36 → 35, 54 → 55
        (lb("200"), 2, ["140", "160", "180"]),
    ],
)
def test_week_loads_are_the_week_s_percentages_of_the_tm_rounded_to_the_step(tm, week, expected):
    rule = CycleIncrement(LOWER_STEP)
    loads = week_loads(rule, CycleState(tm, week))
    assert [weight.amount for _, weight in loads] == [Decimal(amount) for amount in expected]
    assert {weight.unit for _, weight in loads} == {tm.unit}


def test_week_loads_round_down_when_the_athlete_asks():
    loads = week_loads(
        CycleIncrement(LOWER_STEP), CycleState(kg("90"), 3), Loading(mode=Rounding.DOWN)
    )
    assert [weight for _, weight in loads] == [kg("67.5"), kg("75"), kg("85")]


@pytest.mark.parametrize(
    ("step", "tm", "expected", "reason"),
    [
        (UPPER_STEP, kg("60"), kg("62.5"), "+2.5 kg: 4-week cycle complete"),
        (LOWER_STEP, kg("100"), kg("105"), "+5 kg: 4-week cycle complete"),
        (UPPER_STEP, lb("135"), lb("140"), "+5 lb: 4-week cycle complete"),
        (LOWER_STEP, lb("225"), lb("235"), "+10 lb: 4-week cycle complete"),
    ],
)
def test_a_full_cycle_adds_the_increment_for_upper_and_lower_in_kg_and_lb(
    step, tm, expected, reason
):
    outcome, _ = run_cycle(CycleIncrement(step), CycleState(tm))
    assert outcome.weight == expected
    assert outcome.state == CycleState(expected, 1)
    assert reason_text(outcome.reason) == reason


def test_the_tm_holds_through_weeks_one_to_three_and_week_four_is_the_deload():
    rule = CycleIncrement(LOWER_STEP)
    state = CycleState(kg("100"))
    first = advance_cycle(rule, state, AS_PLANNED[1])
    assert first.weight == kg("100")
    assert first.state == CycleState(kg("100"), 2)
    assert reason_text(first.reason) == "week 2 next: week 1 done"
    third = advance_cycle(rule, CycleState(kg("100"), 3), AS_PLANNED[3])
    assert third.state.week == 4
    assert reason_text(third.reason) == "week 4 (deload) next: week 3 done"


def test_zero_reps_on_the_95_percent_one_plus_set_resets_the_tm_10_percent_after_the_deload():
    rule = CycleIncrement(LOWER_STEP)
    week_three = advance_cycle(rule, CycleState(kg("100"), 3), sets(5, 3, 0))
    assert week_three.weight == kg("100")  # the deload still runs off the old TM
    assert week_three.state == CycleState(kg("100"), 4, stalled=True)
    assert reason_text(week_three.reason) == (
        "week 4 (deload) next: the 95% 1+ set fell short (0 reps); "
        "the TM resets −10% when the cycle ends"
    )
    deload = advance_cycle(rule, week_three.state, AS_PLANNED[4])
    assert deload.weight == kg("90")
    assert deload.state == CycleState(kg("90"), 1)
    assert reason_text(deload.reason) == "−10%: a + set fell short this cycle"


def test_a_stall_in_lb_resets_to_an_unrounded_90_percent():
    outcome, _ = run_cycle(
        CycleIncrement(UPPER_STEP), CycleState(lb("225")), week_three=sets(5, 3, 0, at=lb("215"))
    )
    assert outcome.weight == lb("202.5")


def test_a_5_plus_set_short_of_five_also_stalls_the_cycle():
    outcome = advance_cycle(CycleIncrement(LOWER_STEP), CycleState(kg("100")), sets(5, 5, 4))
    assert outcome.state.stalled


def test_a_single_on_the_one_plus_set_is_enough():
    outcome, _ = run_cycle(
        CycleIncrement(LOWER_STEP), CycleState(kg("100")), week_three=sets(5, 3, 1)
    )
    assert outcome.weight == kg("105")


def test_a_week_past_the_cycle_is_refused():
    with pytest.raises(ValueError, match="4 weeks"):
        advance_cycle(CycleIncrement(LOWER_STEP), CycleState(kg("100"), 5), AS_PLANNED[1])


amounts = st.decimals(min_value=0, max_value=1000, places=2)
reps = st.lists(st.integers(min_value=0, max_value=15), min_size=0, max_size=4)


@settings(max_examples=100)
@given(amounts, st.sampled_from(Unit), st.lists(reps, min_size=4, max_size=12))
def test_the_tm_never_goes_negative(amount, unit, sessions):
    rule = CycleIncrement(LOWER_STEP)
    state = CycleState(Weight(amount, unit))
    for done in sessions:
        outcome = advance_cycle(
            rule, state, tuple(LiftedSet(Weight(amount, unit), r) for r in done)
        )
        assert outcome.weight.amount >= 0
        assert outcome.weight == outcome.state.training_max
        state = outcome.state


@settings(max_examples=100)
@given(amounts, st.sampled_from(Unit), st.sampled_from([UPPER_STEP, LOWER_STEP]))
def test_a_cycle_without_a_short_set_adds_exactly_one_increment(amount, unit, step):
    outcome, _ = run_cycle(CycleIncrement(step), CycleState(Weight(amount, unit)))
    assert outcome.weight.amount == amount + step.in_unit(unit)
