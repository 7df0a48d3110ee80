"""The bot's chart pool: worker processes started by a fork server draw every chart."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from PIL import Image

from bot.app import build_chart_pool
from handlers.progress import render
from tests.sample_training import sample_progress


async def test_the_bots_chart_pool_draws_all_three_in_worker_processes() -> None:
    with build_chart_pool(workers=1) as pool:
        pictures = await render(sample_progress(date(2026, 11, 21), weeks=4), pool)
    assert len(pictures) == 3
    for picture in pictures:
        Image.open(BytesIO(picture)).verify()
