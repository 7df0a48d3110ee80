"""The whiteboard of one posted workout: every member's latest score, Rx above Scaled, ties
sharing a place, capped results below finishers (the conditioning schemes' own order)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.conditioning.scores import Result, Score, places, result_key


@dataclass(frozen=True, slots=True)
class BoardScore:
    """A member's score on one posted workout; a corrected one replaces it, a removed one
    leaves the board."""

    id: int | None
    post_id: int
    user_id: int
    score: Score
    rx: bool
    logged_at: datetime
    note: str = ""
    removed: bool = False
    source_message_id: int | None = None  # the typed reply: a redelivery logs nothing new


@dataclass(frozen=True, slots=True)
class Line:
    place: int
    entry: BoardScore


def board(scores: list[BoardScore]) -> list[Line]:
    """The board in order: each person once (their latest score), removed ones left out."""
    latest: dict[int, BoardScore] = {}
    for entry in sorted(scores, key=lambda s: (s.logged_at, s.id or 0)):
        if entry.removed:
            latest.pop(entry.user_id, None)
        else:
            latest[entry.user_id] = entry
    shown = sorted(
        latest.values(),
        key=lambda s: (result_key(Result(s.score, s.rx)), s.logged_at, s.user_id),
    )
    at = places([Result(s.score, s.rx) for s in shown])
    return [Line(place, entry) for place, entry in zip(at, shown, strict=True)]
