"""Body-weight trend: a 7-day moving average, and the change a week once there is enough data.

Rules (ours):
- A day has one weight (the last one logged that day).
- The moving average on a day weighed is the mean of the weights of that day and the six
  calendar days before it, however many of them were weighed (a day missed is not a zero).
- The weekly rate is the least-squares slope of the weights of the last 28 days, times 7;
  it is given only when those weights span at least 14 days (one week says little).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.shared.weights import Unit, Weight

WINDOW_DAYS = 7
RATE_DAYS = 28
RATE_MIN_SPAN_DAYS = 14

Point = tuple[date, Decimal]


@dataclass(frozen=True, slots=True)
class BodyTrend:
    """Body weight in the athlete's unit: each day weighed, its moving average, the rate."""

    unit: Unit
    points: tuple[Point, ...]  # oldest first
    average: tuple[Point, ...]  # one per point
    per_week: Decimal | None  # None until there are weeks enough

    @property
    def latest(self) -> Decimal:
        return self.points[-1][1]


def moving_average(points: Sequence[Point], window: int = WINDOW_DAYS) -> tuple[Point, ...]:
    """For each day weighed, the mean of the weights of that day and the `window - 1` before."""
    ordered = sorted(points)
    averages: list[Point] = []
    start = 0
    for end, (day, _) in enumerate(ordered):
        while ordered[start][0] <= day - timedelta(days=window):
            start += 1
        inside = [value for _, value in ordered[start : end + 1]]
        averages.append((day, sum(inside, Decimal(0)) / len(inside)))
    return tuple(averages)


def weekly_rate(points: Sequence[Point]) -> Decimal | None:
    """The change a week over the last 28 days (least squares), or None over under 14 days."""
    if not points:
        return None
    last = max(day for day, _ in points)
    recent = [(day, value) for day, value in points if day > last - timedelta(days=RATE_DAYS)]
    first = min(day for day, _ in recent)
    if (last - first).days < RATE_MIN_SPAN_DAYS:
        return None
    xs = [Decimal((day - first).days) for day, _ in recent]
    ys = [value for _, value in recent]
    zero = Decimal(0)
    mean_x, mean_y = sum(xs, zero) / len(xs), sum(ys, zero) / len(ys)
    spread = sum(((x - mean_x) ** 2 for x in xs), zero)
    moved = sum(((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)), zero)
    slope = moved / spread
    return slope * WINDOW_DAYS


def body_trend(weights_kg: Sequence[Point], unit: Unit) -> BodyTrend | None:
    """The trend of the weights (kg, one per day), in the athlete's unit; None without any."""
    if not weights_kg:
        return None
    points = tuple(sorted((day, Weight(kg, Unit.KG).to(unit).amount) for day, kg in weights_kg))
    return BodyTrend(unit, points, moving_average(points), weekly_rate(points))
