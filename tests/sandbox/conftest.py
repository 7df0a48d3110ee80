"""The sandbox as a newcomer runs it: `python -m bot sandbox`, a real process on a free port."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.services import require_service

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGE_LINE = re.compile(r"page\s+open (http://127\.0\.0\.1:\d+)/")
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls Google's services at start; this machine refuses them.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Sandbox:
    url: str
    process: subprocess.Popen[str]
    data_dir: Path
    output: list[str]

    def stop(self) -> str:
        """Ctrl-C, as a person would; returns everything the sandbox printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            rest, _ = self.process.communicate(timeout=30)
            self.output.append(rest)
        return "".join(self.output)


def start_sandbox(data_dir: Path, *args: str) -> Sandbox:
    environment = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "BOT_CONFIG"}}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "sandbox", "--port", "0", "--data-dir", str(data_dir), *args],
        cwd=data_dir,  # no ./config.toml here: a developer's token stays out
        env={**environment, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output: list[str] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        if match := PAGE_LINE.search(line):
            return Sandbox(match[1], process, data_dir, output)
    process.kill()
    raise AssertionError("the sandbox did not print its address:\n" + "".join(output))


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    running = start_sandbox(tmp_path_factory.mktemp("sandbox"))
    yield running
    printed = running.stop()
    assert running.process.returncode == 0, printed
    assert "Sandbox stopped." in printed


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="module")
def chromium() -> str:
    path = chromium_path()
    require_service(
        "Chromium (Debian's chromium package; `make test` installs it as root)", path is not None
    )
    assert path is not None
    return path
