"""Sentences several handler packages say alike, from the catalogues."""

from __future__ import annotations

from datetime import date

from domain.training.entry import EntryError, EntryProblem
from domain.training.records import PersonalRecord, RecordKind, RepsRecord
from handlers.common.i18n import Translator


def needs_max(t: Translator, name: str, exercise: str) -> str:
    """The lift by its library name; the command to send names it as /maxes reads it."""
    return t.get("common-missing-max", name=name, lift=exercise.replace("_", " "))


def record_text(t: Translator, record: PersonalRecord) -> str:
    if isinstance(record, RepsRecord):
        return t.get(
            "common-record-reps",
            reps=record.new,
            weight=str(record.weight),
            previous=str(record.previous),
        )
    key = "common-record-heaviest" if record.kind == RecordKind.HEAVIEST else "common-record-e1rm"
    return t.get(key, weight=str(record.new), previous=str(record.previous))


_ENTRY_PROBLEMS = {
    EntryProblem.EMPTY: "common-entry-empty",
    EntryProblem.NOT_AN_ENTRY: "common-entry-not-an-entry",
    EntryProblem.TOO_LONG: "common-entry-too-long",
    EntryProblem.MISSING_REPS: "common-entry-missing-reps",
    EntryProblem.REPS_NOT_WHOLE: "common-entry-reps-not-whole",
    EntryProblem.REPS_TOO_HIGH: "common-entry-reps-too-high",
    EntryProblem.REPS_NEGATIVE: "common-entry-reps-negative",
    EntryProblem.WEIGHT_TOO_HIGH: "common-entry-weight-too-high",
    EntryProblem.WEIGHT_NOT_POSITIVE: "common-entry-weight-not-positive",
    EntryProblem.WEIGHT_TOO_PRECISE: "common-entry-weight-too-precise",
    EntryProblem.RPE_OFF_CHART: "common-entry-rpe-off-chart",
}


def entry_problem(t: Translator, error: EntryError) -> str:
    """Why a typed set could not be read, and what to send instead."""
    return t.get(_ENTRY_PROBLEMS[error.reason])


def day_text(t: Translator, day: date, today: date | None = None) -> str:
    """ "Mon 2 Mar", with the year when it is not this year's."""
    parts: dict[str, str | int] = {
        "weekday": t.get("progress-weekday", weekday=day.weekday()),
        "day": day.day,
        "month": t.get("progress-month", month=day.month),
    }
    if today is None or today.year == day.year:
        return t.get("progress-date", **parts)
    return t.get("progress-date-with-year", **parts, year=day.year)
