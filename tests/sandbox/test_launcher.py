"""Starting the sandbox: loopback only unless told, the bot wired to the emulator, clean exits."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from sandbox.launcher import SandboxError, bot_environment, check_address
from tests.sandbox.conftest import REPO_ROOT, start_sandbox


def run_bot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "BOT_CONFIG"}}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env={**environment, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.0.1", "::1", "localhost"])
def test_loopback_addresses_are_served(host: str) -> None:
    check_address(host, allow_remote=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "example.com"])  # noqa: S104
def test_other_addresses_are_refused_unless_told(host: str) -> None:
    with pytest.raises(SandboxError, match="--allow-remote"):
        check_address(host, allow_remote=False)
    check_address(host, allow_remote=True)


def test_the_sandbox_refuses_a_public_address_at_the_command_line(tmp_path: Path) -> None:
    done = run_bot(tmp_path, "sandbox", "--host", "0.0.0.0", "--data-dir", str(tmp_path / "d"))  # noqa: S104

    assert done.returncode == 2
    assert "loopback only" in done.stderr
    assert not (tmp_path / "d").exists(), "nothing was set up for a sandbox that did not start"


def test_make_run_without_a_token_means_the_sandbox(tmp_path: Path) -> None:
    """`auto` (what `make run` calls) picks the sandbox when no token is configured."""
    done = run_bot(tmp_path, "auto", "--host", "192.168.1.20")

    assert done.returncode == 2
    assert "sandbox serves on loopback only" in done.stderr


def test_the_server_entry_keeps_its_contract_without_a_token(tmp_path: Path) -> None:
    done = run_bot(tmp_path)

    assert done.returncode == 2
    assert "@BotFather" in done.stderr
    assert done.stdout == ""


def test_a_taken_port_gets_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_bot(tmp_path, "sandbox", "--port", str(port), "--data-dir", str(tmp_path))

    assert done.returncode == 2
    assert f"Cannot serve on 127.0.0.1:{port}" in done.stderr
    assert "--port" in done.stderr


def test_the_bot_process_talks_to_the_emulator_and_never_to_telegram(tmp_path: Path) -> None:
    environment = bot_environment("http://127.0.0.1:8080", "7000000001:abc", tmp_path)

    assert environment["TELEGRAM_API_BASE"] == "http://127.0.0.1:8080"
    assert environment["DATABASE_URL"].startswith(f"sqlite:///{tmp_path.resolve()}")
    # A developer's config.toml (with their real token, perhaps) is never read by the sandbox.
    config = Path(environment["BOT_CONFIG"])
    assert config.parent == tmp_path.resolve()
    assert tomllib.loads(config.read_text()) == {}


def test_when_the_bot_process_dies_the_sandbox_says_so_and_stops(tmp_path: Path) -> None:
    sandbox = start_sandbox(tmp_path)
    printed = "".join(sandbox.output)
    pid = re.search(r"bot\s+python -m bot, pid (\d+)", printed)
    assert pid, printed

    os.kill(int(pid[1]), signal.SIGKILL)
    rest, _ = sandbox.process.communicate(timeout=30)

    assert sandbox.process.returncode == 1
    assert "The bot process stopped" in rest
    assert "Sandbox stopped." in rest
