"""`python -m bot [--config FILE] [run|migrate]`."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.app import run
from bot.config import ConfigError, config_path, load_settings
from bot.logs import configure_logging
from storage.core.migrate import upgrade_to_head

EXIT_CONFIG_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Spotter, the bot.")
    parser.add_argument("command", nargs="?", choices=["run", "migrate"], default="run")
    parser.add_argument(
        "--config", help="path to config.toml (default: $BOT_CONFIG, ./config.toml)"
    )
    args = parser.parse_args(argv)
    try:
        settings = load_settings(config_path(args.config))
        secrets = [settings.bot_token.get_secret_value()] if settings.bot_token else []
        configure_logging(settings.log_level, secrets)
        if args.command == "migrate":
            asyncio.run(upgrade_to_head(settings.database_url))
        else:
            settings.require_token()
            asyncio.run(run(settings))
    except ConfigError as error:
        print(error, file=sys.stderr)  # noqa: T201 - the one line a person reads on a bad start
        return EXIT_CONFIG_ERROR
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
