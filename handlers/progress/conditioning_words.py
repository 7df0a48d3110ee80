"""Every word on the conditioning charts of /progress, worked out before a worker draws them."""

from __future__ import annotations

from dataclasses import dataclass

from domain.conditioning.duration import TimeDomain
from domain.conditioning.progress import ConditioningProgress
from domain.conditioning.workout import Format
from handlers.common.i18n import Translator

MONTHS = range(1, 13)


@dataclass(frozen=True, slots=True)
class ConditioningWords:
    heat_title: str
    heat_subtitle: str
    formats: dict[Format, str]
    domains: dict[TimeDomain, str]  # each with its minutes: "Sprint\n< 5 min"
    trends_title: str
    trends_subtitle: str
    rx_legend: str
    scaled_legend: str
    rounds: str
    months: tuple[str, ...]  # January first


def conditioning_words(t: Translator, progress: ConditioningProgress) -> ConditioningWords:
    return ConditioningWords(
        heat_title=t.get("conditioning-heat-map-title"),
        heat_subtitle=t.get("conditioning-heat-map-subtitle", workouts=progress.workouts),
        formats={f: t.get("conditioning-format", format=f.value) for f in Format},
        domains={d: t.get("conditioning-domain-range", domain=d.value) for d in TimeDomain},
        trends_title=t.get("conditioning-trends-title"),
        trends_subtitle=t.get("conditioning-trends-subtitle"),
        rx_legend=t.get("conditioning-trends-rx"),
        scaled_legend=t.get("conditioning-trends-scaled"),
        rounds=t.get("conditioning-trends-rounds"),
        months=tuple(t.get("progress-month", month=m) for m in MONTHS),
    )


def conditioning_captions(t: Translator, progress: ConditioningProgress) -> tuple[str, str]:
    """The heat map's caption, then the benchmark trends'."""
    placed = [c.mean_percentile for c in progress.cells.values() if c.mean_percentile is not None]
    best = max(progress.cells.items(), key=lambda item: (item[1].workouts, item[0]))
    return (
        t.get(
            "conditioning-heat-map-caption",
            workouts=progress.workouts,
            format=best[0][0].value,
            domain=best[0][1].value,
            placed=len(placed),
        ),
        t.get("conditioning-trends-caption", benchmarks=len(progress.trends)),
    )
