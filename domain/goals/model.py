"""Goals an athlete sets (with a kind, a target and a date) and the coach's assessments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.shared.weights import Unit


class GoalKind(StrEnum):
    """What a goal measures; stored, so never renamed."""

    LIFT = "lift"  # the heaviest weight logged on a lift
    E1RM = "e1rm"  # the best estimated one-rep max of a lift
    BODY_WEIGHT = "body_weight"
    BENCHMARK = "benchmark"  # the best Rx time on a conditioning benchmark, in seconds
    SESSIONS = "sessions"  # training days in the current week (Monday on)
    MEASUREMENT = "measurement"  # a circumference, in cm


WEIGHED = frozenset({GoalKind.LIFT, GoalKind.E1RM, GoalKind.BODY_WEIGHT})
UPWARD = frozenset({GoalKind.LIFT, GoalKind.E1RM, GoalKind.SESSIONS})  # counted up from zero


class GoalStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class Goal:
    """A target by a date. `subject` names the lift (an exercise slug), the benchmark or the
    measurement; `unit` is kg or lb for the weighed kinds. `start` is where a goal that moves
    towards its target (body weight, a measurement, a time) began: the reading when it was
    set, or the first one after."""

    id: int | None
    athlete_id: int
    kind: GoalKind
    target: Decimal
    due: date
    created_at: datetime
    subject: str | None = None
    unit: Unit | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    start: Decimal | None = None
    reached_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """A dated entry a coach records for a client: the tests done, and notes."""

    id: int | None
    athlete_id: int
    coach_id: int
    day: date
    tests: str
    notes: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AssessmentPrompt:
    """A message the coach replies to with an assessment of this client."""

    chat_id: int
    message_id: int
    coach_id: int
    athlete_id: int
