"""What the workout card, the finish summary and typed sets say, from the catalogues.

HTML; names from plans are escaped. Weights and numbers print as the athlete's unit and
formatting have them, in either language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from html import escape

from domain.plans.rules.reasons import Reason, ReasonKind, ReasonValue, SetScheme
from domain.shared.weights import Weight, format_amount
from domain.training.entry import EntryError, EntryProblem
from domain.training.model import DoneSet, PrescribedSet
from domain.training.progression import TrainingMaxChange
from domain.training.records import PersonalRecord, RecordKind, RepsRecord
from domain.training.rest import Rest
from domain.training.today import TodayCard
from domain.training.use_cases.finishing import WorkoutSummary
from domain.training.warmup import WarmupSet
from handlers.common.i18n import Translator


def relogged(t: Translator, prescribed: PrescribedSet, done: DoneSet) -> str:
    return t.get(
        "training-relogged",
        name=escape(prescribed.display_name),
        number=prescribed.set_number,
        weight=str(done.weight),
        reps=done.reps,
    )


def decline_button(t: Translator, change: TrainingMaxChange) -> str:
    return t.get("training-decline-button", lift=change.name, weight=str(change.old))


def reset_button(t: Translator, reset: TrainingMaxChange) -> str:
    return t.get("training-reset-button", lift=reset.name, weight=str(reset.new))


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


def set_label(t: Translator, prescribed: PrescribedSet) -> str:
    """ "T1 Squat — set 2 of 5", with a superset, warm-up or joker mark."""
    return t.get(
        "training-set-label",
        tier=str(prescribed.tier),
        mark=f"{prescribed.superset} " if prescribed.superset else "",
        name=escape(prescribed.display_name),
        number=prescribed.set_number,
        sets=prescribed.sets_in_slot,
        kind="warmup" if prescribed.warmup else "joker" if prescribed.optional else "work",
    )


def card(t: Translator, view: TodayCard, now: datetime) -> str:
    workout, shown = view.workout, view.current
    p = shown.set.prescribed
    lines = [
        t.get(
            "training-card-title",
            day=workout.day_number,
            name=escape(workout.day_name),
            deload="yes" if workout.deload else "no",
            logged=view.logged,
            total=len(workout.sets),
        ),
        set_label(t, p),
        f"<b>{set_line(p, shown.weight, shown.reps)}</b>",
        t.get("training-card-plates", plates=plates_text(t, view)),
    ]
    if view.rest is not None:
        lines.insert(1, rest_line(t, view.rest, now))
    if view.warmup:
        lines.append(warmup_line(t, view.warmup))
    if p.amrap:
        lines.append(t.get("training-card-amrap"))
    elif p.top_reps is not None:
        lines.append(t.get("training-card-rep-range", reps=p.reps, top=p.top_reps))
    if view.upcoming is not None:
        u = view.upcoming.prescribed
        next_set = set_line(u, u.weight, u.reps)
        lines.append(t.get("training-card-next", name=escape(u.display_name), set=next_set))
    return "\n".join(lines)


def warmup_line(t: Translator, ramp: Sequence[WarmupSet]) -> str:
    steps = " · ".join(f"{format_amount(s.weight.amount)} × {s.reps}" for s in ramp)
    return t.get("training-warmup", steps=steps, unit=str(ramp[0].weight.unit))


def rest_line(t: Translator, rest: Rest, now: datetime) -> str:
    return t.get(
        "training-rest", left=_clock_text(rest.remaining(now)), length=_clock_text(rest.length)
    )


def _clock_text(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def plates_text(t: Translator, view: TodayCard) -> str:
    """The plates per side on the athlete's bar, and a word if the weight asked for can't be."""
    load, bar = view.current.load, view.bar
    if not load.per_side:
        text = t.get("training-plates-empty-bar", bar=str(bar))
    else:
        plates = " + ".join(format_amount(p) for p in load.per_side)
        text = t.get("training-plates-on-bar", plates=plates, bar=str(bar))
    if not load.exact:
        text += "\n" + t.get("training-nearest-loadable", wanted=str(view.current.wanted))
    return text


def duration_text(t: Translator, duration: timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    if minutes >= 60:
        return t.get("training-duration-hours", hours=minutes // 60, minutes=minutes % 60)
    return t.get("training-duration-minutes", minutes=minutes)


def change_text(t: Translator, change: TrainingMaxChange) -> str:
    what = t.get("training-tm") if change.track is None else change.track.split("/")[-1]
    moved = f"{change.old} → {change.new}" if change.new != change.old else f"{change.new}"
    return f"{escape(change.name)} {what} {moved} ({escape(reason_text(change.reason))})"


def summary(t: Translator, result: WorkoutSummary) -> str:
    w = result.workout
    lines = [
        t.get("training-summary-title", day=w.day_number, name=escape(w.day_name)),
        t.get(
            "training-summary-stats",
            done=result.sets_done,
            total=len(w.sets),
            volume=str(result.volume),
            duration=duration_text(t, result.duration),
        ),
    ]
    for best in result.bests:
        name = escape(best.display_name)
        lines.append(t.get("training-summary-best", name=name, e1rm=str(best.e1rm)))
        lines.extend(
            t.get("training-summary-record", record=describe_record(t, record))
            for record in best.records
        )
    if result.changes:
        lines.append("")
        lines.append(t.get("training-summary-progression"))
        lines.extend(change_text(t, c) for c in result.changes)
    else:
        lines.append(t.get("training-summary-no-changes"))
    lines.extend(stall_text(t, reset) for reset in result.resets)
    return "\n".join(lines)


def stall_text(t: Translator, reset: TrainingMaxChange) -> str:
    return t.get(
        "training-stall",
        lift=escape(reset.name),
        old=str(reset.old),
        new=str(reset.new),
    )


def describe_record(t: Translator, record: PersonalRecord) -> str:
    if isinstance(record, RepsRecord):
        return t.get(
            "training-record-reps",
            reps=record.new,
            weight=str(record.weight),
            previous=str(record.previous),
        )
    key = (
        "training-record-heaviest" if record.kind == RecordKind.HEAVIEST else "training-record-e1rm"
    )
    return t.get(key, weight=str(record.new), previous=str(record.previous))


ENTRY_PROBLEMS = {
    EntryProblem.EMPTY: "training-entry-empty",
    EntryProblem.NOT_AN_ENTRY: "training-entry-not-an-entry",
    EntryProblem.TOO_LONG: "training-entry-too-long",
    EntryProblem.MISSING_REPS: "training-entry-missing-reps",
    EntryProblem.REPS_NOT_WHOLE: "training-entry-reps-not-whole",
    EntryProblem.REPS_TOO_HIGH: "training-entry-reps-too-high",
    EntryProblem.REPS_NEGATIVE: "training-entry-reps-negative",
    EntryProblem.WEIGHT_TOO_HIGH: "training-entry-weight-too-high",
    EntryProblem.WEIGHT_NOT_POSITIVE: "training-entry-weight-not-positive",
    EntryProblem.WEIGHT_TOO_PRECISE: "training-entry-weight-too-precise",
    EntryProblem.RPE_OFF_CHART: "training-entry-rpe-off-chart",
}


def explain_entry(t: Translator, error: EntryError) -> str:
    return t.get(ENTRY_PROBLEMS[error.reason])


# English that handlers/plans, progress and reminders still use until their strings move to the
# catalogues; the same words are training-no-plan, training-missing-max, training-record-* and
# training-entry-* in locales/. `no-such-day` and `finish-first` belong to plans.

NO_PLAN = "You have no plan yet. Send /start to pick one."
NO_SUCH_DAY = "That day isn't in your plan. Send /plan to see its days."


def finish_first(day: int) -> str:
    return f"Your day {day} workout has sets logged. Finish it on its card (🏁) first, or /today."


def record_text(record: PersonalRecord) -> str:
    if isinstance(record, RepsRecord):
        return f"{record.new} reps at {record.weight} (was {record.previous})"
    what = "heaviest" if record.kind == RecordKind.HEAVIEST else "best e1RM"
    return f"{what} {record.new} (was {record.previous})"


def entry_problem(error: EntryError) -> str:
    return _ENGLISH_ENTRY_PROBLEMS[error.reason]


_ENGLISH_ENTRY_PROBLEMS = {
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
