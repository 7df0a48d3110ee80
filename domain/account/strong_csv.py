"""The athlete's sets as Strong writes its CSV export, so another app (or Spotter) reads them.

Weights go in the "Weight" column with a "Weight Unit" column beside it (kg or lbs), as
Strong's exports that name the unit do; warm-ups are set order "W".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from domain.account.model import ExportedSet
from domain.shared.weights import Unit, format_amount

HEADER = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Weight Unit",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
_UNITS = {Unit.KG: "kg", Unit.LB: "lbs"}


def strong_csv(sets: Iterable[ExportedSet], zone: ZoneInfo) -> str:
    """The sets as CSV text, dates in the athlete's wall-clock time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for s in sets:
        writer.writerow(
            (
                s.workout_started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
                s.workout_name,
                "",
                s.exercise,
                "W" if s.warmup else str(s.set_order),
                format_amount(s.weight.amount),
                _UNITS[s.weight.unit],
                str(s.reps),
                "",
                "",
                s.note or "",
                "",
                "" if s.rpe is None else format_amount(s.rpe),
            )
        )
    return out.getvalue()
