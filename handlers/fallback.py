"""What Spotter says when nothing else understood the message."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from handlers import texts
from handlers.filters import Addressed


async def on_unknown_command(message: Message) -> None:
    await message.answer(texts.UNKNOWN_COMMAND)


async def on_unknown_text(message: Message) -> None:
    await message.answer(texts.UNKNOWN_TEXT)


async def on_unsupported_message(message: Message) -> None:
    await message.answer(texts.UNSUPPORTED_MESSAGE)


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.filter(Addressed())
    router.message.register(on_unknown_command, F.text.startswith("/"))
    router.message.register(on_unknown_text, F.text)
    router.message.register(on_unsupported_message)
    return router
