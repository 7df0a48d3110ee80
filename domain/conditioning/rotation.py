"""Which time domain and format today, against the last 7 days (CONDITIONING.md §6, "Rotation
(ours)"): never yesterday's again, and the week's missing domains first (a Sprint or Short, a
Medium, a Long)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta

from domain.conditioning.duration import TimeDomain
from domain.conditioning.workout import Format

WEEKLY = (
    frozenset({TimeDomain.SPRINT, TimeDomain.SHORT}),
    frozenset({TimeDomain.MEDIUM}),
    frozenset({TimeDomain.LONG, TimeDomain.EXTENDED}),
)
USUAL = (TimeDomain.SPRINT, TimeDomain.SHORT, TimeDomain.MEDIUM, TimeDomain.LONG)


def next_domain(done: Mapping[date, TimeDomain], today: date, rng: random.Random) -> TimeDomain:
    """`done`: the time domain of each recent conditioning day."""
    week = {d for day, d in done.items() if today - timedelta(days=7) <= day < today}
    yesterday = done.get(today - timedelta(days=1))
    missing = [group for group in WEEKLY if not group & week]
    candidates = [d for group in missing for d in sorted(group) if d in USUAL] or list(USUAL)
    allowed = [d for d in candidates if d != yesterday] or [d for d in USUAL if d != yesterday]
    return rng.choice(allowed)


GENERATED_FORMATS = (Format.FOR_TIME, Format.AMRAP)


def next_format(done: Mapping[date, Format], today: date, rng: random.Random) -> Format:
    """A format the generator builds, not yesterday's (a task- and a time-priority day take
    turns, as Glassman's couplet and triplet days do)."""
    yesterday = done.get(today - timedelta(days=1))
    return rng.choice([f for f in GENERATED_FORMATS if f != yesterday])
