"""The words of the weekly check-in, from the catalogue."""

from __future__ import annotations

from domain.athletes.model import User
from domain.checkins.model import CheckInDay, Question
from handlers.common.i18n import Catalogue, Translator


def question_text(t: Translator, question: Question) -> str:
    number = list(Question).index(question) + 1
    return t.get("checkins-title", number=number) + "\n" + t.get(f"checkins-question-{question}")


def day_text(t: Translator, day: CheckInDay, *, for_coach: bool = False) -> str:
    """The check-in's day, as the athlete reads it or as their coach does."""
    if day.weekday is None:
        return t.get("checkins-client-day-off" if for_coach else "checkins-day-off")
    return t.get(
        "checkins-client-day-on" if for_coach else "checkins-day-on",
        day=t.get(f"checkins-weekday-{day.weekday}"),
        at=day.at.strftime("%H:%M"),
    )


class CheckInWords:
    """The first question's words, in the athlete's language (for the outbox)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def question(self, athlete: User, question: Question) -> str:
        return question_text(self._catalogue.translator(athlete.language), question)
