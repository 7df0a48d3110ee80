"""The real `python -m bot` process, started and stopped the way an operator would.

Tests, benchmarks and (soon) the sandbox run the bot against the emulator through this.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# The operator's own bot settings never leak into a bot started here: it gets what it is given
# (a developer's MODE=webhook would otherwise turn the sandbox's bot away from polling).
_OPERATOR_SETTINGS = frozenset(
    {
        "BOT_TOKEN",
        "BOT_CONFIG",
        "DATABASE_URL",
        "TELEGRAM_API_BASE",
        "MODE",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "WEBHOOK_HOST",
        "WEBHOOK_PORT",
    }
)


class BotProcess:
    def __init__(self, env: dict[str, str], log_path: Path, args: tuple[str, ...] = ()) -> None:
        self.env = env
        self.args = args
        self.log_path = log_path
        self._process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        environment = {
            key: value for key, value in os.environ.items() if key not in _OPERATOR_SETTINGS
        }
        environment.update(self.env)
        with self.log_path.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                *self.args,
                cwd=REPO_ROOT,
                env=environment,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.returncode is None

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def exited(self) -> int:
        """The exit status, whenever the process ends."""
        assert self._process is not None
        return await self._process.wait()

    async def wait(self, within: float) -> int:
        assert self._process is not None
        async with asyncio.timeout(within):
            return await self._process.wait()

    async def terminate(self, within: float = 15) -> int:
        """SIGTERM, then the exit status."""
        assert self._process is not None
        if self.running:
            self._process.send_signal(signal.SIGTERM)
        return await self.wait(within)

    async def kill(self) -> None:
        """SIGKILL: the process dies wherever it is."""
        assert self._process is not None
        if self.running:
            self._process.kill()
        await self.wait(10)

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")
