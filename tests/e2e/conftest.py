"""End to end: the real `python -m bot` process against the local Bot API emulator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from emulator import BotApiEmulator
from emulator.bot_process import BotProcess

TOKEN = "424242:e2e-secret-token_ABCdef0123456789"
BOT_USERNAME = "spotter_test_bot"
STARTED = "Spotter is up as @"  # logged after the command menus, the last step before polling


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(token=TOKEN, bot_username=BOT_USERNAME) as emulator:
        yield emulator
        assert [(r.method, r.status, r.response) for r in emulator.api_errors] == [], (
            "the bot sent something the Bot API refuses"
        )


class Spotter(BotProcess):
    """The bot process, plus waiting until it is polling the emulator."""

    def __init__(self, emulator: BotApiEmulator, tmp_path: Path) -> None:
        empty_config = tmp_path / "config.toml"  # keeps a developer's ./config.toml out
        empty_config.touch()
        super().__init__(
            env={
                "BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE": emulator.base_url,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'spotter.db'}",
                "LOG_LEVEL": "DEBUG",
                "BOT_CONFIG": str(empty_config),
            },
            log_path=tmp_path / "bot.log",
        )
        self.emulator = emulator

    async def start_polling(self) -> None:
        """Starts the process; returns once it says it is up, its last word before polling."""
        ups_before = self._starts()
        await self.start()
        await self.emulator.wait_until(
            lambda: self._starts() > ups_before,
            timeout=30,
            what="the bot to start",
        )

    def _starts(self) -> int:
        return self.output().count(STARTED) if self.log_path.exists() else 0

    async def handled(self, update_id: int, within: float = 10) -> None:
        """Waits until the bot logged the update as handled (state saved, not just replied)."""
        line = f"Update id={update_id} is handled"
        async with asyncio.timeout(within):
            while line not in self.output():  # noqa: ASYNC110 - the log is a file, not an event
                await asyncio.sleep(0.05)


@pytest.fixture
async def spotter(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[Spotter]:
    bot = Spotter(emulator, tmp_path)
    await bot.start_polling()
    yield bot
    if bot.running:
        await bot.terminate()
    assert TOKEN not in bot.output()
    assert TOKEN.split(":")[1] not in bot.output()
