"""What a coach's client card shows of other contexts: the latest check-ins, and buttons
those contexts answer (the check-in day, assessments).

The callback data lives here so the coaching card can offer them without importing those
handler packages; whoever answers re-authorises the coach against the client named.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from domain.checkins.model import CheckIn, Question
from domain.checkins.readiness import readiness
from handlers.common.callback_fields import UserId
from handlers.common.i18n import Translator


class ClientCheckIns(CallbackData, prefix="cchk"):
    """The client's check-in day, as their coach sets it."""

    athlete: UserId


class ClientAssessments(CallbackData, prefix="cass"):
    """The client's assessments, and recording a new one."""

    athlete: UserId


def card_lines(t: Translator, check_ins: list[CheckIn]) -> str:
    """The client card's check-ins, newest first; an empty string when there are none."""
    if not check_ins:
        return ""
    lines = [t.get("checkins-card-title")]
    for check_in in check_ins:
        answers = check_in.answers
        lines.append(
            t.get(
                "checkins-card-line",
                week=check_in.week,
                score=readiness(answers),
                sleep=answers[Question.SLEEP],
                energy=answers[Question.ENERGY],
                stress=answers[Question.STRESS],
                soreness=answers[Question.SORENESS],
                mood=answers[Question.MOOD],
            )
        )
    return "\n".join(lines)
