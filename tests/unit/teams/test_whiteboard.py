"""The whiteboard's order: Rx above Scaled, ties share a place, capped below finishers, each
member once with their latest score, removed scores gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.conditioning.scores import Scheme, Score, Status
from domain.teams.whiteboard import BoardScore, board

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
