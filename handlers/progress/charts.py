"""Progress charts as PNG bytes: pure functions of the series, for a worker process to run.

Drawn with matplotlib's object API on an Agg canvas (no pyplot, no global state), sized for a
phone: 1080 px wide, large type, one palette in which a lift and its muscle group share a colour.
Over 400 lines on purpose: the three charts share that style and its helpers, and a worker
process imports this one module to draw any of them.
"""

from __future__ import annotations

import calendar
import math
import os
from datetime import date, timedelta
from io import BytesIO

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from domain.progress.series import LiftProgress, Progress, TrainingCalendar, months_back
from handlers.progress.texts import ChartWords, lift_title, thousands

DPI = 100
WIDTH = 10.8  # inches: 1080 px, what Telegram shows a photo at on most phones
MAX_LIFTS = 6
PALETTE_COLOURS = 256
WORKER_NICENESS = 10  # a set logged waits for no chart: the event loop's process goes first

INK, MUTED, GRID, PAPER = "#1f2933", "#616e7c", "#e4e7eb", "#ffffff"
RECORD = "#f7b801"
# Okabe–Ito, safe for colour-blind eyes; a lift and its muscle group share one
LIFT_COLOURS = {
    "squat": "#0072b2",
    "bench": "#d55e00",
    "deadlift": "#009e73",
    "ohp": "#cc79a7",
    "barbell_row": "#56b4e9",
    "power_clean": "#e69f00",
}
GROUP_COLOURS = {
    "legs": "#0072b2",
    "chest": "#d55e00",
    "back": "#009e73",
    "shoulders": "#cc79a7",
    "arms": "#56b4e9",
    "full_body": "#e69f00",
}
SPARE_COLOURS = ("#8d6e63", "#7b8794", "#3e4c59", "#b08900")
HEAT = ("#e4e7eb", "#b7e4c7", "#74c69d", "#2d9d5c", "#1b5e3b")  # rest, then more sets
HEAT_SETS = (1, 8, 15, 22)  # the fewest sets that reach each shade after rest

TITLE, SUBTITLE, LABEL, TICK, SMALL = 30, 20, 21, 17, 15
LONG_SPAN_DAYS, MEDIUM_SPAN_DAYS = 183, 56
CALENDAR_MIN_MONTHS = 2  # this month and the one before, however new the athlete


def render_e1rm(progress: Progress, words: ChartWords) -> bytes:
    """Estimated 1RM per main lift: a line per lift, PR stars, its training max as steps."""
    lifts = progress.lifts[:MAX_LIFTS]
    columns = 1 if len(lifts) <= 1 else 2
    rows = max(1, math.ceil(len(lifts) / columns))
    figure = new_figure(4.0 + 3.9 * rows)
    draw_titles(figure, words.e1rm_title, words.e1rm_subtitle)
    if not lifts:
        empty_panel(figure.add_subplot(), words.no_lifts)
        return to_png(figure)
    grid = figure.add_gridspec(
        rows,
        columns,
        left=0.09,
        right=0.97,
        top=1 - 2.15 / figure.get_figheight(),
        bottom=1.25 / figure.get_figheight(),
        hspace=0.55,
        wspace=0.22,
    )
    first = progress.span_start
    for index, lift in enumerate(lifts):
        axes = figure.add_subplot(grid[index // columns, index % columns])
        _lift(
            axes,
            lift,
            first,
            progress.today,
            _colour(LIFT_COLOURS, lift.exercise, index),
            months=words.months,
        )
        axes.set_title(
            lift_title(lift.name, lift.points[-1].e1rm if lift.points else None, progress.unit),
            fontsize=LABEL,
            color=INK,
            loc="left",
            pad=10,
            fontweight="bold",
        )
    figure.legend(
        handles=[
            Line2D([], [], color=MUTED, linewidth=3, marker="o", label=words.e1rm_legend),
            Line2D(
                [],
                [],
                color=RECORD,
                marker="*",
                markersize=20,
                markeredgecolor=INK,
                linestyle="none",
                label=words.record_legend,
            ),
            Line2D(
                [],
                [],
                color=MUTED,
                linewidth=2.5,
                linestyle=(0, (4, 2)),
                label=words.training_max_legend,
            ),
        ],
        loc="lower center",
        ncols=3,
        frameon=False,
        fontsize=SMALL + 1,
        bbox_to_anchor=(0.5, 0.0),
        handlelength=2.2,
        columnspacing=1.6,
    )
    return to_png(figure)


def _lift(
    axes: Axes,
    lift: LiftProgress,
    first: date,
    today: date,
    colour: str,
    *,
    months: tuple[str, ...],
) -> None:
    style_axes(axes)
    days = [p.day.toordinal() for p in lift.points]
    values = [float(p.e1rm) for p in lift.points]
    axes.plot(days, values, color=colour, linewidth=3, marker="o", markersize=5, zorder=3)
    records = [p for p in lift.points if p.record]
    axes.plot(
        [p.day.toordinal() for p in records],
        [float(p.e1rm) for p in records],
        linestyle="none",
        marker="*",
        markersize=20,
        color=RECORD,
        markeredgecolor=INK,
        markeredgewidth=1,
        zorder=4,
    )
    left, right = first.toordinal() - 3, today.toordinal() + 3
    if lift.training_maxes:
        # from the axis' start (a TM held before it), to its end: a TM set today is a line too
        steps = [max(s.since.toordinal(), left) for s in lift.training_maxes] + [right]
        weights = [float(s.weight) for s in lift.training_maxes]
        axes.plot(
            steps,
            [*weights, weights[-1]],
            drawstyle="steps-post",
            color=colour,
            alpha=0.65,
            linewidth=2.5,
            linestyle=(0, (4, 2)),
            zorder=2,
        )
        values += weights
    axes.set_xlim(left, right)
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    margin = max((high - low) * 0.12, high * 0.04, 1.0)
    axes.set_ylim(low - margin, high + margin)
    time_ticks(axes, first, today, months)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))


def time_ticks(axes: Axes, first: date, last: date, months: tuple[str, ...]) -> None:
    """Ticks that suit the span: quarters over half a year, months over eight weeks, else
    every other Monday."""
    span = (last - first).days
    if span > LONG_SPAN_DAYS:
        ticks = [d for d in _firsts_of_months(first, last) if d.month % 3 == 1]
        labels = [_month(d, months) for d in ticks]
    elif span > MEDIUM_SPAN_DAYS:
        ticks = _firsts_of_months(first, last)
        labels = [_month(d, months) for d in ticks]
    else:
        monday = first + timedelta(days=-first.weekday() % 7)
        ticks = [monday + timedelta(weeks=n) for n in range(0, (last - monday).days // 7 + 1, 2)]
        labels = [f"{d.day} {months[d.month - 1]}" for d in ticks]
    axes.set_xticks([d.toordinal() for d in ticks], labels)


def render_volume(progress: Progress, words: ChartWords) -> bytes:
    """Weekly tonnage, stacked by muscle group, the current week included."""
    volume = progress.volume
    figure = new_figure(9.6)
    draw_titles(figure, words.volume_title, words.volume_subtitle)
    axes = figure.add_axes((0.12, 0.1, 0.85, 0.7))
    if volume.is_empty:
        empty_panel(axes, words.no_volume)
        return to_png(figure)
    style_axes(axes)
    positions = list(range(len(volume.weeks)))
    bottom = [0.0] * len(positions)
    for index, group in enumerate(volume.groups):
        heights = [float(t) for t in volume.tonnage[index]]
        axes.bar(
            positions,
            heights,
            bottom=bottom,
            width=0.74,
            label=words.muscle_groups[group],
            color=_colour(GROUP_COLOURS, group, index),
            edgecolor=PAPER,
            linewidth=1,
            zorder=3,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    peak = max(bottom)
    for position, total in zip(positions, bottom, strict=True):
        if total:
            axes.text(
                position,
                total + peak * 0.015,
                thousands(total),
                ha="center",
                va="bottom",
                fontsize=SMALL - 3,
                color=MUTED,
            )
    axes.set_ylim(0, peak * 1.1)
    axes.set_xlim(-0.6, len(positions) - 0.4)
    axes.grid(axis="x", visible=False)
    axes.set_xticks(positions[::-2][::-1])
    axes.set_xticklabels([_day(volume.weeks[p], words) for p in positions[::-2][::-1]])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: thousands(value)))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6))
    axes.set_ylabel(words.volume_axis, fontsize=SMALL + 1, color=MUTED)
    figure.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.86),
        ncols=min(len(volume.groups), 5),
        frameon=False,
        fontsize=SMALL + 1,
        handlelength=1.2,
        columnspacing=1.4,
        reverse=False,
    )
    return to_png(figure)


def render_calendar(progress: Progress, words: ChartWords) -> bytes:
    """A year of days as twelve month grids; the more sets a day had, the darker it is."""
    days = progress.calendar
    months = _months(calendar_start(days), days.last)
    columns = 3
    rows = math.ceil(len(months) / columns)
    figure = new_figure(2.4 + 2.75 * rows)
    draw_titles(figure, words.calendar_title, words.calendar_subtitle)
    axes = figure.add_axes((0.03, 0.07, 0.94, plots_top(figure) - 0.07))
    axes.set_axis_off()
    cells: list[FancyBboxPatch] = []
    shades: list[str] = []
    class_dots: list[tuple[float, float]] = []
    for index, (year, month) in enumerate(months):
        x0, y0 = (index % columns) * 8.2, -(index // columns) * 8.6
        axes.text(
            x0 + 3.4,
            y0 + 1.55,
            f"{words.months[month - 1]} {year}",
            ha="center",
            fontsize=LABEL - 2,
            color=INK,
            fontweight="bold",
        )
        for weekday, initial in enumerate(words.weekday_initials):
            axes.text(
                x0 + weekday + 0.4,
                y0 + 0.55,
                initial,
                ha="center",
                fontsize=SMALL - 4,
                color=MUTED,
            )
        for day, week in _month_days(year, month):
            if day > days.last:
                continue
            cell = rounded_cell(x0 + day.weekday(), y0 - week)
            cells.append(cell)
            shades.append(_shade(days, day))
            if day in days.class_days:
                class_dots.append((x0 + day.weekday() + 0.47, y0 - week - 0.53))
            if day == days.last:
                _today(axes, x0 + day.weekday(), y0 - week)
    axes.add_collection(PatchCollection(cells, facecolors=shades, edgecolors="none"))
    if class_dots:
        xs, ys = zip(*class_dots, strict=True)
        axes.scatter(xs, ys, s=22, color=INK, zorder=3, linewidths=0)
    axes.set_xlim(-0.3, columns * 8.2 - 1.1)
    axes.set_ylim(-(rows - 1) * 8.6 - 6.2, 2.3)
    axes.set_aspect("equal")
    _heat_legend(figure, words)
    return to_png(figure)


def calendar_start(days: TrainingCalendar) -> date:
    """The first month drawn: the first trained, and at least the month before this one."""
    recent = months_back(days.last, CALENDAR_MIN_MONTHS - 1)
    first = days.first_trained
    return max(days.first, min(recent, first.replace(day=1) if first else recent))


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_days(year: int, month: int) -> list[tuple[date, int]]:
    """Each day of the month with its week row (0 for the week holding the 1st)."""
    offset = date(year, month, 1).weekday()
    length = calendar.monthrange(year, month)[1]
    return [(date(year, month, d), (offset + d - 1) // 7) for d in range(1, length + 1)]


def rounded_cell(x: float, y: float) -> FancyBboxPatch:
    return FancyBboxPatch(
        (x + 0.06, y - 0.94), 0.82, 0.82, boxstyle="round,pad=0,rounding_size=0.16"
    )


def _today(axes: Axes, x: float, y: float) -> None:
    ring = FancyBboxPatch(
        (x + 0.0, y - 1.0),
        0.94,
        0.94,
        boxstyle="round,pad=0,rounding_size=0.2",
        facecolor="none",
        edgecolor=INK,
        linewidth=2,
        zorder=4,
    )
    axes.add_patch(ring)


def _shade(days: TrainingCalendar, day: date) -> str:
    if day < days.first:
        return PAPER
    sets = days.sets_by_day.get(day, 0)
    if not sets and days.trained(day):  # a MetCon or a class: trained, with no sets to count
        return HEAT[1]
    return HEAT[sum(1 for threshold in HEAT_SETS if sets >= threshold)]


def _heat_legend(figure: Figure, words: ChartWords) -> None:
    axes = figure.add_axes((0.3, 0.015, 0.4, 0.04))
    axes.set_axis_off()
    axes.set_xlim(-3.2, len(HEAT) + 4.2)
    axes.set_ylim(0, 1)
    axes.set_aspect("equal")
    cells = [rounded_cell(n, 1) for n in range(len(HEAT))]
    axes.add_collection(PatchCollection(cells, facecolors=list(HEAT), edgecolors="none"))
    axes.text(-0.3, 0.45, words.less, ha="right", va="center", fontsize=SMALL, color=MUTED)
    axes.text(len(HEAT) + 0.2, 0.45, words.more, va="center", fontsize=SMALL, color=MUTED)


def new_figure(height: float) -> Figure:
    return Figure(figsize=(WIDTH, height), dpi=DPI, facecolor=PAPER)


def plots_top(figure: Figure) -> float:
    """Where the plots start under the titles, which keep their size as the figure grows."""
    return 1 - 1.5 / figure.get_figheight()


def draw_titles(figure: Figure, title: str, subtitle: str) -> None:
    height = figure.get_figheight()
    figure.text(
        0.04, 1 - 0.55 / height, title, fontsize=TITLE, color=INK, fontweight="bold", va="top"
    )
    figure.text(0.04, 1 - 1.15 / height, subtitle, fontsize=SUBTITLE, color=MUTED, va="top")


def style_axes(axes: Axes) -> None:
    axes.set_facecolor(PAPER)
    axes.grid(axis="y", color=GRID, linewidth=1.2, zorder=0)
    axes.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
    axes.tick_params(labelsize=TICK, colors=MUTED, length=0, pad=6)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(GRID)


def empty_panel(axes: Axes, message: str) -> None:
    axes.set_axis_off()
    axes.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        fontsize=LABEL,
        color=MUTED,
        transform=axes.transAxes,
    )


def _colour(colours: dict[str, str], key: str, index: int) -> str:
    return colours.get(key, SPARE_COLOURS[index % len(SPARE_COLOURS)])


def _firsts_of_months(first: date, last: date) -> list[date]:
    return [
        date(year, month, 1)
        for year, month in _months(first, last)
        if date(year, month, 1) >= first
    ]


def _month(day: date, months: tuple[str, ...]) -> str:
    """ "Apr", and "Jan 2026" where a year begins."""
    name = months[day.month - 1]
    return f"{name} {day.year}" if day.month == 1 else name


def _day(day: date, words: ChartWords) -> str:
    return f"{day.day} {words.months[day.month - 1]}"


def to_png(figure: Figure) -> bytes:
    """The figure as a palette PNG: charts are a few flat colours, so 8 bits lose nothing seen.

    A full-colour PNG of a year's e1RM chart comes close to 150 KB; the palette one is a third.
    """
    raw = BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(raw, format="rgba", dpi=DPI, facecolor=PAPER)
    size = (round(figure.get_figwidth() * DPI), round(figure.get_figheight() * DPI))
    image = Image.frombuffer("RGBA", size, raw.getvalue())
    palette = image.convert("RGB").quantize(
        PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    buffer = BytesIO()
    palette.save(buffer, format="PNG")
    return buffer.getvalue()


def start_worker() -> None:
    """Readies a chart worker process: it yields the CPU to the bot, and its fonts are loaded."""
    os.nice(WORKER_NICENESS)
    warm_up()


def warm_up() -> None:
    """Loads matplotlib and its fonts, so the first chart is as quick as the rest."""
    figure = new_figure(1)
    figure.text(0.5, 0.5, "0", fontsize=TICK, fontweight="bold")
    to_png(figure)
