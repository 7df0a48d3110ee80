"""A MetCon made to order, after CONDITIONING.md §6: the format and time domain asked for, only
the athlete's equipment, balanced modalities, an estimated duration inside its band.

Randomness comes in as a `random.Random`, so a seed gives the same workout every time.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.athletes.kit import Kit
from domain.conditioning.balance import Pattern, balanced, pattern
from domain.conditioning.duration import (
    Piece,
    TimeDomain,
    estimated_seconds,
    time_domain,
)
from domain.conditioning.movements import BY_SLUG, MOVEMENTS, Modality, Movement, Unit
from domain.conditioning.workout import Format, Part, Workout, WorkoutLoad

MAX_PER_MODALITY = 2  # §6 balance (ours)
HEAVY_SECONDS = Decimal(4)  # a barbell lift this slow a rep is the metcon's one heavy element
BAND_SECONDS = {  # the band's bounds, and the target aimed at inside it
    TimeDomain.SPRINT: (120, 299, 240),
    TimeDomain.SHORT: (300, 599, 450),
    TimeDomain.MEDIUM: (600, 1199, 900),
    TimeDomain.LONG: (1200, 2399, 1680),
    TimeDomain.EXTENDED: (2400, 3600, 2700),
}
REPS = {Modality.WEIGHTLIFTING: (5, 7, 9, 10, 12, 15), Modality.GYMNASTICS: (5, 10, 12, 15, 20)}
METERS = (200, 400, 500)
CALORIES = (10, 12, 15, 20)


class NoMovementsError(LookupError):
    """The equipment leaves too few movements to build this workout."""


@dataclass(frozen=True, slots=True)
class Request:
    format: Format  # FOR_TIME (rounds, task priority) or AMRAP (time priority)
    domain: TimeDomain
    kit: frozenset[Kit]
    avoid: frozenset[str] = frozenset()  # movements done in the last 48 h
    movements: int | None = None  # 2 (a couplet) or 3 (a triplet); the format's usual if None
    rested: frozenset[Pattern] = frozenset()  # loaded heavy in the last 72 h: no heavy lift
    lead: tuple[Modality, ...] = ()  # least used lately first; a random order if empty


def available(equipment: Iterable[Kit], avoid: Iterable[str] = ()) -> list[Movement]:
    """The movements this equipment allows, none of those to avoid."""
    have, skip = frozenset(equipment), frozenset(avoid)
    return [m for m in MOVEMENTS if m.kit <= have and m.slug not in skip]


def generate(request: Request, rng: random.Random) -> Workout:
    """A couplet for time in rounds, or a triplet AMRAP, sized to the time domain asked for."""
    count = request.movements or (2 if request.format == Format.FOR_TIME else 3)
    chosen = _pick(request, count, rng)
    parts = tuple(_part(movement, rng) for movement in chosen)
    low, high, target = BAND_SECONDS[request.domain]
    if request.format == Format.AMRAP:
        minutes = max(1, round(target / 60))
        return Workout("", Format.AMRAP, parts, minutes=minutes)
    one_round = float(estimated_seconds(pieces(parts)))
    rounds = min(10, max(1, round(target / max(one_round, 1.0))))
    workout = Workout("", Format.FOR_TIME, parts, rounds=rounds)
    while rounds > 1 and estimate(workout) > high:
        rounds -= 1
        workout = replace(workout, rounds=rounds)
    while rounds < 10 and estimate(workout) < low:
        rounds += 1
        workout = replace(workout, rounds=rounds)
    return replace(workout, minutes=_cap(workout))


def _pick(request: Request, count: int, rng: random.Random) -> list[Movement]:
    """`count` movements, leading with different modalities (the least used first), balanced
    as §6 says."""
    pool = available(request.kit, request.avoid)
    chosen: list[Movement] = []
    modalities = list(request.lead)
    if not modalities:
        modalities = list(Modality)
        rng.shuffle(modalities)
    for round_robin in range(count * len(modalities)):
        if len(chosen) == count:
            break
        modality = modalities[round_robin % len(modalities)]
        options = [m for m in pool if m.modality == modality and _fits(m, chosen, request.rested)]
        if options:
            chosen.append(rng.choice(options))
    if len(chosen) < count:
        raise NoMovementsError(count)
    return chosen


def _fits(
    movement: Movement, chosen: list[Movement], rested: frozenset[Pattern] = frozenset()
) -> bool:
    if movement in chosen or not balanced(movement, chosen):
        return False
    same = sum(1 for m in chosen if m.modality == movement.modality)
    heavy = heavy_lift(movement) and (
        any(heavy_lift(m) for m in chosen) or pattern(movement) in rested
    )
    return same < MAX_PER_MODALITY and not heavy


def heavy_lift(movement: Movement) -> bool:
    return Kit.BARBELL in movement.kit and movement.seconds >= HEAVY_SECONDS


def _part(movement: Movement, rng: random.Random) -> Part:
    if movement.unit == Unit.METERS:
        return Part(movement.slug, rng.choice(METERS), Unit.METERS)
    if movement.unit == Unit.CALORIES:
        return Part(movement.slug, rng.choice(CALORIES), Unit.CALORIES)
    reps = rng.choice(REPS.get(movement.modality, (30, 40, 50)))
    load = None
    if movement.rx is not None:
        load = WorkoutLoad(movement.rx.men_kg, movement.rx.women_kg, "kg")
    return Part(movement.slug, reps, Unit.REPS, load)


def pieces(parts: Iterable[Part], pattern: tuple[int, ...] = ()) -> list[Piece]:
    """The parts in the order done: a rep pattern (21-15-9) runs them once per number."""
    parts = list(parts)
    if not pattern:
        return [Piece(BY_SLUG[p.movement], Decimal(p.amount or 0), p.unit) for p in parts]
    return [
        Piece(BY_SLUG[p.movement], Decimal(p.amount or reps), p.unit)
        for reps in pattern
        for p in parts
    ]


TABATA_SECONDS = 8 * 30  # per movement: 8 × (20 s on, 10 s off)


def estimate(workout: Workout) -> float:
    """Seconds an intermediate athlete takes: an AMRAP or EMOM lasts its minutes, a Tabata
    four minutes a movement; rest between rounds counts."""
    if workout.format in {Format.AMRAP, Format.EMOM} and workout.minutes is not None:
        return workout.minutes * 60.0
    if workout.format == Format.TABATA:
        return float(TABATA_SECONDS * len(workout.parts))
    done = pieces(workout.parts, workout.pattern) * workout.rounds
    rest = Decimal((workout.rest or 0) * 60 * (workout.rounds - 1))
    return float(estimated_seconds(done, rest))


def _cap(workout: Workout) -> int:
    """Task priority gets a cap of about 1.5 × the estimated median (§6)."""
    return max(1, round(estimate(workout) * 1.5 / 60))


def domain_of(workout: Workout) -> TimeDomain:
    return time_domain(estimate(workout))


def swap(workout: Workout, index: int, request: Request, rng: random.Random) -> Workout:
    """The 🔁 under a movement: another of its modality the equipment allows, not in the workout."""
    current = workout.parts[index]
    kept = [p.movement for i, p in enumerate(workout.parts) if i != index]
    modality = BY_SLUG[current.movement].modality
    others = [BY_SLUG[slug] for slug in kept]
    options = [
        m
        for m in available(request.kit, request.avoid)
        if m.modality == modality
        and m.slug != current.movement
        and _fits(m, others, request.rested)
    ]
    if not options:
        raise NoMovementsError(1)
    parts = list(workout.parts)
    parts[index] = _part(rng.choice(options), rng)
    return replace(workout, parts=tuple(parts))
