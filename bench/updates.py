"""Set-logging round trips through Spotter against a bare aiogram echo bot, on one emulator each.

K simulated athletes onboard (untimed: /start, "kg", the plan, their maxes), open the day with
/today (timed apart), then log sets concurrently: each sends "+" and waits for the next card
(the day's summary after its last set) before the next "+". That "+" → reply round trip is the
figure. In the same run two baselines get the same "+" texts from the same number of users:
the bare echo bot (bench/echo_bot.py) and a minimal real logging bot (bench/log_bot.py: one
SQLite insert and one reply per set).
A day has 17 sets; more sets per athlete continue with /today for the next day.

`python -m bench.updates [--athletes 50] [--sets 17] [--profile spotter.svg]`
Exits 1 if the Bot API emulator refused any call, 2 if a bot answered something unexpected.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.athletes import (
    SETS_PER_DAY,
    UnexpectedReplyError,
    echo,
    log_plain,
    log_sets,
    onboard,
    open_day,
)
from emulator import BotApiEmulator, EmulatorTimeoutError, RecordedRequest, UserDriver
from emulator.bot_process import REPO_ROOT

TOKEN = "777000:bench-token_0123456789abcdef"
FIRST_ATHLETE_ID = 10_000
P99_TARGET = 1.5  # Spotter's p99 at most this many times the echo bot's
THROUGHPUT_TARGET = 0.7  # Spotter's updates/s at least this fraction of the echo bot's
CPU_TARGET_MS = 4.0  # bot CPU per "+" (issue 14)
MINIMAL_CPU_TARGET = 3.0  # Spotter's CPU per "+" at most this many times the minimal bot's
START_TIMEOUT = 60.0
EXIT_REFUSED_CALLS = 1
EXIT_UNEXPECTED_REPLY = 2
_PROFILE_FORMATS = {".svg": "flamegraph", ".json": "speedscope", ".txt": "raw"}


@dataclass
class Sample:
    """Round trips of one kind, and what they cost while they ran."""

    label: str
    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    bot_cpu: float | None = 0.0  # None where /proc is missing
    driver_cpu: float = 0.0  # this process: the emulator and the simulated users
    api_calls: int = 0  # Bot API calls other than getUpdates

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] * 1000 if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1] * 1000

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else float("nan")

    def per_update(self, amount: float) -> float:
        return amount / len(self.latencies) if self.latencies else float("nan")


class BotUnderTest:
    """One bot process (`python -m <module>`) polling its own emulator."""

    def __init__(self, name: str, module: str, emulator: BotApiEmulator, workdir: Path) -> None:
        self.name = name
        self.module = module
        self.emulator = emulator
        self.workdir = workdir
        self._process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"BOT_TOKEN", "BOT_CONFIG", "DATABASE_URL", "TELEGRAM_API_BASE"}
        }
        env.update(
            BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE=self.emulator.base_url,
            DATABASE_URL=f"sqlite:///{self.workdir / f'{self.name}.db'}",
            LOG_LEVEL="WARNING",
            # CPU per set is measured, not Telegram's 30 messages a second overall (which the
            # bot keeps to, replies included): the emulator here enforces no limits.
            DELIVERY_GLOBAL_PER_SECOND="10000",
            BOT_CONFIG=str(self.workdir / "empty.toml"),  # keeps a developer's ./config.toml out
        )
        with (self.workdir / f"{self.name}.log").open("wb") as log:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                self.module,
                cwd=REPO_ROOT,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        await self.emulator.wait_until(
            lambda: bool(self.emulator.calls("getUpdates")), START_TIMEOUT, f"{self.name} to poll"
        )

    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError(f"{self.name} is not started")
        return self._process.pid

    def cpu_seconds(self) -> float | None:
        """User + system CPU the bot process used so far (Linux /proc)."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()  # fields after the command name, from the 3rd
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def api_calls(self) -> int:
        return sum(1 for r in self.emulator.requests if r.method != "getUpdates")

    @asynccontextmanager
    async def timed(self, sample: Sample) -> AsyncIterator[None]:
        """Adds the wall time, bot CPU, driver CPU and API calls of the block to the sample."""
        cpu, driver, calls = self.cpu_seconds(), time.process_time(), self.api_calls()
        started = time.perf_counter()
        yield
        sample.elapsed += time.perf_counter() - started
        sample.driver_cpu += time.process_time() - driver
        sample.api_calls += self.api_calls() - calls
        now = self.cpu_seconds()
        if cpu is None or now is None or sample.bot_cpu is None:
            sample.bot_cpu = None
        else:
            sample.bot_cpu += now - cpu

    async def stop(self) -> None:
        if self._process is None or self._process.returncode is not None:
            return
        self._process.terminate()
        try:
            async with asyncio.timeout(15):
                await self._process.wait()
        except TimeoutError:
            self._process.kill()
            await self._process.wait()

    def log_tail(self, lines: int = 20) -> str:
        text = (self.workdir / f"{self.name}.log").read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


class Profiler:
    """py-spy attached to the bot process while the set logging runs (off unless asked for)."""

    def __init__(self, output: Path | None, py_spy: str | None) -> None:
        self.output = output
        self.py_spy = py_spy
        self._process: asyncio.subprocess.Process | None = None

    async def start(self, pid: int) -> None:
        if self.output is None or self._process is not None:
            return
        if self.py_spy is None:
            raise SystemExit("--profile needs py-spy: put it on PATH or pass --py-spy")
        profile_format = _PROFILE_FORMATS.get(self.output.suffix, "raw")
        self._process = await asyncio.create_subprocess_exec(
            self.py_spy,
            *("record", "--pid", str(pid), "--rate", "200", "--gil", "--format", profile_format),
            *("--output", str(self.output)),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        await asyncio.sleep(1)  # attaching takes a moment; samples start after it

    async def stop(self) -> None:
        if self._process is None:
            return
        self._process.send_signal(signal.SIGINT)  # py-spy writes the profile on Ctrl-C
        _, errors = await self._process.communicate()
        if self._process.returncode:
            print(f"py-spy failed: {errors.decode(errors='replace')}", file=sys.stderr)
        else:
            print(f"profile of the set logging written to {self.output}")


@dataclass
class Run:
    samples: list[Sample]
    refused: list[RecordedRequest]


Scenario = Callable[[BotUnderTest, list[UserDriver]], Awaitable[list[Sample]]]


async def measure(name: str, module: str, scenario: Scenario, athletes: int, workdir: Path) -> Run:
    async with BotApiEmulator(token=TOKEN, bot_username="bench_bot") as emulator:
        bot = BotUnderTest(name, module, emulator, workdir)
        try:
            await bot.start()
            users = [emulator.user(FIRST_ATHLETE_ID + i, f"Athlete {i}") for i in range(athletes)]
            samples = await scenario(bot, users)
        except (UnexpectedReplyError, EmulatorTimeoutError) as error:
            print(f"{name}: {error}\n--- {name} log ---\n{bot.log_tail()}", file=sys.stderr)
            raise SystemExit(EXIT_UNEXPECTED_REPLY) from error
        finally:
            await bot.stop()
        return Run(samples, list(emulator.api_errors))


def echo_scenario(sets: int) -> Scenario:
    async def scenario(bot: BotUnderTest, users: list[UserDriver]) -> list[Sample]:
        await asyncio.gather(*(echo(u, "+", 1, []) for u in users))  # warm-up, untimed
        plus = Sample('echo "+" → echo')
        async with bot.timed(plus):
            await asyncio.gather(*(echo(u, "+", sets, plus.latencies) for u in users))
        return [plus]

    return scenario


def log_scenario(sets: int) -> Scenario:
    async def scenario(bot: BotUnderTest, users: list[UserDriver]) -> list[Sample]:
        await asyncio.gather(*(log_plain(u, 1, []) for u in users))  # warm-up, untimed
        plus = Sample('minimal "+" → logged')
        async with bot.timed(plus):
            await asyncio.gather(*(log_plain(u, sets, plus.latencies) for u in users))
        return [plus]

    return scenario


def spotter_scenario(sets: int, profiler: Profiler) -> Scenario:
    async def scenario(bot: BotUnderTest, users: list[UserDriver]) -> list[Sample]:
        await asyncio.gather(*(onboard(u) for u in users))
        plus = Sample('spotter "+" → card')
        today = Sample("spotter /today → card")
        left = sets
        try:
            while left:  # a day at a time, everyone together: /today, then up to 17 "+"
                day = min(left, SETS_PER_DAY)
                async with bot.timed(today):
                    starts = await asyncio.gather(*(open_day(u, today.latencies) for u in users))
                await profiler.start(bot.pid)
                async with bot.timed(plus):
                    await asyncio.gather(
                        *(
                            log_sets(u, s, day, plus.latencies)
                            for u, s in zip(users, starts, strict=True)
                        )
                    )
                left -= day
        finally:
            await profiler.stop()
        return [plus, today]

    return scenario


def report(echo_run: Run, log_run: Run, spotter_run: Run) -> None:
    header = (
        f"{'round trip':<24} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'updates/s':>10} {'bot CPU ms/upd':>15} {'bot CPU %':>10} {'API calls/upd':>14}"
    )
    print(header)
    print("-" * len(header))
    for s in echo_run.samples + log_run.samples + spotter_run.samples:
        cpu_ms = float("nan") if s.bot_cpu is None else s.per_update(s.bot_cpu) * 1000
        cpu_share = float("nan") if s.bot_cpu is None else s.bot_cpu / s.elapsed * 100
        print(
            f"{s.label:<24} {len(s.latencies):>5} {s.percentile(50):8.1f} {s.percentile(95):8.1f} "
            f"{s.percentile(99):8.1f} {s.throughput:10.1f} {cpu_ms:15.2f} {cpu_share:10.0f} "
            f"{s.per_update(s.api_calls):14.2f}"
        )
    for s in echo_run.samples + log_run.samples + spotter_run.samples:
        print(
            f"  {s.label}: the emulator and users used "
            f"{s.driver_cpu / s.elapsed * 100:.0f}% of a CPU"
        )
    baseline, minimal, spotter = echo_run.samples[0], log_run.samples[0], spotter_run.samples[0]
    if spotter.bot_cpu is not None and baseline.bot_cpu and minimal.bot_cpu:
        cpu = spotter.per_update(spotter.bot_cpu) * 1000
        print(
            f'bot CPU per "+": spotter {cpu:.2f} ms (target <= {CPU_TARGET_MS} ms: '
            f"{'met' if cpu <= CPU_TARGET_MS else 'MISSED'}), "
            f"{spotter.bot_cpu / baseline.bot_cpu:.1f}x the echo bot, "
            f"{spotter.bot_cpu / minimal.bot_cpu:.1f}x the minimal logging bot "
            f"(target <= {MINIMAL_CPU_TARGET}x: "
            f"{'met' if spotter.bot_cpu <= MINIMAL_CPU_TARGET * minimal.bot_cpu else 'MISSED'})"
        )
    p99 = spotter.percentile(99) / baseline.percentile(99)
    throughput = spotter.throughput / baseline.throughput
    print(
        f'spotter/echo on "+": p99 {p99:.2f}x (target <= {P99_TARGET}x: '
        f"{'met' if p99 <= P99_TARGET else 'MISSED'}), "
        f"throughput {throughput:.2f}x (target >= {THROUGHPUT_TARGET}x: "
        f"{'met' if throughput >= THROUGHPUT_TARGET else 'MISSED'})"
    )


def refused_calls(runs: dict[str, Run]) -> int:
    count = 0
    for name, run in runs.items():
        for request in run.refused:
            count += 1
            if count <= 5:
                print(
                    f"{name}: the Bot API refused {request.method} ({request.status}): "
                    f"{request.response}",
                    file=sys.stderr,
                )
    return count


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--athletes", type=int, default=50, help="simulated users (default 50)")
    parser.add_argument(
        "--sets", type=int, default=SETS_PER_DAY, help="'+' per athlete (default 17, one day)"
    )
    parser.add_argument(
        "--profile",
        type=Path,
        help="py-spy Spotter while it logs sets: .svg flamegraph, .json speedscope, .txt raw",
    )
    parser.add_argument("--py-spy", default=shutil.which("py-spy"), help="the py-spy binary")
    args = parser.parse_args()
    if args.athletes < 1 or args.sets < 1:
        parser.error("--athletes and --sets must be at least 1")
    profiler = Profiler(args.profile.resolve() if args.profile else None, args.py_spy)
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        (workdir / "empty.toml").touch()
        print(
            f'{args.athletes} athletes x {args.sets} "+" each, SQLite, each bot in its own '
            f"process; {os.cpu_count()} CPUs shared with the emulator"
        )
        echo_run = await measure(
            "echo", "bench.echo_bot", echo_scenario(args.sets), args.athletes, workdir
        )
        log_run = await measure(
            "minimal", "bench.log_bot", log_scenario(args.sets), args.athletes, workdir
        )
        spotter_run = await measure(
            "spotter", "bot", spotter_scenario(args.sets, profiler), args.athletes, workdir
        )
    report(echo_run, log_run, spotter_run)
    refused = refused_calls({"echo": echo_run, "minimal": log_run, "spotter": spotter_run})
    if refused:
        print(f"the Bot API emulator refused {refused} calls", file=sys.stderr)
        return EXIT_REFUSED_CALLS
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
