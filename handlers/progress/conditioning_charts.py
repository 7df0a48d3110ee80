"""The conditioning charts of /progress as PNG bytes, in the style of `charts.py`: the heat map of
completed workouts (format × time domain) and the benchmarks' results over time."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator

from domain.conditioning.duration import TimeDomain
from domain.conditioning.progress import BenchmarkTrend, ConditioningProgress
from domain.conditioning.scores import Scheme
from domain.conditioning.workout import Format
from handlers.progress.charts import (
    HEAT,
    INK,
    LABEL,
    MUTED,
    SMALL,
    TICK,
    draw_titles,
    new_figure,
    rounded_cell,
    style_axes,
    to_png,
)
from handlers.progress.conditioning_words import ConditioningWords

HEAT_WORKOUTS = (1, 3, 6, 10)  # the fewest workouts that reach each shade after none
TREND_COLOURS = ("#d55e00", "#0072b2", "#009e73", "#cc79a7")
MIN_SPAN = timedelta(days=28)  # one retest still gets a readable axis


def render_heat_map(progress: ConditioningProgress, words: ConditioningWords) -> bytes:
    """A cell per format × time domain: darker for more workouts; its count, and the mean
    percentile of the Rx benchmark results in it."""
    formats, domains = list(Format), list(TimeDomain)
    figure = new_figure(3.2 + 1.25 * len(formats))
    draw_titles(figure, words.heat_title, words.heat_subtitle)
    axes = figure.add_axes((0.2, 0.03, 0.78, 1 - 2.9 / figure.get_figheight()))
    axes.set_axis_off()
    cells, shades = [], []
    for row, format in enumerate(formats):
        y = -row * 1.1
        axes.text(
            -0.2,
            y - 0.45,
            words.formats[format],
            ha="right",
            va="center",
            fontsize=LABEL,
            color=INK,
        )
        for column, domain in enumerate(domains):
            x = column * 1.1
            cell = progress.cells.get((format, domain))
            count = cell.workouts if cell else 0
            cells.append(rounded_cell(x, y))
            shades.append(HEAT[sum(1 for least in HEAT_WORKOUTS if count >= least)])
            if cell is None:
                continue
            light = count < HEAT_WORKOUTS[2]
            axes.text(
                x + 0.47,
                y - 0.38,
                str(count),
                ha="center",
                va="center",
                fontsize=LABEL + 2,
                fontweight="bold",
                color=INK if light else "#ffffff",
            )
            if cell.mean_percentile is not None:
                axes.text(
                    x + 0.47,
                    y - 0.72,
                    f"p{round(cell.mean_percentile * 100)}",
                    ha="center",
                    va="center",
                    fontsize=SMALL - 1,
                    color=MUTED if light else "#ffffff",
                )
    for column, domain in enumerate(domains):
        axes.text(
            column * 1.1 + 0.47,
            0.35,
            words.domains[domain],
            ha="center",
            va="bottom",
            fontsize=SMALL,
            color=MUTED,
            linespacing=1.3,
        )
    axes.add_collection(PatchCollection(cells, facecolors=shades, edgecolors="none"))
    axes.set_xlim(-0.1, len(domains) * 1.1)
    axes.set_ylim(-len(formats) * 1.1 - 0.05, 1.3)
    axes.set_aspect("equal")
    return to_png(figure)


def render_benchmarks(progress: ConditioningProgress, words: ConditioningWords) -> bytes:
    """A panel per benchmark: each result on its day, Rx filled and scaled hollow; time runs
    downwards, so up is better in every panel."""
    trends = progress.trends
    figure = new_figure(3.4 + 3.6 * max(1, len(trends)))
    draw_titles(figure, words.trends_title, words.trends_subtitle)
    grid = figure.add_gridspec(
        max(1, len(trends)),
        1,
        left=0.12,
        right=0.96,
        top=1 - 2.15 / figure.get_figheight(),
        bottom=1.2 / figure.get_figheight(),
        hspace=0.6,
    )
    for index, trend in enumerate(trends):
        axes = figure.add_subplot(grid[index, 0])
        _trend(axes, trend, TREND_COLOURS[index % len(TREND_COLOURS)], words)
    figure.legend(
        handles=[
            Line2D(
                [],
                [],
                color=MUTED,
                marker="o",
                markersize=12,
                linestyle="none",
                label=words.rx_legend,
            ),
            Line2D(
                [],
                [],
                color=MUTED,
                marker="o",
                markersize=12,
                markerfacecolor="none",
                markeredgewidth=2.5,
                linestyle="none",
                label=words.scaled_legend,
            ),
        ],
        loc="lower center",
        ncols=2,
        frameon=False,
        fontsize=SMALL + 1,
        bbox_to_anchor=(0.5, 0.0),
    )
    return to_png(figure)


def _trend(axes: Axes, trend: BenchmarkTrend, colour: str, words: ConditioningWords) -> None:
    style_axes(axes)
    values = [p.value for p in trend.points]
    rx = [p for p in trend.points if p.rx]
    if len(rx) > 1:
        axes.plot(
            [_x(p.day) for p in rx],
            [p.value for p in rx],
            color=colour,
            linewidth=3,
            zorder=2,
        )
    for point in trend.points:
        axes.plot(
            _x(point.day),
            point.value,
            marker="o",
            markersize=13,
            color=colour,
            markerfacecolor=colour if point.rx else "white",
            markeredgewidth=2.5,
            linestyle="none",
            zorder=3,
        )
    first, last = min(p.day for p in trend.points), max(p.day for p in trend.points)
    middle = first + (last - first) / 2
    span = max(last - first, MIN_SPAN)
    axes.set_xlim(_x(middle - span * 0.6), _x(middle + span * 0.6))
    low, high = min(values), max(values)
    pad = max((high - low) * 0.25, abs(high) * 0.08, 1.0)
    axes.set_ylim(low - pad, high + pad)
    if trend.lower_is_better:
        axes.invert_yaxis()
        axes.yaxis.set_major_formatter(FuncFormatter(lambda s, _: _clock(s)))
        axes.yaxis.set_major_locator(MultipleLocator(_clock_step(high - low + 2 * pad)))
    else:
        axes.yaxis.set_major_locator(MaxNLocator(4))
        if trend.scheme == Scheme.ROUNDS_REPS:
            axes.set_ylabel(words.rounds, fontsize=SMALL, color=MUTED)
    axes.xaxis.set_major_locator(MaxNLocator(5, integer=True))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _day(x, words)))
    axes.tick_params(labelsize=TICK)
    axes.set_title(trend.name, fontsize=LABEL, color=INK, loc="left", pad=10, fontweight="bold")


def _x(day: date) -> float:
    return float(day.toordinal())


CLOCK_STEPS = (10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)  # seconds between time ticks


def _clock_step(span: float) -> int:
    """Whole minutes or round seconds between ticks, four or five of them over the span."""
    return next((step for step in CLOCK_STEPS if span / step <= 5), CLOCK_STEPS[-1])


def _clock(seconds: float) -> str:
    whole = max(0, round(seconds))
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


def _day(number: float, words: ConditioningWords) -> str:
    day = date.fromordinal(max(1, round(number)))
    return f"{day.day} {words.months[day.month - 1]}"
