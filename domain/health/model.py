"""An athlete's health record: PAR-Q answers, history, fitness level, emergency contacts.

The intake walks fixed steps: the seven PAR-Q questions, the four history fields, the fitness
level, then the emergency contacts. The record keeps the step it is at, so an intake resumes
where it stopped; every answer is stored as it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

PARQ_QUESTIONS = 7  # PAR-Q, CSEP 2002 revision: docs/health.md has the questions


class HistoryField(StrEnum):
    """The free-text parts of the health history, asked in this order; stored, never renamed."""

    CONDITIONS = "conditions"
    INJURIES = "injuries"
    MEDICATIONS = "medications"
    LIMITATIONS = "limitations"


class FitnessLevel(StrEnum):
    """How active the athlete says they are; stored, never renamed."""

    SEDENTARY = "sedentary"
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Stage(StrEnum):
    PARQ = "parq"
    HISTORY = "history"
    FITNESS = "fitness"
    CONTACTS = "contacts"


HISTORY_FIELDS = tuple(HistoryField)
FITNESS_STEP = PARQ_QUESTIONS + len(HISTORY_FIELDS)
CONTACTS_STEP = FITNESS_STEP + 1
INTAKE_STEPS = CONTACTS_STEP + 1


def stage_of(step: int) -> tuple[Stage, int]:
    """The stage a step belongs to, and its index inside that stage."""
    if not 0 <= step < INTAKE_STEPS:
        raise ValueError(step)
    if step < PARQ_QUESTIONS:
        return Stage.PARQ, step
    if step < FITNESS_STEP:
        return Stage.HISTORY, step - PARQ_QUESTIONS
    return (Stage.FITNESS, 0) if step == FITNESS_STEP else (Stage.CONTACTS, 0)


def yes_answers(answers: tuple[bool | None, ...]) -> frozenset[int]:
    """The PAR-Q questions (0-based) answered yes."""
    return frozenset(number for number, answer in enumerate(answers) if answer)


def flagged(answers: tuple[bool | None, ...], acknowledged: frozenset[int]) -> frozenset[int]:
    """The yes answers the coach has not acknowledged: any one flags the client.

    A yes the coach acknowledged stays acknowledged while it stays yes (answering it no
    withdraws it from the acknowledgement); a question answered yes after that flags the
    client again.
    """
    return yes_answers(answers) - acknowledged


def as_mask(questions: frozenset[int]) -> int:
    """Questions as bits (question 0 is bit 0): small enough for callback data."""
    return sum(1 << number for number in questions)


def from_mask(mask: int) -> frozenset[int]:
    """The questions a mask names; bits past the seventh question name none."""
    return frozenset(number for number in range(PARQ_QUESTIONS) if mask >> number & 1)


@dataclass(frozen=True, slots=True)
class HealthRecord:
    """What the athlete told; a history field is None until asked, "" when skipped."""

    athlete_id: int
    answers: tuple[bool | None, ...] = (None,) * PARQ_QUESTIONS
    history: tuple[str | None, ...] = (None,) * len(HISTORY_FIELDS)
    fitness: FitnessLevel | None = None
    intake_step: int | None = None  # where the intake is; None when it is not being taken
    completed_at: datetime | None = None
    updated_at: datetime | None = None

    def text_of(self, field: HistoryField) -> str | None:
        return self.history[HISTORY_FIELDS.index(field)]

    def with_answer(self, question: int, answer: bool) -> HealthRecord:
        answers = list(self.answers)
        answers[question] = answer
        return replace(self, answers=tuple(answers))

    def with_history(self, field: HistoryField, text: str) -> HealthRecord:
        history = list(self.history)
        history[HISTORY_FIELDS.index(field)] = text
        return replace(self, history=tuple(history))


@dataclass(frozen=True, slots=True)
class EmergencyContact:
    id: int | None
    athlete_id: int
    name: str
    relation: str
    phone: str  # as parse_phone gives it: digits, "+" first when typed so
    primary: bool
    created_at: datetime
