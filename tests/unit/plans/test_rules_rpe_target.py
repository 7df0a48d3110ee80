from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.plans.rules import LiftedSet, Loading, RpeState, RpeTarget, advance_rpe, rpe_percent
from domain.shared.weights import Unit, Weight
from handlers.training.texts import reason_text

# TRAINING.md's table, row by row, typed from the page rather than from the compact SEQ
TABLE = {
    "10": "100.0 95.5 92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9",
    "9.5": "97.8 93.9 90.7 87.8 85.0 82.4 79.9 77.4 75.1 72.3",
    "9": "95.5 92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7",
    "8.5": "93.9 90.7 87.8 85.0 82.4 79.9 77.4 75.1 72.3 69.4",
    "8": "92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0",
    "7.5": "90.7 87.8 85.0 82.4 79.9 77.4 75.1 72.3 69.4 66.7",
    "7": "89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0 65.3",
    "6.5": "87.8 85.0 82.4 79.9 77.4 75.1 72.3 69.4 66.7 64.0",
    "6": "86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0 65.3 62.6",
}
CELLS = [
    (reps, Decimal(rpe), Decimal(cell))
    for rpe, row in TABLE.items()
    for reps, cell in enumerate(row.split(), start=1)
]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


@pytest.mark.parametrize(
    ("reps", "rpe", "percent"),
    [
        (5, Decimal(8), Decimal("81.1")),
        (3, Decimal("9.5"), Decimal("90.7")),
        (1, Decimal(10), Decimal("100.0")),
        (10, Decimal(6), Decimal("62.6")),
        (4, Decimal("6.5"), Decimal("79.9")),
    ],
)
def test_chart_cells_including_half_points(reps, rpe, percent):
    assert rpe_percent(reps, rpe) == percent / 100


def test_every_cell_matches_training_md_s_table():
    assert len(CELLS) == 90
    for reps, rpe, percent in CELLS:
        assert rpe_percent(reps, rpe) == percent / 100, (reps, rpe)


@pytest.mark.parametrize(
    ("reps", "rpe"), [(0, "8"), (11, "8"), (5, "5.5"), (5, "8.25"), (5, "10.5")]
)
def test_off_the_chart_is_refused(reps, rpe):
    with pytest.raises(ValueError, match="RPE chart"):
        rpe_percent(reps, Decimal(rpe))


def test_the_next_load_comes_from_the_e1rm_and_is_rounded_to_the_step():
    # 140 / 0.811 = 172.63 kg e1RM; 3 @ 8 is 86.3% → 148.98 kg → 150 kg
    rule = RpeTarget(reps=3, rpe=Decimal(8))
    outcome = advance_rpe(rule, RpeState(kg("140")), (LiftedSet(kg("140"), 5, Decimal(8)),))
    assert outcome.weight == kg("150")
    assert outcome.state.weight == kg("150")
    assert outcome.state.e1rm is not None
    assert outcome.state.e1rm.amount.quantize(Decimal("0.01")) == Decimal("172.63")
    assert reason_text(outcome.reason) == "+10 kg: 140 kg × 5 @ 8 → e1RM 172.63 kg; 3 @ 8 is 86.3%"


def test_a_half_point_rpe_in_lb():
    # 315 lb × 3 @ 9 (89.2%) → e1RM 353.14 lb; 5 @ 8 (81.1%) → 286.40 lb → 285 lb
    rule = RpeTarget(reps=5, rpe=Decimal(8))
    outcome = advance_rpe(rule, RpeState(lb("275")), (LiftedSet(lb("315"), 3, Decimal(9)),))
    assert outcome.weight == lb("285")
    # 100 kg × 3 @ 9.5 (90.7%) → e1RM 110.25 kg; 5 @ 8 → 89.42 kg → 90 kg
    outcome = advance_rpe(rule, RpeState(kg("90")), (LiftedSet(kg("100"), 3, Decimal("9.5")),))
    assert outcome.weight == kg("90")
    assert reason_text(outcome.reason).startswith("same weight: 100 kg × 3 @ 9.5")


def test_a_set_in_the_other_unit_is_converted_exactly():
    # 225 lb = 102.058 kg; same reps and RPE as the target → 102.058 kg → 102.5 kg
    rule = RpeTarget(reps=5, rpe=Decimal(8))
    outcome = advance_rpe(rule, RpeState(kg("100")), (LiftedSet(lb("225"), 5, Decimal(8)),))
    assert outcome.weight == kg("102.5")


def test_the_best_rated_set_counts_and_unrated_sets_are_ignored():
    rule = RpeTarget(reps=5, rpe=Decimal(8))
    lifted = (
        LiftedSet(kg("200"), 5),  # no RPE
        LiftedSet(kg("120"), 5, Decimal(7)),  # e1RM 152.7 kg
        LiftedSet(kg("130"), 5, Decimal(9)),  # e1RM 155.3 kg → 125.97 → 125 kg
        LiftedSet(kg("100"), 12, Decimal(10)),  # off the chart
    )
    assert advance_rpe(rule, RpeState(kg("100")), lifted).weight == kg("125")


def test_without_a_rated_set_the_load_stays():
    state = RpeState(kg("100"))
    outcome = advance_rpe(RpeTarget(5, Decimal(8)), state, (LiftedSet(kg("100"), 5),))
    assert outcome.state == state
    assert reason_text(outcome.reason) == "same weight: no set with reps and RPE on the chart"


def test_a_target_off_the_chart_is_refused():
    with pytest.raises(ValueError, match="RPE chart"):
        RpeTarget(12, Decimal(8))


on_chart_rpe = st.sampled_from([Decimal(n) / 2 for n in range(12, 21)])


@settings(max_examples=200)
@given(
    st.decimals(min_value=0, max_value=500, places=2),
    st.integers(min_value=1, max_value=10),
    on_chart_rpe,
    st.integers(min_value=1, max_value=10),
    on_chart_rpe,
)
def test_the_next_load_is_never_negative_and_lands_on_a_step(
    amount, reps, rpe, target_reps, target_rpe
):
    rule = RpeTarget(target_reps, target_rpe)
    lifted = (LiftedSet(kg(str(amount)), reps, rpe),)
    outcome = advance_rpe(rule, RpeState(kg("100")), lifted, Loading())
    assert outcome.weight.amount >= 0
    assert outcome.weight.amount % Decimal("2.5") == 0
