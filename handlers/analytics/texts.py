"""/stats in words: the figures as lines of text and the chart's labels, from the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from domain.analytics.business import Attendance
from domain.analytics.use_cases.stats import CoachStats, MonthFigures
from handlers.common.i18n import Translator


@dataclass(frozen=True, slots=True)
class ChartWords:
    title: str
    subtitle: str
    clients: str
    retained: str
    new: str
    churned: str
    revenue: str


def chart_words(t: Translator, stats: CoachStats) -> ChartWords:
    return ChartWords(
        title=t.get("analytics-chart-title"),
        subtitle=t.get("analytics-chart-subtitle", months=len(stats.months)),
        clients=t.get("analytics-chart-clients"),
        retained=t.get("analytics-retained"),
        new=t.get("analytics-new"),
        churned=t.get("analytics-churned"),
        revenue=t.get("analytics-chart-revenue"),
    )


def month_label(month: MonthFigures) -> str:
    return month.month.strftime("%Y-%m")


def percent(share: float) -> str:
    """A share as a whole percentage, halves up (0.125 → 13%)."""
    return f"{int(share * 100 + 0.5)}%"


def _attendance(t: Translator, attendance: Attendance) -> str:
    if attendance.attendance_rate is None or attendance.no_show_rate is None:
        return t.get("analytics-attendance-none")
    return t.get(
        "analytics-attendance",
        held=percent(attendance.attendance_rate),
        missed=percent(attendance.no_show_rate),
        attended=attendance.attended,
        marked=attendance.marked,
    )


def _month_line(t: Translator, month: MonthFigures) -> str:
    held = month.attendance
    return t.get(
        "analytics-month-line",
        month=month_label(month),
        active=month.active,
        retained=month.retained,
        new=month.new,
        churned=month.churned,
        revenue=month.revenue,
        sessions=(
            t.get("analytics-month-sessions", attended=held.attended, marked=held.marked)
            if held.marked
            else ""
        ),
    )


def stats_text(t: Translator, stats: CoachStats) -> str:
    lines = [
        t.get("analytics-head", months=len(stats.months)),
        t.get("analytics-active", count=stats.active_clients),
        t.get("analytics-revenue", stars=stats.revenue),
        _attendance(t, stats.attendance),
        "",
        t.get("analytics-months-head"),
        *(_month_line(t, month) for month in stats.months),
        "",
        t.get("analytics-definitions"),
    ]
    return "\n".join(lines)
