"""What the workout card and the finish summary say. HTML; names from plans are escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from html import escape

from domain.plans.rules.reasons import Reason, ReasonKind, ReasonValue, SetScheme
from domain.shared.weights import Weight, format_amount
from domain.training.entry import EntryError, EntryProblem
from domain.training.model import DoneSet, PrescribedSet, Workout, WorkoutSet
from domain.training.progression import TrainingMaxChange
from domain.training.records import PersonalRecord, RecordKind, RepsRecord
from domain.training.rest import Rest
from domain.training.use_cases.finishing import WorkoutSummary
from domain.training.warmup import WarmupSet

NO_PLAN = "You have no plan yet. Send /start to pick one."


def missing_max(name: str, exercise: str) -> str:
    """The lift by its library name; the command to send names it as /maxes reads it."""
    lift = exercise.replace("_", " ")
    return (
        f"I need your {name} training max first: "
        f"send /maxes {lift} and the weight, e.g. 60."
    )


def finish_first(day: int) -> str:
    return f"Your day {day} workout has sets logged. Finish it on its card (🏁) first, or /today."


NO_SUCH_DAY = "That day isn't in your plan. Send /plan to see its days."
NO_WORKOUT = "No workout is open. Send /today to start one."
WORKOUT_GONE = "That workout is already finished. Send /today for the next one."
REST_OVER = "⏱ Rest is over — next set!"
ALL_LOGGED = "All sets logged."

DONE_BUTTON = "✅ Done"
REPS_DOWN, REPS_UP = "− rep", "+ rep"
SKIP_BUTTON, UNDO_BUTTON, FINISH_BUTTON = "Skip", "↩ Undo", "🏁 Finish"
NOTE_BUTTON = "📝 Note"
NOTE_PROMPT = "Type a note for the set you just logged (how it felt, cues, pain…)."
NOTE_SAVED = "Note saved."
NOTE_NEEDS_A_SET = "Log a set first, then add a note to it."
BACK = "⬅️ Back"
EDIT_CANNOT_SKIP = "An edit can change a set's weight or reps; to skip or undo, send skip or undo."
EDIT_NOT_A_SET = "That message didn't log a set of your open workout, so nothing changed."


def relogged(prescribed: PrescribedSet, done: DoneSet) -> str:
    name = escape(prescribed.display_name)
    return f"Updated {name} set {prescribed.set_number}: {done.weight} × {done.reps}"


KEEP_BUTTON = "✅ Keep the new maxes"
KEPT = "Kept. Onwards!"
NOTHING_TO_DECLINE = "Nothing to undo there: that change was already declined."


def decline_button(change: TrainingMaxChange) -> str:
    return f"✖ Keep {change.name} at {change.old}"


EDIT_BUTTON = "✏️ Set it myself"
NOTHING_TO_RESET = "Nothing to reset: that training max has changed since."


def reset_button(reset: TrainingMaxChange) -> str:
    return f"↘ Reset {reset.name} to {reset.new}"


def was_reset(name: str, weight: str) -> str:
    return f"{name} TM reset to {weight}."


def declined(name: str, weight: str) -> str:
    return f"{name} stays at {weight}."


def weight_down(step: Decimal, unit: str) -> str:
    return f"− {format_amount(step)} {unit}"


def weight_up(step: Decimal, unit: str) -> str:
    return f"+ {format_amount(step)} {unit}"


def set_line(prescribed: PrescribedSet, weight: Weight, reps: int) -> str:
    wanted = f"{reps}+" if prescribed.amrap else str(reps)
    if prescribed.top_reps is not None and reps == prescribed.reps:
        wanted = f"{reps}–{prescribed.top_reps}"
    effort = f" @ RPE {format_amount(prescribed.target_rpe)}" if prescribed.target_rpe else ""
    return f"{weight} × {wanted}{effort}"


def set_label(prescribed: PrescribedSet) -> str:
    """ "T1 Squat — set 2 of 5", with a superset, warm-up or joker mark."""
    mark = f"{prescribed.superset} " if prescribed.superset else ""
    kind = (
        " · warm-up"
        if prescribed.warmup
        else " · joker set, optional"
        if prescribed.optional
        else ""
    )
    return (
        f"{prescribed.tier} {mark}{escape(prescribed.display_name)} — "
        f"set {prescribed.set_number} of {prescribed.sets_in_slot}{kind}"
    )


def card(
    workout: Workout,
    current: WorkoutSet,
    *,
    weight: Weight,
    reps: int,
    plates: str,
    upcoming: WorkoutSet | None,
    rest: str | None = None,
    warmup: str | None = None,
) -> str:
    p = current.prescribed
    logged = sum(1 for s in workout.sets if not s.is_open)
    progress = f"{logged}/{len(workout.sets)}"
    deload = " · 🪶 deload" if workout.deload else ""
    lines = [
        f"<b>Day {workout.day_number} · {escape(workout.day_name)}</b>{deload}  ({progress})",
        set_label(p),
        f"<b>{set_line(p, weight, reps)}</b>",
        f"Plates per side: {plates}",
    ]
    if rest:
        lines.insert(1, rest)
    if warmup:
        lines.append(warmup)
    if p.amrap:
        lines.append("As many reps as you can: tap or type how many you did.")
    elif p.top_reps is not None:
        lines.append(f"Aim for {p.reps}–{p.top_reps} reps: type how many you did.")
    if upcoming is not None:
        u = upcoming.prescribed
        lines.append(f"Next: {escape(u.display_name)} {set_line(u, u.weight, u.reps)}")
    return "\n".join(lines)


def warmup_line(ramp: Sequence[WarmupSet]) -> str | None:
    if not ramp:
        return None
    steps = " · ".join(f"{format_amount(s.weight.amount)} × {s.reps}" for s in ramp)
    return f"🔥 Warm up first: {steps} {ramp[0].weight.unit}"


def rest_line(rest: Rest | None, now: datetime) -> str | None:
    if rest is None:
        return None
    return f"⏱ Rest {_clock_text(rest.remaining(now))} left of {_clock_text(rest.length)}"


def _clock_text(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def nearest_loadable(wanted: Weight) -> str:
    return f"\n{wanted} can't be loaded with your bar and plates: this is the nearest."


def plates_text(per_side: Sequence[Decimal], bar: Weight) -> str:
    if not per_side:
        return f"empty bar ({bar})"
    return " + ".join(format_amount(p) for p in per_side) + f" (on a {bar} bar)"


def duration_text(duration: timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"


def change_text(change: TrainingMaxChange) -> str:
    what = "TM" if change.track is None else change.track.split("/")[-1]
    moved = f"{change.old} → {change.new}" if change.new != change.old else f"{change.new}"
    return f"{escape(change.name)} {what} {moved} ({escape(reason_text(change.reason))})"


def summary(result: WorkoutSummary) -> str:
    w = result.workout
    lines = [
        f"<b>Day {w.day_number} done!</b> {escape(w.day_name)}",
        f"Sets: {result.sets_done} of {len(w.sets)} · Volume: {result.volume} · "
        f"Time: {duration_text(result.duration)}",
    ]
    for best in result.bests:
        lines.append(f"{escape(best.display_name)}: best e1RM {best.e1rm}")
        lines.extend(f"🏆 PR: {record_text(record)}" for record in best.records)
    if result.changes:
        lines.append("")
        lines.append("<b>Progression</b>")
        lines.extend(change_text(c) for c in result.changes)
    else:
        lines.append("No training max changes this time.")
    lines.extend(stall_text(reset) for reset in result.resets)
    return "\n".join(lines)


def stall_text(reset: TrainingMaxChange) -> str:
    return (
        f"⚠️ {escape(reset.name)}: no reps on the 1+ set twice in a row. "
        f"A 10% reset ({reset.old} → {reset.new}) gets you moving again."
    )


def record_text(record: PersonalRecord) -> str:
    if isinstance(record, RepsRecord):
        return f"{record.new} reps at {record.weight} (was {record.previous})"
    what = "heaviest" if record.kind == RecordKind.HEAVIEST else "best e1RM"
    return f"{what} {record.new} (was {record.previous})"


def entry_problem(error: EntryError) -> str:
    return ENTRY_PROBLEMS[error.reason]


ENTRY_PROBLEMS = {
    EntryProblem.EMPTY: "Send the reps (8), weight × reps (100x5) or + for as prescribed.",
    EntryProblem.NOT_AN_ENTRY: "I read that as neither reps nor weight × reps. "
    "Send 8, 100x5, + (as prescribed), skip or undo.",
    EntryProblem.TOO_LONG: "That's too long for a set. Send 8, 100x5 or +.",
    EntryProblem.MISSING_REPS: "How many reps? Send it as 100x5.",
    EntryProblem.REPS_NOT_WHOLE: "Reps are whole numbers, like 5.",
    EntryProblem.REPS_TOO_HIGH: "More than 100 reps? Send the reps you did, up to 100.",
    EntryProblem.REPS_NEGATIVE: "Reps can't be negative.",
    EntryProblem.WEIGHT_TOO_HIGH: "That weight is beyond any barbell (1000 kg / 2200 lb at most).",
    EntryProblem.WEIGHT_NOT_POSITIVE: "The weight must be more than zero.",
    EntryProblem.WEIGHT_TOO_PRECISE: "Weights go to two decimals at most, like 102.5.",
    EntryProblem.RPE_OFF_CHART: "RPE goes from 6 to 10 in halves, like 100x5 @8 or 8 @8.5.",
}


REASONS = {
    ReasonKind.AMRAP_TABLE: "{increment}: {reps_done} on {where}",
    ReasonKind.NO_RULE: "{increment}: no progression rule for {exercise}",
    ReasonKind.ALL_PRESCRIBED_SETS_MADE: "{increment}: all {sets} sets made as prescribed",
    ReasonKind.CYCLE_WEEK_DONE: "{next_week} next: {week} done",
    ReasonKind.CYCLE_SET_SHORT: "{next_week} next: the {percent} {set_reps} set fell short "
    "({reps} reps); the TM resets {factor} when the cycle ends",
    ReasonKind.CYCLE_COMPLETE: "{increment}: {weeks}-week cycle complete",
    ReasonKind.CYCLE_FELL_SHORT: "{factor}: a + set fell short this cycle",
    ReasonKind.ALL_SETS_MADE: "{increment}: all {scheme} sets made",
    ReasonKind.SESSION_FAILED: "same weight: a {scheme} set fell short "
    "({failures} failed session in a row)",
    ReasonKind.DELOAD_AFTER_FAILURES: "{factor}: {failures} failed session in a row",
    ReasonKind.RANGE_TOP_REACHED: "{increment}: every {scheme} set reached {reps} reps",
    ReasonKind.SETS_NOT_LOGGED: "same weight: {logged} of {sets} sets logged",
    ReasonKind.RANGE_TOP_MISSED: "same weight: a set stopped at {reps} reps, {needed} needed",
    ReasonKind.NO_RATED_SET: "same weight: no set with reps and RPE on the chart",
    ReasonKind.RPE_ESTIMATE: "{change}: {lifted} × {reps} @ {rpe} → e1RM {e1rm}; "
    "{target_reps} @ {target_rpe} is {percent}",
    ReasonKind.SET_FELL_SHORT: "same weight: a {scheme} set fell short",
    ReasonKind.STAGE_ADVANCED: "{scheme} next: a {failed} set fell short",
    ReasonKind.RETEST_NEXT: "new {reps}RM test next: a {failed} set fell short",
    ReasonKind.RETEST_AGAIN: "new {reps}RM test again: no set reached {reps} reps",
    ReasonKind.RETEST_RESTART: "{scheme} at {weight} next: {percent} of the new {reps}RM, {best}",
    ReasonKind.STAGE_RESTART_BUMPED: "{scheme} at {weight} next: a {failed} set fell short; "
    "last {scheme} weight {increment}",
    ReasonKind.LAST_SET_SHORT: "same weight: {reps} reps on the last {scheme} set, {needed} needed",
    ReasonKind.LAST_SET_REACHED: "{increment}: {reps} reps on the last {scheme} set",
    ReasonKind.RESET_PROPOSED: "{factor}: no reps on the 1+ set twice in a row",
    ReasonKind.RESET_AFTER_STALL: "reset {off} after a stall",
    ReasonKind.DECLINED: "change declined",
    ReasonKind.PLAN_START: "where the plan starts",
    ReasonKind.SET_BY_HAND: "set by the athlete",
    ReasonKind.FROM_ONE_REP_MAX: "{whole_percent} of a {one_rep_max} one-rep max",
    ReasonKind.NOTE: "{text}",
}


def reason_text(reason: Reason) -> str:
    """Why a training max or working weight moved, in words: "+5 kg: all 5×3+ sets made"."""
    return REASONS[reason.kind].format_map(_reason_words(reason))


def _reason_words(reason: Reason) -> dict[str, str]:
    """Each parameter as the sentences show it, plus the few words made of two of them."""
    words = {name: _word(name, value) for name, value in reason.params}
    params = dict(reason.params)
    if reason.kind == ReasonKind.AMRAP_TABLE:
        reps = reason.get("reps", int)
        words["reps_done"] = f"{reps} rep" if reps == 1 else f"{reps} reps"
        words["where"] = (
            f"the {words['percent']} set" if "percent" in words else "the progression set"
        )
    if "week" in params:
        words["week"] = _week(reason.get("week", int), deload=reason.get("deload", bool))
    if "next_week" in params:
        following = reason.get("next_week", int)
        words["next_week"] = _week(following, deload=reason.get("next_deload", bool))
    if "set_reps" in params and reason.get("amrap", bool):
        words["set_reps"] += "+"
    if "factor" in params:
        words["off"] = f"{format_amount((1 - reason.get('factor', Decimal)) * 100)}%"
    if reason.kind == ReasonKind.FROM_ONE_REP_MAX:
        words["whole_percent"] = f"{reason.get('percent', Decimal) * 100:.0f}%"
    return words


def _word(name: str, value: ReasonValue) -> str:
    if isinstance(value, Weight):
        named = {"increment": f"+{value}", "change": _change(value)}
        return named.get(name, str(value))
    if isinstance(value, Decimal):
        percents = {
            "factor": f"−{format_amount((1 - value) * 100)}%",
            "percent": f"{format_amount(value * 100)}%",
        }
        return percents.get(name, format_amount(value))
    if isinstance(value, SetScheme):
        return value.label
    if name == "failures" and isinstance(value, int):
        return _ordinal(value)
    return str(value)


def _change(delta: Weight) -> str:
    """The signed difference, "+2.5 kg", "−5 lb" or "same weight"."""
    if delta.amount == 0:
        return "same weight"
    sign = "+" if delta.amount > 0 else "−"
    return f"{sign}{format_amount(abs(delta.amount))} {delta.unit}"


def _week(number: int, *, deload: bool) -> str:
    return f"week {number}{' (deload)' if deload else ''}"


def _ordinal(number: int) -> str:
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
    return words.get(number, f"{number}th")
