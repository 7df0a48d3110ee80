from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.shared.weights import Unit, Weight
from domain.training.entry import (
    AsPrescribed,
    Entry,
    EntryError,
    EntryProblem,
    RepsOnly,
    Skip,
    Undo,
    WeightAndReps,
    parse_entry,
)

Problem = EntryProblem


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("+", AsPrescribed()),
        ("done", AsPrescribed()),
        ("  Done ", AsPrescribed()),
        ("DONE", AsPrescribed()),
        ("✅", AsPrescribed()),
        ("✅\ufe0f", AsPrescribed()),
        ("skip", Skip()),
        ("SKIP ", Skip()),
        ("undo", Undo()),
        ("Undo", Undo()),
        ("8", RepsOnly(8)),
        (" 0 ", RepsOnly(0)),
        ("100", RepsOnly(100)),
        ("100x5", WeightAndReps(kg("100"), 5)),
        ("100X5", WeightAndReps(kg("100"), 5)),
        ("100×5", WeightAndReps(kg("100"), 5)),
        ("100*5", WeightAndReps(kg("100"), 5)),
        ("100х5", WeightAndReps(kg("100"), 5)),
        ("100 5", WeightAndReps(kg("100"), 5)),
        ("100 x 5", WeightAndReps(kg("100"), 5)),
        ("100kg x5", WeightAndReps(kg("100"), 5)),
        ("100 kg x 5", WeightAndReps(kg("100"), 5)),
        ("100KG 5", WeightAndReps(kg("100"), 5)),
        ("100kgs x 5", WeightAndReps(kg("100"), 5)),
        ("225lb x5", WeightAndReps(lb("225"), 5)),
        ("225 lbs x 5", WeightAndReps(lb("225"), 5)),
        ("102,5x5", WeightAndReps(kg("102.5"), 5)),
        ("102.5x5", WeightAndReps(kg("102.5"), 5)),
        ("100.25x3", WeightAndReps(kg("100.25"), 3)),
        ("60x0", WeightAndReps(kg("60"), 0)),
        ("1000x1", WeightAndReps(kg("1000"), 1)),
        ("2200 lb x 1", WeightAndReps(lb("2200"), 1)),
    ],
)
def test_a_set_typed_on_the_gym_floor(text: str, entry: Entry) -> None:
    assert parse_entry(text, Unit.KG) == entry


def test_a_bare_weight_is_in_the_athletes_unit_and_a_named_unit_wins() -> None:
    assert parse_entry("225x5", Unit.LB) == WeightAndReps(lb("225"), 5)
    assert parse_entry("100kg x5", Unit.LB) == WeightAndReps(kg("100"), 5)


@pytest.mark.parametrize(
    ("text", "reason", "value"),
    [
        ("", Problem.EMPTY, ""),
        ("   ", Problem.EMPTY, ""),
        ("abc", Problem.NOT_AN_ENTRY, "abc"),
        ("1e309", Problem.NOT_AN_ENTRY, "1e309"),
        ("nan", Problem.NOT_AN_ENTRY, "nan"),
        ("inf", Problem.NOT_AN_ENTRY, "inf"),
        ("NaNx5", Problem.NOT_AN_ENTRY, "NaNx5"),
        ("💪", Problem.NOT_AN_ENTRY, "💪"),
        ("٣", Problem.NOT_AN_ENTRY, "٣"),
        ("100x5x3", Problem.NOT_AN_ENTRY, "100x5x3"),
        ("x5", Problem.NOT_AN_ENTRY, "x5"),
        ("100 st x 5", Problem.NOT_AN_ENTRY, "100 st x 5"),
        ("100kg", Problem.MISSING_REPS, "100kg"),
        ("225 lbs", Problem.MISSING_REPS, "225 lbs"),
        ("-5", Problem.REPS_NEGATIVE, "-5"),
        ("100x-5", Problem.REPS_NEGATIVE, "-5"),
        ("101", Problem.REPS_TOO_HIGH, "101"),
        ("60x500", Problem.REPS_TOO_HIGH, "500"),
        ("8.5", Problem.REPS_NOT_WHOLE, "8.5"),
        ("100x5,5", Problem.REPS_NOT_WHOLE, "5,5"),
        ("0x5", Problem.WEIGHT_NOT_POSITIVE, "0"),
        ("-100x5", Problem.WEIGHT_NOT_POSITIVE, "-100"),
        ("0,0 kg x 5", Problem.WEIGHT_NOT_POSITIVE, "0,0"),
        ("99999x5", Problem.WEIGHT_TOO_HIGH, "99999"),
        ("1000.5x1", Problem.WEIGHT_TOO_HIGH, "1000.5"),
        ("2201lb x1", Problem.WEIGHT_TOO_HIGH, "2201"),
        ("100.125x5", Problem.WEIGHT_TOO_PRECISE, "100.125"),
        ("1" * 33, Problem.TOO_LONG, "33"),
        ("x" * 4000, Problem.TOO_LONG, "4000"),
    ],
)
def test_what_is_not_a_set_says_why(text: str, reason: EntryProblem, value: str) -> None:
    assert parse_entry(text, Unit.KG) == EntryError(reason, value)


def test_weight_limits_are_checked_in_the_weights_own_unit() -> None:
    # 2000 lb is 907 kg: fine as lb, too heavy only when it is read as kg
    assert parse_entry("2000x1", Unit.LB) == WeightAndReps(lb("2000"), 1)
    assert parse_entry("2000x1", Unit.KG) == EntryError(Problem.WEIGHT_TOO_HIGH, "2000")


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        (AsPrescribed(), "done"),
        (RepsOnly(8), "8"),
        (WeightAndReps(kg("102.50"), 5), "102.5 kg x 5"),
        (WeightAndReps(lb("225"), 0), "225 lb x 0"),
        (Skip(), "skip"),
        (Undo(), "undo"),
    ],
)
def test_each_entry_reads_from_its_plainest_text(entry: Entry, text: str) -> None:
    assert parse_entry(text, Unit.KG) == entry


@settings(max_examples=200)
@given(
    st.text(max_size=40)
    | st.from_regex(
        r"\s*-?[0-9٣]{1,5}([.,][0-9]{1,4})?\s*(kg|lbs?)?\s*[x×*]?\s*-?[0-9]{1,4}\s*", fullmatch=True
    )
)
def test_parsing_never_raises(text: str) -> None:
    for unit in Unit:
        assert isinstance(parse_entry(text, unit), EntryError | Entry)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("100x5 @8", WeightAndReps(Weight(Decimal(100), Unit.KG), 5, Decimal(8))),
        ("8 @9.5", RepsOnly(8, Decimal("9.5"))),
        ("+ @7", AsPrescribed(Decimal(7))),
        ("@8,5", AsPrescribed(Decimal("8.5"))),
        ("5 rpe 10", RepsOnly(5, Decimal(10))),
    ],
)
def test_an_rpe_rides_along_after_an_at_sign(text: str, entry: Entry) -> None:
    assert parse_entry(text, Unit.KG) == entry


@pytest.mark.parametrize("text", ["100x5 @11", "8 @5", "+ @8.3"])
def test_an_rpe_off_the_chart_is_refused(text: str) -> None:
    result = parse_entry(text, Unit.KG)
    assert isinstance(result, EntryError)
    assert result.reason == EntryProblem.RPE_OFF_CHART


def test_skip_and_undo_take_no_rpe() -> None:
    result = parse_entry("skip @8", Unit.KG)
    assert isinstance(result, EntryError)
    assert result.reason == EntryProblem.NOT_AN_ENTRY
