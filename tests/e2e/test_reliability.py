"""Telegram's failure modes and an operator's signals: nothing lost, nothing doubled, no crash."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from itertools import pairwise
from pathlib import Path

from aiogram.fsm.storage.redis import RedisStorage

from emulator import BotApiEmulator
from emulator.bot_process import BotProcess
from tests.e2e.conftest import TOKEN, Spotter
from tests.e2e.steps import start
from tests.services import require_redis


async def test_an_update_delivered_twice_is_answered_once(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")

    update_id = await ann.send("/start", deliver_twice=True)
    await ann.wait_for_message()
    await ann.wait_for_message()
    await emulator.wait_confirmed(update_id)
    await ann.send("/help")
    await ann.wait_for_message()
    await asyncio.sleep(0.3)

    assert [m.content.split(",")[0] for m in ann.chat.bot_messages][:1] == ["Hi Ann"]
    assert len(ann.chat.bot_messages) == 3  # greeting, onboarding card, help


async def test_an_update_redelivered_after_a_crash_changes_nothing_twice(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    """The ledger is in the database: a copy arriving after kill -9 and a restart is skipped."""
    ann = emulator.user(1001, first_name="Ann")
    update_id = await ann.send("/start")
    await ann.wait_for_message()
    await ann.wait_for_message()
    await spotter.handled(update_id)

    await spotter.kill()
    emulator.redeliver(update_id)
    await spotter.start_polling()
    second = await start(ann)
    await asyncio.sleep(0.3)

    assert second.content.startswith("Welcome back")
    assert len(ann.chat.bot_messages) == 4  # greeting and card, then again for the new /start


async def test_a_429_storm_is_waited_out_and_the_reply_arrives_once(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    emulator.fail_next("sendMessage", status=429, retry_after=1, times=3)

    await ann.send("/help")
    reply = await ann.wait_for_message(timeout=15)

    attempts = [r.time for r in emulator.calls("sendMessage")]
    assert "/settings" in reply.content
    assert len(attempts) == 4
    assert all(later - earlier >= 0.95 for earlier, later in pairwise(attempts))
    assert len(ann.chat.bot_messages) == 1


async def test_server_errors_are_retried(emulator: BotApiEmulator, spotter: Spotter) -> None:
    ann = emulator.user(1001, first_name="Ann")
    emulator.fail_next("sendMessage", status=502, times=2)

    await ann.send("/help")

    assert "/settings" in (await ann.wait_for_message(timeout=15)).content


async def test_a_failing_handler_apologises_and_the_bot_keeps_working(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    emulator.fail_next("sendMessage", status=400, description="Bad Request: injected failure")

    await ann.send("/help")
    apology = await ann.wait_for_message()
    await ann.send("/help")
    help_message = await ann.wait_for_message()

    assert "Sorry" in apology.content
    assert "/settings" in help_message.content
    assert "update" in spotter.output()
    assert "injected failure" in spotter.output()


async def test_sigterm_lets_the_update_in_flight_finish_and_exits_within_ten_seconds(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    emulator.fail_next("sendMessage", status=429, retry_after=2)
    await ann.send("/help")
    await emulator.wait_until(lambda: len(emulator.calls("sendMessage")) == 1, 10)

    started = time.monotonic()
    status = await spotter.terminate(within=10)

    assert status == 0
    assert time.monotonic() - started < 10
    assert "/settings" in ann.chat.bot_messages[-1].content


async def test_a_card_keeps_working_after_the_bot_is_killed_and_restarted(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    await start(ann)
    update_id = await ann.send("/settings")
    card = await ann.wait_for_message()
    await spotter.handled(update_id)

    await spotter.kill()
    await spotter.start_polling()
    await ann.press("🌍 Time zone", message_id=card.message_id)
    prompt = await ann.wait_for_edit(message_id=card.message_id)
    await ann.send("Berlin")
    confirmation = await ann.wait_for_message()

    assert "Type your time zone" in prompt.content
    assert "Europe/Berlin" in confirmation.content


async def test_a_press_the_bot_cannot_match_to_a_live_card_says_the_card_is_outdated(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    """Callback data is untrusted: stale or forged data gets a plain answer, never an error."""
    ann = emulator.user(1001, first_name="Ann")
    await start(ann)
    await ann.send("/settings")
    card = await ann.wait_for_message()
    real_data = card.buttons[0][0].callback_data
    assert real_data is not None

    answers = []
    for forged in ("\x00garbage", "x" * 64, "nosuchintent\x1dtz", real_data.upper()):
        query_id = await ann.press_forged(card.message_id, forged)
        answers.append(await ann.wait_for_callback_answer(query_id))

    assert all(answer.text and "out of date" in answer.text for answer in answers), answers
    await ann.press("🌍 Time zone", message_id=card.message_id)
    assert "Type your time zone" in (await ann.wait_for_edit(message_id=card.message_id)).content


async def test_a_missing_or_malformed_token_exits_with_status_two_and_advice(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    for token in ("", "not-a-token"):
        process = BotProcess(
            {
                "BOT_TOKEN": token,
                "TELEGRAM_API_BASE": emulator.base_url,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'spotter.db'}",
            },
            tmp_path / f"bot-{len(token)}.log",
        )
        await process.start()

        assert await process.wait(within=30) == 2
        lines = process.output().strip().splitlines()
        assert len(lines) == 1
        assert "@BotFather" in lines[0]
        assert token == "" or token not in lines[0]
    assert emulator.requests == []


async def test_the_token_never_reaches_the_log_even_at_debug_level(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    emulator.fail_next("sendMessage", status=502)
    await ann.send("/help")
    await ann.wait_for_message(timeout=15)
    await spotter.terminate()

    log = spotter.output()
    assert "sendMessage" in log
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log


async def test_migrate_brings_an_empty_database_to_the_newest_schema_without_a_token(
    tmp_path: Path,
) -> None:
    database = tmp_path / "fresh.db"
    process = BotProcess(
        {"DATABASE_URL": f"sqlite:///{database}", "BOT_CONFIG": str(tmp_path / "none.toml")},
        tmp_path / "migrate.log",
        args=("migrate",),
    )
    (tmp_path / "none.toml").touch()
    await process.start()

    assert await process.wait(within=60) == 0, process.output()
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"users", "processed_updates", "fsm_records", "alembic_version"} <= tables


async def test_with_redis_configured_a_card_survives_a_restart(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    require_redis()
    url = "redis://127.0.0.1:6379/14"
    bot = Spotter(emulator, tmp_path)
    bot.env["REDIS_URL"] = url
    await bot.start_polling()
    try:
        ann = emulator.user(1001, first_name="Ann")
        await start(ann)
        update_id = await ann.send("/settings")
        card = await ann.wait_for_message()
        await bot.handled(update_id)
        await bot.kill()
        await bot.start_polling()

        await ann.press("🌍 Time zone", message_id=card.message_id)

        assert (
            "Type your time zone" in (await ann.wait_for_edit(message_id=card.message_id)).content
        )
    finally:
        await bot.terminate()
        storage = RedisStorage.from_url(url)
        await storage.redis.flushdb()
        await storage.close()
