"""Spotter with an event-loop lag probe, for bench.charts. `python -m bench.lagged_bot`.

A ticker coroutine sleeps 5 ms over and over and records by how much each sleep overran; the
samples (wall time, overrun) are written to $BENCH_LAG_FILE as JSON when the bot stops.
With BENCH_CHARTS_ON_LOOP=1 charts are drawn in the event loop itself: the baseline.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import bot.app
from bot.config import config_path, load_settings
from bot.logs import configure_logging

TICK = 0.005


class OnTheLoop(Executor):
    """Runs each call at once, in the caller's thread: a chart blocks the event loop."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # handed to the awaiting handler
            future.set_exception(error)
        return future


async def tick(samples: list[tuple[float, float]]) -> None:
    loop = asyncio.get_running_loop()
    while True:
        before = loop.time()
        await asyncio.sleep(TICK)
        samples.append((time.time(), loop.time() - before - TICK))


async def main() -> None:
    settings = load_settings(config_path(None))
    configure_logging(settings.log_level, [])
    if os.environ.get("BENCH_CHARTS_ON_LOOP") == "1":
        bot.app.build_chart_pool = lambda workers=1: OnTheLoop()
    samples: list[tuple[float, float]] = []
    ticker = asyncio.create_task(tick(samples))
    try:
        await bot.app.run(settings)
    finally:
        ticker.cancel()
        lag_file = Path(os.environ["BENCH_LAG_FILE"])
        await asyncio.to_thread(lag_file.write_text, json.dumps(samples))


if __name__ == "__main__":
    asyncio.run(main())
