"""Conditioning in /progress: the heat map's cells and the benchmarks' trends, from results."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.conditioning.duration import TimeDomain
from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.progress import conditioning_progress
from domain.conditioning.scores import Scheme, Score, Status
from domain.conditioning.text import parse_workout
from domain.conditioning.workout import Format, Workout

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
UTC_ZONE = ZoneInfo("UTC")


def done(
    workout: Workout, score: Score, day: int, *, rx: bool = True, percentile: float | None = None
) -> tuple[LoggedResult, SavedWorkout]:
    source = WorkoutSource.BENCHMARK if workout.name else WorkoutSource.PASTED
    saved = SavedWorkout(day, 1, source, workout, START)
    at = START + timedelta(days=day)
    return LoggedResult(day, 1, day, score, rx, at, percentile=percentile), saved


def named(name: str) -> Workout:
    workout = benchmark(name)
    assert workout is not None
    return workout


def test_cells_count_workouts_by_format_and_how_long_they_took() -> None:
    fran, amrap = named("Fran"), parse_workout("AMRAP 12: 5 pull-ups, 10 push-ups")
    progress = conditioning_progress(
        [
            done(fran, Score(Scheme.TIME, 262_000), 0, percentile=0.74),  # 4:22: a sprint
            done(fran, Score(Scheme.TIME, 238_000), 7, percentile=0.80),  # 3:58
            done(fran, Score(Scheme.TIME, 330_000), 9, rx=False),  # 5:30 scaled: short
            done(amrap, Score(Scheme.ROUNDS_REPS, 700_003), 10, rx=False),  # 12 min: medium
        ],
        UTC_ZONE,
    )

    assert progress.workouts == 4
    sprint = progress.cells[(Format.FOR_TIME, TimeDomain.SPRINT)]
    assert sprint.workouts == 2
    assert sprint.mean_percentile == pytest.approx(0.77)
    assert progress.cells[(Format.FOR_TIME, TimeDomain.SHORT)].mean_percentile is None
    assert progress.cells[(Format.AMRAP, TimeDomain.MEDIUM)].workouts == 1


def test_a_benchmarks_trend_has_every_result_in_seconds_or_rounds() -> None:
    fran, cindy = named("Fran"), named("Cindy")
    progress = conditioning_progress(
        [
            done(fran, Score(Scheme.TIME, 262_000), 0),
            done(cindy, Score(Scheme.ROUNDS_REPS, 16 * 100_000 + 5), 3),
            done(fran, Score(Scheme.TIME, 238_000), 7, rx=False),
            done(fran, Score(Scheme.TIME_WITH_CAP, 600_000, Status.CAP, 20), 8),
        ],
        UTC_ZONE,
    )

    by_name = {trend.name: trend for trend in progress.trends}
    assert [trend.name for trend in progress.trends] == ["Fran", "Cindy"]  # most done first
    fran_points = by_name["Fran"].points
    assert [(p.day, p.value, p.rx) for p in fran_points] == [
        (date(2026, 3, 2), 262.0, True),
        (date(2026, 3, 9), 238.0, False),
    ]  # a capped result has no time to plot
    assert by_name["Fran"].lower_is_better
    # Cindy's round is 5 pull-ups, 10 push-ups, 15 air squats: 16+5 is 16⅙ rounds
    assert by_name["Cindy"].points[0].value == pytest.approx(16 + 5 / 30)


def test_the_day_is_the_athletes_own() -> None:
    fran = named("Fran")
    late = done(fran, Score(Scheme.TIME, 262_000), 0)  # 18:00 UTC is 07:00 the next day here
    progress = conditioning_progress([late], ZoneInfo("Pacific/Auckland"))

    assert progress.trends[0].points[0].day == date(2026, 3, 3)
