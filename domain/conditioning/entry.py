"""A result as an athlete types it in one reply: the score (or several sets), an optional
tiebreak and a note.

    4:22                    one score
    4:22 tb 2:10            with the tiebreak time (`tiebreak 2:10` too)
    100, 105, 110kg         sets (heavy singles, EMOM rounds): kept each, aggregated as the
                            scheme says; `;` separates too ("102,5" stays a decimal)
    7+3                     the first line is the score; any lines after it are the note
    legs gave out on round 5
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from domain.conditioning.scores import (
    BadScoreError,
    Scheme,
    Score,
    aggregate,
    parse_score,
    read_clock,
)

MAX_SETS = 30
NOTE_LIMIT = 500
_TIEBREAK = re.compile(r"\s+(?:tb|tiebreak|tie-break)\s*:?\s*(\S+)\s*$", re.IGNORECASE)
_SETS = re.compile(r"\s*;\s*|,\s+")


class BadTiebreakError(ValueError):
    """The tiebreak is not a time."""


@dataclass(frozen=True, slots=True)
class Entry:
    score: Score  # the sets' aggregate when there are sets
    sets: tuple[Score, ...]  # empty for a single score
    note: str


def read_entry(scheme: Scheme, typed: str, *, cap_ms: int | None, unit: str) -> Entry:
    """BadScoreError if a set is not a score of the scheme (or there are none, or too many);
    BadTiebreakError if the tiebreak is not a time."""
    first, _, rest = typed.strip().partition("\n")
    note = " ".join(rest.split())[:NOTE_LIMIT]
    tiebreak = None
    marked = _TIEBREAK.search(first)
    if marked is not None:
        tiebreak = read_clock(marked[1])
        if tiebreak is None:
            raise BadTiebreakError(marked[1])
        first = first[: marked.start()]
    typed_sets = [part for part in _SETS.split(first.strip()) if part]
    if len(typed_sets) > MAX_SETS:
        typed_sets = []  # read as no score at all: the reply shows the scheme's shape
    sets = tuple(parse_score(scheme, part, cap_ms=cap_ms, unit=unit) for part in typed_sets)
    if not sets:
        raise BadScoreError(scheme)
    score = sets[0] if len(sets) == 1 else aggregate(sets)
    if tiebreak is not None:
        score = replace(score, tiebreak=tiebreak)
    return Entry(score, sets if len(sets) > 1 else (), note)
