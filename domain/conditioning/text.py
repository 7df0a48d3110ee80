"""Workouts as text a person types or pastes, and back (docs/workout-format.md).

    name: Fran
    For time, 21-15-9: thruster 43/29kg, pull-up
    cap: 10

`AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats`, `EMOM 10: 3 power cleans 60/40kg`,
`3 rounds for time: 400 m run, 21 kb swings 24/16kg, 12 pull-ups`. Parts may also follow the
format line, one or more a line. Every mistake is named with its line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from domain.conditioning.movements import BY_SLUG, MOVEMENTS, Unit
from domain.conditioning.scores import Scheme
from domain.conditioning.workout import Format, Part, Workout, WorkoutLoad

MAX_TEXT = 4_000
MAX_MINUTES = 180
MAX_PARTS = 20
NAME_LIMIT = 60
AMOUNT_LIMIT = {Unit.REPS: 10_000, Unit.METERS: 50_000, Unit.CALORIES: 1_000}
LOAD_LIMIT = Decimal(500)


class WorkoutProblem(StrEnum):
    """What is wrong with a line; the words are the handlers' (a catalogue key per code)."""

    TOO_LONG = "too_long"  # limit
    NO_FORMAT = "no_format"
    TWO_FORMATS = "two_formats"
    UNKNOWN_FORMAT = "unknown_format"  # head
    NOT_A_LINE = "not_a_line"
    BAD_MINUTES = "bad_minutes"  # limit
    BAD_SCORE = "bad_score"  # scheme
    NAME_TOO_LONG = "name_too_long"  # limit
    UNKNOWN_MOVEMENT = "unknown_movement"  # name, suggestion
    NOT_A_PART = "not_a_part"  # part
    MISSING_AMOUNT = "missing_amount"  # movement
    CAP_NOT_TIMED = "cap_not_timed"
    BAD_AMOUNT = "bad_amount"  # movement, limit
    WRONG_UNIT = "wrong_unit"  # movement
    BAD_LOAD = "bad_load"  # part
    NO_PARTS = "no_parts"
    TOO_MANY_PARTS = "too_many_parts"  # limit


@dataclass(frozen=True, slots=True)
class WorkoutLineError:
    line: int  # 1-based; 0 for the workout as a whole
    problem: WorkoutProblem
    params: dict[str, str | int] = field(default_factory=dict)


class WorkoutTextError(ValueError):
    def __init__(self, errors: list[WorkoutLineError]) -> None:
        super().__init__("; ".join(f"line {e.line}: {e.problem}" for e in errors))
        self.errors = errors


class _BadLineError(ValueError):
    def __init__(self, problem: WorkoutProblem, **params: str | int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.params = params


# --- movement names ---------------------------------------------------------------------------

_ALIASES = {
    "kbs": "kb-swing",
    "kettlebell swing": "kb-swing",
    "swing": "kb-swing",
    "hspu": "hspu",
    "handstand push up": "hspu",
    "du": "double-under",
    "dus": "double-under",
    "double under": "double-under",
    "t2b": "toes-to-bar",
    "ttb": "toes-to-bar",
    "c&j": "clean-and-jerk",
    "clean & jerk": "clean-and-jerk",
    "clean and jerk": "clean-and-jerk",
    "ohs": "overhead-squat",
    "squat": "air-squat",
    "lunge": "walking-lunge",
    "muscle up": "muscle-up",
    "mu": "muscle-up",
    "clean": "squat-clean",
    "snatch": "squat-snatch",
    "dumbbell snatch": "db-snatch",
    "wallball": "wall-ball",
    "bike": "bike",
    "assault bike": "bike",
    "echo bike": "bike",
    "rower": "row",
    "pullup": "pull-up",
    "pushup": "push-up",
    "situp": "sit-up",
}


def _key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace("_", " ").split())


def _index() -> dict[str, str]:
    known: dict[str, str] = {}
    for movement in MOVEMENTS:
        for name in (movement.slug, movement.name):
            known[_key(name)] = movement.slug
    known.update({_key(alias): slug for alias, slug in _ALIASES.items()})
    return known


_NAMES = _index()


def movement_slug(name: str) -> str | None:
    """The library's movement a name means: "pull-ups", "Air squats", "KBS", "wall balls"."""
    key = _key(name)
    for candidate in (key, key.removesuffix("es"), key.removesuffix("s")):
        if candidate in _NAMES:
            return _NAMES[candidate]
    return None


def _suggestion(name: str) -> str:
    close = difflib.get_close_matches(_key(name), list(_NAMES), n=1, cutoff=0.6)
    return _NAMES[close[0]] if close else ""


# --- reading ------------------------------------------------------------------------------------

_PATTERN = r"\d{1,4}(?:-\d{1,4})+"
_HEADS: tuple[tuple[re.Pattern[str], Format], ...] = (
    (re.compile(rf"^for time(?:\s*,\s*(?P<pattern>{_PATTERN}))?$"), Format.FOR_TIME),
    (re.compile(rf"^(?P<pattern>{_PATTERN})\s*(?:,\s*)?for time$"), Format.FOR_TIME),
    (re.compile(r"^(?P<rounds>\d{1,3})\s+rounds(?:\s+for time)?$"), Format.FOR_TIME),
    (re.compile(r"^chipper(?:\s+for time)?$"), Format.CHIPPER),
    (re.compile(r"^amrap\s+(?P<minutes>\d{1,3})(?:\s*min(?:utes)?)?$"), Format.AMRAP),
    (re.compile(r"^e(?P<every>\d?)mom\s+(?P<minutes>\d{1,3})(?:\s*min(?:utes)?)?$"), Format.EMOM),
    (re.compile(r"^tabata$"), Format.TABATA),
)
_PART = re.compile(
    r"^(?:(?P<amount>\d{1,5})\s*)?(?:(?P<unit>cal|cals|calories|m|km)\s+)?(?P<name>.+?)"
    r"(?:\s+(?P<men>\d{1,4}(?:\.\d{1,2})?)(?:\s*/\s*(?P<women>\d{1,4}(?:\.\d{1,2})?))?"
    r"\s*(?P<load_unit>kg|lb|lbs))?$"
)
_UNITS = {"cal": Unit.CALORIES, "cals": Unit.CALORIES, "calories": Unit.CALORIES}


@dataclass
class _Draft:
    name: str = ""
    format: Format | None = None
    format_line: int = 0
    rounds: int = 1
    pattern: tuple[int, ...] = ()
    minutes: int | None = None
    every: int = 1
    cap: int | None = None
    scheme: Scheme | None = None
    rest: int | None = None
    parts: list[Part] = field(default_factory=list)


def parse_workout(text: str) -> Workout:
    """The workout the text describes; WorkoutTextError names each line that is wrong."""
    if len(text) > MAX_TEXT:
        raise WorkoutTextError([WorkoutLineError(0, WorkoutProblem.TOO_LONG, {"limit": MAX_TEXT})])
    draft = _Draft()
    errors: list[WorkoutLineError] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):  # a comment line; "Hero #3" keeps its "#"
            continue
        try:
            _read_line(draft, line, number)
        except _BadLineError as bad:
            errors.append(WorkoutLineError(number, bad.problem, bad.params))
    if not errors:
        try:
            return _finished(draft)
        except _BadLineError as bad:
            errors.append(WorkoutLineError(0, bad.problem, bad.params))
    raise WorkoutTextError(errors)


def _read_line(draft: _Draft, line: str, number: int) -> None:
    key, colon, value = line.partition(":")
    lowered = _key_words(key)
    if colon and lowered == "name":
        if len(value.strip()) > NAME_LIMIT:
            raise _BadLineError(WorkoutProblem.NAME_TOO_LONG, limit=NAME_LIMIT)
        draft.name = value.strip()
    elif colon and lowered == "cap":
        draft.cap = _minutes(value)
    elif colon and lowered == "rest":
        draft.rest = _minutes(value)
    elif colon and lowered == "score":
        draft.scheme = _scheme(value)
    elif colon:
        if draft.format is not None:
            raise _BadLineError(WorkoutProblem.TWO_FORMATS)
        _read_head(draft, lowered)
        draft.format_line = number
        _read_parts(draft, value)
    elif draft.format is not None:
        _read_parts(draft, line)
    else:
        raise _BadLineError(WorkoutProblem.NOT_A_LINE)


def _key_words(key: str) -> str:
    return " ".join(key.lower().split())


def _minutes(value: str) -> int:
    found = re.fullmatch(r"(\d{1,3})\s*(?:min(?:utes)?)?", value.strip().lower())
    if found is None or not 1 <= int(found[1]) <= MAX_MINUTES:
        raise _BadLineError(WorkoutProblem.BAD_MINUTES, limit=MAX_MINUTES)
    return int(found[1])


def _scheme(value: str) -> Scheme:
    named = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Scheme(named)
    except ValueError:
        raise _BadLineError(WorkoutProblem.BAD_SCORE, scheme=value.strip()[:30]) from None


def _read_head(draft: _Draft, head: str) -> None:
    for pattern, kind in _HEADS:
        found = pattern.match(head)
        if found is None:
            continue
        groups = found.groupdict()
        draft.format = kind
        if groups.get("pattern"):
            draft.pattern = tuple(int(n) for n in groups["pattern"].split("-"))
        if groups.get("rounds"):
            draft.rounds = int(groups["rounds"])
        if groups.get("every"):
            draft.every = int(groups["every"])
        if groups.get("minutes"):
            draft.minutes = _minutes(groups["minutes"])
        if draft.rounds < 1 or draft.every < 1 or 0 in draft.pattern:
            raise _BadLineError(WorkoutProblem.UNKNOWN_FORMAT, head=head[:40])
        return
    raise _BadLineError(WorkoutProblem.UNKNOWN_FORMAT, head=head[:40])


def _read_parts(draft: _Draft, value: str) -> None:
    for piece in value.split(","):
        if piece.strip():
            draft.parts.append(_part(piece.strip(), draft))


def _part(text: str, draft: _Draft) -> Part:
    found = _PART.match(" ".join(text.lower().split()))
    if found is None:
        raise _BadLineError(WorkoutProblem.NOT_A_PART, part=text[:40])
    slug = movement_slug(found["name"])
    if slug is None:
        name = found["name"][:40]
        raise _BadLineError(
            WorkoutProblem.UNKNOWN_MOVEMENT, name=name, suggestion=_suggestion(name)
        )
    movement = BY_SLUG[slug]
    unit, amount = _amount(found["amount"], found["unit"], slug)
    if unit != movement.unit and not (unit == Unit.CALORIES and movement.calorie_seconds):
        raise _BadLineError(WorkoutProblem.WRONG_UNIT, movement=slug)
    return Part(slug, amount, unit, _load(found, text))


def _amount(amount: str | None, unit_word: str | None, slug: str) -> tuple[Unit, int | None]:
    if unit_word in _UNITS:
        unit = Unit.CALORIES
    elif unit_word in {"m", "km"}:
        unit = Unit.METERS
    else:  # as the movement counts: "400 run" is metres, "21 thrusters" reps
        unit = BY_SLUG[slug].unit
    if amount is None:
        return unit, None
    value = int(amount) * (1000 if unit_word == "km" else 1)
    if not 1 <= value <= AMOUNT_LIMIT[unit]:
        raise _BadLineError(WorkoutProblem.BAD_AMOUNT, movement=slug, limit=AMOUNT_LIMIT[unit])
    return unit, value


def _load(found: re.Match[str], text: str) -> WorkoutLoad | None:
    if found["men"] is None:
        return None
    try:
        men = Decimal(found["men"])
        women = Decimal(found["women"]) if found["women"] else men
    except InvalidOperation:
        raise _BadLineError(WorkoutProblem.BAD_LOAD, part=text[:40]) from None
    if not (0 < women <= LOAD_LIMIT and 0 < men <= LOAD_LIMIT):
        raise _BadLineError(WorkoutProblem.BAD_LOAD, part=text[:40])
    unit = "lb" if found["load_unit"].startswith("lb") else "kg"
    return WorkoutLoad(men.normalize(), women.normalize(), unit)


def _finished(draft: _Draft) -> Workout:
    if draft.format is None:
        raise _BadLineError(WorkoutProblem.NO_FORMAT)
    if not draft.parts:
        raise _BadLineError(WorkoutProblem.NO_PARTS)
    if len(draft.parts) > MAX_PARTS:
        raise _BadLineError(WorkoutProblem.TOO_MANY_PARTS, limit=MAX_PARTS)
    if draft.format in {Format.AMRAP, Format.EMOM} and draft.minutes is None:
        raise _BadLineError(WorkoutProblem.BAD_MINUTES, limit=MAX_MINUTES)
    open_amounts = bool(draft.pattern) or draft.format == Format.TABATA
    for part in draft.parts:
        if part.amount is None and not open_amounts:
            raise _BadLineError(WorkoutProblem.MISSING_AMOUNT, movement=part.movement)
    timed = draft.format in {Format.FOR_TIME, Format.CHIPPER}
    if draft.cap is not None and not timed:
        raise _BadLineError(WorkoutProblem.CAP_NOT_TIMED)
    minutes = draft.minutes if draft.format in {Format.AMRAP, Format.EMOM} else draft.cap
    return Workout(
        name=draft.name,
        format=draft.format,
        parts=tuple(draft.parts),
        rounds=draft.rounds,
        pattern=draft.pattern,
        minutes=minutes,
        every=draft.every,
        scheme_override=draft.scheme,
        rest=draft.rest,
    )


# --- writing ------------------------------------------------------------------------------------


def workout_to_text(workout: Workout) -> str:
    """The workout in the text format; parse_workout reads it back as the same workout."""
    lines = [f"name: {workout.name}"] if workout.name else []
    parts = ", ".join(_part_text(part) for part in workout.parts)
    lines.append(f"{_head(workout)}: {parts}")
    if workout.format in {Format.FOR_TIME, Format.CHIPPER} and workout.minutes is not None:
        lines.append(f"cap: {workout.minutes}")
    if workout.rest is not None:
        lines.append(f"rest: {workout.rest}")
    if workout.scheme_override is not None:
        lines.append(f"score: {workout.scheme_override.value}")
    return "\n".join(lines) + "\n"


def _default(part: Part) -> Unit:
    return BY_SLUG[part.movement].unit


def _head(workout: Workout) -> str:
    match workout.format:
        case Format.FOR_TIME if workout.rounds > 1:
            return f"{workout.rounds} rounds for time"
        case Format.FOR_TIME:
            pattern = "-".join(str(n) for n in workout.pattern)
            return f"For time, {pattern}" if pattern else "For time"
        case Format.CHIPPER:
            return "Chipper"
        case Format.AMRAP:
            return f"AMRAP {workout.minutes}"
        case Format.EMOM:
            every = "" if workout.every == 1 else str(workout.every)
            return f"E{every}MOM {workout.minutes}"
        case Format.TABATA:
            return "Tabata"


def _part_text(part: Part) -> str:
    words = [] if part.amount is None else [str(part.amount)]
    if part.unit != Unit.REPS and (part.amount is not None or part.unit != _default(part)):
        words.append({Unit.METERS: "m", Unit.CALORIES: "cal"}[part.unit])
    words.append(part.movement)
    if part.load is not None:
        load = part.load
        both = f"{load.men:f}" if load.men == load.women else f"{load.men:f}/{load.women:f}"
        words.append(f"{both}{load.unit}")
    return " ".join(words)
