"""`python -m bot [--config FILE] [run|webhook|cluster|worker|migrate|sandbox|auto]`.

`run` (the default) serves Telegram in the configured mode (`mode`, long polling unless set to
"webhook") and needs a token; `webhook` is `run` in webhook mode; `cluster --workers N` runs
an ingress and N `worker`s (webhook mode on loopback ports, sharing PostgreSQL and Redis: bot/
cluster.py); `sandbox` serves a local chat
page against the Bot API emulator instead; `auto`, what `make run` calls, is `run` when a token
is configured and `sandbox` when none is.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.config import ConfigError, Settings, config_path, load_settings
from bot.logs import configure_logging

EXIT_CONFIG_ERROR = 2
EXIT_CLUSTER_FAILED = 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(config_path(args.config))
        command = args.command
        if command == "auto":
            command = (
                "run" if settings.bot_token and settings.bot_token.get_secret_value() else "sandbox"
            )
        if command == "sandbox":
            return _sandbox(args)
        configure_logging(settings.log_level, settings.secrets())
        if command == "migrate":
            _migrate(settings)
        elif command == "cluster":
            return _cluster(settings, args.workers, args.config)
        else:
            if command in ("webhook", "worker"):
                updates = {"mode": "webhook", "cluster_worker": command == "worker"}
                settings = settings.model_copy(update=updates)
            settings.require_token()
            if settings.mode == "webhook":
                settings.require_webhook()
            _run(settings)
    except ConfigError as error:
        print(error, file=sys.stderr)  # noqa: T201 - the one line a person reads on a bad start
        return EXIT_CONFIG_ERROR
    except KeyboardInterrupt:
        pass
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Spotter, the bot.")
    parser.add_argument(
        "command",
        nargs="?",
        choices=["run", "webhook", "cluster", "worker", "migrate", "sandbox", "auto"],
        default="run",
    )
    parser.add_argument(
        "--config", help="path to config.toml (default: $BOT_CONFIG, ./config.toml)"
    )
    cluster = parser.add_argument_group("cluster")
    cluster.add_argument(
        "--workers", type=int, default=2, help="worker processes behind the ingress (2)"
    )
    sandbox = parser.add_argument_group("sandbox")
    sandbox.add_argument("--host", default="127.0.0.1", help="address of the page (loopback)")
    sandbox.add_argument("--port", type=int, default=8080, help="port of the page (8080)")
    sandbox.add_argument(
        "--allow-remote", action="store_true", help="serve on an address other than loopback"
    )
    sandbox.add_argument(
        "--demo", action="store_true", help="give the first persona three months of training"
    )
    sandbox.add_argument("--data-dir", default="data/sandbox", help=argparse.SUPPRESS)
    return parser


def _run(settings: Settings) -> None:
    from bot.app import run  # noqa: PLC0415 - the sandbox starts without the bot's imports

    asyncio.run(run(settings))


def _cluster(settings: Settings, workers: int, config: str | None) -> int:
    from bot.cluster import ClusterError, run_cluster  # noqa: PLC0415 - it imports no handlers

    try:
        asyncio.run(run_cluster(settings, workers, config))
    except ClusterError as error:
        print(error, file=sys.stderr)  # noqa: T201 - the one line a person reads
        return EXIT_CLUSTER_FAILED
    return 0


def _migrate(settings: Settings) -> None:
    from storage.core.migrate import upgrade_to_head  # noqa: PLC0415

    asyncio.run(upgrade_to_head(settings.database_url))


def _sandbox(args: argparse.Namespace) -> int:
    from sandbox.launcher import SandboxError, SandboxOptions, run_sandbox  # noqa: PLC0415

    options = SandboxOptions(
        host=args.host,
        port=args.port,
        allow_remote=args.allow_remote,
        demo=args.demo,
        data_dir=Path(args.data_dir),
    )
    try:
        return asyncio.run(run_sandbox(options))
    except SandboxError as error:
        print(error, file=sys.stderr)  # noqa: T201
        return EXIT_CONFIG_ERROR


if __name__ == "__main__":
    sys.exit(main())
