"""End to end: the real `python -m bot` process against the local Bot API emulator."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from emulator import BotApiEmulator
from emulator.bot_process import REPO_ROOT, BotProcess

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


_migrated: list[Path] = []  # this test process's database at the newest schema, made once


def migrated_database() -> Path:
    """An SQLite database brought to the newest schema by `python -m bot migrate`, once per test
    process: a bot started on a copy skips the 36 migrations (about 1.8 s of CPU a start)."""
    if not _migrated:
        directory = Path(tempfile.mkdtemp(prefix="spotter-e2e-"))
        database, empty_config = directory / "migrated.db", directory / "config.toml"
        empty_config.touch()
        environment = {key: value for key, value in os.environ.items() if key != "BOT_TOKEN"}
        environment.update(DATABASE_URL=f"sqlite:///{database}", BOT_CONFIG=str(empty_config))
        subprocess.run(
            [sys.executable, "-m", "bot", "migrate"],
            cwd=REPO_ROOT,
            env=environment,
            check=True,
            capture_output=True,
        )
        _migrated.append(database)
    return _migrated[0]


class Spotter(BotProcess):
    """The bot process, plus waiting until it is polling the emulator.

    Its database starts as a copy of one already migrated, unless the test put one there first
    or asks for an empty one (`fresh_database`), which the bot migrates as it starts.
    """

    def __init__(
        self, emulator: BotApiEmulator, tmp_path: Path, *, fresh_database: bool = False
    ) -> None:
        empty_config = tmp_path / "config.toml"  # keeps a developer's ./config.toml out
        empty_config.touch()
        database = tmp_path / "spotter.db"
        if not fresh_database and not database.exists():
            shutil.copyfile(migrated_database(), database)
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


async def _polling(bot: Spotter) -> AsyncIterator[Spotter]:
    await bot.start_polling()
    yield bot
    if bot.running:
        await bot.terminate()
    assert TOKEN not in bot.output()
    assert TOKEN.split(":")[1] not in bot.output()


@pytest.fixture
async def spotter(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[Spotter]:
    async for bot in _polling(Spotter(emulator, tmp_path)):
        yield bot


@pytest.fixture
async def fresh_spotter(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[Spotter]:
    """The bot started on an empty database, which it migrates as it starts."""
    async for bot in _polling(Spotter(emulator, tmp_path, fresh_database=True)):
        yield bot
