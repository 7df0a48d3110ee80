"""Logging a conditioning score: read as its scheme says, kept once, placed against the
reference (or our users) when it is an Rx benchmark, and compared with the last best."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.athletes.kit import FULL_GYM, Division
from domain.athletes.use_cases.registration import registered_user
from domain.conditioning.balance import lead_order, modality_use, rested_patterns
from domain.conditioning.entry import read_entry
from domain.conditioning.generator import (
    NoMovementsError,
    Request,
    domain_of,
    generate,
    heavy_lift,
    swap,
)
from domain.conditioning.library import MEDIANS
from domain.conditioning.model import LoggedResult, Prompt, SavedWorkout, WorkoutSource
from domain.conditioning.movements import BY_SLUG, Modality
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
from domain.conditioning.progress import ConditioningProgress, conditioning_progress
from domain.conditioning.rotation import next_domain, next_format
from domain.conditioning.scores import (
    LOWER_IS_BETTER,
    ROUND,
    Scheme,
    Score,
    Status,
    is_better,
    sort_key,
)
from domain.conditioning.workout import Format, Workout, reps_per_round
from domain.shared.ports import Clock
from domain.shared.time import local_day

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
        """BadScoreError (naming the scheme) if the text is not a score, BadTiebreakError if
        its tiebreak is not a time; nothing is kept then."""
        now = self._clock.now()
        async with self._uow:
            saved = await self._uow.conditioning.workout(workout_id)
            if saved is None or saved.owner_id != athlete_id:
                raise UnknownWorkoutError(workout_id)
            athlete = await registered_user(self._uow, athlete_id)
            workout = saved.workout
            entry = read_entry(
                workout.scheme, typed, cap_ms=workout.cap_ms, unit=athlete.unit.value
            )
            score = entry.score
            earlier = (
                await self._uow.conditioning.named_results(athlete_id, workout.name, before=now)
                if workout.name
                else []
            )
            standing = None
            if rx and saved.source == WorkoutSource.BENCHMARK:
                standing = await self._standing(workout, score, now, athlete.division)
            result = await self._uow.conditioning.add_result(
                LoggedResult(
                    None,
                    athlete_id,
                    workout_id,
                    score,
                    rx,
                    now,
                    entry.note,
                    message_id,
                    standing.percentile if standing else None,
                    entry.sets,
                )
            )
            await self._uow.commit()
        same_kind = [r for r in earlier if r.rx == rx and r.id != result.id]
        best = min(same_kind, key=lambda r: sort_key(r.score), default=None)
        beaten = best if best is not None and is_better(score, best.score) else None
        return Logged(result, saved, standing, beaten)

    async def _standing(
        self, workout: Workout, score: Score, now: datetime, division: Division
    ) -> Standing | None:
        median = MEDIANS.get(workout.name)
        value = _ranked_value(workout, score)
        if median is None or value is None:
            return None
        others = await self._uow.conditioning.best_rx_by_athlete(workout.name, now - BEST_OF)
        values = [v for r in _best_each(others) if (v := _ranked_value(workout, r.score))]
        lower = workout.scheme in LOWER_IS_BETTER
        middle = median.women if division == Division.WOMEN else median.men
        prior = middle if lower else middle * reps_per_round(workout)
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


class SaveWorkout:
    """Keeps a workout for the athlete (generated, a benchmark, or their own text)."""

    def __init__(self, uow: ConditioningUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, owner_id: int, source: WorkoutSource, workout: Workout
    ) -> SavedWorkout:
        async with self._uow:
            await registered_user(self._uow, owner_id)
            saved = await self._uow.conditioning.add_workout(
                SavedWorkout(None, owner_id, source, workout, self._clock.now())
            )
            await self._uow.commit()
            return saved


async def owned_workout(
    uow: ConditioningUnitOfWork, athlete_id: int, workout_id: int
) -> SavedWorkout:
    """The athlete's own saved workout; UnknownWorkoutError for anyone else's or none."""
    async with uow:
        saved = await uow.conditioning.workout(workout_id)
    if saved is None or saved.owner_id != athlete_id:
        raise UnknownWorkoutError(workout_id)
    return saved


RECENT = timedelta(days=7)
AVOID_FOR = timedelta(hours=48)  # §6: no movement within 48 h
REST_HEAVY = timedelta(hours=72)  # §6: no heavy pattern within 72 h
LOOK_BACK = timedelta(days=28)  # enough for the last 9 training days of almost anyone


class GenerateWorkout:
    """A MetCon for the athlete from their kit: the format asked for (or not yesterday's), the
    time domain by the rotation, no movement of the last 48 hours, no heavy lift of a pattern
    loaded heavy in the last 72 (strength days included), led by the modality least used."""

    def __init__(self, uow: ConditioningUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, format: Format | None, rng: random.Random
    ) -> SavedWorkout:
        now = self._clock.now()
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            recent = await self._uow.conditioning.done_since(athlete_id, now - LOOK_BACK)
            lifted = await self._uow.strength_days.lifted_since(athlete_id, now - LOOK_BACK)
        zone, today = athlete.zone, local_day(now, athlete.zone)
        week = [(r.logged_at, saved.workout) for r, saved in recent if r.logged_at >= now - RECENT]
        avoid = frozenset(
            part.movement for at, workout in week if at >= now - AVOID_FOR for part in workout.parts
        )
        heavy = [
            part.movement
            for at, workout in week
            if at >= now - REST_HEAVY
            for part in workout.parts
            if heavy_lift(BY_SLUG[part.movement])
        ]
        rested = rested_patterns(heavy + [lift for at, lift in lifted if at >= now - REST_HEAVY])
        days: defaultdict[date, list[Modality]] = defaultdict(list)
        for result, saved in recent:
            days[local_day(result.logged_at, zone)] += [
                BY_SLUG[part.movement].modality for part in saved.workout.parts
            ]
        for day in {local_day(at, zone) for at, _ in lifted}:
            days[day].append(Modality.WEIGHTLIFTING)
        format = format or next_format(
            {local_day(at, zone): workout.format for at, workout in week}, today, rng
        )
        domain = next_domain(
            {local_day(at, zone): domain_of(workout) for at, workout in week}, today, rng
        )
        kit = FULL_GYM if athlete.kit is None else athlete.kit
        lead = tuple(lead_order(modality_use(days), rng))
        try:
            workout = generate(Request(format, domain, kit, avoid, rested=rested, lead=lead), rng)
        except NoMovementsError:  # the kit is small and everything was done lately: repeat
            workout = generate(Request(format, domain, kit), rng)
        return await SaveWorkout(self._uow, self._clock)(
            athlete_id, WorkoutSource.GENERATED, workout
        )


class SwapMovement:
    """🔁: the same workout with one movement swapped, kept as a new workout of the athlete's."""

    def __init__(self, uow: ConditioningUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, workout_id: int, index: int, rng: random.Random
    ) -> SavedWorkout:
        saved = await owned_workout(self._uow, athlete_id, workout_id)
        if not 0 <= index < len(saved.workout.parts):
            raise UnknownWorkoutError(workout_id)
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
        kit = FULL_GYM if athlete.kit is None else athlete.kit
        request = Request(saved.workout.format, domain_of(saved.workout), kit)
        swapped = swap(saved.workout, index, request, rng)
        return await SaveWorkout(self._uow, self._clock)(athlete_id, saved.source, swapped)


async def history(
    uow: ConditioningUnitOfWork, athlete_id: int, limit: int = 20
) -> list[tuple[LoggedResult, SavedWorkout]]:
    """The athlete's latest results, each with its workout, newest first."""
    async with uow:
        results = await uow.conditioning.results(athlete_id, limit)
        shown = []
        for result in results:
            saved = await uow.conditioning.workout(result.workout_id)
            if saved is not None:
                shown.append((result, saved))
        return shown


async def remember_prompt(uow: ConditioningUnitOfWork, clock: Clock, prompt: Prompt) -> None:
    async with uow:
        await uow.conditioning.add_prompt(prompt, clock.now())
        await uow.commit()


async def prompt_of(
    uow: ConditioningUnitOfWork, athlete_id: int, chat_id: int, message_id: int
) -> Prompt | None:
    """The prompt a reply answers, if it is one of this athlete's."""
    async with uow:
        prompt = await uow.conditioning.prompt(chat_id, message_id)
    return prompt if prompt is not None and prompt.athlete_id == athlete_id else None


PROGRESS_WINDOW = timedelta(days=365)


async def show_conditioning(
    uow: ConditioningUnitOfWork, clock: Clock, athlete_id: int
) -> ConditioningProgress:
    """A year of the athlete's conditioning, for /progress."""
    now = clock.now()
    async with uow:
        athlete = await registered_user(uow, athlete_id)
        done = await uow.conditioning.done_since(athlete_id, now - PROGRESS_WINDOW)
    return conditioning_progress(done, athlete.zone)
