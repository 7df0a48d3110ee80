"""Hevy's CSV export: one row per set, a workout being the rows of one title and start time.

Columns: title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe — "weight_lbs" instead of
"weight_kg" when the app is set to pounds. set_type is normal, warmup, dropset or failure; a
warm-up is imported as a warm-up set (in the history, never a record). Rows with no reps
(timed or cardio) are skipped.
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

REQUIRED = ("title", "start_time", "exercise_title", "reps")
SET_TYPES = frozenset({"", "normal", "warmup", "dropset", "failure"})


def is_hevy(table: Table) -> bool:
    return all(column in table.header for column in REQUIRED) and _weight_column(table) is not None


def _weight_column(table: Table) -> tuple[str, Unit] | None:
    if "weight_kg" in table.header:
        return "weight_kg", Unit.KG
    if "weight_lbs" in table.header:
        return "weight_lbs", Unit.LB
    return None


def parse_hevy(table: Table) -> ExportFile:
    """The workouts of a Hevy export."""
    found_column = _weight_column(table)
    if found_column is None:
        raise ValueError("not a Hevy export: check is_hevy first")
    column, unit = found_column
    comma = table.delimiter == ";"
    workouts: dict[tuple[str, str], tuple[ImportedWorkout, list[ImportedSet]]] = {}
    skipped = 0
    for line, cells in table.rows:
        reps = reps_in(cells, "reps", line, comma=comma)
        if reps == 0:
            skipped += 1
            continue
        set_type = cells.get("set_type", "").lower()
        if set_type not in SET_TYPES:
            raise row_error(line, "set_type")
        exercise = cells.get("exercise_title", "")
        if not exercise:
            raise row_error(line, "exercise_title")
        started_at = moment_in(cells, "start_time", line)
        amount = weight_in(cells, column, line, comma=comma)
        done = ImportedSet(
            exercise=exercise[:100],
            weight=Weight.of(amount if amount is not None else 0, unit),
            reps=reps,
            rpe=rpe_in(cells, "rpe", line, comma=comma),
            note=text_in(cells, "exercise_notes"),
            warmup=set_type == "warmup",
        )
        key = (cells.get("title", ""), cells["start_time"])
        if key not in workouts:
            workouts[key] = (ImportedWorkout(started_at, key[0][:100], ()), [])
        workouts[key][1].append(done)
    found = sorted(
        (ImportedWorkout(w.started_at, w.name, tuple(sets)) for w, sets in workouts.values()),
        key=lambda w: w.started_at,
    )
    return ExportFile(App.HEVY, tuple(found), skipped)
