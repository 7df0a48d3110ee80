"""A result typed in one reply: a score or several sets, an optional tiebreak, a note."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.conditioning.entry import BadTiebreakError, read_entry
from domain.conditioning.scores import BadScoreError, Scheme, Status


def test_a_single_score_has_no_sets_and_no_note() -> None:
    entry = read_entry(Scheme.TIME, "4:22", cap_ms=None, unit="kg")

    assert (entry.score.value, entry.sets, entry.note) == (262_000, (), "")


def test_the_tiebreak_is_a_time_after_tb() -> None:
    entry = read_entry(Scheme.ROUNDS_REPS, "7+3 tb 2:10", cap_ms=None, unit="kg")

    assert entry.score.value == 700_003
    assert entry.score.tiebreak == 130_000  # 2 min 10 s


def test_heavy_singles_are_kept_each_and_the_best_counts() -> None:
    entry = read_entry(Scheme.LOAD, "100, 105, 102,5kg", cap_ms=None, unit="kg")

    assert [s.value for s in entry.sets] == [100_000, 105_000, 102_500]  # "102,5" is a decimal
    assert entry.score.value == 105_000


def test_the_fastest_of_timed_sets_counts_and_a_capped_set_is_counted_apart() -> None:
    entry = read_entry(Scheme.TIME_WITH_CAP, "3:10; cap+12; 2:58", cap_ms=240_000, unit="kg")

    assert entry.score.value == 178_000
    assert entry.score.capped_sets == 1
    assert entry.sets[1].status == Status.CAP


def test_lines_after_the_first_are_the_note() -> None:
    entry = read_entry(Scheme.TIME, "4:22\nlegs gave out\non round 2", cap_ms=None, unit="kg")

    assert entry.note == "legs gave out on round 2"


def test_a_load_without_a_unit_is_in_the_athletes() -> None:
    entry = read_entry(Scheme.LOAD, "185", cap_ms=None, unit="lb")

    assert entry.score.value == 83_915  # 185 × 453.59237 g


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("4:22 tb soon", BadTiebreakError),
        ("", BadScoreError),
        ("fast", BadScoreError),
        ("4:22, soon", BadScoreError),
        (", ".join(["4:22"] * 31), BadScoreError),
    ],
)
def test_a_bad_entry_says_what_is_wrong(typed: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        read_entry(Scheme.TIME, typed, cap_ms=None, unit="kg")


@given(scheme=st.sampled_from(Scheme), typed=st.text(max_size=80))
def test_any_text_is_an_entry_or_a_named_mistake(scheme: Scheme, typed: str) -> None:
    try:
        entry = read_entry(scheme, typed, cap_ms=600_000, unit="kg")
    except (BadScoreError, BadTiebreakError):
        return
    assert entry.score.scheme == scheme
    assert len(entry.note) <= 500
