"""What /progress and the weekly summary say, and the words on the charts (plain text)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from domain.conditioning.scores import render_score
from domain.conditioning.text import workout_to_text
from domain.conditioning.workout import Workout as ConditioningWorkout
from domain.progress.series import ConditioningDone, Progress, WeeklySummary
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Unit, format_amount
from handlers.common.i18n import Translator
from handlers.common.texts import record_text

FORMULAS = {E1rmFormula.EPLEY: "Epley", E1rmFormula.BRZYCKI: "Brzycki"}
SUMMARY_RECORDS_SHOWN = 3
SUMMARY_CONDITIONING_SHOWN = 3
MONTHS = range(1, 13)
WEEKDAYS = range(7)


@dataclass(frozen=True, slots=True)
class ChartWords:
    """Every word drawn on one athlete's charts, worked out before a worker process draws them."""

    e1rm_title: str
    e1rm_subtitle: str
    e1rm_legend: str
    record_legend: str
    training_max_legend: str
    no_lifts: str
    volume_title: str
    volume_subtitle: str
    volume_axis: str
    no_volume: str
    muscle_groups: dict[str, str]
    calendar_title: str
    calendar_subtitle: str
    less: str
    more: str
    weekday_initials: tuple[str, ...]
    months: tuple[str, ...]  # January first


def chart_words(t: Translator, progress: Progress) -> ChartWords:
    unit = str(progress.unit)
    days = progress.calendar
    return ChartWords(
        e1rm_title=t.get("progress-e1rm-title"),
        e1rm_subtitle=t.get(
            "progress-e1rm-subtitle", unit=unit, formula=FORMULAS[progress.formula]
        ),
        e1rm_legend=t.get("progress-e1rm-legend"),
        record_legend=t.get("progress-record-legend"),
        training_max_legend=t.get("progress-training-max-legend"),
        no_lifts=t.get("progress-no-lifts"),
        volume_title=t.get("progress-volume-title"),
        volume_subtitle=t.get(
            "progress-volume-subtitle", unit=unit, weeks=len(progress.volume.weeks)
        ),
        volume_axis=t.get("progress-volume-axis", unit=unit),
        no_volume=t.get("progress-no-volume"),
        muscle_groups={group: muscle_group(t, group) for group in progress.volume.groups},
        calendar_title=t.get("progress-calendar-title"),
        calendar_subtitle=calendar_subtitle(
            t, days.sessions, days.sessions_per_week, days.planned_per_week
        ),
        less=t.get("progress-heat-less"),
        more=t.get("progress-heat-more"),
        weekday_initials=tuple(t.get("progress-weekday-initial", weekday=d) for d in WEEKDAYS),
        months=tuple(month_name(t, m) for m in MONTHS),
    )


def month_name(t: Translator, month: int) -> str:
    return t.get("progress-month", month=month)


def muscle_group(t: Translator, group: str) -> str:
    return t.get("progress-muscle-group", group=group, name=group.replace("_", " ").capitalize())


def calendar_subtitle(
    t: Translator, sessions: int, per_week: Decimal | None, planned: int | None
) -> str:
    """Sessions, and a rate a week once there are weeks enough to say one (#15)."""
    if per_week is None:
        if planned:
            return t.get(
                "progress-calendar-subtitle-planned-no-rate", sessions=sessions, planned=planned
            )
        return t.get("progress-calendar-subtitle-no-rate", sessions=sessions)
    rate = str(per_week.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    if planned:
        return t.get(
            "progress-calendar-subtitle-planned", sessions=sessions, rate=rate, planned=planned
        )
    return t.get("progress-calendar-subtitle", sessions=sessions, rate=rate)


def lift_title(name: str, latest: Decimal | None, unit: Unit) -> str:
    """The lift and its latest e1RM, to the nearest whole kg or lb: an estimate, not a load."""
    if latest is None:
        return name
    return f"{name} · {format_amount(latest.quantize(Decimal(1), ROUND_HALF_UP))} {unit}"


def thousands(amount: float) -> str:
    """Axis ticks: 12500 → "12.5k"."""
    if abs(amount) >= 1000:
        return f"{amount / 1000:.3g}k"
    return f"{amount:.0f}"


def captions(t: Translator, progress: Progress) -> tuple[str, str, str]:
    """One caption per chart, in the order they are sent."""
    records = sum(1 for lift in progress.lifts for point in lift.points if point.record)
    return (
        t.get("progress-e1rm-caption", records=records),
        t.get("progress-volume-caption"),
        t.get("progress-calendar-caption", classes=len(progress.calendar.class_days)),
    )


def weekly_summary_lines(t: Translator, summary: WeeklySummary) -> tuple[str, ...]:
    """Sessions done vs planned, the conditioning results (when there are any), records,
    training-max changes: one line each."""
    if summary.sessions_planned:
        sessions = t.get(
            "progress-summary-sessions-planned",
            done=summary.sessions_done,
            planned=summary.sessions_planned,
        )
    else:
        sessions = t.get("progress-summary-sessions", done=summary.sessions_done)
    found = summary.records
    if found:
        shown = "; ".join(
            f"{escape(r.name)} {record_text(t, r.record)}" for r in found[:SUMMARY_RECORDS_SHOWN]
        )
        more = len(found) - SUMMARY_RECORDS_SHOWN
        records = (
            t.get("progress-summary-records-and-more", count=len(found), records=shown, more=more)
            if more > 0
            else t.get("progress-summary-records", count=len(found), records=shown)
        )
    else:
        records = t.get("progress-summary-no-records")
    if summary.training_max_moves:
        moves = ", ".join(
            f"{escape(m.name)} {m.before} → {m.after}" for m in summary.training_max_moves
        )
        maxes = t.get("progress-summary-maxes", moves=moves)
    else:
        maxes = t.get("progress-summary-maxes-unchanged")
    if not summary.conditioning:
        return sessions, records, maxes
    return sessions, _conditioning_line(t, summary), records, maxes


def _conditioning_line(t: Translator, summary: WeeklySummary) -> str:
    """ "🔥 2 conditioning workouts: Fran 4:22 Rx; AMRAP 12 7+3 scaled"."""
    done = summary.conditioning
    shown = "; ".join(
        _conditioning_result(t, wod, summary) for wod in done[:SUMMARY_CONDITIONING_SHOWN]
    )
    more = len(done) - SUMMARY_CONDITIONING_SHOWN
    if more > 0:
        return t.get(
            "progress-summary-conditioning-and-more", count=len(done), results=shown, more=more
        )
    return t.get("progress-summary-conditioning", count=len(done), results=shown)


def _conditioning_result(t: Translator, wod: ConditioningDone, summary: WeeklySummary) -> str:
    return t.get(
        "progress-summary-wod",
        name=escape(conditioning_name(wod.workout)),
        score=escape(render_score(wod.score, unit=summary.unit.value)),
        rx="rx" if wod.rx else "scaled",
    )


def conditioning_name(workout: ConditioningWorkout) -> str:
    """A named workout by its name (Fran); another by its format as typed in the workout text
    (AMRAP 12, For time, 21-15-9, 3 rounds for time), which stays English like the format."""
    if workout.name:
        return workout.name
    format_line = workout_to_text(replace(workout, name="")).split("\n", 1)[0]
    return format_line.split(":", 1)[0]
