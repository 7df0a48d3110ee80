"""Event-loop lag while /progress charts render, in the real bot against the Bot API emulator.

1. Render time: each chart of a year of nSuns training, drawn in this process (p50 of N).
2. The real bot (`python -m bench.lagged_bot`: Spotter plus a 5 ms ticker that records how late
   each tick wakes) on SQLite, with 20 chart athletes seeded with a year of workouts and 10
   athletes onboarded through the emulator. First the 10 log sets alone ("+", waiting for each
   next card); then, while they keep logging, the 20 send /progress at once and wait for their
   three photos. The ticker's lag in each window is the figure; the same run is repeated with
   the charts drawn on the event loop (the baseline) and the ratio printed.

`python -m bench.charts [--chart-athletes 20] [--loggers 10] [--renders 10]`
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.athletes import REPLY_TIMEOUT, UnexpectedReplyError, card_position, onboard
from bench.sample_training import PLAN, a_year_of_training, progress_of
from bench.updates import TOKEN, BotUnderTest
from domain.athletes.model import Language, User
from domain.plans.use_cases.install import install_builtin_programs
from emulator import BotApiEmulator, EmulatorTimeoutError, UserDriver
from handlers.common.i18n import Catalogue
from handlers.progress import charts
from handlers.progress.texts import chart_words
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

FIRST_LOGGER, FIRST_CHARTER = 10_000, 20_000
LAG_TARGET_MS = 20.0
TODAY = datetime.now(UTC).date()
SETS_ALONE = 4  # sets each logger logs before the charts start


@dataclass
class Window:
    label: str
    started: float = 0.0  # wall clock, to match the bot's samples
    ended: float = 0.0
    set_latencies: list[float] = field(default_factory=list)
    chart_latencies: list[float] = field(default_factory=list)
    lag: list[float] = field(default_factory=list)


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] * 1000 if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] * 1000


def render_times(renders: int) -> dict[str, float]:
    """p50 ms of each chart of a year's training, drawn here, one after another."""
    progress = progress_of(a_year_of_training(1, TODAY), TODAY)
    words = chart_words(Catalogue.load().translator(Language.EN), progress)
    charts.warm_up()
    times = {}
    for name, draw in (
        ("e1rm", charts.render_e1rm),
        ("volume", charts.render_volume),
        ("calendar", charts.render_calendar),
    ):
        spent = []
        for _ in range(renders):
            started = time.perf_counter()
            draw(progress, words)
            spent.append(time.perf_counter() - started)
        times[name] = statistics.median(spent) * 1000
    return times


async def seed(database: Path, charters: int) -> None:
    """The chart athletes, each with a year of finished nSuns workouts and training maxes."""
    url = f"sqlite:///{database}"
    await upgrade_to_head(url)
    engine = create_engine(url)
    clock = FixedClock()
    uow = SqlUnitOfWork(create_session_factory(engine), clock)
    await install_builtin_programs(uow)
    for n in range(charters):
        athlete = FIRST_CHARTER + n
        year = a_year_of_training(athlete, TODAY, seed=n)
        async with uow:
            first = year.workouts[0].started_at
            await uow.users.add(
                User(athlete, f"Charter {n}", None, None, Language.EN, "UTC", first)
            )
            await uow.athlete_plans.start(athlete, PLAN, first)
            for history in year.training_maxes.values():
                for entry in history:
                    await uow.training_maxes.add(athlete, entry)
            for workout in year.workouts:
                await uow.workouts.add(workout)
            await uow.commit()
    await engine.dispose()


async def keep_logging(athlete: UserDriver, stop: asyncio.Event, latencies: list[float]) -> None:
    """Sends "+" after each card until `stop`; opens the next day when one is done."""
    while not stop.is_set():
        sent = time.perf_counter()
        await athlete.send("+")
        reply = await athlete.wait_for_message(REPLY_TIMEOUT)
        latencies.append(time.perf_counter() - sent)
        if card_position(reply) is None:  # the day's summary: on to the next day
            await athlete.send("/today")
            if card_position(await athlete.wait_for_message(REPLY_TIMEOUT)) is None:
                raise UnexpectedReplyError(athlete, "a card after /today")


async def ask_for_charts(athlete: UserDriver, latencies: list[float]) -> None:
    sent = time.perf_counter()
    await athlete.send("/progress")
    for _ in range(3):
        photo = await athlete.wait_for_message(REPLY_TIMEOUT)
        if photo.media_kind != "photo":
            raise UnexpectedReplyError(athlete, "three photos after /progress")
    latencies.append(time.perf_counter() - sent)


async def logging_while(
    loggers: list[UserDriver], window: Window, work: asyncio.Future[list[None]] | None, sets: int
) -> None:
    """Loggers log until `work` is done (or `sets` each if there is no work); times the window."""
    stop = asyncio.Event()
    window.started = time.time()
    if work is None:

        async def some(athlete: UserDriver) -> None:
            for _ in range(sets):
                sent = time.perf_counter()
                await athlete.send("+")
                await athlete.wait_for_message(REPLY_TIMEOUT)
                window.set_latencies.append(time.perf_counter() - sent)

        await asyncio.gather(*(some(a) for a in loggers))
    else:
        logging = asyncio.gather(*(keep_logging(a, stop, window.set_latencies) for a in loggers))
        await work
        window.ended = time.time()
        stop.set()
        await logging
    window.ended = window.ended or time.time()


async def run_bot(
    name: str, database: Path, workdir: Path, *, on_loop: bool, charters: int, loggers: int
) -> list[Window]:
    shutil.copy(database, workdir / f"{name}.db")
    lag_file = workdir / f"{name}.lag.json"
    os.environ["BENCH_LAG_FILE"] = str(lag_file)
    os.environ["BENCH_CHARTS_ON_LOOP"] = "1" if on_loop else "0"
    alone, charting = Window(f"{name}: sets alone"), Window(f"{name}: sets + 20 /progress")
    async with BotApiEmulator(token=TOKEN, bot_username="bench_bot") as emulator:
        bot = BotUnderTest(name, "bench.lagged_bot", emulator, workdir)
        try:
            await bot.start()
            logging = [emulator.user(FIRST_LOGGER + i, f"Logger {i}") for i in range(loggers)]
            charting_users = [
                emulator.user(FIRST_CHARTER + i, f"Charter {i}") for i in range(charters)
            ]
            await asyncio.gather(*(onboard(u) for u in logging))
            for athlete in logging:
                await athlete.send("/today")
                await athlete.wait_for_message(REPLY_TIMEOUT)
            await ask_for_charts(charting_users[0], [])  # warm-up: workers start, fonts load
            await logging_while(logging, alone, None, SETS_ALONE)
            wave = asyncio.ensure_future(
                asyncio.gather(
                    *(ask_for_charts(u, charting.chart_latencies) for u in charting_users)
                )
            )
            await logging_while(logging, charting, wave, 0)
        except (UnexpectedReplyError, EmulatorTimeoutError) as error:
            print(f"{name}: {error}\n--- log ---\n{bot.log_tail()}", file=sys.stderr)
            raise SystemExit(2) from error
        finally:
            await bot.stop()
    samples = json.loads(lag_file.read_text())
    for window in (alone, charting):
        window.lag = [lag for at, lag in samples if window.started <= at <= window.ended]
    return [alone, charting]


def report(times: dict[str, float], windows: list[Window]) -> None:
    print(
        "render time, one chart of a year's training, this process (p50 ms): "
        + ", ".join(f"{name} {ms:.0f}" for name, ms in times.items())
        + f"; all three {sum(times.values()):.0f}"
    )
    header = (
        f"{'window':<34} {'secs':>5} {'lag p50':>8} {'lag p99':>8} {'lag max':>8} "
        f"{'set p50':>8} {'set p99':>8} {'/progress p50':>14} {'p99':>8}"
    )
    print(header)
    print("-" * len(header))
    for w in windows:
        print(
            f"{w.label:<34} {w.ended - w.started:5.1f} {percentile(w.lag, 50):8.1f} "
            f"{percentile(w.lag, 99):8.1f} {max(w.lag, default=0) * 1000:8.1f} "
            f"{percentile(w.set_latencies, 50):8.0f} {percentile(w.set_latencies, 99):8.0f} "
            f"{percentile(w.chart_latencies, 50):14.0f} {percentile(w.chart_latencies, 99):8.0f}"
        )
    pool, loop = windows[1], windows[3]
    lag_pool, lag_loop = percentile(pool.lag, 99), percentile(loop.lag, 99)
    verdict = "met" if lag_pool <= LAG_TARGET_MS else "MISSED"
    print(
        f"event-loop lag p99 while charts render: {lag_pool:.1f} ms in the pool "
        f"(target <= {LAG_TARGET_MS:.0f} ms: {verdict}), {lag_loop:.1f} ms on the loop: "
        f"pool/loop {lag_pool / lag_loop:.2f}x; set p99 {percentile(pool.set_latencies, 99):.0f} "
        f"vs {percentile(loop.set_latencies, 99):.0f} ms"
    )


async def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--chart-athletes", type=int, default=20)
    parser.add_argument("--loggers", type=int, default=10)
    parser.add_argument("--renders", type=int, default=10, help="renders per chart for p50")
    args = parser.parse_args()
    times = render_times(args.renders)
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        (workdir / "empty.toml").touch()
        database = workdir / "seeded.db"
        started = time.perf_counter()
        await seed(database, args.chart_athletes)
        print(
            f"seeded {args.chart_athletes} athletes with a year of workouts in "
            f"{time.perf_counter() - started:.0f} s; {os.cpu_count()} CPUs shared with the emulator"
        )
        windows = []
        for name, on_loop in (("pool", False), ("loop", True)):
            windows += await run_bot(
                name,
                database,
                workdir,
                on_loop=on_loop,
                charters=args.chart_athletes,
                loggers=args.loggers,
            )
    report(times, windows)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
