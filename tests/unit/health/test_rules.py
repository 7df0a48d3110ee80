"""The health record's pure rules: the PAR-Q flag, phone numbers, lifts the limitations name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.health.model import (
    CONTACTS_STEP,
    FITNESS_STEP,
    PARQ_QUESTIONS,
    HistoryField,
    Stage,
    as_mask,
    flagged,
    from_mask,
    stage_of,
)
from domain.health.rules import PhoneError, PhoneProblem, avoided_lifts, parse_phone

NO = (False,) * PARQ_QUESTIONS
LIBRARY = {
    "squat": "Squat",
    "front_squat": "Front squat",
    "ohp": "Overhead press",
    "deadlift": "Deadlift",
    "romanian_deadlift": "Romanian deadlift",
    "bench": "Bench press",
    "close_grip_bench": "Close-grip bench press",
    "pull_up": "Pull-up",
}


def answered(*yes: int) -> tuple[bool | None, ...]:
    return tuple(number in yes for number in range(PARQ_QUESTIONS))


def test_all_no_flags_nobody() -> None:
    assert flagged(NO, frozenset()) == frozenset()


def test_one_yes_flags_the_client() -> None:
    assert flagged(answered(4), frozenset()) == {4}


def test_an_acknowledged_yes_no_longer_flags() -> None:
    assert flagged(answered(4), frozenset({4})) == frozenset()


def test_a_new_yes_after_acknowledging_flags_again_for_that_question_only() -> None:
    assert flagged(answered(4, 6), frozenset({4})) == {6}


def test_unanswered_questions_flag_nothing() -> None:
    assert flagged((None,) * PARQ_QUESTIONS, frozenset()) == frozenset()


@given(st.frozensets(st.integers(0, PARQ_QUESTIONS - 1)))
def test_a_mask_names_the_questions_it_was_made_of(questions: frozenset[int]) -> None:
    assert from_mask(as_mask(questions)) == questions


def test_mask_bits_past_the_seventh_question_name_nothing() -> None:
    assert from_mask(0b1000_0001) == {0}


def test_the_intake_walks_seven_questions_four_history_fields_fitness_then_contacts() -> None:
    assert [stage_of(step)[0] for step in range(CONTACTS_STEP + 1)] == [
        *[Stage.PARQ] * 7,
        *[Stage.HISTORY] * len(HistoryField),
        Stage.FITNESS,
        Stage.CONTACTS,
    ]
    assert stage_of(FITNESS_STEP - 1) == (Stage.HISTORY, 3)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("+44 20 7946 0958", "+442079460958"),
        ("8 (912) 345-67-89", "89123456789"),
        ("+1.415.555.0132", "+14155550132"),
        ("0612345", "0612345"),  # seven digits: the shortest taken
        ("+123456789012345", "+123456789012345"),  # fifteen: E.164's longest
    ],
)
def test_a_phone_number_is_kept_as_its_digits(typed: str, kept: str) -> None:
    assert parse_phone(typed) == kept


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", PhoneProblem.EMPTY),
        (" - ", PhoneProblem.EMPTY),
        ("call me", PhoneProblem.NOT_DIGITS),
        ("+44 20 79x6", PhoneProblem.NOT_DIGITS),
        ("++4420794609", PhoneProblem.NOT_DIGITS),
        ("١٢٣٤٥٦٧٨", PhoneProblem.NOT_DIGITS),  # Arabic-Indic digits: not dialable as typed
        ("123456", PhoneProblem.TOO_SHORT),
        ("1234567890123456", PhoneProblem.TOO_LONG),
    ],
)
def test_what_is_not_a_phone_number_says_why(typed: str, problem: PhoneProblem) -> None:
    with pytest.raises(PhoneError) as error:
        parse_phone(typed)
    assert error.value.problem is problem


@pytest.mark.parametrize(
    ("limitations", "lifts"),
    [
        ("no overhead press, no deadlifts", {"ohp", "deadlift"}),
        ("Front squats hurt my wrists", {"front_squat"}),
        ("front squat and squat both hurt", {"front_squat", "squat"}),
        ("Romanian deadlift only", {"romanian_deadlift"}),
        ("avoid OHP", {"ohp"}),
        ("close-grip bench press: elbow", {"close_grip_bench"}),
        ("no pull-ups", {"pull_up"}),
        ("bad knee, nothing else", set()),
        ("squatting is fine", set()),  # "squatting" is not the word "squat"
        ("", set()),
    ],
)
def test_limitations_name_the_library_lifts_as_whole_words(
    limitations: str, lifts: set[str]
) -> None:
    assert avoided_lifts(limitations, LIBRARY) == lifts
