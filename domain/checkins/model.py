"""The weekly check-in: five answers from 1 to 5, the readiness they make, and its schedule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum

LOWEST, HIGHEST = 1, 5
DEFAULT_AT = time(9)  # the athlete's local morning


class Question(StrEnum):
    """In the order asked; stored, so never renamed."""

    SLEEP = "sleep"
    ENERGY = "energy"
    STRESS = "stress"
    SORENESS = "soreness"
    MOOD = "mood"


INVERTED = frozenset({Question.STRESS, Question.SORENESS})  # 5 is the worst answer


@dataclass(frozen=True, slots=True)
class CheckInDay:
    """When the athlete is asked: a weekday (Monday 0) at a local time; None: not asked."""

    athlete_id: int
    weekday: int | None = None
    at: time = DEFAULT_AT


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One week's check-in: sent once under its week's key, answered question by question."""

    id: int | None
    athlete_id: int
    week: str  # ISO week of the day it was due, e.g. "2026-W10"
    sent_at: datetime
    answers: dict[Question, int] = field(default_factory=dict)
    completed_at: datetime | None = None

    @property
    def next_question(self) -> Question | None:
        return next((q for q in Question if q not in self.answers), None)
