"""Goal progress and its text bar, worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from domain.goals.model import Goal, GoalKind
from domain.goals.progress import bar, progress
from domain.shared.weights import Unit

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def goal(kind: GoalKind, target: str, start: str | None = None) -> Goal:
    return Goal(
        1,
        7,
        kind,
        Decimal(target),
        date(2026, 6, 1),
        NOW,
        start=None if start is None else Decimal(start),
        unit=Unit.KG,
    )


def test_an_e1rm_goal_counts_up_from_zero_83_of_160_is_51_percent_and_not_reached() -> None:
    # 83 / 160 = 0.51875: five cells of ten, 51% (rounded down)
    shown = progress(goal(GoalKind.E1RM, "160"), Decimal(83))
    assert shown.fraction is not None
    assert (bar(shown.fraction), shown.reached) == ("▓▓▓▓▓░░░░░ 51%", False)


def test_a_lift_goal_is_reached_at_the_target_and_the_bar_is_full() -> None:
    shown = progress(goal(GoalKind.LIFT, "140"), Decimal(140))
    assert shown.fraction is not None
    assert (bar(shown.fraction), shown.reached) == ("▓▓▓▓▓▓▓▓▓▓ 100%", True)


def test_a_bar_never_shows_100_percent_short_of_the_target() -> None:
    shown = progress(goal(GoalKind.E1RM, "160"), Decimal("159.9"))
    assert shown.fraction is not None
    assert bar(shown.fraction) == "▓▓▓▓▓▓▓▓▓░ 99%"


def test_losing_body_weight_from_90_to_80_at_86_is_40_percent() -> None:
    # (90 − 86) / (90 − 80) = 0.4
    shown = progress(goal(GoalKind.BODY_WEIGHT, "80", start="90"), Decimal(86))
    assert (shown.fraction, shown.reached) == (Decimal("0.4"), False)


def test_gaining_body_weight_is_reached_at_or_above_the_target() -> None:
    gaining = goal(GoalKind.BODY_WEIGHT, "75", start="70")
    assert progress(gaining, Decimal(75)).reached
    assert progress(gaining, Decimal("72.5")).fraction == Decimal("0.5")


def test_a_benchmark_time_from_5_00_to_4_00_at_4_30_is_half_way() -> None:
    shown = progress(goal(GoalKind.BENCHMARK, "240", start="300"), Decimal(270))
    assert (shown.fraction, shown.reached) == (Decimal("0.5"), False)
    assert progress(goal(GoalKind.BENCHMARK, "240", start="300"), Decimal(239)).reached


def test_a_benchmark_with_no_earlier_time_is_reached_under_the_target() -> None:
    assert progress(goal(GoalKind.BENCHMARK, "240"), Decimal(235)).reached
    assert progress(goal(GoalKind.BENCHMARK, "240"), Decimal(250)).fraction is None


def test_three_sessions_of_four_this_week_is_75_percent() -> None:
    shown = progress(goal(GoalKind.SESSIONS, "4"), Decimal(3))
    assert shown.fraction is not None
    assert bar(shown.fraction) == "▓▓▓▓▓▓▓░░░ 75%"


def test_a_waist_measurement_going_down_is_measured_from_its_start() -> None:
    # (90 − 87) / (90 − 80) = 0.3
    shown = progress(goal(GoalKind.MEASUREMENT, "80", start="90"), Decimal(87))
    assert shown.fraction == Decimal("0.3")


def test_no_reading_is_no_progress_and_not_reached() -> None:
    shown = progress(goal(GoalKind.BODY_WEIGHT, "80", start="90"), None)
    assert (shown.current, shown.fraction, shown.reached) == (None, None, False)


def test_moving_away_from_the_target_shows_an_empty_bar() -> None:
    shown = progress(goal(GoalKind.BODY_WEIGHT, "80", start="90"), Decimal(92))
    assert shown.fraction is not None
    assert bar(shown.fraction) == "░░░░░░░░░░ 0%"
