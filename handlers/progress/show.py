"""/progress: the charts of the athlete's training, drawn in a worker process, sent as photos:
three of strength, then the conditioning heat map and the benchmarks (for those who did any),
then body weight (for those who log it in /body)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor

from aiogram import Bot, F, Router
from aiogram.enums import ChatAction
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message

from domain.body.trend import BodyTrend
from domain.conditioning.progress import ConditioningProgress
from domain.conditioning.use_cases import show_conditioning
from domain.progress.series import Progress
from domain.progress.use_cases.progress import ShowProgress
from domain.shared.errors import NotRegisteredError
from handlers.common.deps import Deps
from handlers.progress import body_chart, charts, conditioning_charts, texts
from handlers.progress.body_chart import body_chart_words
from handlers.progress.conditioning_words import conditioning_captions, conditioning_words
from handlers.progress.texts import ChartWords, chart_words

CHARTS: tuple[tuple[str, Callable[[Progress, ChartWords], bytes]], ...] = (
    ("e1rm", charts.render_e1rm),
    ("volume", charts.render_volume),
    ("training-days", charts.render_calendar),
)


async def on_progress(message: Message, bot: Bot, deps: Deps) -> None:
    if message.from_user is None:
        return
    try:
        progress = await ShowProgress(deps.uow, deps.clock)(message.from_user.id)
        conditioning = await show_conditioning(deps.uow, deps.clock, message.from_user.id)
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    trained = progress.calendar.has_days or conditioning.workouts
    if not trained and progress.body is None:
        await message.answer(deps.t.get("progress-no-data"))
        return
    await bot.send_chat_action(message.chat.id, ChatAction.UPLOAD_PHOTO)
    if progress.has_data:
        await _send_lifting(message, deps, progress, CHARTS)
    if conditioning.workouts:
        await _send_conditioning(message, deps, conditioning)
    if trained and not progress.has_data:  # no lifts to chart: the days of MetCons and classes
        await _send_lifting(message, deps, progress, CHARTS[-1:])
    if progress.body is not None:
        await _send_body(message, deps, progress, progress.body)


async def _send_body(message: Message, deps: Deps, progress: Progress, trend: BodyTrend) -> None:
    words = body_chart_words(deps.t, trend)
    loop = asyncio.get_running_loop()
    picture = await loop.run_in_executor(
        deps.chart_pool, body_chart.render_body_weight, progress, words
    )
    await message.answer_photo(BufferedInputFile(picture, "body.png"), caption=words.caption)


async def _send_lifting(
    message: Message,
    deps: Deps,
    progress: Progress,
    charts: tuple[tuple[str, Callable[[Progress, ChartWords], bytes]], ...],
) -> None:
    pictures = await render(progress, chart_words(deps.t, progress), deps.chart_pool, charts)
    captions = texts.captions(deps.t, progress)[-len(charts) :]
    for (name, _), picture, caption in zip(charts, pictures, captions, strict=True):
        await message.answer_photo(BufferedInputFile(picture, f"{name}.png"), caption=caption)


async def _send_conditioning(message: Message, deps: Deps, progress: ConditioningProgress) -> None:
    words = conditioning_words(deps.t, progress)
    drawn = [conditioning_charts.render_heat_map]
    if progress.trends:
        drawn.append(conditioning_charts.render_benchmarks)
    loop = asyncio.get_running_loop()
    pictures = await asyncio.gather(
        *(loop.run_in_executor(deps.chart_pool, draw, progress, words) for draw in drawn)
    )
    names = ("conditioning.png", "benchmarks.png")
    for picture, name, caption in zip(
        pictures, names, conditioning_captions(deps.t, progress), strict=False
    ):
        await message.answer_photo(BufferedInputFile(picture, name), caption=caption)


async def render(
    progress: Progress,
    words: ChartWords,
    pool: Executor | None,
    charts: tuple[tuple[str, Callable[[Progress, ChartWords], bytes]], ...] = CHARTS,
) -> list[bytes]:
    """The charts, drawn in parallel off the event loop (`None`: the loop's default pool)."""
    loop = asyncio.get_running_loop()
    return await asyncio.gather(
        *(loop.run_in_executor(pool, draw, progress, words) for _, draw in charts)
    )


def build_router() -> Router:
    router = Router(name="progress")
    router.message.register(on_progress, Command("progress"), F.chat.type == "private")
    return router
