"""Quick set entry typed on the gym floor: "+", "8", "100x5", "skip", "undo", with "@8" for RPE."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from domain.shared.weights import Unit, Weight

MAX_LENGTH = 32
MAX_REPS = 100
MAX_WEIGHT = {Unit.KG: Decimal(1000), Unit.LB: Decimal(2200)}
MAX_WEIGHT_DECIMALS = 2  # 0.25 kg and 1.25 lb plates need two; more is a typo


@dataclass(frozen=True, slots=True)
class AsPrescribed:
    """The set was done exactly as prescribed."""

    rpe: Decimal | None = None  # how hard it felt, 6–10


@dataclass(frozen=True, slots=True)
class RepsOnly:
    reps: int  # at the prescribed weight
    rpe: Decimal | None = None


@dataclass(frozen=True, slots=True)
class WeightAndReps:
    weight: Weight
    reps: int
    rpe: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Skip:
    """The set was not done."""


@dataclass(frozen=True, slots=True)
class Undo:
    """Take back the last logged or skipped set."""


Entry = AsPrescribed | RepsOnly | WeightAndReps | Skip | Undo


class EntryProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_AN_ENTRY = "not_an_entry"
    MISSING_REPS = "missing_reps"
    REPS_NOT_WHOLE = "reps_not_whole"
    REPS_NEGATIVE = "reps_negative"
    REPS_TOO_HIGH = "reps_too_high"
    WEIGHT_NOT_POSITIVE = "weight_not_positive"
    WEIGHT_TOO_HIGH = "weight_too_high"
    WEIGHT_TOO_PRECISE = "weight_too_precise"
    RPE_OFF_CHART = "rpe_off_chart"


@dataclass(frozen=True, slots=True)
class EntryError:
    """Why a text is not a set entry, and the offending part (the length, for TOO_LONG)."""

    reason: EntryProblem
    value: str


# "✅" with the emoji presentation selector is what some keyboards send
_WORDS: dict[str, Entry] = {
    "+": AsPrescribed(),
    "done": AsPrescribed(),
    "✅": AsPrescribed(),
    "✅\ufe0f": AsPrescribed(),
    "skip": Skip(),
    "undo": Undo(),
}
# [0-9], not \d: \d also matches other scripts' digits, which int() and Decimal() accept
_NUMBER = r"-?[0-9]+(?:[.,][0-9]+)?"
_UNIT = r"kgs?|lbs?"
_REPS = re.compile(rf"(?P<reps>{_NUMBER})")
_WEIGHT_ALONE = re.compile(rf"(?P<weight>{_NUMBER})\s*(?:{_UNIT})")
# the Cyrillic "х" is what Russian keyboards type for "x"
_WEIGHT_AND_REPS = re.compile(
    rf"(?P<weight>{_NUMBER})\s*(?P<unit>{_UNIT})?(?:\s*[x×*х]\s*|\s+)(?P<reps>{_NUMBER})"
)
_UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}
_RPE = re.compile(r"\s*(?:@|rpe)\s*(?P<rpe>[0-9]+(?:[.,][0-9]+)?)")
RPE_LOWEST, RPE_HIGHEST = Decimal(6), Decimal(10)


def parse_entry(text: str, unit: Unit) -> Entry | EntryError:
    """The entry `text` stands for, weights in `unit` unless it names one; never raises."""
    typed = text.strip()
    if not typed:
        return EntryError(EntryProblem.EMPTY, "")
    if len(typed) > MAX_LENGTH:
        return EntryError(EntryProblem.TOO_LONG, str(len(typed)))
    lowered = typed.lower()
    rated = _RPE.search(lowered)
    if rated is None or rated.end() != len(lowered):
        return _WORDS.get(lowered) or _numbers(lowered, unit) or _not_an_entry(lowered, typed)
    rpe = Decimal(rated["rpe"].replace(",", "."))
    if not RPE_LOWEST <= rpe <= RPE_HIGHEST or (rpe * 2) % 1:
        return EntryError(EntryProblem.RPE_OFF_CHART, rated["rpe"])
    rest = lowered[: rated.start()].strip() or "+"
    entry = _WORDS.get(rest) or _numbers(rest, unit) or _not_an_entry(rest, typed)
    if isinstance(entry, AsPrescribed | RepsOnly | WeightAndReps):
        return replace(entry, rpe=rpe)
    return entry if isinstance(entry, EntryError) else EntryError(EntryProblem.NOT_AN_ENTRY, typed)


def _numbers(lowered: str, unit: Unit) -> Entry | EntryError | None:
    if match := _REPS.fullmatch(lowered):
        reps = _reps(match["reps"])
        return reps if isinstance(reps, EntryError) else RepsOnly(reps)
    if match := _WEIGHT_AND_REPS.fullmatch(lowered):
        weight = _weight(match["weight"], _UNITS[match["unit"]] if match["unit"] else unit)
        if isinstance(weight, EntryError):
            return weight
        reps = _reps(match["reps"])
        return reps if isinstance(reps, EntryError) else WeightAndReps(weight, reps)
    return None


def _not_an_entry(lowered: str, typed: str) -> EntryError:
    if _WEIGHT_ALONE.fullmatch(lowered):
        return EntryError(EntryProblem.MISSING_REPS, typed)
    return EntryError(EntryProblem.NOT_AN_ENTRY, typed)


def _reps(number: str) -> int | EntryError:
    if "." in number or "," in number:
        return EntryError(EntryProblem.REPS_NOT_WHOLE, number)
    reps = int(number)
    if reps < 0:
        return EntryError(EntryProblem.REPS_NEGATIVE, number)
    if reps > MAX_REPS:
        return EntryError(EntryProblem.REPS_TOO_HIGH, number)
    return reps


def _weight(number: str, unit: Unit) -> Weight | EntryError:
    amount = Decimal(number.replace(",", "."))
    if amount <= 0:
        return EntryError(EntryProblem.WEIGHT_NOT_POSITIVE, number)
    if amount > MAX_WEIGHT[unit]:
        return EntryError(EntryProblem.WEIGHT_TOO_HIGH, number)
    _, _, decimals = number.replace(",", ".").partition(".")
    if len(decimals.rstrip("0")) > MAX_WEIGHT_DECIMALS:
        return EntryError(EntryProblem.WEIGHT_TOO_PRECISE, number)
    return Weight(amount, unit)
