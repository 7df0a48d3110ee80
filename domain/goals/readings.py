"""A goal's current reading from what is logged: pure, fed by the use case's queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.conditioning.model import LoggedResult
from domain.conditioning.scores import LOWER_IS_BETTER, Status
from domain.shared.e1rm import E1rmFormula, e1rm
from domain.shared.time import local_day
from domain.shared.weights import Unit, Weight

MS = Decimal(1000)


def heaviest(sets: Iterable[tuple[Weight, int]], unit: Unit) -> Decimal | None:
    """The heaviest weight lifted for at least one rep, in `unit`."""
    return max((weight.to(unit).amount for weight, reps in sets if reps >= 1), default=None)


def best_e1rm(
    sets: Iterable[tuple[Weight, int]], unit: Unit, formula: E1rmFormula
) -> Decimal | None:
    """The best estimated one-rep max of the sets, by the athlete's formula, in `unit`."""
    estimates = (e1rm(weight.to(unit), reps, formula) for weight, reps in sets)
    return max((estimate.amount for estimate in estimates if estimate), default=None)


def best_time(results: Iterable[LoggedResult]) -> Decimal | None:
    """The fastest finished Rx time, in seconds: a capped or scaled result is no such time."""
    return min(
        (
            Decimal(result.score.value) / MS
            for result in results
            if result.rx
            and result.score.scheme in LOWER_IS_BETTER
            and result.score.status == Status.SCORED
        ),
        default=None,
    )


def week_start(today: date) -> date:
    return today - timedelta(days=today.weekday())


def sessions_this_week(moments: Sequence[datetime], zone: ZoneInfo, today: date) -> int:
    """Training days this week (Monday on): a day with sets, a conditioning result, or both,
    is one session."""
    monday = week_start(today)
    return len({day for moment in moments if (day := local_day(moment, zone)) >= monday})
