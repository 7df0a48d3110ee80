"""The duration model against CONDITIONING.md §2's worked values: Fran 5:18, Helen 11:13,
Diane 6:02, Cindy 16.2 rounds, Murph 43:30 (as 20 × Cindy)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.athletes.kit import Kit
from domain.conditioning.duration import (
    CYCLIC_CHANGE,
    Piece,
    TimeDomain,
    base_seconds,
    estimated_rounds,
    estimated_seconds,
    fatigue,
    round_seconds,
    time_domain,
)
from domain.conditioning.movements import BY_SLUG, Modality, Unit
from domain.conditioning.percentiles import Tier

MILE = Decimal("1609.344")


def reps(slug: str, amount: int | str) -> Piece:
    return Piece(BY_SLUG[slug], Decimal(amount))


def meters(slug: str, amount: Decimal | int) -> Piece:
    return Piece(BY_SLUG[slug], Decimal(amount), Unit.METERS)


def ladder(pattern: tuple[int, ...], *slugs: str) -> list[Piece]:
    return [reps(slug, n) for n in pattern for slug in slugs]


def clock(seconds: Decimal) -> str:
    whole = round(seconds)  # half to even, as the reference's figures come out
    return f"{whole // 60}:{whole % 60:02d}"


def test_fran_diane_and_helen_take_the_references_times() -> None:
    fran = ladder((21, 15, 9), "thruster", "pull-up")  # 292.5 s of work, 5 changes
    diane = ladder((21, 15, 9), "deadlift", "hspu")  # 337.5 s, 5 changes
    helen = [meters("run", 400), reps("kb-swing", 21), reps("pull-up", 12)] * 3

    assert clock(estimated_seconds(fran)) == "5:18"  # 317.5 s, F 1.0
    assert clock(estimated_seconds(diane)) == "6:02"  # 362.5 s
    assert clock(estimated_seconds(helen)) == "11:13"  # 611.6 s × 1.1


def test_cindy_is_16_rounds_and_murph_as_twenty_cindys_is_43_30() -> None:
    cindy = [reps("pull-up", 5), reps("push-up", 10), reps("air-squat", 15)]

    assert round_seconds(cindy) == Decimal("67.5")  # 52.5 s of work, 3 changes
    assert estimated_rounds(cindy, 20).quantize(Decimal("0.1")) == Decimal("16.2")

    runs = 2 * (meters("run", MILE).seconds() + CYCLIC_CHANGE)
    murph = 20 * round_seconds(cindy) + runs
    assert clock(murph * fatigue(murph)) == "43:30"


def test_the_tier_and_women_scale_the_time() -> None:
    fran = ladder((21, 15, 9), "thruster", "pull-up")
    base = base_seconds(fran)

    assert estimated_seconds(fran, tier=Tier.ELITE) == base * Decimal("0.64")
    assert estimated_seconds(fran, woman=True) == base * Decimal("1.15")


@pytest.mark.parametrize(
    ("minutes", "domain"),
    [
        (4.9, TimeDomain.SPRINT),
        (5, TimeDomain.SHORT),
        (9.9, TimeDomain.SHORT),
        (10, TimeDomain.MEDIUM),
        (19.9, TimeDomain.MEDIUM),
        (20, TimeDomain.LONG),
        (39.9, TimeDomain.LONG),
        (40, TimeDomain.EXTENDED),
    ],
)
def test_time_domains_are_the_references_bands(minutes: float, domain: TimeDomain) -> None:
    assert time_domain(Decimal(str(minutes)) * 60) == domain


def test_the_library_holds_the_references_movements_and_loads() -> None:
    thruster, wall_ball = BY_SLUG["thruster"], BY_SLUG["wall-ball"]

    assert thruster.rx is not None
    assert (thruster.rx.men_kg, thruster.rx.women_kg, thruster.rx.men_lb) == (
        Decimal(43),
        Decimal(29),
        95,
    )
    assert wall_ball.kit == frozenset({Kit.WALL_BALL})
    assert BY_SLUG["burpee"].modality == Modality.GYMNASTICS  # ours, as the reference says
    assert BY_SLUG["row"].cyclic
    assert not BY_SLUG["pull-up"].cyclic
