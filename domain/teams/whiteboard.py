"""The whiteboard of one posted workout: every member's latest score, Rx above Scaled, ties
sharing a place, capped results below finishers (the conditioning schemes' own order)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from domain.conditioning.entry import Entry, read_entry
from domain.conditioning.scores import Result, Score, places, result_key
from domain.conditioning.workout import Workout
from domain.shared.time import occurrence
from domain.teams.tracks import WodPost


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
    entered_by: int | None = None  # who typed it: the member, or a coach correcting it


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


BOARD_LINES = 40  # lines shown on a board: a long one stays one Telegram message
SUMMARY_AT = time(21, 0)  # the team's day ends then (local): the summary is posted
PODIUM = 3
_DIVISION = re.compile(r"(?:^|\s+)(rx|scaled|sc)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TypedScore:
    """A score as a member typed it for the board: read in the workout's scheme, Rx or not."""

    entry: Entry
    rx: bool


def read_board_score(workout: Workout, typed: str, *, unit: str) -> TypedScore:
    """`4:22`, `7+3 sc`, `CAP+20 scaled`, `150 rx`; a note on the lines after. BadScoreError or
    BadTiebreakError as `read_entry` raises them."""
    first, newline, rest = typed.strip().partition("\n")
    marked = _DIVISION.search(first)
    rx = True
    if marked is not None:
        rx = marked[1].lower() == "rx"
        first = first[: marked.start()]
    entry = read_entry(workout.scheme, first + newline + rest, cap_ms=workout.cap_ms, unit=unit)
    return TypedScore(entry, rx)


def latest_of(scores: list[BoardScore], user_id: int) -> BoardScore | None:
    """The person's score as the board shows it (None once removed)."""
    return next((line.entry for line in board(scores) if line.entry.user_id == user_id), None)


def podium(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.place <= PODIUM]


def board_key(post_id: int, version: int | None = None) -> str:
    """The first board's key; a board posted again (its message lost) gets the version's."""
    return f"board:{post_id}" if version is None else f"board:{post_id}:{version}"


def summary_key(post_id: int) -> str:
    return f"board-summary:{post_id}"


def summary_due(on: date, zone: ZoneInfo) -> datetime:
    """When the day of a post ends for its team: SUMMARY_AT local (DST by `occurrence`)."""
    return occurrence(on, SUMMARY_AT, zone)


@dataclass(frozen=True, slots=True)
class BoardState:
    """A post's board as kept: its message once delivered, and what it showed last."""

    post: WodPost
    message_id: int | None
    queued: bool  # its first version is in the outbox
    version: int  # goes up with every change of the post's scores
    shown_version: int  # the version the message shows (or was queued with)
    outbox_key: str  # its first version's (again, once a message is lost)
    summarised: bool = False
    shown_text: str | None = None  # what its message says (Telegram refuses an edit to the same)

    @property
    def dirty(self) -> bool:
        return self.version > self.shown_version


@dataclass(frozen=True, slots=True)
class HistoryLink:
    """The conditioning result a member's board score is kept as in their own history."""

    post_id: int
    user_id: int
    workout_id: int
    result_id: int | None


@dataclass(frozen=True, slots=True)
class BoardView:
    """What a board shows: the post's workout and its lines, each person's name and unit."""

    post: WodPost
    workout: Workout
    lines: list[Line]
    names: Mapping[int, str]
    units: Mapping[int, str]
    language: str | None
    prs: frozenset[int] = frozenset()  # in a summary: who beat their best on this workout
