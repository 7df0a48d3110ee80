"""The second baseline: a minimal real logging bot, one SQLite insert and one reply per set.

`python -m bench.log_bot`, with DATABASE_URL=sqlite:///<path>. What the smallest bot that
really keeps a training log costs: aiogram, aiosqlite (WAL, a commit per set), no dialogs.
"""

from __future__ import annotations

import asyncio
import os
import time

import aiosqlite
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

_SCHEMA = """CREATE TABLE IF NOT EXISTS sets (
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, message_id INTEGER NOT NULL,
    entry TEXT NOT NULL, logged_at REAL NOT NULL)"""


class SetLog:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def on_message(self, message: Message) -> None:
        user = message.from_user.id if message.from_user else 0
        cursor = await self._db.execute(
            "INSERT INTO sets (user_id, message_id, entry, logged_at) VALUES (?, ?, ?, ?)",
            (user, message.message_id, message.text or "", time.time()),
        )
        await self._db.commit()
        await message.answer(f"Set {cursor.lastrowid} logged")


async def main() -> None:
    path = os.environ["DATABASE_URL"].removeprefix("sqlite:///")
    async with aiosqlite.connect(path) as db:
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA synchronous=NORMAL")
        await db.execute(_SCHEMA)
        await db.commit()
        session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_BASE"]))
        bot = Bot(os.environ["BOT_TOKEN"], session=session)
        dispatcher = Dispatcher()
        dispatcher.message.register(SetLog(db).on_message)
        await dispatcher.start_polling(bot, polling_timeout=10)


if __name__ == "__main__":
    asyncio.run(main())
