"""Targets as typed: a line for every day, an optional `training:` line for training days,
and an optional `notes:` line of dietary restrictions and allergies.

    2400 kcal p180 c250 f70
    training: 2800 kcal p180 c320 f75
    notes: no peanuts; lactose intolerant

A line's amounts read as a food entry's (energy worked out from the macros when not given);
a target has no name, and its energy is at least MIN_KCAL.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.nutrition.entry import (
    FoodEntryError,
    FoodProblem,
    macros_from,
    read_amounts,
    tokens,
)
from domain.nutrition.model import Macros

MIN_KCAL = 500
MAX_RESTRICTIONS = 500
TRAINING_PREFIXES = ("training:", "тренировка:")
NOTES_PREFIXES = ("notes:", "заметки:")


class TargetsError(ValueError):
    """Line `line` (from 1) has `problem` at `token`."""

    def __init__(self, line: int, problem: FoodProblem | str, token: str) -> None:
        super().__init__(f"line {line}: {problem}: {token}")
        self.line = line
        self.problem = str(problem)
        self.token = token


# Problems of targets beyond a food entry's (their catalogue keys follow the same family).
TOO_LITTLE = "too-little"  # energy under MIN_KCAL
NO_TARGETS = "no-targets"  # nothing for every day, and no notes either
TWICE_LINE = "line-twice"  # two lines for every day, or two `training:` lines
NOTES_TOO_LONG = "notes-too-long"


@dataclass(frozen=True, slots=True)
class TypedTargets:
    """What the message sets: with an every-day line, both days' targets (no training line:
    the same every day); with notes alone, only the notes."""

    every_day: Macros | None
    training: Macros | None
    restrictions: str | None  # None: not given, the ones kept stay


def _macros(line_number: int, text: str) -> Macros:
    try:
        name, amounts = read_amounts(tokens(text))
    except FoodEntryError as wrong:
        raise TargetsError(line_number, wrong.problem, wrong.token) from wrong
    if name:
        raise TargetsError(line_number, FoodProblem.UNKNOWN, name[0])
    if not amounts:
        raise TargetsError(line_number, FoodProblem.NOTHING, text.strip())
    macros = macros_from(amounts)
    if macros.kcal < MIN_KCAL:
        raise TargetsError(line_number, TOO_LITTLE, text.strip())
    return macros


def _prefixed(low: str, prefixes: tuple[str, ...]) -> int:
    """The length of the prefix `low` starts with, or 0."""
    return next((len(prefix) for prefix in prefixes if low.startswith(prefix)), 0)


def read_targets(text: str) -> TypedTargets:
    every_day: Macros | None = None
    training: Macros | None = None
    restrictions: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        low = line.lower()
        if not line:
            continue
        if cut := _prefixed(low, NOTES_PREFIXES):
            restrictions = line[cut:].strip()
            if len(restrictions) > MAX_RESTRICTIONS:
                raise TargetsError(number, NOTES_TOO_LONG, restrictions[:40] + "…")
        elif cut := _prefixed(low, TRAINING_PREFIXES):
            if training is not None:
                raise TargetsError(number, TWICE_LINE, line)
            training = _macros(number, line[cut:])
        else:
            if every_day is not None:
                raise TargetsError(number, TWICE_LINE, line)
            every_day = _macros(number, line)
    if every_day is None and (training is not None or restrictions is None):
        raise TargetsError(1, NO_TARGETS, text.strip()[:40])
    return TypedTargets(every_day, training, restrictions)
