"""Today's time domain: never yesterday's, and what the week lacks first."""

from __future__ import annotations

import random
from datetime import date, timedelta

from domain.conditioning.duration import TimeDomain
from domain.conditioning.rotation import next_domain
from domain.conditioning.scores import Scheme, Score, gain, is_better

TODAY = date(2026, 3, 9)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_the_weeks_missing_domain_comes_first_and_never_yesterdays() -> None:
    done = {days_ago(1): TimeDomain.SHORT, days_ago(3): TimeDomain.LONG}
    for seed in range(50):
        assert next_domain(done, TODAY, random.Random(seed)) == TimeDomain.MEDIUM


def test_with_the_week_covered_anything_but_yesterdays() -> None:
    done = {
        days_ago(1): TimeDomain.MEDIUM,
        days_ago(2): TimeDomain.SPRINT,
        days_ago(4): TimeDomain.LONG,
    }
    seen = {next_domain(done, TODAY, random.Random(seed)) for seed in range(80)}

    assert seen == {TimeDomain.SPRINT, TimeDomain.SHORT, TimeDomain.LONG}


def test_a_week_ago_no_longer_counts() -> None:
    done = {
        days_ago(8): TimeDomain.MEDIUM,
        days_ago(1): TimeDomain.SHORT,
        days_ago(2): TimeDomain.LONG,
    }
    for seed in range(30):
        assert next_domain(done, TODAY, random.Random(seed)) == TimeDomain.MEDIUM


def test_a_retest_is_better_and_by_how_much() -> None:
    fran, retest = Score(Scheme.TIME, 262_000), Score(Scheme.TIME, 238_000)
    cindy, again = (
        Score(Scheme.ROUNDS_REPS, 16 * 100_000 + 3),
        Score(Scheme.ROUNDS_REPS, 17 * 100_000),
    )

    assert is_better(retest, fran)
    assert gain(retest, fran) == 24_000  # "24 s faster"
    assert not is_better(fran, retest)
    assert is_better(again, cindy)
    assert gain(again, cindy) == 100_000 - 3
