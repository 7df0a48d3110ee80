"""What an athlete types in /body: `82.4` is their body weight, `waist 81` a circumference,
`bf 18` or `18%` their body fat; several at once on lines or after "; " or ", ".

A number alone is a weight in the athlete's unit unless it says another (`182 lb`); lengths
are in centimetres for kilogram athletes and inches for pound athletes unless they say.
Ranges (ours) keep out typos, not unusual bodies: 20–400 kg, 2–75 % body fat, 10–250 cm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from domain.body.model import BODY_FAT, CM_PER_INCH, WEIGHT, Measurement, Pose
from domain.shared.weights import Unit, Weight

NAME_LIMIT = 24
ENTRY_LIMIT = 10  # readings in one message
PLACES = Decimal("0.001")  # what is kept: 182 lb is 82.554 kg, and reads back as 182.0 lb

WEIGHT_RANGE_KG = (Decimal(20), Decimal(400))
BODY_FAT_RANGE = (Decimal(2), Decimal(75))
LENGTH_RANGE_CM = (Decimal(10), Decimal(250))

_ALIASES = {
    WEIGHT: ("weight", "bw", "body weight", "вес"),
    BODY_FAT: ("bf", "fat", "body fat", "bodyfat", "жир"),
    "waist": ("waist", "талия"),
    "hips": ("hips", "hip", "бёдра", "бедра", "ягодицы"),
    "chest": ("chest", "грудь"),
    "arm": ("arm", "arms", "bicep", "biceps", "рука", "бицепс"),
    "thigh": ("thigh", "бедро"),
}
NAMES = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_UNITS = {
    "kg": "kg",
    "кг": "kg",
    "lb": "lb",
    "lbs": "lb",
    "фунт": "lb",
    "фунтов": "lb",
    "cm": "cm",
    "см": "cm",
    "in": "in",
    '"': "in",
    "дюйм": "in",
    "дюймов": "in",
    "%": "%",
}
_READING = re.compile(
    r"^(?:(?P<name>[^\W\d_][\w \-']*?)\s*[:=]?\s*)?"
    r"(?P<number>[-+−]?\d+(?:[.,]\d+)?)"
    r"\s*(?P<unit>[^\W\d_]+|%|\")?\.?$"
)
_SPLIT = re.compile(r"\n|;|,\s+")


class Problem(StrEnum):
    UNKNOWN = "unknown"  # not a reading /body understands
    NOT_POSITIVE = "not_positive"
    OUT_OF_RANGE = "out_of_range"
    WRONG_UNIT = "wrong_unit"  # a weight in centimetres, a waist in kilograms
    TOO_MANY = "too_many"


@dataclass(frozen=True, slots=True)
class BodyEntryError(ValueError):
    """Why the text is no reading; for OUT_OF_RANGE, of what and its limits in the shown unit."""

    problem: Problem
    name: str = ""
    low: Decimal | None = None
    high: Decimal | None = None


def parse_body_text(text: str, unit: Unit) -> tuple[Measurement, ...]:
    """The readings typed, in canonical units (kg, %, cm); BodyEntryError if any is wrong."""
    parts = [p.strip() for p in _SPLIT.split(text.strip()) if p.strip()]
    if not parts:
        raise BodyEntryError(Problem.UNKNOWN)
    if len(parts) > ENTRY_LIMIT:
        raise BodyEntryError(Problem.TOO_MANY)
    read: dict[str, Measurement] = {}
    for part in parts:
        measurement = _reading(part, unit)
        read[measurement.name] = measurement
    return tuple(read.values())


def _reading(text: str, unit: Unit) -> Measurement:
    match = _READING.match(" ".join(text.split()).casefold())
    if match is None:
        raise BodyEntryError(Problem.UNKNOWN)
    typed_name = (match["name"] or "").strip()
    said = match["unit"]
    if said is not None and said not in _UNITS:
        raise BodyEntryError(Problem.UNKNOWN)
    given = _UNITS.get(said or "")
    try:
        number = Decimal(match["number"].replace(",", ".").replace("−", "-"))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise BodyEntryError(Problem.UNKNOWN) from error
    if typed_name:
        name = NAMES.get(typed_name, typed_name)
    elif given == "%":
        name = BODY_FAT
    elif given in {None, "kg", "lb"}:
        name = WEIGHT
    else:  # a bare length names nothing to measure
        raise BodyEntryError(Problem.UNKNOWN)
    if len(name) > NAME_LIMIT:
        raise BodyEntryError(Problem.UNKNOWN)
    if number <= 0:
        raise BodyEntryError(Problem.NOT_POSITIVE, name)
    if name == WEIGHT:
        return _weight(number, given, unit)
    if name == BODY_FAT:
        return _body_fat(number, given)
    return _length(name, number, given, unit)


def _weight(number: Decimal, given: str | None, unit: Unit) -> Measurement:
    if given not in {None, "kg", "lb"}:
        raise BodyEntryError(Problem.WRONG_UNIT, WEIGHT)
    typed = Unit(given) if given else unit
    kg = Weight(number, typed).to(Unit.KG).amount
    low, high = WEIGHT_RANGE_KG
    if not low <= kg <= high:
        shown = [Weight(limit, Unit.KG).to(unit).amount for limit in WEIGHT_RANGE_KG]
        raise BodyEntryError(Problem.OUT_OF_RANGE, WEIGHT, *(_whole(v) for v in shown))
    return Measurement(WEIGHT, kg.quantize(PLACES, ROUND_HALF_UP))


def _body_fat(number: Decimal, given: str | None) -> Measurement:
    if given not in {None, "%"}:
        raise BodyEntryError(Problem.WRONG_UNIT, BODY_FAT)
    low, high = BODY_FAT_RANGE
    if not low <= number <= high:
        raise BodyEntryError(Problem.OUT_OF_RANGE, BODY_FAT, low, high)
    return Measurement(BODY_FAT, number.quantize(PLACES, ROUND_HALF_UP))


def _length(name: str, number: Decimal, given: str | None, unit: Unit) -> Measurement:
    if given not in {None, "cm", "in"}:
        raise BodyEntryError(Problem.WRONG_UNIT, name)
    inches = given == "in" or (given is None and unit == Unit.LB)
    cm = number * CM_PER_INCH if inches else number
    low, high = LENGTH_RANGE_CM
    if not low <= cm <= high:
        limits = (low / CM_PER_INCH, high / CM_PER_INCH) if unit == Unit.LB else (low, high)
        raise BodyEntryError(Problem.OUT_OF_RANGE, name, *(_whole(v) for v in limits))
    return Measurement(name, cm.quantize(PLACES, ROUND_HALF_UP))


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), ROUND_HALF_UP)


def is_circumference(name: str) -> bool:
    return name not in {WEIGHT, BODY_FAT}


_POSES = {
    Pose.FRONT: ("front", "спереди", "анфас", "перед"),
    Pose.SIDE: ("side", "сбоку", "профиль", "бок"),
    Pose.BACK: ("back", "сзади", "спина"),
}
POSE_WORDS = {word: pose for pose, words in _POSES.items() for word in words}


def parse_pose(caption: str | None) -> Pose | None:
    """The pose a photo's caption names ("front", "side", "back"), or None."""
    return POSE_WORDS.get(" ".join((caption or "").split()).casefold())
