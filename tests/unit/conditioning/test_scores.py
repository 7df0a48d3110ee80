"""Scores as CONDITIONING.md §1 stores and ranks them, with values worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.conditioning.scores import (
    ROUND,
    Aggregation,
    BadScoreError,
    Result,
    Scheme,
    Score,
    Status,
    aggregate,
    parse_score,
    places,
    render_score,
    sort_key,
)

EIGHT_MINUTES = 8 * 60 * 1000


@pytest.mark.parametrize(
    ("scheme", "typed", "stored"),
    [
        (Scheme.TIME, "4:22", 262_000),
        (Scheme.TIME, "1:05:30", 3_930_000),
        (Scheme.TIME, "262", 262_000),  # bare digits are seconds
        (Scheme.TIME, "2000", 2_000_000),  # 33:20, not 20:00
        (Scheme.TIME, "3:58.5", 238_500),
        (Scheme.TIME_WITH_CAP, "7:42", 462_000),
        (Scheme.ROUNDS_REPS, "12+15", 12 * ROUND + 15),
        (Scheme.ROUNDS_REPS, "12.15", 12 * ROUND + 15),
        (Scheme.ROUNDS_REPS, "12", 12 * ROUND),
        (Scheme.REPS, "150", 150),
        (Scheme.CALORIES, "250 cal", 250),
        (Scheme.POINTS, "87", 87),
        (Scheme.EMOM, "27", 27),
        (Scheme.LOAD, "185 lb", 83_915),  # 185 × 453.59237 g = 83,914.588 g
        (Scheme.LOAD, "84 kg", 84_000),
        (Scheme.LOAD, "102.5", 102_500),  # the athlete's unit, kg here
        (Scheme.METERS, "1000", 1_000_000),  # mm
        (Scheme.METERS, "1,000 m", 1_000_000),  # a comma before three digits groups them
        (Scheme.LOAD, "102,5 kg", 102_500),  # before fewer, it is a decimal comma
        (Scheme.LOAD, "185#", 83_915),
        (Scheme.METERS, "500 ft", 152_400),  # 500 × 304.8 mm
        (Scheme.FEET, "500", 152_400),
        (Scheme.PASS_FAIL, "pass", 1),
        (Scheme.PASS_FAIL, "Yes", 1),
        (Scheme.PASS_FAIL, "1", 1),
        (Scheme.PASS_FAIL, "f", 0),
        (Scheme.PASS_FAIL, "no", 0),
    ],
)
def test_what_an_athlete_types_is_stored_as_the_reference_says(
    scheme: Scheme, typed: str, stored: int
) -> None:
    assert parse_score(scheme, typed, cap_ms=EIGHT_MINUTES).value == stored


def test_a_capped_score_is_the_cap_and_the_reps_completed() -> None:
    capped = parse_score(Scheme.TIME_WITH_CAP, "CAP+23", cap_ms=EIGHT_MINUTES)

    assert (capped.value, capped.status, capped.reps_at_cap) == (EIGHT_MINUTES, Status.CAP, 23)
    assert render_score(capped) == "CAP+23"


@pytest.mark.parametrize(
    ("scheme", "typed"),
    [
        (Scheme.TIME, "4:61"),
        (Scheme.TIME, "four minutes"),
        (Scheme.TIME, "0:00"),
        (Scheme.TIME, "1:75:00"),
        (Scheme.TIME_WITH_CAP, "9:01"),  # past the 8-minute cap: that is a CAP+ score
        (Scheme.ROUNDS_REPS, "12+100000"),
        (Scheme.ROUNDS_REPS, "7-3"),
        (Scheme.LOAD, "185 stone"),
        (Scheme.LOAD, "0 kg"),
        (Scheme.METERS, "5 miles"),
        (Scheme.PASS_FAIL, "maybe"),
        (Scheme.REPS, "12 cal"),
    ],
)
def test_a_bad_score_says_which_scheme_it_fails(scheme: Scheme, typed: str) -> None:
    with pytest.raises(BadScoreError) as raised:
        parse_score(scheme, typed, cap_ms=EIGHT_MINUTES)

    assert raised.value.scheme == scheme


def test_cap_plus_without_a_cap_is_no_score() -> None:
    with pytest.raises(BadScoreError):
        parse_score(Scheme.TIME_WITH_CAP, "CAP+23")


@given(st.sampled_from(Scheme), st.text(max_size=30))
def test_any_text_is_a_score_or_a_bad_score_never_anything_else(scheme: Scheme, typed: str) -> None:
    try:
        read_as = parse_score(scheme, typed, cap_ms=EIGHT_MINUTES).scheme
    except BadScoreError as bad:
        read_as = bad.scheme

    assert read_as == scheme


def scores() -> st.SearchStrategy[Score]:
    return st.one_of(
        st.builds(Score, st.sampled_from([Scheme.TIME]), st.integers(1, 24 * 3600 * 1000)),
        st.builds(
            Score,
            st.just(Scheme.TIME_WITH_CAP),
            st.just(EIGHT_MINUTES),
            st.just(Status.CAP),
            st.integers(0, 999_999),
        ),
        st.builds(
            Score,
            st.just(Scheme.ROUNDS_REPS),
            st.builds(lambda r, n: r * ROUND + n, st.integers(0, 9999), st.integers(0, ROUND - 1)),
        ),
        st.builds(
            Score,
            st.sampled_from([Scheme.REPS, Scheme.CALORIES, Scheme.POINTS, Scheme.EMOM]),
            st.integers(0, 1_000_000),
        ),
        st.builds(Score, st.just(Scheme.LOAD), st.integers(1, 1_000_000)),
        st.builds(Score, st.sampled_from([Scheme.METERS, Scheme.FEET]), st.integers(1, 10**9)),
        st.builds(Score, st.just(Scheme.PASS_FAIL), st.integers(0, 1)),
    )


@given(scores(), st.sampled_from(["kg", "lb"]))
def test_a_score_printed_reads_back_as_the_same_score(score: Score, unit: str) -> None:
    shown = render_score(score, unit=unit)

    assert parse_score(score.scheme, shown, cap_ms=EIGHT_MINUTES, unit=unit) == score


def test_every_finisher_ranks_above_every_capped_result_and_more_reps_at_the_cap_win() -> None:
    slow = parse_score(Scheme.TIME_WITH_CAP, "7:59", cap_ms=EIGHT_MINUTES)
    close = parse_score(Scheme.TIME_WITH_CAP, "CAP+30", cap_ms=EIGHT_MINUTES)
    far = parse_score(Scheme.TIME_WITH_CAP, "CAP+20", cap_ms=EIGHT_MINUTES)

    assert sorted([far, close, slow], key=sort_key) == [slow, close, far]


def test_ties_share_a_place_and_skip_the_next_and_any_rx_beats_every_scaled() -> None:
    def amrap(typed: str, *, rx: bool = True) -> Result:
        return Result(parse_score(Scheme.ROUNDS_REPS, typed), rx=rx)

    results = [amrap("12+3"), amrap("14+0"), amrap("12+3"), amrap("20+0", rx=False), amrap("9")]

    assert places(results) == [2, 1, 2, 5, 4]


def test_a_tiebreak_time_settles_an_amrap_tie_lower_first() -> None:
    first = Score(Scheme.ROUNDS_REPS, 12 * ROUND + 3, tiebreak=600_000)
    second = Score(Scheme.ROUNDS_REPS, 12 * ROUND + 3, tiebreak=640_000)
    untimed = Score(Scheme.ROUNDS_REPS, 12 * ROUND + 3)

    assert sorted([untimed, second, first], key=sort_key) == [first, second, untimed]


def test_sets_aggregate_as_the_scheme_says_and_capped_sets_rank_the_total_lower() -> None:
    emom = [Score(Scheme.EMOM, n) for n in (3, 5, 4)]
    times = [Score(Scheme.TIME, ms) for ms in (61_000, 58_000, 65_000)]
    tries = [Score(Scheme.PASS_FAIL, v) for v in (0, 1)]

    assert aggregate(emom).value == 5  # max
    assert aggregate(emom, Aggregation.SUM).value == 12
    assert aggregate(emom, Aggregation.AVERAGE).value == 4
    assert aggregate(times).value == 58_000  # min for a time
    assert aggregate(tries).value == 0  # first for pass-fail

    capped = Score(Scheme.TIME_WITH_CAP, EIGHT_MINUTES, Status.CAP, reps_at_cap=40)
    clean = [Score(Scheme.TIME_WITH_CAP, 300_000), Score(Scheme.TIME_WITH_CAP, 310_000)]
    one_capped = aggregate([Score(Scheme.TIME_WITH_CAP, 200_000), capped])
    assert one_capped.capped_sets == 1
    assert sort_key(aggregate(clean)) < sort_key(one_capped)  # fewer capped sets first


def test_a_reps_tiebreak_is_won_by_more_reps() -> None:
    more = Score(Scheme.TIME, 300_000, tiebreak=40, tiebreak_reps=True)
    fewer = Score(Scheme.TIME, 300_000, tiebreak=35, tiebreak_reps=True)

    assert sorted([fewer, more], key=sort_key) == [more, fewer]


def test_disqualified_and_withdrawn_rank_below_capped() -> None:
    capped = Score(Scheme.TIME_WITH_CAP, EIGHT_MINUTES, Status.CAP, reps_at_cap=1)
    dq = Score(Scheme.TIME_WITH_CAP, 100_000, Status.DQ)
    gone = Score(Scheme.TIME_WITH_CAP, 90_000, Status.WITHDRAWN)

    assert sorted([gone, dq, capped], key=sort_key) == [capped, dq, gone]
