"""Progress entries: what an athlete measured of their body, and their photos, one per local day.

Values are kept canonically (kilograms, per cent, centimetres) and shown in the athlete's unit:
kilograms with centimetres, pounds with inches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.shared.weights import Unit

WEIGHT = "weight"  # kg
BODY_FAT = "body_fat"  # per cent
CIRCUMFERENCES = ("waist", "hips", "chest", "arm", "thigh")  # cm; other names are allowed too
CM_PER_INCH = Decimal("2.54")


class Pose(StrEnum):
    """Which side a progress photo shows; stored, so never renamed."""

    FRONT = "front"
    SIDE = "side"
    BACK = "back"


@dataclass(frozen=True, slots=True)
class Measurement:
    """One measurement: body weight (kg), body fat (%), or a circumference (cm) by its name."""

    name: str
    value: Decimal


@dataclass(frozen=True, slots=True)
class Photo:
    """A progress photo as Telegram keeps it: only its ids, never the picture."""

    pose: Pose
    file_id: str
    file_unique_id: str


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """Everything measured and photographed on one local day."""

    day: date
    measurements: tuple[Measurement, ...] = ()
    photos: tuple[Photo, ...] = ()

    def value(self, name: str) -> Decimal | None:
        return next((m.value for m in self.measurements if m.name == name), None)

    @property
    def weight(self) -> Decimal | None:
        return self.value(WEIGHT)


def length_unit(unit: Unit) -> str:
    """The length unit that goes with a weight unit: centimetres with kg, inches with lb."""
    return "cm" if unit == Unit.KG else "in"
