"""Coaching's buttons under outbox messages: labelled at send time in the recipient's language."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton

from domain.outbox.model import Action, Button
from handlers.coaching.reviews import Review
from handlers.common.i18n import Catalogue, Translator


class CoachingButtons:
    """The Review button under "🎥 Alice — Squat 120 kg × 1+": it names the clip."""

    actions = frozenset({Action.REVIEW_VIDEO})

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def button(self, t: Translator, button: Button) -> InlineKeyboardButton:
        video = int(dict(button.parameters)["video"])
        return InlineKeyboardButton(
            text=t.get("coaching-review-open-button"), callback_data=Review(video=video).pack()
        )
