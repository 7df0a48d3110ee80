"""Bot API calls go as JSON (nested objects as objects), uploads still as multipart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from aiohttp import web

from bot.json_session import JsonSession

SENT = {
    "message_id": 9,
    "date": 1_780_000_000,
    "chat": {"id": 5, "type": "private"},
    "text": "Squat 100 kg × 5",
}


class FakeBotApi:
    """Records each call's content type and fields; answers like the Bot API."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def handle(self, request: web.Request) -> web.Response:
        if request.content_type == "application/json":
            fields = await request.json()
        else:
            form = await request.post()
            fields = dict(form.items())
        self.calls.append((request.content_type, fields))
        if request.match_info["method"] == "editMessageText":
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 400,
                    "description": "Bad Request: message is not modified",
                },
                status=400,
            )
        return web.json_response({"ok": True, "result": SENT})


@pytest.fixture
async def api() -> AsyncIterator[tuple[FakeBotApi, str]]:
    fake = FakeBotApi()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield fake, f"http://127.0.0.1:{port}"
    await runner.cleanup()


def _bot(base: str) -> Bot:
    session = JsonSession(api=TelegramAPIServer.from_base(base))
    return Bot("1:t", session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))


async def test_a_message_with_buttons_goes_as_one_json_object(api: tuple[FakeBotApi, str]) -> None:
    fake, base = api
    bot = _bot(base)
    button = InlineKeyboardButton(text="✅ 100 × 5", callback_data="log:1")

    sent = await bot.send_message(
        5, "Squat", reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]])
    )
    await bot.session.close()

    assert sent.message_id == 9
    assert sent.text == "Squat 100 kg × 5"
    [(content_type, fields)] = fake.calls
    assert content_type == "application/json"
    assert fields["chat_id"] == 5
    assert fields["text"] == "Squat"
    assert fields["parse_mode"] == "HTML"  # the bot's default is filled in
    assert fields["reply_markup"] == {
        "inline_keyboard": [[{"text": "✅ 100 × 5", "callback_data": "log:1"}]]
    }


async def test_an_upload_still_goes_as_multipart(api: tuple[FakeBotApi, str]) -> None:
    fake, base = api
    bot = _bot(base)

    await bot.send_document(5, BufferedInputFile(b"date,weight\n", filename="sets.csv"))
    await bot.session.close()

    [(content_type, fields)] = fake.calls
    assert content_type == "multipart/form-data"
    assert fields["chat_id"] == "5"


async def test_a_refusal_raises_as_aiogram_would(api: tuple[FakeBotApi, str]) -> None:
    _, base = api
    bot = _bot(base)

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(text="same", chat_id=5, message_id=9)
    await bot.session.close()
