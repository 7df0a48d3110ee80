"""The percentile prior and tiers, against CONDITIONING.md §5's worked values."""

from __future__ import annotations

import math

import pytest

from domain.conditioning.percentiles import (
    Source,
    Tier,
    capped_time,
    count_percentile,
    level,
    percentile_among,
    tier,
    time_at,
    time_percentile,
    time_tier,
)

FRAN_MEN = 5 * 60 + 30  # median, seconds


def test_fran_at_4_22_is_about_level_75_for_men() -> None:
    # Φ((ln 330 − ln 262)/0.35) = Φ(0.6594) = 0.7452
    p = time_percentile(4 * 60 + 22, FRAN_MEN)

    assert p == pytest.approx(0.7452, abs=0.0005)
    assert level(p) == 74
    assert tier(p) == Tier.INTERMEDIATE  # 4:21 is the Advanced cut


@pytest.mark.parametrize(
    ("percentile", "cut"),
    [(0.90, 3 * 60 + 31), (0.75, 4 * 60 + 21), (0.50, 5 * 60 + 30), (0.25, 6 * 60 + 58)],
)
def test_frans_tier_cuts_for_men_are_the_references(percentile: float, cut: int) -> None:
    # 330 · e^(−z·0.35) with z = 1.2816, 0.6745, 0, −0.6745: 210.9, 260.9, 330, 417.4 s
    assert time_at(percentile, FRAN_MEN) == pytest.approx(cut, abs=1)


def test_tiers_by_percentile() -> None:
    assert [tier(p) for p in (0.95, 0.9, 0.8, 0.6, 0.3, 0.1)] == [
        Tier.ELITE,
        Tier.ELITE,
        Tier.ADVANCED,
        Tier.INTERMEDIATE,
        Tier.DEVELOPING,
        Tier.BEGINNER,
    ]


def test_a_capped_result_counts_at_the_pace_it_kept() -> None:
    assert capped_time(20 * 60, total_reps=150, reps_done=100) == 1800
    assert math.isinf(capped_time(20 * 60, total_reps=150, reps_done=0))


def test_cindy_at_the_median_is_the_50th_percentile_and_more_rounds_stand_higher() -> None:
    # Cindy men: 16 rounds median; 20 rounds → Φ(ln(20/16)/0.25) = Φ(0.8926) = 0.8140
    assert count_percentile(16, 16) == pytest.approx(0.5)
    assert count_percentile(20, 16) == pytest.approx(0.8140, abs=0.0005)
    assert count_percentile(0, 16) == 0.0


def test_with_few_of_our_own_results_the_reference_decides() -> None:
    few = [300.0] * 29

    p, source = percentile_among(262, few, median=FRAN_MEN, sigma=0.35, lower_is_better=True)

    assert source == Source.REFERENCE
    assert p == pytest.approx(time_percentile(262, FRAN_MEN))


def test_from_thirty_results_ours_are_blended_with_the_prior() -> None:
    # 30 results, log-mean ln 300, no spread: ln M̂ = (20 ln 330 + 30 ln 300)/50, σ̂ = 20·0.35/50
    ours = [300.0] * 30
    median = math.exp((20 * math.log(330) + 30 * math.log(300)) / 50)
    sigma = 20 * 0.35 / 50

    p, source = percentile_among(262, ours, median=FRAN_MEN, sigma=0.35, lower_is_better=True)

    assert source == Source.BLENDED
    assert p == pytest.approx(0.5 * (1 + math.erf(math.log(median / 262) / sigma / math.sqrt(2))))


def test_from_a_hundred_results_the_rank_among_them_alone_counts() -> None:
    # 40 slower, 20 tied, 40 faster: (40 + ½·20)/100 = 0.5; for reps the other way round
    times = [250.0] * 40 + [262.0] * 20 + [300.0] * 40

    assert percentile_among(262, times, median=1, sigma=1, lower_is_better=True) == (
        0.5,
        Source.USERS,
    )
    assert percentile_among(300, times, median=1, sigma=1, lower_is_better=False) == (
        0.8,
        Source.USERS,
    )


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (211, Tier.ELITE),  # ≤3:31
        (212, Tier.ADVANCED),
        (261, Tier.ADVANCED),  # ≤4:21
        (262, Tier.INTERMEDIATE),
        (330, Tier.INTERMEDIATE),  # ≤5:30
        (331, Tier.DEVELOPING),
        (418, Tier.DEVELOPING),  # ≤6:58, BTWB's sub-7
        (419, Tier.BEGINNER),
    ],
)
def test_fran_times_fall_in_the_references_tiers_at_its_whole_second_cuts(
    seconds: int, expected: Tier
) -> None:
    assert time_tier(seconds, FRAN_MEN) == expected


def test_results_that_cannot_be_ranked_give_no_percentile_and_no_crash() -> None:
    ours = [0.0, math.inf] + [300.0] * 40

    assert (
        percentile_among(math.inf, ours, median=FRAN_MEN, sigma=0.35, lower_is_better=True)[0]
        == 0.0
    )
    p, _ = percentile_among(262, ours, median=FRAN_MEN, sigma=0.35, lower_is_better=True)
    assert 0 < p < 1
