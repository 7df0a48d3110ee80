"""Sets per second with one worker and with two: `python -m bot cluster` on PostgreSQL + Redis.

For each worker count, a fresh PostgreSQL database, an emulator delivering by webhook with
40 connections (as Telegram may), and the cluster launcher; K athletes onboard (untimed), open
the day, then log their sets together ("+" → the next card, each waiting for its card). The
figure is logged sets per second, and its ratio between two workers and one, measured in the
same run. On this 2-core machine the emulator and the simulated athletes share the cores
with the workers, so the ratio says how much a second process adds here, not on a server.

`python -m bench.workers [--athletes 50] [--sets 17]`
Needs PostgreSQL and Redis on 127.0.0.1 (exits 3 without them).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.athletes import log_sets, onboard, open_day
from bot.cluster import free_port
from emulator import BotApiEmulator
from emulator.bot_process import BotProcess
from tests.services import fresh_postgres_database

TOKEN = "777001:bench-workers_0123456789abcdef"
SECRET = "bench-workers-secret"
REDIS = "redis://127.0.0.1:6379/6"
FIRST_ATHLETE_ID = 30_000
EXIT_NO_SERVICES = 3
TARGET = 1.6  # two workers' sets/s at least this many times one worker's (issue 14)


async def sets_per_second(
    workers: int, athletes: int, sets: int, workdir: Path
) -> tuple[float, float]:
    """Logged sets per second and the p99 round trip in ms, with `workers` workers."""
    async with (
        fresh_postgres_database() as database,
        BotApiEmulator(token=TOKEN, bot_username="bench_bot") as emulator,
    ):
        emulator.webhook.concurrency = 40
        port = free_port()
        empty = workdir / "empty.toml"
        empty.touch()
        cluster = BotProcess(
            env={
                "BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE": emulator.base_url,
                "DATABASE_URL": database,
                "REDIS_URL": REDIS,
                "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
                "WEBHOOK_SECRET": SECRET,
                "WEBHOOK_PORT": str(port),
                "LOG_LEVEL": "WARNING",
                # CPU is measured, not Telegram's 30 messages a second (no limits here)
                "DELIVERY_GLOBAL_PER_SECOND": "10000",
                "BOT_CONFIG": str(empty),
            },
            log_path=workdir / f"cluster-{workers}.log",
            args=("cluster", "--workers", str(workers)),
        )
        await cluster.start()
        try:
            await emulator.wait_until(
                lambda: bool(emulator.webhook.url), 90, "the workers to set the webhook"
            )
            await asyncio.sleep(3)  # every worker up, not only the first
            users = [emulator.user(FIRST_ATHLETE_ID + i, f"Athlete {i}") for i in range(athletes)]
            await asyncio.gather(*(onboard(u) for u in users))
            starts = await asyncio.gather(*(open_day(u, []) for u in users))
            latencies: list[float] = []
            started = time.perf_counter()
            await asyncio.gather(
                *(log_sets(u, s, sets, latencies) for u, s in zip(users, starts, strict=True))
            )
            elapsed = time.perf_counter() - started
        finally:
            await cluster.terminate(within=30)
    p99 = statistics.quantiles(latencies, n=100, method="inclusive")[98] * 1000
    return len(latencies) / elapsed, p99


async def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--athletes", type=int, default=50)
    parser.add_argument("--sets", type=int, default=17)
    args = parser.parse_args()
    for host, port in (("127.0.0.1", 5432), ("127.0.0.1", 6379)):
        try:
            socket.create_connection((host, port), timeout=1).close()
        except OSError:
            print(f"nothing answers on {host}:{port}: PostgreSQL and Redis are needed")
            return EXIT_NO_SERVICES
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        one = await sets_per_second(1, args.athletes, args.sets, workdir)
        two = await sets_per_second(2, args.athletes, args.sets, workdir)
    cpus = os.cpu_count()
    print(f"{args.athletes} athletes x {args.sets} sets, PostgreSQL + Redis, {cpus} CPUs shared")
    print(f"1 worker : {one[0]:7.1f} sets/s, p99 {one[1]:7.1f} ms")
    print(f"2 workers: {two[0]:7.1f} sets/s, p99 {two[1]:7.1f} ms")
    ratio = two[0] / one[0]
    verdict = "met" if ratio >= TARGET else "MISSED"
    print(f"2 workers / 1: {ratio:.2f}x (target >= {TARGET}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
