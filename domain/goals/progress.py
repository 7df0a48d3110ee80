"""How far a goal has come: the fraction of the way to its target, and the text bar."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from domain.goals.model import UPWARD, Goal, GoalKind

BAR_WIDTH = 10
FULL = "▓"
EMPTY = "░"


@dataclass(frozen=True, slots=True)
class Progress:
    current: Decimal | None  # the latest or best reading, in the goal's terms; None: no data
    fraction: Decimal | None  # 0 to 1; None while there is nothing to measure against
    reached: bool


def _clamped(value: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), Decimal(1))


def progress(goal: Goal, current: Decimal | None) -> Progress:
    """Upward kinds (a lift, an e1RM, sessions) count from zero: 83 of 160 kg is 52%. The
    others move from `start` towards the target (down for a time): 90 → 86 of a 90 → 80 kg
    goal is 40%. Without a start the only question is whether the target is met."""
    if current is None:
        return Progress(None, None, reached=False)
    if goal.kind in UPWARD:
        reached = current >= goal.target
        return Progress(current, _clamped(current / goal.target), reached)
    downward = goal.kind == GoalKind.BENCHMARK or (
        goal.start is not None and goal.start > goal.target
    )
    upward = goal.kind != GoalKind.BENCHMARK and goal.start is not None and goal.start < goal.target
    if downward:
        reached = current <= goal.target
    elif upward:
        reached = current >= goal.target
    else:
        reached = current == goal.target
    if goal.start is None or goal.start == goal.target:
        return Progress(current, Decimal(1) if reached else None, reached)
    fraction = (goal.start - current) / (goal.start - goal.target)
    return Progress(current, Decimal(1) if reached else _clamped(fraction), reached)


def bar(fraction: Decimal, width: int = BAR_WIDTH) -> str:
    """`▓▓▓▓▓░░░░░ 52%`: cells and percent rounded down, so 100% means reached."""
    fraction = _clamped(fraction)
    filled = int((fraction * width).to_integral_value(ROUND_FLOOR))
    percent = int((fraction * 100).to_integral_value(ROUND_FLOOR))
    return f"{FULL * filled}{EMPTY * (width - filled)} {percent}%"
