"""Where a benchmark result stands: the prior percentile model and the tiers (CONDITIONING.md §5).

Times are log-normal around the median, p = Φ((ln M − ln t)/σ) with σ = 0.35; reps, rounds and
loads p = Φ((ln r − ln M)/0.25) on total reps. A capped time counts as cap × total / done.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

TIME_SIGMA = 0.35
COUNT_SIGMA = 0.25


class Tier(StrEnum):
    ELITE = "elite"  # ≥ 90th percentile
    ADVANCED = "advanced"  # ≥ 75th
    INTERMEDIATE = "intermediate"  # ≥ 50th
    DEVELOPING = "developing"  # ≥ 25th
    BEGINNER = "beginner"  # below


_TIER_FROM = (
    (0.90, Tier.ELITE),
    (0.75, Tier.ADVANCED),
    (0.50, Tier.INTERMEDIATE),
    (0.25, Tier.DEVELOPING),
)


def _phi(z: float) -> float:
    """The standard normal distribution function."""
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def time_percentile(seconds: float, median_seconds: float, sigma: float = TIME_SIGMA) -> float:
    """The share of athletes slower than this time, 0–1."""
    if seconds <= 0 or median_seconds <= 0:
        raise ValueError("times are positive")
    return _phi((math.log(median_seconds) - math.log(seconds)) / sigma)


def capped_time(cap_seconds: float, total_reps: int, reps_done: int) -> float:
    """What a capped result counts as: the pace it kept, carried over the whole workout."""
    if reps_done <= 0:
        return math.inf
    return cap_seconds * total_reps / reps_done


def count_percentile(count: float, median: float, sigma: float = COUNT_SIGMA) -> float:
    """The share of athletes below this many reps (or rounds, or load), 0–1."""
    if count <= 0:
        return 0.0
    if median <= 0:
        raise ValueError("a median is positive")
    return _phi((math.log(count) - math.log(median)) / sigma)


def level(percentile: float) -> int:
    """The percentile as a level 1–99, as BTWB shows it."""
    return min(99, max(1, math.floor(percentile * 100)))


def tier(percentile: float) -> Tier:
    return next((named for cut, named in _TIER_FROM if percentile >= cut), Tier.BEGINNER)


def time_tier(seconds: float, median_seconds: float) -> Tier:
    """A time's tier by the cuts as the reference states them, in whole seconds (Fran, men:
    ≤3:31 Elite, ≤4:21 Advanced, ≤5:30 Intermediate, ≤6:58 Developing)."""
    for cut, named in _TIER_FROM:
        if seconds <= math.ceil(time_at(cut, median_seconds)):
            return named
    return Tier.BEGINNER


def time_at(percentile: float, median_seconds: float, sigma: float = TIME_SIGMA) -> float:
    """The time that stands at this percentile: the inverse of time_percentile."""
    return median_seconds * math.exp(-_inverse_phi(percentile) * sigma)


def _inverse_phi(p: float) -> float:
    """Φ⁻¹ by bisection: plenty precise for cuts shown to the second."""
    if not 0 < p < 1:
        raise ValueError("a percentile is strictly between 0 and 1")
    low, high = -10.0, 10.0
    for _ in range(100):
        middle = (low + high) / 2
        if _phi(middle) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


class Source(StrEnum):
    """Where a percentile comes from, said next to it."""

    REFERENCE = "reference"  # the prior: the reference's median and spread
    BLENDED = "blended"  # our users' results, shrunk toward the prior
    USERS = "users"  # our users' results alone


PRIOR_WEIGHT = 20  # §5: the prior counts as 20 results
USERS_FROM = 30  # the issue: from 30 Rx results our users' own numbers count (§5 says 20)
USERS_ALONE_FROM = 100


def percentile_among(
    value: float,
    others: Sequence[float],
    *,
    median: float,
    sigma: float,
    lower_is_better: bool,
) -> tuple[float, Source]:
    """The percentile of `value` (a time in seconds, or total reps) and where it comes from.

    With fewer than USERS_FROM results of our users the prior decides; up to USERS_ALONE_FROM
    their log-mean and spread are blended with it, the prior counting as PRIOR_WEIGHT results;
    from then on p = (worse + ½ tied) / N among them (CONDITIONING.md §5, "Empirical switch").
    """
    others = [o for o in others if 0 < o < math.inf]  # a result that cannot be ranked is not
    if not 0 < value < math.inf:
        return 0.0, Source.REFERENCE if len(others) < USERS_ALONE_FROM else Source.USERS
    n = len(others)
    if n >= USERS_ALONE_FROM:
        worse = sum(1 for o in others if (o > value if lower_is_better else o < value))
        tied = sum(1 for o in others if o == value)
        return (worse + tied / 2) / n, Source.USERS
    source = Source.REFERENCE
    if n >= USERS_FROM:
        logs = [math.log(o) for o in others]
        mean = sum(logs) / n
        spread = math.sqrt(sum((x - mean) ** 2 for x in logs) / (n - 1))
        median = math.exp((PRIOR_WEIGHT * math.log(median) + n * mean) / (PRIOR_WEIGHT + n))
        sigma = (PRIOR_WEIGHT * sigma + n * spread) / (PRIOR_WEIGHT + n)
        source = Source.BLENDED
    if lower_is_better:
        return time_percentile(value, median, sigma), source
    return count_percentile(value, median, sigma), source
