"""Coaching's buttons under outbox messages: labelled at send time in the recipient's language."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton

from domain.outbox.model import Action, Button
from domain.training.progression import ProposalDecision
from handlers.coaching.programs import Decide
from handlers.coaching.reviews import Review
from handlers.common.i18n import Catalogue, Translator

_DECISIONS = {
    Action.KEEP_PROPOSAL: (ProposalDecision.KEPT, "coaching-keep-button"),
    Action.DECLINE_PROPOSAL: (ProposalDecision.DECLINED, "coaching-decline-button"),
    Action.EDIT_PROPOSAL: (ProposalDecision.REPLACED, "coaching-edit-button"),
}


class CoachingButtons:
    """The Review button under "🎥 Alice — Squat 120 kg × 1+" (it names the clip), and Keep,
    Decline and ✏️ under a proposed training-max change (they name the proposal)."""

    actions = frozenset({Action.REVIEW_VIDEO, *_DECISIONS})

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def button(self, t: Translator, button: Button) -> InlineKeyboardButton:
        parameters = dict(button.parameters)
        if button.action == Action.REVIEW_VIDEO:
            review = Review(video=int(parameters["video"]))
            return InlineKeyboardButton(
                text=t.get("coaching-review-open-button"), callback_data=review.pack()
            )
        decision, label = _DECISIONS[button.action]
        decide = Decide(proposal=int(parameters["proposal"]), decision=decision)
        return InlineKeyboardButton(text=t.get(label), callback_data=decide.pack())
