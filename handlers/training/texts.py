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
from domain.training.model import DoneSet, PrescribedSet
from domain.training.progression import TrainingMaxChange
from domain.training.rest import Rest
from domain.training.today import TodayCard
from domain.training.use_cases.finishing import WorkoutSummary
from domain.training.warmup import WarmupSet
from handlers.common.i18n import Arg, Translator
from handlers.common.texts import record_text


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
    return f"{escape(change.name)} {what} {moved} ({escape(reason_text(t, change.reason))})"


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
            t.get("training-summary-record", record=record_text(t, record))
            for record in best.records
        )
    if result.changes:
        lines.append("")
        lines.append(t.get("training-summary-progression"))
        lines.extend(change_text(t, c) for c in result.changes)
    elif not result.proposed:
        lines.append(t.get("training-summary-no-changes"))
    if result.proposed:
        lines.append("")
        lines.append(t.get("training-summary-proposed"))
        lines.extend(change_text(t, c) for c in result.proposed)
    lines.extend(stall_text(t, reset) for reset in result.resets)
    return "\n".join(lines)


def stall_text(t: Translator, reset: TrainingMaxChange) -> str:
    return t.get(
        "training-stall",
        lift=escape(reset.name),
        old=str(reset.old),
        new=str(reset.new),
    )


REASON_KEYS = {
    ReasonKind.AMRAP_TABLE: "training-reason-amrap-table",
    ReasonKind.NO_RULE: "training-reason-no-rule",
    ReasonKind.ALL_PRESCRIBED_SETS_MADE: "training-reason-all-prescribed-sets-made",
    ReasonKind.CYCLE_WEEK_DONE: "training-reason-cycle-week-done",
    ReasonKind.CYCLE_SET_SHORT: "training-reason-cycle-set-short",
    ReasonKind.CYCLE_COMPLETE: "training-reason-cycle-complete",
    ReasonKind.CYCLE_FELL_SHORT: "training-reason-cycle-fell-short",
    ReasonKind.ALL_SETS_MADE: "training-reason-all-sets-made",
    ReasonKind.SESSION_FAILED: "training-reason-session-failed",
    ReasonKind.DELOAD_AFTER_FAILURES: "training-reason-deload-after-failures",
    ReasonKind.RANGE_TOP_REACHED: "training-reason-range-top-reached",
    ReasonKind.SETS_NOT_LOGGED: "training-reason-sets-not-logged",
    ReasonKind.RANGE_TOP_MISSED: "training-reason-range-top-missed",
    ReasonKind.NO_RATED_SET: "training-reason-no-rated-set",
    ReasonKind.RPE_ESTIMATE: "training-reason-rpe-estimate",
    ReasonKind.SET_FELL_SHORT: "training-reason-set-fell-short",
    ReasonKind.STAGE_ADVANCED: "training-reason-stage-advanced",
    ReasonKind.RETEST_NEXT: "training-reason-retest-next",
    ReasonKind.RETEST_AGAIN: "training-reason-retest-again",
    ReasonKind.RETEST_RESTART: "training-reason-retest-restart",
    ReasonKind.STAGE_RESTART_BUMPED: "training-reason-stage-restart-bumped",
    ReasonKind.LAST_SET_SHORT: "training-reason-last-set-short",
    ReasonKind.LAST_SET_REACHED: "training-reason-last-set-reached",
    ReasonKind.RESET_PROPOSED: "training-reason-reset-proposed",
    ReasonKind.RESET_AFTER_STALL: "training-reason-reset-after-stall",
    ReasonKind.DECLINED: "training-reason-declined",
    ReasonKind.PLAN_START: "training-reason-plan-start",
    ReasonKind.SET_BY_HAND: "training-reason-set-by-hand",
    ReasonKind.SET_BY_COACH: "training-reason-set-by-coach",
    ReasonKind.FROM_ONE_REP_MAX: "training-reason-from-one-rep-max",
    ReasonKind.NOTE: "training-reason-note",
}


def reason_text(t: Translator, reason: Reason) -> str:
    """Why a training max or working weight moved, in words: "+5 kg: all 5×3+ sets made"."""
    key = REASON_KEYS[reason.kind]
    if reason.kind == ReasonKind.AMRAP_TABLE and "percent" not in dict(reason.params):
        key = "training-reason-amrap-table-progression-set"
    return t.get(key, **_reason_args(t, reason))


def _reason_args(t: Translator, reason: Reason) -> dict[str, Arg]:
    """Each parameter as the catalogue takes it, plus the few made of two of them."""
    args = {name: _arg(t, name, value) for name, value in reason.params}
    params = dict(reason.params)
    if "week" in params:
        args["week"] = _week(t, reason.get("week", int), deload=reason.get("deload", bool))
    if "next_week" in params:
        following = reason.get("next_week", int)
        args["next_week"] = _week(t, following, deload=reason.get("next_deload", bool))
    if "factor" in params:
        args["off"] = format_amount((1 - reason.get("factor", Decimal)) * 100)
    if "change" in params:
        args["direction"] = _direction(reason.get("change", Weight))
    if reason.kind == ReasonKind.FROM_ONE_REP_MAX:
        args["percent"] = f"{reason.get('percent', Decimal) * 100:.0f}"
    return args


def _arg(t: Translator, name: str, value: ReasonValue) -> Arg:
    match value:
        case Weight():
            magnitude = Weight(abs(value.amount), value.unit) if name == "change" else value
            return str(magnitude)
        case Decimal():
            return format_amount(value * 100 if name == "percent" else value)
        case SetScheme():
            return _scheme_text(t, value)
        case bool():
            return "yes" if value else "no"
        case str() if name == "coach":  # a name a person chose; the message is HTML
            return escape(value)
        case _:
            return value


def _direction(delta: Weight) -> str:
    if delta.amount == 0:
        return "same"
    return "up" if delta.amount > 0 else "down"


def _scheme_text(t: Translator, scheme: SetScheme) -> str:
    """Sets × reps: "5×3+", or "3×8–12" for a rep range."""
    if scheme.top is not None:
        return t.get(
            "training-reason-scheme-range", sets=scheme.sets, reps=scheme.reps, top=scheme.top
        )
    amrap = "yes" if scheme.amrap else "no"
    return t.get("training-reason-scheme", sets=scheme.sets, reps=scheme.reps, amrap=amrap)


def _week(t: Translator, number: int, *, deload: bool) -> str:
    return t.get("training-reason-week", week=number, deload="yes" if deload else "no")
