"""A goal as typed after /goals: `squat e1rm 160 by 2027-03-01`, `fran 3:30 by 2027-06-01`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from domain.conditioning.library import benchmark
from domain.conditioning.scores import LOWER_IS_BETTER
from domain.goals.model import GoalKind
from domain.shared.weights import Unit

BODY_WEIGHT_WORDS = frozenset({"bodyweight", "body weight", "weight", "bw", "вес"})
SESSION_WORDS = frozenset({"sessions", "session", "workouts", "тренировки", "тренировок"})
MEASUREMENTS = frozenset({"waist", "hips", "chest", "arm", "thigh", "neck", "calf"})
MAX_TARGET = {
    GoalKind.LIFT: Decimal(1000),
    GoalKind.E1RM: Decimal(1000),
    GoalKind.BODY_WEIGHT: Decimal(500),
    GoalKind.BENCHMARK: Decimal(24 * 3600),
    GoalKind.SESSIONS: Decimal(7),
    GoalKind.MEASUREMENT: Decimal(300),
}
_LB_FACTOR = Decimal("2.2")  # a lb target may be up to this much larger in number

_GOAL = re.compile(
    r"^(?P<subject>[^\d]+?)\s+(?P<e1rm>e1rm\s+)?"
    r"(?P<target>\d{1,4}(?:[.,]\d{1,2})?|\d{1,3}:\d{2})\s*(?P<unit>kgs?|lbs?|cm)?"
    r"(?:\s+(?:a|per)\s+week)?\s+(?:by\s+|до\s+)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$"
)


class GoalProblem(StrEnum):
    """Why typed text is not a goal; the handler names the fix."""

    FORMAT = "format"
    DATE = "date"  # no such date
    PAST = "past"  # the date has gone
    TARGET = "target"  # zero, or beyond any human
    UNKNOWN_LIFT = "unknown_lift"
    REACHED = "reached"  # already met: nothing to aim at
    TOO_MANY = "too_many"  # MAX_OPEN active or paused already


class GoalError(ValueError):
    def __init__(self, problem: GoalProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class GoalDraft:
    kind: GoalKind
    subject: str | None  # a lift as typed, the benchmark's name, the measurement's name
    target: Decimal
    due: date
    unit: Unit | None = None


def _date(text: str) -> date:
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise GoalError(GoalProblem.DATE) from None


def _number(text: str) -> Decimal:
    if ":" in text:
        minutes, seconds = text.split(":")
        if int(seconds) >= 60:
            raise GoalError(GoalProblem.TARGET)
        return Decimal(int(minutes) * 60 + int(seconds))
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise GoalError(GoalProblem.TARGET) from None


def _kind(subject: str, *, e1rm: bool, unit: str | None) -> tuple[GoalKind, str | None]:
    if e1rm:
        return GoalKind.E1RM, subject
    if subject in BODY_WEIGHT_WORDS:
        return GoalKind.BODY_WEIGHT, None
    if subject in SESSION_WORDS:
        return GoalKind.SESSIONS, None
    if unit == "cm" or subject in MEASUREMENTS:
        return GoalKind.MEASUREMENT, subject
    workout = benchmark(subject)
    if workout is not None and workout.scheme in LOWER_IS_BETTER:
        return GoalKind.BENCHMARK, workout.name
    return GoalKind.LIFT, subject


def read_goal(text: str, unit: Unit) -> GoalDraft:
    """The goal typed, in the athlete's unit unless one is typed; GoalError says what is wrong."""
    match = _GOAL.match(" ".join(text.casefold().split())[:200])
    if match is None:
        raise GoalError(GoalProblem.FORMAT)
    kind, subject = _kind(match["subject"].strip(), e1rm=bool(match["e1rm"]), unit=match["unit"])
    timed = ":" in match["target"]
    if timed != (kind == GoalKind.BENCHMARK):
        raise GoalError(GoalProblem.TARGET if timed else GoalProblem.FORMAT)
    target = _number(match["target"])
    goal_unit = None
    if kind in (GoalKind.LIFT, GoalKind.E1RM, GoalKind.BODY_WEIGHT):
        typed = match["unit"]
        if typed == "cm":
            raise GoalError(GoalProblem.FORMAT)
        goal_unit = Unit(typed[:2]) if typed else unit
    limit = MAX_TARGET[kind] * (_LB_FACTOR if goal_unit == Unit.LB else 1)
    if not Decimal(0) < target <= limit or (kind == GoalKind.SESSIONS and target != int(target)):
        raise GoalError(GoalProblem.TARGET)
    return GoalDraft(kind, subject, target, _date(match["date"]), goal_unit)
