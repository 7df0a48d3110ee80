"""A fan-out through the outbox against an emulator that enforces Telegram's flood limits.

N messages (default 10,000) are queued at once in the bot's database, to C chats (default one
each), and the real `python -m bot` process delivers them. The figure is the time from the
commit to the last message's arrival, as a ratio to the physical limit N / rate: at the
Bot API's 30 messages/s, 10,000 messages cannot arrive in less than 333 s. `--rate` sets the
overall limit for the emulator and the bot alike (the bot leaves its configured headroom
unused), so the ratio stays comparable while the run gets shorter.

`python -m bench.fanout [--messages 10000] [--chats 10000] [--rate 30]`
Exits 1 on any flood-limit violation, lost or duplicated message, or refused call.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from domain.outbox.model import OutgoingMessage
from emulator import BotApiEmulator
from emulator.bot_process import BotProcess
from storage.core.engine import create_engine, create_session_factory
from storage.outbox.outbox import OutboxQueue
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

TOKEN = "777001:bench-token_fanout0123456789"
FIRST_CHAT_ID = 100_000
TARGET = 1.05  # at most this many times the physical limit (issue 14)
EXIT_FAILED = 1


class Bot(BotProcess):
    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError("the bot is not started")
        return self._process.pid

    def cpu_seconds(self) -> float | None:
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def queue_messages(url: str, messages: list[OutgoingMessage]) -> None:
    engine = create_engine(url)
    try:
        async with SqlUnitOfWork(create_session_factory(engine), FixedClock()) as uow:
            await uow.outbox.add_all(messages)
            await uow.commit()
    finally:
        await engine.dispose()


async def outbox_states(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        return {
            str(s): n
            for s, n in (await OutboxQueue(create_session_factory(engine)).states()).items()
        }
    finally:
        await engine.dispose()


async def run(args: argparse.Namespace, workdir: Path) -> int:
    url = f"sqlite:///{workdir / 'spotter.db'}"
    (workdir / "empty.toml").touch()
    async with BotApiEmulator(token=TOKEN, bot_username="fanout_bot") as emulator:
        emulator.enforce_flood_limits(global_per_second=args.rate)
        chat_ids = [FIRST_CHAT_ID + n for n in range(args.chats)]
        for chat_id in chat_ids:
            emulator.user(chat_id).allow_messages()
        # The emulator stands in for Telegram, whose servers do not pause for our collector:
        # its 10,000 users go where the collector will not walk them again.
        gc.freeze()
        bot = Bot(
            env={
                "BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE": emulator.base_url,
                "DATABASE_URL": url,
                "LOG_LEVEL": "WARNING",
                "BOT_CONFIG": str(workdir / "empty.toml"),
                "DELIVERY_GLOBAL_PER_SECOND": str(args.rate),
                "DELIVERY_HEADROOM": str(args.headroom),
                "DELIVERY_POLL_SECONDS": "0.2",
            },
            log_path=workdir / "bot.log",
        )
        await bot.start()
        try:
            await emulator.wait_until(lambda: bool(emulator.calls("getUpdates")), 60, "polling")
            at = datetime.now(UTC)
            messages = [
                OutgoingMessage(f"fan-out {n}", chat_ids[n % args.chats], at, text=f"news {n}")
                for n in range(args.messages)
            ]
            await queue_messages(url, messages)
            started, cpu_before = time.monotonic(), bot.cpu_seconds()
            seen = 0
            delivered = 0
            deadline = started + args.messages / args.rate * 3 + 60
            while delivered < args.messages and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                requests = emulator.requests
                new = requests[seen:]
                seen = len(requests)
                delivered += sum(1 for r in new if r.method == "sendMessage" and r.ok)
            sends = [r for r in emulator.requests if r.method == "sendMessage" and r.ok]
            finished = sends[-1].time if sends else time.monotonic()
            cpu_after = bot.cpu_seconds()
            await asyncio.sleep(1)  # anything sent twice would arrive now
        finally:
            await bot.terminate(within=30)
        states = await outbox_states(url)
        texts = Counter(m.content for c in chat_ids for m in emulator.chat(c).bot_messages)
    elapsed = finished - started
    limit = args.messages / args.rate
    ratio = elapsed / limit
    lost = args.messages - len(texts)
    twice = sum(count - 1 for count in texts.values())
    violations = len(emulator.flood_violations)
    refused = len(emulator.api_errors)
    cpu = (
        "n/a"
        if cpu_before is None or cpu_after is None
        else f"{(cpu_after - cpu_before) / max(1, args.messages) * 1000:.2f} ms"
    )
    print(
        f"{args.messages} messages to {args.chats} chats at {args.rate}/s overall "
        f"(bot headroom {args.headroom:.0%}), SQLite, {os.cpu_count()} CPUs shared with the"
        " emulator"
    )
    print(
        f"elapsed {elapsed:.1f} s; physical limit {limit:.1f} s; ratio {ratio:.3f}x "
        f"(target <= {TARGET}x: {'met' if ratio <= TARGET else 'MISSED'})"
    )
    print(
        f"violations {violations}, lost {lost}, duplicates {twice}, refused calls {refused}; "
        f"outbox {states}; bot CPU per message {cpu}"
    )
    for violation in emulator.flood_violations[:5]:
        before = [r.time for r in sends if violation.at - 1.0 < r.time <= violation.at]
        gaps = [b - a for a, b in itertools.pairwise(before)]
        print(
            f"  429 ({violation.rule}) for chat {violation.chat_id}: {len(before)} arrivals in"
            f" the second before it; gaps min {min(gaps, default=0) * 1000:.1f} ms,"
            f" max {max(gaps, default=0) * 1000:.1f} ms"
        )
    return EXIT_FAILED if violations or lost or twice or refused else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument(
        "--chats", type=int, default=10_000, help="distinct chats (default: one each)"
    )
    parser.add_argument("--rate", type=int, default=30, help="messages/s overall (default 30)")
    parser.add_argument(
        "--headroom", type=float, default=0.03, help="bot's unused share of each limit"
    )
    args = parser.parse_args()
    if min(args.messages, args.chats, args.rate) < 1:
        parser.error("--messages, --chats and --rate must be at least 1")
    with tempfile.TemporaryDirectory() as directory:
        return asyncio.run(run(args, Path(directory)))


if __name__ == "__main__":
    sys.exit(main())
