"""What /history says. HTML, except button labels; names from plans are escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from domain.progress.use_cases.history import Correction, HistoryPage, PastWorkout
from domain.training.entry import EntryError, EntryProblem
from domain.training.model import DoneSet, PrescribedSet, WorkoutSet
from handlers.training import texts as workout_texts

NO_WORKOUTS = "No finished workouts yet. Send /today to start your first one."
NOT_FOUND = "That workout is not in your history. Send /history for a fresh list."

PREVIOUS_BUTTON, NEXT_BUTTON = "◀", "▶"
BACK_BUTTON = "⬅️ Back"
FIX_BUTTON = "✏️ Fix a set"

ONLY_RESULTS = (
    "To fix a set, send what you did: <code>100x5</code>, <code>8</code> "
    "(reps at the prescribed weight) or <code>+</code> (as prescribed)."
)

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date, today: date | None = None) -> str:
    """ "Mon 2 Mar", with the year when it is not this year's."""
    shown = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return shown if today is None or today.year == day.year else f"{shown} {day.year}"


def entry_line(past: PastWorkout, today: date) -> str:
    """One workout as a button label: plain text, so nothing is escaped."""
    w = past.workout
    return (
        f"{day_text(past.day, today)} · Day {w.day_number} · {w.day_name} · "
        f"{past.sets_done}/{len(w.sets)} sets"
    )


def list_text(page: HistoryPage) -> str:
    title = "<b>Your workouts</b>" + (f" · page {page.page + 1}" if page.page else "")
    return f"{title}\nNewest first. Tap one to see every set."


def _prescribed(p: PrescribedSet) -> str:
    return f"{p.weight} × {p.reps}{'+' if p.amrap else ''}"


def _done(done: DoneSet) -> str:
    return f"{done.weight} × {done.reps}"


def _outcome(workout_set: WorkoutSet) -> str:
    if workout_set.done is not None:
        return _done(workout_set.done)
    return "skipped" if workout_set.skipped else "not logged"


def set_name(p: PrescribedSet) -> str:
    return f"{p.tier} {escape(p.display_name)} {p.set_number}/{p.sets_in_slot}"


def set_line(workout_set: WorkoutSet) -> str:
    """ "T1 Squat 3/9: 120 kg × 1+ → 120 kg × 5"."""
    p = workout_set.prescribed
    return f"{set_name(p)}: {_prescribed(p)} → {_outcome(workout_set)}"


def set_number(workout_set: WorkoutSet) -> int:
    """The 1-based number the athlete sees and types for a set."""
    return workout_set.prescribed.position + 1


def workout_text(past: PastWorkout) -> str:
    w = past.workout
    lines = [
        f"<b>{day_text(past.day)} · Day {w.day_number} · {escape(w.day_name)}</b>",
        f"{past.sets_done} of {len(w.sets)} sets done",
        "",
        *(f"{set_number(s)}. {set_line(s)}" for s in w.sets),
    ]
    return "\n".join(lines)


def pick_set_text(past: PastWorkout) -> str:
    return f"{workout_text(past)}\n\n<b>Which set?</b> Tap its number or type it."


def set_number_problem(typed: str, sets: int) -> str:
    shown = typed if len(typed) <= 12 else typed[:12] + "…"
    if shown.strip().isdecimal():
        return f"There is no set {escape(shown.strip())} here. Send a number from 1 to {sets}."
    return f"Send the set's number, from 1 to {sets}."


def entry_prompt(workout_set: WorkoutSet) -> str:
    p = workout_set.prescribed
    return (
        f"<b>Set {set_number(workout_set)}</b> · {set_name(p)}\n"
        f"Prescribed: {_prescribed(p)}\n"
        f"Logged: {_outcome(workout_set)}\n\n"
        f"Send what you did: <code>100x5</code>, <code>8</code> (reps at {p.weight}) "
        "or <code>+</code> (as prescribed)."
    )


def entry_problem(error: EntryError) -> str:
    if error.reason == EntryProblem.NOT_AN_ENTRY:
        return ONLY_RESULTS
    return workout_texts.entry_problem(error)


def corrected(correction: Correction) -> str:
    after = correction.after
    return (
        f"Set {set_number(after)} fixed: {set_name(after.prescribed)} "
        f"{_outcome(correction.before)} → <b>{_outcome(after)}</b>.\n"
        "Training maxes stay as they are: a fix does not re-run progression."
    )
