"""/stats: the coach's figures as text, then their chart drawn off the event loop."""

from __future__ import annotations

import asyncio

from aiogram import F, Router
from aiogram.enums import ChatAction
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message

from domain.analytics.use_cases.stats import coach_stats
from domain.coaching.use_cases.invites import NotACoachError
from domain.shared.errors import NotRegisteredError
from handlers.analytics import chart, texts
from handlers.common.deps import Deps


async def on_stats(message: Message, deps: Deps) -> None:
    t = deps.t
    try:
        stats = await coach_stats(deps.uow, deps.user_id, deps.clock.now())
    except NotACoachError:
        await message.answer(t.get("analytics-not-coach"))
        return
    except NotRegisteredError:
        await message.answer(t.get("common-register-first"))
        return
    await message.answer(texts.stats_text(t, stats))
    await deps.bot.send_chat_action(message.chat.id, ChatAction.UPLOAD_PHOTO)
    picture = await asyncio.get_running_loop().run_in_executor(
        deps.chart_pool, chart.render_stats, stats, texts.chart_words(t, stats)
    )
    await message.answer_photo(BufferedInputFile(picture, "stats.png"))


def build_router() -> Router:
    router = Router(name="analytics")
    router.message.register(on_stats, Command("stats"), F.chat.type == "private")
    return router
