"""Strong's CSV export: one row per set, a workout being the rows of one Date and name.

Columns (newest): Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
Seconds,Notes,Workout Notes,RPE. Older exports add "Weight Unit" (kg or lbs) and "Distance
Unit" and may be ";"-separated; without "Weight Unit" the weights are in the unit the app was
set to, which the athlete's own unit stands for. "Set Order" is the set's number, "W" for a
warm-up, "D" for a drop set, "F" for a set to failure; "Rest Timer" rows and rows with no reps
(timed holds, cardio) are no sets and are skipped.
"""

from __future__ import annotations

from domain.shared.weights import Unit, Weight
from domain.training.imports.model import App, ExportFile, ImportedSet, ImportedWorkout
from domain.training.imports.reading import (
    Table,
    moment_in,
    reps_in,
    row_error,
    rpe_in,
    text_in,
    weight_in,
)

REQUIRED = ("date", "workout name", "exercise name", "set order", "weight", "reps")
_UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}


def is_strong(table: Table) -> bool:
    return all(column in table.header for column in REQUIRED)


def parse_strong(table: Table, unit: Unit) -> ExportFile:
    """The workouts of a Strong export; `unit` for weights when the file names none."""
    comma = table.delimiter == ";"
    workouts: dict[tuple[str, str], tuple[ImportedWorkout, list[ImportedSet]]] = {}
    skipped = 0
    for line, cells in table.rows:
        order = cells.get("set order", "").upper()
        if not (order.isdigit() or order in {"W", "D", "F"}):
            skipped += 1
            continue
        reps = reps_in(cells, "reps", line, comma=comma)
        if reps == 0:
            skipped += 1
            continue
        started_at = moment_in(cells, "date", line)
        exercise = cells.get("exercise name", "")
        if not exercise:
            raise row_error(line, "exercise name")
        amount = weight_in(cells, "weight", line, comma=comma)
        set_unit = _UNITS.get(cells.get("weight unit", "").lower(), unit)
        note = text_in(cells, "notes")
        done = ImportedSet(
            exercise=exercise[:100],
            weight=Weight.of(amount if amount is not None else 0, set_unit),
            reps=reps,
            rpe=rpe_in(cells, "rpe", line, comma=comma),
            note=note,
            warmup=order == "W",
        )
        key = (cells["date"], cells.get("workout name", ""))
        if key not in workouts:
            name = cells.get("workout name", "")[:100]
            workouts[key] = (ImportedWorkout(started_at, name, ()), [])
        workouts[key][1].append(done)
    found = sorted(
        (ImportedWorkout(w.started_at, w.name, tuple(sets)) for w, sets in workouts.values()),
        key=lambda w: w.started_at,
    )
    return ExportFile(App.STRONG, tuple(found), skipped)
