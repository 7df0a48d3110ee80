"""Coaching's buttons under outbox messages: labelled in the coach's language, naming the clip
or the proposal, and every outbox action has a context that labels it."""

from __future__ import annotations

import pytest

from bot.outbox_buttons import OutboxButtons
from domain.outbox.model import Action, Button
from domain.training.progression import ProposalDecision
from handlers.checkins.checkin import CheckInButtons
from handlers.coaching.buttons import CoachingButtons
from handlers.coaching.programs import Decide
from handlers.coaching.reviews import Review
from handlers.common.i18n import Catalogue
from handlers.reminders.buttons import ReminderButtons
from handlers.teams.classes import ClassButtons

CATALOGUE = Catalogue.load()
MARKUP = OutboxButtons(
    CATALOGUE,
    [
        ReminderButtons(CATALOGUE),
        CoachingButtons(CATALOGUE),
        ClassButtons(CATALOGUE),
        CheckInButtons(CATALOGUE),
    ],
)


def test_a_proposal_gets_keep_decline_and_other_in_the_coachs_language() -> None:
    named = (("proposal", "42"),)
    row = tuple(
        Button(action, named)
        for action in (Action.KEEP_PROPOSAL, Action.DECLINE_PROPOSAL, Action.EDIT_PROPOSAL)
    )

    [buttons] = MARKUP((row,), "ru").inline_keyboard

    assert [b.text for b in buttons] == ["✅ Принять", "✖️ Отклонить", "✏️ Другой"]
    assert [Decide.unpack(b.callback_data or "") for b in buttons] == [
        Decide(proposal=42, decision=decision)
        for decision in (
            ProposalDecision.KEPT,
            ProposalDecision.DECLINED,
            ProposalDecision.REPLACED,
        )
    ]


def test_review_names_the_clip() -> None:
    [[button]] = MARKUP(((Button(Action.REVIEW_VIDEO, (("video", "7"),)),),), "en").inline_keyboard

    assert button.text == "▶️ Review"
    assert Review.unpack(button.callback_data or "") == Review(video=7)


def test_an_action_no_context_labels_is_refused_at_start_not_at_send_time() -> None:
    with pytest.raises(ValueError, match="review_video"):
        OutboxButtons(CATALOGUE, [ReminderButtons(CATALOGUE)])
