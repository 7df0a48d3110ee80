"""The whiteboard's order: Rx above Scaled, ties share a place, capped below finishers, each
member once with their latest score, removed scores gone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.conditioning.entry import read_entry
from domain.conditioning.scores import BadScoreError, Scheme, Score, Status
from domain.conditioning.text import parse_workout
from domain.teams.whiteboard import (
    BoardScore,
    TypedScore,
    board,
    latest_of,
    podium,
    read_board_score,
    summary_due,
)

START = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
CAP = 600_000


def entry(
    user: int, score: Score, *, rx: bool = True, minute: int = 0, removed: bool = False
) -> BoardScore:
    return BoardScore(None, 1, user, score, rx, START + timedelta(minutes=minute), removed=removed)


def timed(seconds: int) -> Score:
    return Score(Scheme.TIME_WITH_CAP, seconds * 1000)


def capped(reps: int) -> Score:
    return Score(Scheme.TIME_WITH_CAP, CAP, Status.CAP, reps)


def test_rx_finishers_then_rx_capped_then_scaled_with_ties_sharing_a_place() -> None:
    lines = board(
        [
            entry(1, timed(300), rx=False),  # scaled 5:00: below every Rx result
            entry(2, capped(40)),
            entry(3, timed(262)),
            entry(4, timed(262), minute=1),  # 4:22 too: the same place
            entry(5, capped(55)),  # more reps at the cap ranks higher
            entry(6, timed(330)),
        ]
    )

    assert [(line.place, line.entry.user_id) for line in lines] == [
        (1, 3),
        (1, 4),
        (3, 6),
        (4, 5),
        (5, 2),
        (6, 1),
    ]


def test_a_member_appears_once_with_their_latest_score_and_a_removed_one_leaves() -> None:
    lines = board(
        [
            entry(1, timed(300)),
            entry(1, timed(280), minute=5),  # corrected
            entry(2, timed(250)),
            entry(2, timed(250), minute=6, removed=True),  # the coach removed it
        ]
    )

    assert [(line.place, line.entry.user_id, line.entry.score.value) for line in lines] == [
        (1, 1, 280_000)
    ]


CINDY = parse_workout("name: Cindy\nAMRAP 20: 5 pull-ups, 10 push-ups, 15 air squats")
FRAN = parse_workout("name: Fran\nFor time, 21-15-9: thruster 43/29kg, pull-up\ncap: 10")


def test_a_board_score_is_rx_unless_its_line_ends_with_sc_or_scaled() -> None:
    assert read_board_score(CINDY, "12+5", unit="kg") == TypedScore(
        read_entry(Scheme.ROUNDS_REPS, "12+5", cap_ms=None, unit="kg"), rx=True
    )
    assert not read_board_score(CINDY, "12+5 sc", unit="kg").rx
    assert not read_board_score(CINDY, "12 + 5 Scaled\nring rows", unit="kg").rx
    assert read_board_score(CINDY, "12+5 RX", unit="kg").rx
    assert read_board_score(CINDY, "12+5 scaled\nring rows", unit="kg").entry.note == "ring rows"


def test_a_capped_score_reads_against_the_workouts_cap() -> None:
    typed = read_board_score(FRAN, "CAP+20 sc", unit="kg")
    assert typed.entry.score == Score(Scheme.TIME_WITH_CAP, 600_000, Status.CAP, 20)
    assert not typed.rx


@pytest.mark.parametrize("typed", ["sc", "great workout!", "rx", "5:10"])
def test_what_is_not_a_score_of_the_scheme_is_refused(typed: str) -> None:
    with pytest.raises(BadScoreError):
        read_board_score(CINDY, typed, unit="kg")


def test_the_podium_keeps_the_first_three_places_with_ties() -> None:
    lines = board(
        [entry(1, timed(200)), entry(2, timed(200)), entry(3, timed(210)), entry(4, timed(300))]
    )
    assert [line.place for line in podium(lines)] == [1, 1, 3]


def test_the_summary_is_due_at_nine_in_the_evening_of_the_posts_day_local() -> None:
    due = summary_due(date(2026, 3, 2), ZoneInfo("Europe/Berlin"))
    assert due == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)


def test_latest_of_is_none_once_removed() -> None:
    scores = [entry(1, timed(200)), entry(1, timed(200), minute=1, removed=True)]
    assert latest_of(scores, 1) is None
    assert latest_of(scores[:1], 1) == scores[0]
