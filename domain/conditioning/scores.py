"""Conditioning scores: the eleven schemes, what an athlete types, how results rank.

Stored integers, ranking and multi-set rules as CONDITIONING.md §1 gives them (after WodSmith):
a time in ms, rounds-reps as rounds × 100000 + reps, a load in grams, a distance in mm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

GRAMS_PER_LB = Decimal("453.59237")
MM_PER_FOOT = Decimal("304.8")
ROUND = 100_000  # rounds-reps: rounds × ROUND + reps
MAX_TIME_MS = 24 * 3600 * 1000  # a day: no conditioning score is longer
MAX_COUNT = 1_000_000  # reps, calories, points, intervals
MAX_GRAMS = 1_000_000  # a tonne
MAX_MM = 1_000_000_000  # 1,000 km


class Scheme(StrEnum):
    """How a workout is scored; stored, so never renamed."""

    TIME = "time"
    TIME_WITH_CAP = "time_with_cap"
    ROUNDS_REPS = "rounds_reps"
    REPS = "reps"
    CALORIES = "calories"
    POINTS = "points"
    EMOM = "emom"  # intervals done (ours)
    LOAD = "load"
    METERS = "meters"
    FEET = "feet"
    PASS_FAIL = "pass_fail"  # noqa: S105 - a scheme's name, not a password


LOWER_IS_BETTER = frozenset({Scheme.TIME, Scheme.TIME_WITH_CAP})


class Status(StrEnum):
    """In ranking order: every finisher above every capped result, and so on."""

    SCORED = "scored"
    CAP = "cap"
    DQ = "dq"
    WITHDRAWN = "withdrawn"


_STATUS_RANK = {status: rank for rank, status in enumerate(Status)}


class BadScoreError(ValueError):
    """What was typed is not a score of this scheme; the reply shows the scheme's shape."""

    def __init__(self, scheme: Scheme) -> None:
        super().__init__(f"not a {scheme} score")
        self.scheme = scheme


@dataclass(frozen=True, slots=True)
class Score:
    """One result: the stored integer, or for a capped one the cap and the reps done by then."""

    scheme: Scheme
    value: int
    status: Status = Status.SCORED
    reps_at_cap: int = 0  # CAP+23: reps completed when time ran out
    tiebreak: int | None = None  # a time in ms or a load's attempts (lower wins), or reps
    tiebreak_reps: bool = False  # the tiebreak counts reps: higher wins
    capped_sets: int = 0  # an aggregate of sets: how many were capped (fewer rank first)


def parse_score(
    scheme: Scheme, typed: str, *, cap_ms: int | None = None, unit: str = "kg"
) -> Score:
    """What the athlete typed, as a score of the scheme; BadScoreError if it is not one.

    `cap_ms` is the workout's time cap, which a `CAP+23` score is stored as; `unit` is the
    athlete's, for a load typed without one.
    """
    text = " ".join(typed.strip().lower().split())
    reader = _READERS[scheme]
    try:
        score = reader(scheme, text, cap_ms, unit)
    except (ValueError, InvalidOperation, ArithmeticError) as error:
        raise BadScoreError(scheme) from error
    if score is None:
        raise BadScoreError(scheme)
    return score


_CLOCK = re.compile(r"^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)(?:\.(\d{1,3}))?$")
_SECONDS = re.compile(r"^(\d{1,5})(?:\.(\d{1,3}))?$")
_CAP = re.compile(r"^cap\s*\+\s*(\d{1,6})$")


def _time_ms(text: str) -> int | None:
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = int(clock[1] or 0), int(clock[2]), int(clock[3])
        if clock[1] is not None and minutes > 59:
            return None
        ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + _fraction_ms(clock[4])
    else:
        bare = _SECONDS.match(text)  # bare digits are seconds (ours, after WodSmith)
        if bare is None:
            return None
        ms = int(bare[1]) * 1000 + _fraction_ms(bare[2])
    return ms if 0 < ms <= MAX_TIME_MS else None


def read_clock(text: str) -> int | None:
    """A time as typed ("2:10", "95", "1:02.5") in ms, or None."""
    return _time_ms(" ".join(text.strip().lower().split()))


def _fraction_ms(digits: str | None) -> int:
    return int((digits or "").ljust(3, "0")[:3] or 0)


def _read_time(scheme: Scheme, text: str, cap_ms: int | None, unit: str) -> Score | None:
    if scheme == Scheme.TIME_WITH_CAP:
        capped = _CAP.match(text)
        if capped:
            if cap_ms is None:
                return None
            return Score(scheme, cap_ms, Status.CAP, reps_at_cap=int(capped[1]))
    ms = _time_ms(text)
    if ms is None or (scheme == Scheme.TIME_WITH_CAP and cap_ms is not None and ms > cap_ms):
        return None
    return Score(scheme, ms)


_ROUNDS = re.compile(r"^(\d{1,4})(?:\s*[+.]\s*(\d{1,5}))?$")


def _read_rounds(scheme: Scheme, text: str, cap_ms: int | None, unit: str) -> Score | None:
    found = _ROUNDS.match(text)
    if found is None:
        return None
    reps = int(found[2] or 0)
    return None if reps >= ROUND else Score(scheme, int(found[1]) * ROUND + reps)


_COUNT_WORDS = {
    Scheme.REPS: ("reps", "rep"),
    Scheme.CALORIES: ("cal", "cals", "calories", "kcal"),
    Scheme.POINTS: ("points", "pts", "pt"),
    Scheme.EMOM: ("intervals", "rounds", "rds"),
}


def _read_count(scheme: Scheme, text: str, cap_ms: int | None, unit: str) -> Score | None:
    words = "|".join(_COUNT_WORDS[scheme])
    found = re.match(rf"^(\d{{1,7}})(?:\s*(?:{words}))?$", text)
    if found is None or int(found[1]) > MAX_COUNT:
        return None
    return Score(scheme, int(found[1]))


_AMOUNT = re.compile(r"^(\d{1,7}(?:[.,]\d{1,3})?)\s*([a-z#]*)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?=\s|[a-z#]|$)")


def _plain(text: str) -> str:
    """ "1,000 m" is a thousand: a comma before three digits groups them; "102,5" is a decimal."""
    grouped = _THOUSANDS.match(text)
    return text if grouped is None else grouped[0].replace(",", "") + text[grouped.end() :]


def _read_load(scheme: Scheme, text: str, cap_ms: int | None, unit: str) -> Score | None:
    found = _AMOUNT.match(_plain(text))
    if found is None:
        return None
    amount = Decimal(found[1].replace(",", "."))
    written = found[2] or unit
    if written in {"kg", "kgs"}:
        grams = amount * 1000
    elif written in {"lb", "lbs", "#"}:
        grams = amount * GRAMS_PER_LB
    else:
        return None
    stored = int(grams.quantize(Decimal(1), ROUND_HALF_UP))
    return Score(scheme, stored) if 0 < stored <= MAX_GRAMS else None


def _read_distance(scheme: Scheme, text: str, cap_ms: int | None, unit: str) -> Score | None:
    found = _AMOUNT.match(_plain(text))
    if found is None:
        return None
    amount = Decimal(found[1].replace(",", "."))
    written = found[2] or ("m" if scheme == Scheme.METERS else "ft")
    if written in {"m", "meters", "metres"}:
        mm = amount * 1000
    elif written in {"km"}:
        mm = amount * 1_000_000
    elif written in {"ft", "feet", "foot"}:
        mm = amount * MM_PER_FOOT
    else:
        return None
    stored = int(mm.quantize(Decimal(1), ROUND_HALF_UP))
    return Score(scheme, stored) if 0 < stored <= MAX_MM else None


_PASS = {"pass", "p", "yes", "y", "1", "✅"}
_FAIL = {"fail", "f", "no", "n", "0", "❌"}


def _read_pass(scheme: Scheme, text: str, cap_ms: int | None, unit: str) -> Score | None:
    if text in _PASS:
        return Score(scheme, 1)
    return Score(scheme, 0) if text in _FAIL else None


_READERS = {
    Scheme.TIME: _read_time,
    Scheme.TIME_WITH_CAP: _read_time,
    Scheme.ROUNDS_REPS: _read_rounds,
    Scheme.REPS: _read_count,
    Scheme.CALORIES: _read_count,
    Scheme.POINTS: _read_count,
    Scheme.EMOM: _read_count,
    Scheme.LOAD: _read_load,
    Scheme.METERS: _read_distance,
    Scheme.FEET: _read_distance,
    Scheme.PASS_FAIL: _read_pass,
}


def render_score(score: Score, *, unit: str = "kg") -> str:
    """The score as an athlete would type it; parse_score reads it back as the same score
    (a load in `unit`, to the gram)."""
    if score.status == Status.CAP:
        return f"CAP+{score.reps_at_cap}"
    return _RENDERERS.get(score.scheme, _count_text)(score, unit)


def _count_text(score: Score, unit: str) -> str:
    return str(score.value)


def _time_text(score: Score, unit: str) -> str:
    return clock_text(score.value)


def _rounds_text(score: Score, unit: str) -> str:
    rounds, reps = divmod(score.value, ROUND)
    return f"{rounds}+{reps}"


def _load_text(score: Score, unit: str) -> str:
    grams = Decimal(score.value)
    amount = grams / 1000 if unit == "kg" else grams / GRAMS_PER_LB
    return f"{_amount_text(amount, 3)} {unit}"


def _distance_text(score: Score, unit: str) -> str:
    mm = Decimal(score.value)
    if score.scheme == Scheme.METERS:
        return f"{_amount_text(mm / 1000, 3)} m"
    return f"{_amount_text(mm / MM_PER_FOOT, 3)} ft"


def _pass_text(score: Score, unit: str) -> str:
    return "pass" if score.value else "fail"


_RENDERERS = {
    Scheme.TIME: _time_text,
    Scheme.TIME_WITH_CAP: _time_text,
    Scheme.ROUNDS_REPS: _rounds_text,
    Scheme.LOAD: _load_text,
    Scheme.METERS: _distance_text,
    Scheme.FEET: _distance_text,
    Scheme.PASS_FAIL: _pass_text,
}


def clock_text(ms: int) -> str:
    seconds, fraction = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    shown = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return f"{shown}.{fraction:03d}".rstrip("0") if fraction else shown


def _amount_text(amount: Decimal, places: int) -> str:
    text = f"{amount.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def sort_key(score: Score) -> tuple[int, int, int, int, int]:
    """Smaller is better: status, capped sets, the score, reps at the cap, the tiebreak."""
    value = score.value if score.scheme in LOWER_IS_BETTER else -score.value
    # WodSmith's tiebreaks: a time (of the last full round, at a checkpoint) or attempts at a
    # load, lower wins; reps, higher wins. None given ranks after any given.
    if score.tiebreak is None:
        tiebreak = MAX_TIME_MS + MAX_COUNT
    else:
        tiebreak = -score.tiebreak if score.tiebreak_reps else score.tiebreak
    return (_STATUS_RANK[score.status], score.capped_sets, value, -score.reps_at_cap, tiebreak)


@dataclass(frozen=True, slots=True)
class Result:
    """A score as logged: Rx or scaled. Combined, any Rx result beats every scaled one."""

    score: Score
    rx: bool = True


def result_key(result: Result) -> tuple[int, tuple[int, int, int, int, int]]:
    return (0 if result.rx else 1, sort_key(result.score))


def places(results: Sequence[Result]) -> list[int]:
    """Each result's place, in the order given: ties share it and skip the next (1-2-2-4)."""
    keys = [result_key(r) for r in results]
    ordered = sorted(keys)
    first_at: dict[tuple[int, tuple[int, int, int, int, int]], int] = {}
    for position, key in enumerate(ordered, start=1):
        first_at.setdefault(key, position)
    return [first_at[key] for key in keys]


class Aggregation(StrEnum):
    MIN = "min"
    MAX = "max"
    SUM = "sum"
    AVERAGE = "average"
    FIRST = "first"
    LAST = "last"


def default_aggregation(scheme: Scheme) -> Aggregation:
    """min for a time, first for pass-fail, max for everything else (WodSmith)."""
    if scheme in LOWER_IS_BETTER:
        return Aggregation.MIN
    return Aggregation.FIRST if scheme == Scheme.PASS_FAIL else Aggregation.MAX


def aggregate(sets: Sequence[Score], how: Aggregation | None = None) -> Score:
    """Sets of one workout (EMOM rounds, heavy singles) as one score: capped sets count apart
    and rank the total lower (fewer capped sets first); the value comes from the others."""
    if not sets:
        raise ValueError("no sets to aggregate")
    scheme = sets[0].scheme
    if any(s.scheme != scheme for s in sets):
        raise ValueError("sets of one workout share a scheme")
    how = how or default_aggregation(scheme)
    scored = [s.value for s in sets if s.status == Status.SCORED]
    capped = len(sets) - len(scored)
    if not scored:
        worst = min(sets, key=lambda s: (-_STATUS_RANK[s.status], s.reps_at_cap))
        return Score(scheme, worst.value, worst.status, worst.reps_at_cap, capped_sets=capped)
    match how:
        case Aggregation.MIN:
            value = min(scored)
        case Aggregation.MAX:
            value = max(scored)
        case Aggregation.SUM:
            value = sum(scored)
        case Aggregation.AVERAGE:
            value = round(sum(scored) / len(scored))
        case Aggregation.FIRST:
            value = scored[0]
        case Aggregation.LAST:
            value = scored[-1]
    return Score(scheme, value, capped_sets=capped)


def is_better(after: Score, before: Score) -> bool:
    """Whether a retest beats the earlier result (a PR line: "Fran 4:22 → 3:58")."""
    return sort_key(after) < sort_key(before)


def gain(after: Score, before: Score) -> int:
    """How much better, in the stored unit: ms faster for a time, more reps, grams, mm."""
    if after.scheme in LOWER_IS_BETTER:
        return before.value - after.value
    return after.value - before.value
