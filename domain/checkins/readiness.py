"""Readiness from a check-in's answers (docs/checkins.md): 0 to 100, higher is readier.

Each answer counts 0 to 4 points: sleep, energy and mood as answered less one; stress and
soreness inverted (5 − answer). The sum (0 to 20) times 5 is the score: all 3s make 50.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.checkins.model import HIGHEST, INVERTED, LOWEST, Question

LOW_READINESS = 40  # below this the coach's morning digest names the client


def points(question: Question, answer: int) -> int:
    if not LOWEST <= answer <= HIGHEST:
        raise ValueError(f"an answer is {LOWEST} to {HIGHEST}, got {answer}")
    return HIGHEST - answer if question in INVERTED else answer - LOWEST


def readiness(answers: Mapping[Question, int]) -> int:
    """The score of a complete check-in; ValueError if a question is unanswered."""
    missing = [q for q in Question if q not in answers]
    if missing:
        raise ValueError(f"unanswered: {', '.join(missing)}")
    return sum(points(q, answers[q]) for q in Question) * 5


def is_low(score: int) -> bool:
    return score < LOW_READINESS
