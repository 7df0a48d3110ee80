"""The sender's ButtonMarkup: each action labelled and packed by the context that answers it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from domain.athletes.model import language_for
from domain.outbox.model import Action, Button, Buttons
from handlers.common.i18n import Catalogue, Translator


class ContextButtons(Protocol):
    @property
    def actions(self) -> frozenset[Action]: ...

    def button(self, t: Translator, button: Button) -> InlineKeyboardButton: ...


class OutboxButtons:
    def __init__(self, catalogue: Catalogue, contexts: Sequence[ContextButtons]) -> None:
        self._catalogue = catalogue
        self._by_action = {action: context for context in contexts for action in context.actions}
        missing = set(Action) - set(self._by_action)
        if missing:  # a button nobody answers would fail at send time; fail at start instead
            raise ValueError(f"no handler labels these outbox actions: {sorted(missing)}")

    def __call__(self, buttons: Buttons, language: str | None) -> InlineKeyboardMarkup:
        t = self._catalogue.translator(language_for(language))
        return InlineKeyboardMarkup(
            inline_keyboard=[
                [self._by_action[button.action].button(t, button) for button in row]
                for row in buttons
            ]
        )
