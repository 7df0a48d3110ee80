"""/stats' chart as PNG bytes: clients who stayed, came and left, and Stars, month by month.

A pure function of the figures for a chart worker process to run; matplotlib's Figure API on an
Agg canvas, no pyplot.
"""

from __future__ import annotations

from io import BytesIO

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from domain.analytics.use_cases.stats import CoachStats
from handlers.analytics.texts import ChartWords, month_label

DPI = 100
WIDTH, HEIGHT = 10.8, 10.0  # inches: 1080 px wide, as the other charts
INK, MUTED, GRID, PAPER = "#1f2933", "#616e7c", "#e4e7eb", "#ffffff"
RETAINED, NEW, CHURNED, STARS = "#0072b2", "#009e73", "#d55e00", "#e69f00"  # Okabe–Ito
TITLE, SUBTITLE, LABEL, TICK = 30, 20, 20, 16


def render_stats(stats: CoachStats, words: ChartWords) -> bytes:
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, facecolor=PAPER)
    figure.text(0.04, 0.965, words.title, fontsize=TITLE, color=INK, fontweight="bold", va="top")
    figure.text(0.04, 0.91, words.subtitle, fontsize=SUBTITLE, color=MUTED, va="top")
    clients, revenue = figure.subplots(
        2, 1, gridspec_kw={"left": 0.1, "right": 0.97, "top": 0.82, "bottom": 0.07, "hspace": 0.4}
    )
    labels = [month_label(month) for month in stats.months]
    places = range(len(labels))
    retained = [month.retained for month in stats.months]
    clients.bar(places, retained, color=RETAINED, label=words.retained, zorder=3)
    clients.bar(
        places,
        [month.new for month in stats.months],
        bottom=retained,
        color=NEW,
        label=words.new,
        zorder=3,
    )
    clients.bar(
        places,
        [-month.churned for month in stats.months],
        color=CHURNED,
        label=words.churned,
        zorder=3,
    )
    clients.axhline(0, color=MUTED, linewidth=1.2)
    tallest = max((month.active for month in stats.months), default=0)
    clients.set_ylim(top=tallest * 1.3 + 1)  # room for the legend above the bars
    clients.set_title(words.clients, fontsize=LABEL, color=INK, loc="left")
    clients.legend(fontsize=TICK, frameon=False, ncols=3, loc="upper left")
    revenue.bar(places, [month.revenue for month in stats.months], color=STARS, zorder=3)
    revenue.set_title(words.revenue, fontsize=LABEL, color=INK, loc="left")
    for axes in (clients, revenue):
        _style(axes, labels)
    raw = BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(raw, format="png", dpi=DPI, facecolor=PAPER)
    return raw.getvalue()


def _style(axes: Axes, labels: list[str]) -> None:
    axes.set_facecolor(PAPER)
    axes.grid(axis="y", color=GRID, linewidth=1.2, zorder=0)
    axes.tick_params(labelsize=TICK, colors=MUTED, length=0, pad=6)
    axes.set_xticks(range(len(labels)), labels)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
