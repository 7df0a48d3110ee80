"""The webhook receiver with a plain dispatcher: the secret, the answer after handling, health."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.types import Message
from aiohttp.test_utils import TestClient, TestServer

from bot.config import ConfigError, WebhookSettings
from bot.metrics import Metrics, OutboxBacklog
from bot.webhook import SECRET_HEADER, WebhookReceiver, serve_webhook

SECRET = "right-secret_0123"
WEBHOOK = WebhookSettings(
    url="https://bot.example.com/tg/hook", secret=SECRET, host="127.0.0.1", port=8443
)


def update(update_id: int, text: str) -> dict[str, Any]:
    chat = {"id": 7, "type": "private", "first_name": "Ann"}
    sender = {"id": 7, "is_bot": False, "first_name": "Ann"}
    message = {"message_id": 1, "date": 0, "chat": chat, "from": sender, "text": text}
    return {"update_id": update_id, "message": message}


class Harness:
    def __init__(self) -> None:
        self.handled: list[str] = []
        self.database_up = True
        self.metrics = Metrics()
        router = Router()

        @router.message(F.text != "ignored")
        async def on_message(message: Message) -> None:
            if message.text == "boom":
                raise RuntimeError("a handler bug nobody caught")
            self.handled.append(message.text or "")

        self.dispatcher = Dispatcher()
        self.dispatcher.include_router(router)
        self.bot = Bot("42:token-for-tests")

        async def database_ready() -> bool:
            return self.database_up

        async def backlog() -> OutboxBacklog:
            return OutboxBacklog(due=3, oldest_age_seconds=12.5)

        self.receiver = WebhookReceiver(
            self.dispatcher,
            self.bot,
            WEBHOOK,
            self.metrics,
            database_ready=database_ready,
            outbox_backlog=backlog,
        )
        self.receiver.accepting = True


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    harness = Harness()
    yield harness
    await harness.bot.session.close()


@pytest.fixture
async def client(harness: Harness) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(harness.receiver.app())) as client:
        yield client


async def test_an_update_with_the_secret_is_handled_before_the_200(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    response = await client.post("/tg/hook", json=update(1, "hi"), headers={SECRET_HEADER: SECRET})

    assert response.status == 200
    assert harness.handled == ["hi"]
    assert harness.metrics.updates.value(outcome="handled") == 1
    assert harness.metrics.update_seconds.count == 1


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", "ключ"])
async def test_a_missing_or_wrong_secret_is_refused_with_401_and_nothing_done(
    harness: Harness, client: TestClient[Any, Any], secret: str | None
) -> None:
    headers = {} if secret is None else {SECRET_HEADER: secret}

    response = await client.post("/tg/hook", json=update(1, "hi"), headers=headers)

    assert response.status == 401
    assert harness.handled == []
    assert harness.metrics.rejected.value() == 1
    assert harness.metrics.updates.value(outcome="handled") == 0


async def test_an_update_no_handler_wants_is_answered_200_and_counted_unhandled(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    response = await client.post(
        "/tg/hook", json=update(3, "ignored"), headers={SECRET_HEADER: SECRET}
    )

    assert response.status == 200
    assert harness.metrics.updates.value(outcome="unhandled") == 1


async def test_an_update_that_fails_past_the_error_handlers_is_answered_500_to_come_again(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    response = await client.post(
        "/tg/hook", json=update(2, "boom"), headers={SECRET_HEADER: SECRET}
    )

    assert response.status == 500
    assert harness.metrics.updates.value(outcome="failed") == 1


async def test_updates_are_refused_with_503_until_start_up_is_done(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    harness.receiver.accepting = False

    response = await client.post("/tg/hook", json=update(1, "hi"), headers={SECRET_HEADER: SECRET})

    assert response.status == 503
    assert harness.handled == []


async def test_health_is_the_process_and_readiness_the_start_up_and_the_database(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    assert (await client.get("/healthz")).status == 200
    assert (await client.get("/readyz")).status == 200

    harness.database_up = False
    assert (await client.get("/readyz")).status == 503

    harness.database_up = True
    harness.receiver.accepting = False
    assert (await client.get("/readyz")).status == 503
    assert (await client.get("/healthz")).status == 200


async def test_metrics_read_the_outbox_at_scrape_time_in_prometheus_text(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    await client.post("/tg/hook", json=update(1, "hi"), headers={SECRET_HEADER: SECRET})

    response = await client.get("/metrics")
    body = await response.text()

    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    assert 'spotter_updates_total{outcome="handled"} 1' in body
    assert "spotter_update_seconds_count 1" in body
    assert "spotter_outbox_due_messages 3" in body
    assert "spotter_outbox_oldest_due_age_seconds 12.5" in body
    assert SECRET not in body


async def test_a_port_already_taken_is_a_config_error_naming_the_settings(
    harness: Harness,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        webhook = replace(WEBHOOK, port=taken.getsockname()[1])

        with pytest.raises(ConfigError, match="webhook_host, webhook_port"):
            await serve_webhook(
                harness.receiver, harness.dispatcher, harness.bot, webhook, grace_seconds=1
            )
