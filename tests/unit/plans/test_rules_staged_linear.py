from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.plans.model import BodyRegion
from domain.plans.rules import (
    LiftedSet,
    Loading,
    StagedState,
    advance_staged,
    gzclp_t1,
    gzclp_t2,
    gzclp_t3,
)
from domain.shared.weights import Rounding, Unit, Weight
from handlers.training.texts import reason_text

T1_LOWER = gzclp_t1(BodyRegion.LOWER)
T1_UPPER = gzclp_t1(BodyRegion.UPPER)
T2_LOWER = gzclp_t2(BodyRegion.LOWER)
T2_UPPER = gzclp_t2(BodyRegion.UPPER)
T3 = gzclp_t3()


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def sets(*reps: int, at: Weight | None = None) -> tuple[LiftedSet, ...]:
    return tuple(LiftedSet(at or kg("100"), done) for done in reps)


def test_t1_full_cycle_5x3_6x2_10x1_then_a_5rm_test_restarts_at_85_percent():
    state = StagedState(kg("100"))
    steps = [
        (sets(3, 3, 3, 3, 5), kg("105"), 0, "+5 kg: all 5×3+ sets made"),
        (sets(3, 3, 3, 2, 2), kg("105"), 1, "6×2+ next: a 5×3+ set fell short"),
        (sets(2, 2, 2, 2, 2, 4), kg("110"), 1, "+5 kg: all 6×2+ sets made"),
        (sets(2, 2, 2, 2, 1, 1), kg("110"), 2, "10×1+ next: a 6×2+ set fell short"),
        (sets(*[1] * 10), kg("115"), 2, "+5 kg: all 10×1+ sets made"),
        (sets(*[1] * 9, 0), kg("115"), 3, "new 5RM test next: a 10×1+ set fell short"),
        # 5RM 110 kg; 85% is 93.5 kg, rounded half-up to 92.5 kg (37.4 steps)
        (
            (LiftedSet(kg("100"), 5), LiftedSet(kg("110"), 5), LiftedSet(kg("115"), 3)),
            kg("92.5"),
            0,
            "5×3+ at 92.5 kg next: 85% of the new 5RM, 110 kg",
        ),
        (sets(3, 3, 3, 3, 3), kg("97.5"), 0, "+5 kg: all 5×3+ sets made"),
    ]
    for lifted, weight, stage, reason in steps:
        outcome = advance_staged(T1_LOWER, state, lifted)
        assert (outcome.weight, outcome.state.stage, reason_text(outcome.reason)) == (
            weight,
            stage,
            reason,
        )
        assert outcome.state.weight == weight
        state = outcome.state


def test_t1_upper_adds_2_5_kg_or_5_lb():
    assert advance_staged(T1_UPPER, StagedState(kg("60")), sets(*[3] * 5)).weight == kg("62.5")
    assert advance_staged(T1_UPPER, StagedState(lb("135")), sets(*[3] * 5)).weight == lb("140")
    assert advance_staged(T1_LOWER, StagedState(lb("225")), sets(*[3] * 5)).weight == lb("235")


def test_a_t1_5rm_test_in_lb_restarts_on_a_5_lb_step():
    outcome = advance_staged(T1_UPPER, StagedState(lb("185"), 3), (LiftedSet(lb("200"), 5),))
    assert outcome.weight == lb("170")  # 85% of 200 lb


def test_a_5rm_test_lifted_in_another_unit_is_converted_exactly():
    # 100 kg = 220.462… lb; 85% = 187.39 lb → 185 lb (37.48 steps of 5)
    outcome = advance_staged(T1_LOWER, StagedState(lb("225"), 3), (LiftedSet(kg("100"), 5),))
    assert outcome.weight == lb("185")


def test_a_5rm_test_rounds_down_when_the_athlete_asks():
    outcome = advance_staged(
        T1_LOWER, StagedState(kg("100"), 3), (LiftedSet(kg("120"), 5),), Loading(mode=Rounding.DOWN)
    )
    assert outcome.weight == kg("100")  # 102 kg → 100 kg


def test_a_5rm_test_without_a_set_of_five_is_taken_again():
    state = StagedState(kg("100"), 3)
    outcome = advance_staged(T1_LOWER, state, (LiftedSet(kg("120"), 4),))
    assert outcome.state == state
    assert reason_text(outcome.reason) == "new 5RM test again: no set reached 5 reps"


def test_t2_full_cycle_3x10_3x8_3x6_then_back_to_3x10_at_the_last_3x10_weight_plus_10_kg():
    state = StagedState(kg("60"))
    steps = [
        (sets(10, 10, 10), kg("65"), 0, "+5 kg: all 3×10 sets made"),
        (sets(10, 10, 9), kg("65"), 1, "3×8 next: a 3×10 set fell short"),
        (sets(8, 8, 7), kg("65"), 2, "3×6 next: a 3×8 set fell short"),
        (sets(6, 6, 6), kg("70"), 2, "+5 kg: all 3×6 sets made"),
        (
            sets(6, 5, 5),
            kg("75"),
            0,
            "3×10 at 75 kg next: a 3×6 set fell short; last 3×10 weight +10 kg",
        ),
    ]
    for lifted, weight, stage, reason in steps:
        outcome = advance_staged(T2_LOWER, state, lifted)
        assert (outcome.weight, outcome.state.stage, reason_text(outcome.reason)) == (
            weight,
            stage,
            reason,
        )
        state = outcome.state


def test_t2_upper_in_lb_adds_5_lb_and_bumps_15_lb_after_failing_3x6():
    state = StagedState(lb("100"))
    state = advance_staged(T2_UPPER, state, sets(10, 10, 10)).state
    assert state.weight == lb("105")
    for lifted in (sets(9, 9, 9), sets(7, 7, 7), sets(5, 5, 5)):
        outcome = advance_staged(T2_UPPER, state, lifted)
        state = outcome.state
    assert outcome.weight == lb("120")  # 105 lb + 15 lb
    assert outcome.state == StagedState(lb("120"), 0, lb("120"))


def test_t2_upper_in_kg_bumps_7_5_kg():
    state = StagedState(kg("40"), 2, kg("40"))
    assert advance_staged(T2_UPPER, state, sets(6, 6, 5)).weight == kg("47.5")


def test_a_missing_set_counts_as_short():
    outcome = advance_staged(T2_LOWER, StagedState(kg("60")), sets(10, 10))
    assert outcome.state.stage == 1


def test_t3_adds_weight_at_25_reps_on_the_last_set_and_not_at_24():
    state = StagedState(kg("20"))
    below = advance_staged(T3, state, sets(15, 15, 24))
    assert below.weight == kg("20")
    assert reason_text(below.reason) == "same weight: 24 reps on the last 3×15+ set, 25 needed"
    at = advance_staged(T3, state, sets(15, 15, 25))
    assert at.weight == kg("22.5")
    assert reason_text(at.reason) == "+2.5 kg: 25 reps on the last 3×15+ set"
    assert advance_staged(T3, StagedState(lb("50")), sets(15, 15, 25)).weight == lb("55")


def test_t3_with_a_set_below_15_repeats_the_weight():
    outcome = advance_staged(T3, StagedState(kg("20")), sets(15, 14, 30))
    assert outcome.weight == kg("20")
    assert outcome.state == StagedState(kg("20"), 0, kg("20"))
    assert reason_text(outcome.reason) == "same weight: a 3×15+ set fell short"


rules = st.sampled_from([T1_LOWER, T1_UPPER, T2_LOWER, T2_UPPER, T3])
sessions = st.lists(st.lists(st.integers(min_value=0, max_value=30), max_size=11), max_size=25)
amounts = st.decimals(min_value=0, max_value=500, places=2)


@settings(max_examples=100)
@given(rules, amounts, st.sampled_from(Unit), sessions)
def test_staged_rules_never_produce_a_negative_weight_and_a_success_never_lowers_it(
    rule, amount, unit, done
):
    state = StagedState(Weight(amount, unit))
    for reps in done:
        lifted = tuple(LiftedSet(state.weight, r) for r in reps)
        outcome = advance_staged(rule, state, lifted)
        assert outcome.weight.amount >= 0
        assert outcome.weight == outcome.state.weight
        if reason_text(outcome.reason).startswith("+"):
            assert outcome.weight.amount > state.weight.amount
        state = outcome.state
