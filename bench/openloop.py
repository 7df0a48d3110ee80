"""Round trips at a fixed load: Spotter and the echo bot each get "+" at a steady rate.

Open loop: each athlete sends "+" on a schedule (the load is `--rate` sets a second over all
athletes, spread evenly), whether or not the previous card has come back, the way thousands of
athletes mid-session would; a round trip is from a "+" to the reply it caused (one bot message
per "+", matched in order). The echo bot gets the same schedule in the same run, as the
baseline. Issue 14's target: Spotter's p99 at most 1.5x the echo bot's at 60 sets a second.

`python -m bench.openloop [--athletes 60] [--rate 60] [--sets 17]`
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.athletes import REPLY_TIMEOUT, onboard, open_day
from bench.updates import BotUnderTest, Run, Sample, Scenario, measure
from emulator import UserDriver

P99_TARGET = 1.5


async def on_schedule(
    athlete: UserDriver, start: float, interval: float, sets: int, latencies: list[float]
) -> None:
    """Sends "+" at start, start + interval, …; times each reply against its own send."""
    sent: list[float] = []

    async def replies() -> None:
        for index in range(sets):
            await athlete.wait_for_message(REPLY_TIMEOUT)
            latencies.append(time.perf_counter() - sent[index])

    receiving = asyncio.create_task(replies())
    for index in range(sets):
        await asyncio.sleep(max(0.0, start + index * interval - time.perf_counter()))
        sent.append(time.perf_counter())
        await athlete.send("+")
    await receiving


def scenario(label: str, rate: float, sets: int, *, spotter: bool) -> Scenario:
    async def run(bot: BotUnderTest, users: list[UserDriver]) -> list[Sample]:
        if spotter:
            await asyncio.gather(*(onboard(u) for u in users))
            await asyncio.gather(*(open_day(u, []) for u in users))
        interval = len(users) / rate  # each athlete's pace, so that all together make `rate`
        begin = time.perf_counter() + 0.5
        sample = Sample(label)
        async with bot.timed(sample):
            await asyncio.gather(
                *(
                    on_schedule(
                        u, begin + n * interval / len(users), interval, sets, sample.latencies
                    )
                    for n, u in enumerate(users)
                )
            )
        return [sample]

    return run


def p(sample: Sample, q: int) -> float:
    return statistics.quantiles(sample.latencies, n=100, method="inclusive")[q - 1] * 1000


async def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--athletes", type=int, default=60)
    parser.add_argument("--rate", type=float, default=60.0, help="sets a second, all together")
    parser.add_argument("--sets", type=int, default=17)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        (workdir / "empty.toml").touch()
        runs: dict[str, Run] = {
            "echo": await measure(
                "echo",
                "bench.echo_bot",
                scenario('echo "+"', args.rate, args.sets, spotter=False),
                args.athletes,
                workdir,
            ),
            "spotter": await measure(
                "spotter",
                "bot",
                scenario('spotter "+" → card', args.rate, args.sets, spotter=True),
                args.athletes,
                workdir,
            ),
        }
    print(f"{args.athletes} athletes, {args.rate:g} sets/s in all, {args.sets} each, SQLite")
    for name, run in runs.items():
        sample = run.samples[0]
        cpu = sample.bot_cpu / sample.elapsed * 100 if sample.bot_cpu else float("nan")
        print(
            f"{name:8} p50 {p(sample, 50):7.1f} ms  p99 {p(sample, 99):7.1f} ms  bot CPU {cpu:.0f}%"
        )
    ratio = p(runs["spotter"].samples[0], 99) / p(runs["echo"].samples[0], 99)
    verdict = "met" if ratio <= P99_TARGET else "MISSED"
    print(f"spotter/echo p99: {ratio:.2f}x (target <= {P99_TARGET}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
