"""Serve the Bot API emulator until Ctrl-C, for manual runs and benchmarks."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from emulator.driver import BotApiEmulator


async def serve(args: argparse.Namespace) -> None:
    emulator = BotApiEmulator(
        token=args.token,
        bot_username=args.bot_username,
        host=args.host,
        port=args.port,
        control=True,
    )
    async with emulator as emu:
        if args.flood_limits:
            emu.enforce_flood_limits()
        sys.stdout.write(f"Bot API emulator at {emu.base_url} (Ctrl-C to stop)\n")
        sys.stdout.write(f"control: POST {emu.base_url}/_emulator/send {{user_id, text}}\n")
        sys.stdout.flush()
        await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:TEST-token")
    parser.add_argument("--bot-username", default="spotter_test_bot")
    parser.add_argument("--flood-limits", action="store_true", help="answer 429 like Telegram")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
