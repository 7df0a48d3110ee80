"""The body-weight chart of /progress (#15): each weigh-in a dot, the 7-day average a line; the
axis spans the weigh-ins (four weeks at least), in the style of `charts.py`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from domain.body.trend import BodyTrend
from domain.progress.series import Progress
from domain.shared.weights import format_amount
from handlers.common.i18n import Translator
from handlers.progress.charts import (
    INK,
    MUTED,
    SMALL,
    draw_titles,
    new_figure,
    style_axes,
    time_ticks,
    to_png,
)
from handlers.progress.texts import month_name

WEIGH_INS, AVERAGE = "#9aa5b1", "#0072b2"
MIN_SPAN = timedelta(weeks=4)


@dataclass(frozen=True, slots=True)
class BodyChartWords:
    title: str
    subtitle: str
    weigh_ins: str
    average: str
    caption: str
    months: tuple[str, ...]


def body_chart_words(t: Translator, trend: BodyTrend) -> BodyChartWords:
    unit = str(trend.unit)
    latest = format_amount(trend.latest.quantize(Decimal("0.1"), ROUND_HALF_UP))
    if trend.per_week is None:
        subtitle = t.get("progress-body-subtitle", unit=unit, latest=latest)
    else:
        rate = trend.per_week.quantize(Decimal("0.01"), ROUND_HALF_UP)
        signed = f"{'+' if rate > 0 else '−' if rate < 0 else '±'}{format_amount(abs(rate))}"
        subtitle = t.get("progress-body-subtitle-rate", unit=unit, latest=latest, rate=signed)
    return BodyChartWords(
        title=t.get("progress-body-title"),
        subtitle=subtitle,
        weigh_ins=t.get("progress-body-weigh-ins"),
        average=t.get("progress-body-average"),
        caption=t.get("progress-body-caption", count=len(trend.points)),
        months=tuple(month_name(t, m) for m in range(1, 13)),
    )


def render_body_weight(progress: Progress, words: BodyChartWords) -> bytes:
    """Each weigh-in a dot, the 7-day moving average a line through them."""
    trend = progress.body
    figure = new_figure(8.4)
    draw_titles(figure, words.title, words.subtitle)
    axes = figure.add_axes((0.1, 0.16, 0.86, 0.62))
    style_axes(axes)
    if trend is None:  # pragma: no cover - /progress draws this chart only with weigh-ins
        return to_png(figure)
    first = min(trend.points[0][0], progress.today - MIN_SPAN)
    axes.plot(
        [day.toordinal() for day, _ in trend.points],
        [float(value) for _, value in trend.points],
        linestyle="none",
        marker="o",
        markersize=8,
        color=WEIGH_INS,
        zorder=3,
        gid="weigh-ins",
    )
    axes.plot(
        [day.toordinal() for day, _ in trend.average],
        [float(value) for _, value in trend.average],
        color=AVERAGE,
        linewidth=3.5,
        zorder=4,
        gid="average",
    )
    values = [float(value) for _, value in trend.points]
    low, high = min(values), max(values)
    margin = max((high - low) * 0.15, 1.0)
    axes.set_ylim(low - margin, high + margin)
    axes.set_xlim(first.toordinal() - 2, progress.today.toordinal() + 2)
    time_ticks(axes, first, progress.today, words.months)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6))
    figure.legend(
        handles=[
            Line2D([], [], color=WEIGH_INS, marker="o", linestyle="none", label=words.weigh_ins),
            Line2D([], [], color=AVERAGE, linewidth=3.5, label=words.average),
        ],
        loc="lower center",
        ncols=2,
        frameon=False,
        fontsize=SMALL + 1,
        labelcolor=INK,
        bbox_to_anchor=(0.5, 0.01),
    )
    axes.tick_params(colors=MUTED)
    return to_png(figure)
