"""What Spotter says when nothing else understood the message."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from domain.shared.weights import Unit
from domain.training.entry import EntryError, parse_entry
from handlers.common.deps import Deps
from handlers.common.filters import Addressed


async def on_unknown_command(message: Message, deps: Deps) -> None:
    await message.answer(deps.t.get("common-unknown-command"))


async def on_unknown_text(message: Message, deps: Deps) -> None:
    looks_like_a_set = not isinstance(parse_entry(message.text or "", Unit.KG), EntryError)
    key = "common-no-card-for-set" if looks_like_a_set else "common-unknown-text"
    await message.answer(deps.t.get(key))


async def on_unmatched_press(callback: CallbackQuery, deps: Deps) -> None:
    """A button no handler knows: from an old message, or from a modified client."""
    await callback.answer(deps.t.get("common-outdated-card"), show_alert=True)


async def on_unsupported_message(message: Message, deps: Deps) -> None:
    await message.answer(deps.t.get("common-unsupported-message"))


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.filter(Addressed())
    router.message.register(on_unknown_command, F.text.startswith("/"))
    router.message.register(on_unknown_text, F.text)
    router.message.register(on_unsupported_message)
    router.callback_query.register(on_unmatched_press)
    return router
