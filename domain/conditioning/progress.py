"""Conditioning in /progress: completed workouts by format × time domain (how many, and the mean
percentile of those placed), and each benchmark's results over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from zoneinfo import ZoneInfo

from domain.conditioning.duration import TimeDomain, time_domain
from domain.conditioning.generator import domain_of
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import LOWER_IS_BETTER, ROUND, Scheme, Status
from domain.conditioning.workout import Format, Workout, reps_per_round
from domain.shared.time import local_day

TRENDS_SHOWN = 4  # the benchmarks done most often; a phone shows four panels well
GRAMS_PER_KG = 1000


@dataclass(frozen=True, slots=True)
class Cell:
    workouts: int
    mean_percentile: float | None  # of the Rx benchmark results among them; None if none


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: date
    value: float  # seconds for a time, rounds (16.2) for an AMRAP, kg for a load, else the count
    rx: bool


@dataclass(frozen=True, slots=True)
class BenchmarkTrend:
    name: str
    scheme: Scheme
    points: tuple[TrendPoint, ...]  # oldest first

    @property
    def lower_is_better(self) -> bool:
        return self.scheme in LOWER_IS_BETTER


@dataclass(frozen=True, slots=True)
class ConditioningProgress:
    cells: dict[tuple[Format, TimeDomain], Cell]
    trends: tuple[BenchmarkTrend, ...]

    @property
    def workouts(self) -> int:
        return sum(cell.workouts for cell in self.cells.values())


def conditioning_progress(
    done: list[tuple[LoggedResult, SavedWorkout]], zone: ZoneInfo
) -> ConditioningProgress:
    """`done`: the results of the period, oldest first, each with its workout."""
    counts: Counter[tuple[Format, TimeDomain]] = Counter()
    placed: defaultdict[tuple[Format, TimeDomain], list[float]] = defaultdict(list)
    series: defaultdict[str, list[TrendPoint]] = defaultdict(list)
    schemes: dict[str, Scheme] = {}
    for result, saved in done:
        key = (saved.workout.format, _domain(saved.workout, result))
        counts[key] += 1
        if result.percentile is not None:
            placed[key].append(result.percentile)
        value = trend_value(saved.workout, result)
        if saved.source == WorkoutSource.BENCHMARK and value is not None:
            day = local_day(result.logged_at, zone)
            series[saved.workout.name].append(TrendPoint(day, value, result.rx))
            schemes[saved.workout.name] = result.score.scheme
    cells = {
        key: Cell(count, fmean(placed[key]) if placed[key] else None)
        for key, count in counts.items()
    }
    most = sorted(series, key=lambda name: (-len(series[name]), name))[:TRENDS_SHOWN]
    trends = tuple(BenchmarkTrend(name, schemes[name], tuple(series[name])) for name in most)
    return ConditioningProgress(cells, trends)


def _domain(workout: Workout, result: LoggedResult) -> TimeDomain:
    """How long it took, where the score says (a finished For Time); else as estimated."""
    score = result.score
    if score.scheme in LOWER_IS_BETTER and score.status == Status.SCORED:
        return time_domain(score.value / 1000)
    return domain_of(workout)


def trend_value(workout: Workout, result: LoggedResult) -> float | None:
    """What a benchmark's trend plots; None for a result that has no place on it (capped)."""
    score = result.score
    if score.status != Status.SCORED:
        return None
    if score.scheme in LOWER_IS_BETTER:
        return score.value / 1000
    if score.scheme == Scheme.ROUNDS_REPS:
        rounds, reps = divmod(score.value, ROUND)
        per_round = reps_per_round(workout)
        return rounds + (reps / per_round if per_round else 0)
    if score.scheme == Scheme.LOAD:
        return score.value / GRAMS_PER_KG
    return float(score.value)
