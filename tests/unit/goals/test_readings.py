"""A goal's reading from logged sets, results and training days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.conditioning.model import LoggedResult
from domain.conditioning.scores import Scheme, Score, Status
from domain.goals.readings import best_e1rm, best_time, heaviest, sessions_this_week
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Unit, Weight

AT = datetime(2026, 3, 2, 9, tzinfo=UTC)


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


SETS = [(kg("100"), 5), (kg("120"), 1), (kg("110"), 3), (kg("130"), 0)]


def test_the_heaviest_lift_ignores_a_failed_set() -> None:
    assert heaviest(SETS, Unit.KG) == Decimal(120)


def test_the_best_epley_e1rm_of_the_sets() -> None:
    # 100 × (1 + 5/30) = 116.67; 120 × 1 = 120; 110 × (1 + 3/30) = 121: the best is 121
    assert best_e1rm(SETS, Unit.KG, E1rmFormula.EPLEY) == Decimal(121)


def test_an_e1rm_in_pounds_converts_the_kilograms_logged() -> None:
    best = best_e1rm([(kg("100"), 1)], Unit.LB, E1rmFormula.EPLEY)
    assert best is not None
    assert round(best, 2) == Decimal("220.46")


def result(ms: int, *, rx: bool = True, status: Status = Status.SCORED) -> LoggedResult:
    return LoggedResult(None, 7, 1, Score(Scheme.TIME, ms, status), rx, AT)


def test_the_best_benchmark_time_is_the_fastest_finished_rx_one_in_seconds() -> None:
    results = [result(275_000), result(250_000, rx=False), result(240_000, status=Status.CAP)]
    assert best_time(results) == Decimal(275)


def test_sessions_count_distinct_local_days_from_monday() -> None:
    zone = ZoneInfo("Europe/Berlin")
    moments = [
        datetime(2026, 3, 1, 22, 30, tzinfo=UTC),  # Sunday 23:30 in Berlin: last week
        datetime(2026, 3, 1, 23, 30, tzinfo=UTC),  # Monday 00:30 in Berlin
        datetime(2026, 3, 2, 17, tzinfo=UTC),  # Monday again: the same session day
        datetime(2026, 3, 4, 8, tzinfo=UTC),  # Wednesday
    ]
    assert sessions_this_week(moments, zone, date(2026, 3, 4)) == 2
