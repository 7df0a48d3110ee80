from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.shared.e1rm import E1rmFormula, brzycki, epley
from domain.shared.weights import KG_PER_LB, Unit, Weight
from domain.training.model import DoneSet
from domain.training.records import (
    DatedSet,
    RecordKind,
    RepsRecord,
    WeightRecord,
    personal_records,
)

MONDAY = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def lifted(weight: Weight, reps: int, day: int = 0, *, deload: bool = False) -> DatedSet:
    return DatedSet(weight, reps, MONDAY + timedelta(days=day), deload)


NEW_DAY = 30


def new(weight: Weight, reps: int) -> DatedSet:
    return lifted(weight, reps, NEW_DAY)


def kinds(records: tuple[WeightRecord | RepsRecord, ...]) -> list[RecordKind]:
    return [r.kind for r in records]


def test_the_first_session_sets_the_baseline_and_no_records() -> None:
    assert personal_records([], [new(kg("100"), 5)]) == ()


def test_no_new_sets_no_records() -> None:
    assert personal_records([lifted(kg("100"), 5)], []) == ()


def test_a_heavier_single_is_a_heaviest_and_an_e1rm_record() -> None:
    before = lifted(kg("100"), 1)
    after = new(kg("105"), 1)

    assert personal_records([before], [after]) == (
        WeightRecord(RecordKind.HEAVIEST, kg("105"), kg("100"), after, before),
        WeightRecord(RecordKind.E1RM, kg("105"), kg("100"), after, before),
    )


def test_more_reps_at_a_lighter_weight_is_an_e1rm_record_only() -> None:
    before = lifted(kg("100"), 3)  # Epley 110
    after = new(kg("90"), 8)  # Epley 114

    records = personal_records([before], [after])

    assert records == (WeightRecord(RecordKind.E1RM, kg("114"), kg("110"), after, before),)


def test_more_reps_at_the_same_weight_is_a_reps_and_an_e1rm_record() -> None:
    before = lifted(kg("100"), 5)
    after = new(kg("100"), 7)

    records = personal_records([before], [after])

    assert kinds(records) == [RecordKind.E1RM, RecordKind.REPS_AT_WEIGHT]
    assert records[1] == RepsRecord(kg("100"), 7, 5, after, before)


def test_equalling_the_best_is_no_record() -> None:
    assert personal_records([lifted(kg("100"), 5)], [new(kg("100"), 5)]) == ()


def test_a_rep_record_needs_earlier_sets_at_exactly_that_weight() -> None:
    history = [lifted(kg("100"), 5), lifted(kg("90"), 5)]

    records = personal_records(history, [new(kg("92.5"), 6), new(kg("90"), 6)])

    assert [r.weight for r in records if isinstance(r, RepsRecord)] == [kg("90")]


def test_deload_weeks_are_neither_history_nor_records() -> None:
    history = [lifted(kg("120"), 5, deload=True), lifted(kg("100"), 5)]

    records = personal_records(history, [new(kg("110"), 5)])

    assert [(r.kind, r.previous) for r in records] == [
        (RecordKind.HEAVIEST, kg("100")),
        (RecordKind.E1RM, epley(kg("100"), 5)),
    ]
    deloaded = DatedSet(kg("200"), 5, MONDAY + timedelta(days=NEW_DAY), deload=True)
    assert personal_records(history, [deloaded]) == ()


def test_only_deloads_in_history_is_no_history() -> None:
    assert personal_records([lifted(kg("60"), 5, deload=True)], [new(kg("100"), 5)]) == ()


def test_a_failed_set_lifted_nothing() -> None:
    assert personal_records([lifted(kg("100"), 5)], [new(kg("150"), 0)]) == ()


def test_weights_compare_exactly_across_units() -> None:
    history = [lifted(kg("100"), 5)]

    assert personal_records(history, [new(lb("220"), 5)]) == ()  # 99.79 kg
    records = personal_records(history, [new(lb("225"), 5)])  # 102.06 kg
    assert kinds(records) == [RecordKind.HEAVIEST, RecordKind.E1RM]
    assert records[0].new == lb("225")
    assert records[0].previous == kg("100")


def test_a_rep_record_at_a_weight_logged_in_the_other_unit() -> None:
    in_kg = lifted(Weight(45 * KG_PER_LB, Unit.KG), 10)  # 20.41165665 kg, exactly 45 lb
    after = new(lb("45"), 12)

    records = personal_records([in_kg], [after])

    assert RepsRecord(lb("45"), 12, 10, after, in_kg) in records


def test_brzycki_can_be_chosen_for_the_e1rm() -> None:
    before = lifted(kg("100"), 3)
    after = new(kg("90"), 8)

    (record,) = personal_records([before], [after], E1rmFormula.BRZYCKI)

    assert record == WeightRecord(
        RecordKind.E1RM, brzycki(kg("90"), 8), brzycki(kg("100"), 3), after, before
    )


def test_brzycki_ignores_sets_beyond_its_range() -> None:
    history = [lifted(kg("50"), 40), lifted(kg("100"), 1)]

    records = personal_records(history, [new(kg("50"), 41)], E1rmFormula.BRZYCKI)

    assert kinds(records) == [RecordKind.REPS_AT_WEIGHT]


def test_the_first_set_to_reach_the_best_is_the_one_reported() -> None:
    first, second = lifted(kg("110"), 3, NEW_DAY), lifted(kg("110"), 3, NEW_DAY + 1)

    records = personal_records([lifted(kg("100"), 3)], [second, first])

    assert all(r.new_set == first for r in records)


def test_a_set_is_made_from_a_done_set() -> None:
    done = DoneSet(kg("100"), 5, MONDAY)

    assert DatedSet.of(done, deload=True) == DatedSet(kg("100"), 5, MONDAY, deload=True)


sets = st.builds(
    lifted,
    weight=st.builds(
        Weight, st.decimals(min_value=20, max_value=200, places=1), st.sampled_from(Unit)
    ),
    reps=st.integers(0, 15),
    day=st.integers(0, NEW_DAY - 1),
    deload=st.booleans(),
)


@settings(max_examples=150)
@given(
    history=st.lists(sets, max_size=8),
    workout=st.lists(sets, max_size=5),
    formula=st.sampled_from(E1rmFormula),
)
def test_every_record_beats_every_counted_set_before_it(
    history: list[DatedSet], workout: list[DatedSet], formula: E1rmFormula
) -> None:
    counted = [s for s in history if not s.deload and s.reps >= 1]
    estimate = epley if formula == E1rmFormula.EPLEY else brzycki

    for record in personal_records(history, workout, formula):
        assert not record.new_set.deload
        if isinstance(record, RepsRecord):
            at_weight = [s for s in counted if s.weight.to(Unit.KG) == record.weight.to(Unit.KG)]
            assert at_weight
            assert all(s.reps < record.new for s in at_weight)
        elif record.kind == RecordKind.HEAVIEST:
            assert all(s.weight.to(Unit.KG).amount < record.new.to(Unit.KG).amount for s in counted)
        else:
            assert all(
                estimate(s.weight, s.reps).to(Unit.KG).amount < record.new.to(Unit.KG).amount
                for s in counted
            )


@settings(max_examples=100)
@given(history=st.lists(sets, max_size=8), workout=st.lists(sets, max_size=5))
def test_deload_sets_change_nothing(history: list[DatedSet], workout: list[DatedSet]) -> None:
    without = [s for s in history if not s.deload]

    assert personal_records(history, workout) == personal_records(without, workout)


repeated = st.builds(
    lifted,
    weight=st.sampled_from([kg("60"), kg("100"), kg("102.5"), lb("225")]),
    reps=st.integers(0, 10),
    day=st.integers(0, NEW_DAY - 1),
)


def first_of_each(history: list[DatedSet]) -> list[DatedSet]:
    """What a finished workout reads (WorkoutRepository.first_sets): each weight × reps once."""
    first: dict[tuple[Weight, int], DatedSet] = {}
    for done in sorted(history, key=lambda s: s.at):
        first.setdefault((done.weight, done.reps), done)
    return list(first.values())


@settings(max_examples=200)
@given(
    history=st.lists(repeated, max_size=20, unique_by=lambda s: s.at),
    workout=st.lists(repeated, max_size=6),
    formula=st.sampled_from(E1rmFormula),
)
def test_the_first_of_each_weight_and_reps_sets_the_same_records_as_the_whole_history(
    history: list[DatedSet], workout: list[DatedSet], formula: E1rmFormula
) -> None:
    workout = [replace(s, at=MONDAY + timedelta(days=NEW_DAY)) for s in workout]

    assert personal_records(first_of_each(history), workout, formula) == personal_records(
        history, workout, formula
    )
