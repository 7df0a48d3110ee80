"""Logging a conditioning score: read as its scheme says, kept once, placed against the
reference (or our users) when it is an Rx benchmark, and compared with the last best."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.athletes.use_cases.registration import registered_user
from domain.conditioning.library import MEDIANS
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.movements import Unit
from domain.conditioning.percentiles import (
    COUNT_SIGMA,
    TIME_SIGMA,
    Source,
    Tier,
    capped_time,
    level,
    percentile_among,
    tier,
)
from domain.conditioning.ports import ConditioningUnitOfWork
from domain.conditioning.scores import (
    LOWER_IS_BETTER,
    ROUND,
    Scheme,
    Score,
    Status,
    is_better,
    parse_score,
    sort_key,
)
from domain.conditioning.workout import Workout
from domain.shared.ports import Clock

BEST_OF = timedelta(days=365)  # §5: each athlete's best Rx result of the last 12 months counts


class UnknownWorkoutError(LookupError):
    """No such workout of this athlete's."""


@dataclass(frozen=True, slots=True)
class Standing:
    percentile: float
    level: int
    tier: Tier
    source: Source


@dataclass(frozen=True, slots=True)
class Logged:
    result: LoggedResult
    workout: SavedWorkout
    standing: Standing | None  # Rx benchmark results only
    beaten: LoggedResult | None  # the earlier best this one beats: a PR


def reps_per_round(workout: Workout) -> int:
    """Reps of one pass through the parts counted in reps (a rep pattern: all its numbers)."""
    reps = 0
    for part in workout.parts:
        if part.unit == Unit.REPS:
            reps += part.amount if part.amount is not None else sum(workout.pattern)
    return reps


def _ranked_value(workout: Workout, score: Score) -> float | None:
    """What the percentile model ranks: seconds (capped at the pace kept), or total reps."""
    if score.scheme in LOWER_IS_BETTER:
        if score.status == Status.CAP:
            total = reps_per_round(workout) * workout.rounds
            return capped_time(score.value / 1000, total, score.reps_at_cap)
        return score.value / 1000 if score.status == Status.SCORED else None
    if score.scheme == Scheme.ROUNDS_REPS:
        rounds, reps = divmod(score.value, ROUND)
        return float(rounds * reps_per_round(workout) + reps)
    return float(score.value)


class LogScore:
    def __init__(self, uow: ConditioningUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, workout_id: int, typed: str, *, rx: bool, message_id: int | None
    ) -> Logged:
        """BadScoreError (naming the scheme) if the text is not a score; nothing is kept then."""
        now = self._clock.now()
        async with self._uow:
            saved = await self._uow.conditioning.workout(workout_id)
            if saved is None or saved.owner_id != athlete_id:
                raise UnknownWorkoutError(workout_id)
            athlete = await registered_user(self._uow, athlete_id)
            workout = saved.workout
            score = parse_score(
                workout.scheme, typed, cap_ms=workout.cap_ms, unit=athlete.unit.value
            )
            earlier = (
                await self._uow.conditioning.named_results(athlete_id, workout.name, before=now)
                if workout.name
                else []
            )
            result = await self._uow.conditioning.add_result(
                LoggedResult(None, athlete_id, workout_id, score, rx, now, "", message_id)
            )
            standing = None
            if rx and saved.source == WorkoutSource.BENCHMARK:
                standing = await self._standing(workout, score, now)
            await self._uow.commit()
        same_kind = [r for r in earlier if r.rx == rx and r.id != result.id]
        best = min(same_kind, key=lambda r: sort_key(r.score), default=None)
        beaten = best if best is not None and is_better(score, best.score) else None
        return Logged(result, saved, standing, beaten)

    async def _standing(self, workout: Workout, score: Score, now: datetime) -> Standing | None:
        median = MEDIANS.get(workout.name)
        value = _ranked_value(workout, score)
        if median is None or value is None:
            return None
        others = await self._uow.conditioning.best_rx_by_athlete(workout.name, now - BEST_OF)
        values = [v for r in _best_each(others) if (v := _ranked_value(workout, r.score))]
        lower = workout.scheme in LOWER_IS_BETTER
        prior = median.men if lower else median.men * reps_per_round(workout)
        sigma = TIME_SIGMA if lower else COUNT_SIGMA
        p, source = percentile_among(
            value, values, median=prior, sigma=sigma, lower_is_better=lower
        )
        return Standing(p, level(p), tier(p), source)


def _best_each(results: list[LoggedResult]) -> list[LoggedResult]:
    best: dict[int, LoggedResult] = {}
    for result in results:
        held = best.get(result.athlete_id)
        if held is None or is_better(result.score, held.score):
            best[result.athlete_id] = result
    return list(best.values())
