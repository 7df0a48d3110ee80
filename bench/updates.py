"""Round-trip latency and throughput of Spotter against a bare aiogram echo bot.

K simulated athletes message the bot concurrently through the local Bot API emulator, each
waiting for the reply before sending again. The same run measures the echo bot on a fresh
emulator as the baseline. `python -m bench.updates [--athletes 50] [--messages 20]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.bot_process import REPO_ROOT
from tests.emulator import BotApiEmulator, UserDriver

TOKEN = "777000:bench-token_0123456789abcdef"
FIRST_ATHLETE_ID = 10_000


@dataclass(frozen=True)
class Figures:
    name: str
    latencies: list[float]
    elapsed: float

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed


async def start_process(module: str, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    with log.open("wb") as output:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", module, cwd=REPO_ROOT, env=env, stdout=output, stderr=output
        )


async def converse(athlete: UserDriver, text: str, messages: int, latencies: list[float]) -> None:
    for _ in range(messages):
        sent = time.perf_counter()
        await athlete.send(text)
        await athlete.wait_for_message(timeout=30)
        latencies.append(time.perf_counter() - sent)


async def measure(
    name: str, module: str, text: str, args: argparse.Namespace, workdir: Path
) -> Figures:
    async with BotApiEmulator(token=TOKEN, bot_username="bench_bot") as emulator:
        env = {
            "PATH": "/usr/bin:/bin",
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE": emulator.base_url,
            "DATABASE_URL": f"sqlite:///{workdir / f'{name}.db'}",
            "LOG_LEVEL": "WARNING",
            "BOT_CONFIG": str(workdir / "empty.toml"),
        }
        process = await start_process(module, env, workdir / f"{name}.log")
        try:
            athletes = [
                emulator.user(FIRST_ATHLETE_ID + i, f"Athlete {i}") for i in range(args.athletes)
            ]
            await asyncio.gather(*(converse(a, text, 1, []) for a in athletes))  # warm-up
            latencies: list[float] = []
            started = time.perf_counter()
            await asyncio.gather(*(converse(a, text, args.messages, latencies) for a in athletes))
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            await process.wait()
        errors = emulator.api_errors
        if errors:
            raise SystemExit(f"{name}: the Bot API refused {len(errors)} calls: {errors[:3]}")
    return Figures(name, latencies, elapsed)


def report(figures: list[Figures]) -> None:
    print(f"{'bot':<10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'updates/s':>10}")
    for f in figures:
        print(
            f"{f.name:<10} {f.percentile(50):8.1f} {f.percentile(95):8.1f} "
            f"{f.percentile(99):8.1f} {f.throughput:10.1f}"
        )
    baseline, spotter = figures
    print(
        f"spotter/echo: p99 {spotter.percentile(99) / baseline.percentile(99):.2f}x "
        f"(target <= 1.5x), throughput {spotter.throughput / baseline.throughput:.2f}x "
        f"(target >= 0.7x)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--athletes", type=int, default=50)
    parser.add_argument("--messages", type=int, default=20, help="per athlete")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        (workdir / "empty.toml").touch()
        print(f"{args.athletes} athletes x {args.messages} messages each, SQLite, one process each")
        echo = await measure("echo", "bench.echo_bot", "/help", args, workdir)
        spotter = await measure("spotter", "bot", "/help", args, workdir)
    report([echo, spotter])


if __name__ == "__main__":
    asyncio.run(main())
