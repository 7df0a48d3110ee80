"""Webhook mode (#14): the real bot process behind the emulator's webhook delivery."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.cluster import free_port
from emulator import BotApiEmulator
from tests.e2e.conftest import TOKEN, Spotter
from tests.e2e.steps import start

SECRET = "e2e-webhook_Secret-0123456789"
WEBHOOK_PATH = "/telegram/hook"


class WebhookSpotter(Spotter):
    """The bot started as `python -m bot webhook`, listening on a free loopback port."""

    def __init__(self, emulator: BotApiEmulator, tmp_path: Path) -> None:
        super().__init__(emulator, tmp_path)
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        self.webhook_url = self.base_url + WEBHOOK_PATH
        self.database = tmp_path / "spotter.db"
        self.args = ("webhook",)
        self.env |= {
            "WEBHOOK_URL": self.webhook_url,
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_PORT": str(port),
        }

    def ledger_has(self, update_id: int) -> bool:
        with sqlite3.connect(self.database) as db:
            query = "SELECT 1 FROM processed_updates WHERE update_id = ?"
            return db.execute(query, (update_id,)).fetchone() is not None


@pytest.fixture
async def spotter(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[WebhookSpotter]:
    emulator.webhook.max_retry = 0.5  # the restart below should not wait out a long backoff
    bot = WebhookSpotter(emulator, tmp_path)
    await bot.start_polling()
    yield bot
    if bot.running:
        await bot.terminate()
    for secret in (TOKEN, TOKEN.split(":")[1], SECRET):
        assert secret not in bot.output()


async def test_a_bot_on_a_webhook_answers_refuses_forgeries_reports_health_and_loses_nothing(
    emulator: BotApiEmulator, spotter: WebhookSpotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    greeting = await start(ann)
    await emulator.wait_until(lambda: emulator.updates.pending_count == 0, what="the 200")

    assert greeting.content.startswith("Hi Ann")
    assert (emulator.webhook.url, emulator.webhook.secret_token) == (spotter.webhook_url, SECRET)
    assert {"message", "callback_query"} <= set(emulator.webhook.allowed_updates or ())

    mallory = emulator.user(1002, first_name="Mallory")
    forged = {
        "update_id": 999_999,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": mallory.id, "type": "private", "first_name": "Mallory"},
            "from": {"id": mallory.id, "is_bot": False, "first_name": "Mallory"},
            "text": "/start",
        },
    }
    async with aiohttp.ClientSession(spotter.base_url) as http:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guessed"}):
            async with http.post(WEBHOOK_PATH, json=forged, headers=headers) as response:
                assert response.status == 401
        async with http.get("/healthz") as health, http.get("/readyz") as ready:
            assert (health.status, ready.status) == (200, 200)
        async with http.get("/metrics") as response:
            metrics = await response.text()

    assert 'spotter_updates_total{outcome="handled"} 1' in metrics
    assert "spotter_webhook_rejected_total 2" in metrics
    assert "spotter_outbox_due_messages 0" in metrics
    assert "spotter_update_seconds_count 1" in metrics
    assert not spotter.ledger_has(999_999)
    assert mallory.chat.bot_messages == []

    assert await spotter.terminate() == 0
    assert emulator.webhook.url == spotter.webhook_url  # Telegram keeps updates meanwhile
    update_id = await ann.send("/help")  # while nobody listens: refused, kept, retried
    await emulator.wait_until(lambda: emulator.webhook.last_error_message is not None)
    await spotter.start_polling()
    await ann.wait_for_message(timeout=15)
    await emulator.wait_confirmed(update_id)  # the 200 comes after the reply, once committed

    assert spotter.ledger_has(update_id)
