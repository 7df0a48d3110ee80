"""What /history says. HTML, except button labels; names from plans are escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from domain.progress.use_cases.history import Correction, HistoryPage, PastWorkout
from domain.training.model import DoneSet, PrescribedSet, WorkoutSet
from handlers.common.i18n import Translator
from handlers.common.texts import day_text

PREVIOUS_BUTTON, NEXT_BUTTON = "◀", "▶"
SHOWN_TYPED = 12  # characters of a mistyped set number, quoted back


def entry_line(t: Translator, past: PastWorkout, today: date) -> str:
    """One workout as a button label: plain text, so nothing is escaped."""
    w = past.workout
    return t.get(
        "progress-entry-line",
        date=day_text(t, past.day, today),
        number=w.day_number,
        name=w.day_name,
        done=past.sets_done,
        total=len(w.sets),
    )


def list_text(t: Translator, page: HistoryPage) -> str:
    title = (
        t.get("progress-list-title-page", page=page.page + 1)
        if page.page
        else t.get("progress-list-title")
    )
    return f"{title}\n{t.get('progress-list-hint')}"


def _prescribed(p: PrescribedSet) -> str:
    return f"{p.weight} × {p.reps}{'+' if p.amrap else ''}"


def _done(done: DoneSet) -> str:
    return f"{done.weight} × {done.reps}"


def _outcome(t: Translator, workout_set: WorkoutSet) -> str:
    if workout_set.done is not None:
        return _done(workout_set.done)
    return t.get("progress-set-skipped" if workout_set.skipped else "progress-set-not-logged")


def set_name(p: PrescribedSet) -> str:
    return f"{p.tier} {escape(p.display_name)} {p.set_number}/{p.sets_in_slot}"


def set_line(t: Translator, workout_set: WorkoutSet) -> str:
    """ "T1 Squat 3/9: 120 kg × 1+ → 120 kg × 5"."""
    p = workout_set.prescribed
    return f"{set_name(p)}: {_prescribed(p)} → {_outcome(t, workout_set)}"


def set_number(workout_set: WorkoutSet) -> int:
    """The 1-based number the athlete sees and types for a set."""
    return workout_set.prescribed.position + 1


def workout_text(t: Translator, past: PastWorkout) -> str:
    w = past.workout
    lines = [
        t.get(
            "progress-workout-title",
            date=day_text(t, past.day),
            number=w.day_number,
            name=escape(w.day_name),
        ),
        t.get("progress-sets-done", done=past.sets_done, total=len(w.sets)),
        "",
        *(f"{set_number(s)}. {set_line(t, s)}" for s in w.sets),
    ]
    return "\n".join(lines)


def pick_set_text(t: Translator, past: PastWorkout) -> str:
    return f"{workout_text(t, past)}\n\n{t.get('progress-which-set')}"


def set_number_problem(t: Translator, typed: str, sets: int) -> str:
    shown = typed if len(typed) <= SHOWN_TYPED else typed[:SHOWN_TYPED] + "…"
    if shown.strip().isdecimal():
        return t.get("progress-no-such-set", typed=escape(shown.strip()), sets=sets)
    return t.get("progress-send-set-number", sets=sets)


def entry_prompt(t: Translator, workout_set: WorkoutSet) -> str:
    p = workout_set.prescribed
    return "\n".join(
        [
            t.get("progress-entry-set", number=set_number(workout_set), name=set_name(p)),
            t.get("progress-entry-prescribed", set=_prescribed(p)),
            t.get("progress-entry-logged", outcome=_outcome(t, workout_set)),
            "",
            t.get("progress-entry-how", weight=str(p.weight)),
        ]
    )


def corrected(t: Translator, correction: Correction) -> str:
    after = correction.after
    fixed = t.get(
        "progress-corrected",
        number=set_number(after),
        name=set_name(after.prescribed),
        before=_outcome(t, correction.before),
        after=_outcome(t, after),
    )
    return f"{fixed}\n{t.get('progress-corrected-maxes-stay')}"
