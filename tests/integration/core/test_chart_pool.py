"""The bot's chart pool: worker processes started by a fork server draw every chart."""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import date
from io import BytesIO
from pathlib import Path

from PIL import Image

from bench.sample_training import sample_progress
from bot.app import build_chart_pool
from domain.athletes.model import Language
from domain.progress.series import Progress
from handlers.common.i18n import Catalogue
from handlers.progress.show import render
from handlers.progress.texts import ChartWords, chart_words


def a_month() -> tuple[Progress, ChartWords]:
    """Four weeks of training, and the English words for its charts."""
    progress = sample_progress(date(2026, 11, 21), weeks=4)
    return progress, chart_words(Catalogue.load().translator(Language.EN), progress)


async def test_the_bots_chart_pool_draws_all_three_in_worker_processes() -> None:
    with build_chart_pool(workers=1) as pool:
        pictures = await render(*a_month(), pool)
    assert len(pictures) == 3
    for picture in pictures:
        Image.open(BytesIO(picture)).verify()


def die_the_first_time(marker: Path) -> int:
    """A worker killed mid-chart, as the OOM killer would; drawn again, it lives."""
    if not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


async def test_a_worker_killed_mid_chart_is_replaced_and_the_chart_drawn_again(
    tmp_path: Path,
) -> None:
    """Regression: one dead chart worker broke /progress and weekly summaries until a restart."""
    loop = asyncio.get_running_loop()
    with build_chart_pool(workers=1) as pool:
        survivor = await loop.run_in_executor(pool, die_the_first_time, tmp_path / "died")
        pictures = await render(*a_month(), pool)

    assert survivor != os.getpid()
    assert len(pictures) == 3


async def test_a_worker_killed_between_charts_is_replaced_before_the_next() -> None:
    """Regression: after a worker died idle, every later chart failed with BrokenProcessPool."""
    loop = asyncio.get_running_loop()
    with build_chart_pool(workers=1) as pool:
        worker = await loop.run_in_executor(pool, os.getpid)
        os.kill(worker, signal.SIGKILL)
        await asyncio.sleep(0.5)  # lets the pool notice: the next submit itself then fails
        pictures = await render(*a_month(), pool)
        replacement = await loop.run_in_executor(pool, os.getpid)

    assert len(pictures) == 3
    assert replacement != worker
