"""The body-weight trend: a 7-day moving average, and a weekly rate only with weeks of data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from domain.body.trend import body_trend, moving_average, weekly_rate
from domain.shared.weights import Unit

DAY = date(2026, 11, 2)


def on(offset: int, value: str) -> tuple[date, Decimal]:
    return DAY + timedelta(days=offset), Decimal(value)


def test_the_average_is_of_the_day_and_the_six_before_it_not_of_the_last_seven_weigh_ins():
    points = [on(0, "80"), on(1, "81"), on(2, "82"), on(7, "84")]

    averages = dict(moving_average(points))

    assert averages[DAY] == Decimal(80)
    assert averages[DAY + timedelta(days=2)] == Decimal(81)  # (80 + 81 + 82) / 3
    # day 7's window is days 1..7: (81 + 82 + 84) / 3; day 0 has left it
    assert averages[DAY + timedelta(days=7)] == Decimal(247) / 3


def test_a_missed_day_is_not_a_zero():
    assert moving_average([on(0, "80"), on(3, "80")])[-1][1] == Decimal(80)


def test_no_rate_until_the_weigh_ins_span_two_weeks():
    assert weekly_rate([on(0, "80"), on(13, "79")]) is None
    assert weekly_rate([]) is None


def test_the_rate_is_the_least_squares_slope_a_week():
    # days 0, 7, 14 at 80, 79.5, 79: a straight line losing 0.5 kg a week
    assert weekly_rate([on(0, "80"), on(7, "79.5"), on(14, "79")]) == Decimal("-0.5")


def test_the_rate_reads_only_the_last_28_days():
    old = on(-40, "90")  # long ago, much heavier: left out
    assert weekly_rate([old, on(0, "80"), on(7, "80.5"), on(14, "81")]) == Decimal("0.5")


def test_the_trend_is_in_the_athletes_unit():
    trend = body_trend([on(0, "45.359237")], Unit.LB)

    assert trend is not None
    assert trend.latest == Decimal(100)  # 45.359237 kg is exactly 100 lb
    assert trend.average == ((DAY, Decimal(100)),)
    assert trend.per_week is None
    assert body_trend([], Unit.KG) is None
