"""What /progress and the weekly summary say, and the words on the charts (plain text)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from html import escape

from domain.progress.series import Progress, WeeklySummary
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Unit, format_amount
from handlers.training.texts import record_text

NO_DATA = (
    "No charts yet: they need a finished workout or two. Send /today to train, "
    "and /progress will draw your lifts, weekly volume and training days."
)

E1RM_TITLE = "Estimated 1RM"
E1RM_LEGEND = "e1RM, best set of the day"
RECORD_LEGEND = "PR"
TRAINING_MAX_LEGEND = "training max"
NO_LIFTS = "No main lifts logged yet"
VOLUME_TITLE = "Weekly volume by muscle group"
NO_VOLUME = "Nothing lifted in these weeks"
CALENDAR_TITLE = "Training days"
LESS, MORE = "rest", "more sets"
WEEKDAY_INITIALS = ("M", "T", "W", "T", "F", "S", "S")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FORMULAS = {E1rmFormula.EPLEY: "Epley", E1rmFormula.BRZYCKI: "Brzycki"}


def e1rm_subtitle(unit: Unit, formula: E1rmFormula) -> str:
    return f"{unit}, by {_FORMULAS[formula]} · last 12 months"


def volume_subtitle(unit: Unit, weeks: int) -> str:
    return f"{unit} lifted (weight × reps) · last {weeks} weeks"


def volume_axis(unit: Unit) -> str:
    return f"{unit} per week"


def muscle_group(group: str) -> str:
    return group.replace("_", " ").capitalize()


def calendar_subtitle(sessions: int, per_week: Decimal, planned: int | None) -> str:
    rate = per_week.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    plan = f" (plan: {planned})" if planned else ""
    noun = "session" if sessions == 1 else "sessions"
    return f"{sessions} {noun} · {rate} a week{plan}"


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


def captions(progress: Progress) -> tuple[str, str, str]:
    """One caption per chart, in the order they are sent."""
    records = sum(1 for lift in progress.lifts for point in lift.points if point.record)
    return (
        f"📈 <b>Estimated 1RM</b> per main lift · {records} PR{'s' if records != 1 else ''} "
        "in 12 months (★); dashed: your training max",
        "🏋️ <b>Weekly volume</b> by muscle group (weight × reps)",
        "📅 <b>Training days</b>: the darker, the more sets",
    )


def weekly_summary_lines(summary: WeeklySummary) -> tuple[str, str, str]:
    """Sessions done vs planned, records, training-max changes: one line each."""
    planned = f" of {summary.sessions_planned}" if summary.sessions_planned else ""
    noun = "session" if (summary.sessions_planned or summary.sessions_done) == 1 else "sessions"
    sessions = f"🗓 {summary.sessions_done}{planned} {noun} this week"
    if summary.records:
        shown = "; ".join(f"{escape(r.name)} {record_text(r.record)}" for r in summary.records[:3])
        more = f" and {len(summary.records) - 3} more" if len(summary.records) > 3 else ""
        records = f"🏆 {len(summary.records)} PR{'s' if len(summary.records) > 1 else ''}: "
        records += shown + more
    else:
        records = "🏆 No PRs this week"
    if summary.training_max_moves:
        moves = ", ".join(
            f"{escape(m.name)} {m.before} → {m.after}" for m in summary.training_max_moves
        )
        maxes = f"📈 Training maxes: {moves}"
    else:
        maxes = "📈 Training maxes unchanged"
    return sessions, records, maxes
