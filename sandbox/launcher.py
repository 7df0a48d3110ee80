"""`python -m bot sandbox`: the emulator and the page in this process, the real bot beside it."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import signal
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from domain.athletes.model import Profile
from emulator import BotApiEmulator
from emulator.bot_process import BotProcess
from sandbox.demo import seed_demo_athlete
from sandbox.people import People
from sandbox.web import SandboxApi

BOT_ID = 7000000001
BOT_USERNAME = "spotter_sandbox_bot"
STARTED = "Spotter is up as @"  # the bot's last log line before it polls
START_WITHIN_SECONDS = 60
SIGNAL_GRACE_SECONDS = 0.5


class SandboxError(Exception):
    """The sandbox cannot start; the message is the one line a person reads."""


@dataclass(frozen=True)
class SandboxOptions:
    host: str = "127.0.0.1"
    port: int = 8080
    allow_remote: bool = False
    demo: bool = False
    data_dir: Path = Path("data/sandbox")


def check_address(host: str, *, allow_remote: bool) -> None:
    """Loopback only, unless told otherwise: the page lets anyone who reaches it act as anyone."""
    if allow_remote or host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SandboxError(
            f"The sandbox serves on loopback only (127.0.0.1, ::1, localhost), not {host}: "
            "anyone who reaches the page can act as every persona. Add --allow-remote to "
            "serve it on this address anyway."
        )


def bot_environment(api_base: str, token: str, data_dir: Path) -> dict[str, str]:
    """The bot process's whole configuration: the emulator instead of Telegram, SQLite on disk."""
    config = data_dir / "config.toml"
    config.write_text("# the sandbox configures the bot through its environment\n")
    return {
        "BOT_TOKEN": token,
        "TELEGRAM_API_BASE": api_base,
        "DATABASE_URL": f"sqlite:///{(data_dir / 'spotter.db').resolve()}",
        "BOT_CONFIG": str(config.resolve()),  # a developer's ./config.toml (and token) stay out
        "REDIS_URL": "",
        "BOT_ADMINS": "",
    }


def fresh_data_dir(data_dir: Path) -> None:
    """Every sandbox starts empty: the emulator's chats live in memory, so the bot's may not."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("spotter.db", "spotter.db-wal", "spotter.db-shm", "bot.log"):
        (data_dir / name).unlink(missing_ok=True)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def run_sandbox(options: SandboxOptions) -> int:
    check_address(options.host, allow_remote=options.allow_remote)
    data_dir = options.data_dir.resolve()
    fresh_data_dir(data_dir)
    token = f"{BOT_ID}:{secrets.token_urlsafe(24)}"
    emulator = BotApiEmulator(
        token=token,
        bot_username=BOT_USERNAME,
        host=options.host,
        port=options.port,
        add_routes=lambda app: SandboxApi(emulator, people).add_routes(app),
    )
    people = People(emulator)
    try:
        await emulator.start()
    except OSError as error:
        raise SandboxError(
            f"Cannot serve on {options.host}:{options.port} ({error.strerror}); "
            'choose another port: make run ARGS="sandbox --port 8090"'
        ) from None
    address = emulator.base_url
    say("Spotter sandbox: a local stand-in for Telegram; nothing leaves this machine.")
    say(f"  emulator  Bot API for the bot at {address}/bot…  (this process)")
    env = bot_environment(address, token, data_dir)
    if options.demo:
        demo = next(iter(people.personas.values()))
        emulator.user(demo.user_id).allow_messages()  # they started the bot months ago
        seeded = await seed_demo_athlete(
            env["DATABASE_URL"],
            Profile(demo.user_id, demo.name, language_code=demo.language),
            datetime.now(UTC).date(),
        )
        say(
            f"  demo      {demo.name}: {seeded.workouts} nSuns workouts since "
            f"{seeded.first_day:%d %b %Y}"
        )
    bot = BotProcess(env, data_dir / "bot.log")
    try:
        await bot.start()
        await _wait_started(bot)
        say(f"  bot       python -m bot, pid {bot.pid}, log {options.data_dir / 'bot.log'}")
        say(f"  page      open {address}/ in a browser  (Ctrl-C stops everything)")
        return await _until_stopped(bot)
    finally:
        if bot.running:
            await bot.terminate()
        await emulator.stop()
        say("Sandbox stopped.")


async def _wait_started(bot: BotProcess) -> None:
    async with asyncio.timeout(START_WITHIN_SECONDS):
        while STARTED not in _log(bot):
            if not bot.running:
                raise SandboxError(f"The bot process stopped at start:\n{_tail(bot)}")
            await asyncio.sleep(0.1)


async def _until_stopped(bot: BotProcess) -> int:
    """Waits for Ctrl-C or SIGTERM (0), or for the bot process to die (1, with its last words)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    stopped = asyncio.create_task(stop.wait())
    died = asyncio.create_task(bot.exited())
    await asyncio.wait({stopped, died}, return_when=asyncio.FIRST_COMPLETED)
    if not stop.is_set():
        # Ctrl-C in a terminal reaches the bot too (one process group): it may exit first.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(stopped), SIGNAL_GRACE_SECONDS)
    for task in (stopped, died):
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await task
    if stop.is_set():
        return 0
    say(f"The bot process stopped:\n{_tail(bot)}")
    return 1


def _log(bot: BotProcess) -> str:
    return bot.output() if bot.log_path.exists() else ""


def _tail(bot: BotProcess, lines: int = 15) -> str:
    return "\n".join(_log(bot).splitlines()[-lines:])
