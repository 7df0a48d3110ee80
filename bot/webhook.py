"""Webhook mode: an aiohttp server for Telegram's updates, with /healthz, /readyz and /metrics.

An update is handled fully, through the same dispatcher and pipeline as in polling mode, before
it is answered. A 200 therefore means its effects and its ledger row are committed: an update
answered 200 is never lost, and one the process dies over is delivered again by Telegram (and
skipped by the ledger if it had committed). Persisting first and answering at once would need
a second queue and a worker for it; Telegram waits about a minute, a set takes milliseconds.
aiogram's SimpleRequestHandler does neither by default (it answers first and handles in a
background task), and its blocking mode answers anyway after 55 s, hence this small handler.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import ConfigError, WebhookSettings
from bot.metrics import CONTENT_TYPE, Metrics, OutboxBacklog

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
READY_TIMEOUT_SECONDS = 2.0


class WebhookReceiver:
    """The HTTP side: checks the secret, hands each update to the dispatcher, answers after."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        webhook: WebhookSettings,
        metrics: Metrics,
        *,
        database_ready: Callable[[], Awaitable[bool]],
        outbox_backlog: Callable[[], Awaitable[OutboxBacklog]],
    ) -> None:
        self._dispatcher = dispatcher
        self._bot = bot
        self._webhook = webhook
        self._secret = webhook.secret.encode()
        self._metrics = metrics
        self._database_ready = database_ready
        self._outbox_backlog = outbox_backlog
        self.accepting = False  # from the end of start-up to the start of shutdown

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(self._webhook.path, self.receive)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.router.add_get("/metrics", self.metrics)
        return app

    async def receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self._secret):
            self._metrics.rejected.inc()
            logger.warning("refused a webhook request from %s: wrong secret", request.remote)
            return web.Response(status=401, text="Unauthorized")
        if not self.accepting:  # starting or stopping: Telegram delivers it again later
            return web.Response(status=503, text="Starting or stopping")
        try:
            update = Update.model_validate(await request.json(), context={"bot": self._bot})
        except (ValueError, ValidationError):
            return web.Response(status=400, text="Not an update")
        started = time.perf_counter()
        try:
            result = await self._dispatcher.feed_update(self._bot, update)
            if isinstance(result, TelegramMethod):
                await self._dispatcher.silent_call_request(self._bot, result)
        except Exception:
            # The errors router answers handler failures; what still escapes is unexpected,
            # and a 500 makes Telegram deliver the update again.
            logger.exception("update %d failed; answered 500", update.update_id)
            self._metrics.updates.inc(outcome="failed")
            return web.Response(status=500, text="Failed")
        finally:
            self._metrics.update_seconds.observe(time.perf_counter() - started)
        self._metrics.updates.inc(outcome="unhandled" if result is UNHANDLED else "handled")
        return web.json_response({})

    async def healthz(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(self, request: web.Request) -> web.Response:
        if not self.accepting:
            return web.Response(status=503, text="not started\n")
        if not await self._database_ready():
            return web.Response(status=503, text="database unreachable\n")
        return web.Response(text="ready\n")

    async def metrics(self, request: web.Request) -> web.Response:
        try:
            backlog = await self._outbox_backlog()
        except (SQLAlchemyError, OSError):
            logger.warning("the outbox could not be read for /metrics", exc_info=True)
        else:
            self._metrics.outbox_due.set(backlog.due)
            self._metrics.outbox_oldest.set(backlog.oldest_age_seconds)
        return web.Response(text=self._metrics.render(), headers={"Content-Type": CONTENT_TYPE})


async def database_ready(engine: AsyncEngine) -> bool:
    """The database answers SELECT 1 within two seconds."""
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, TimeoutError):
        return False
    return True


async def serve_webhook(
    receiver: WebhookReceiver,
    dispatcher: Dispatcher,
    bot: Bot,
    webhook: WebhookSettings,
    *,
    grace_seconds: float,
) -> None:
    """Listen, start the dispatcher (its start-up hooks), register the webhook, serve until
    SIGTERM or SIGINT; then stop listening, let requests in flight finish and shut down.

    The webhook stays registered when the process stops: Telegram keeps the updates until a
    process is back."""
    runner = web.AppRunner(
        receiver.app(), access_log=None, handle_signals=False, shutdown_timeout=grace_seconds
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, webhook.host, webhook.port).start()
    except OSError as error:
        await runner.cleanup()
        await bot.session.close()
        raise ConfigError(
            f"Cannot listen on {webhook.host}:{webhook.port} (webhook_host, webhook_port): "
            f"{error.strerror or error}"
        ) from error
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    workflow: dict[str, Any] = {"dispatcher": dispatcher, "bots": [bot], **dispatcher.workflow_data}
    try:
        started = False
        try:
            await dispatcher.emit_startup(bot=bot, **workflow)
            started = True
            receiver.accepting = True
            await _set_webhook(bot, dispatcher, webhook)
            logger.info("webhook set; listening on %s:%d", webhook.host, webhook.port)
            await stop.wait()
        finally:
            receiver.accepting = False
            await runner.cleanup()
            if started:
                await dispatcher.emit_shutdown(bot=bot, **workflow)
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
        await bot.session.close()


async def _set_webhook(bot: Bot, dispatcher: Dispatcher, webhook: WebhookSettings) -> None:
    try:
        await bot.set_webhook(
            webhook.url,
            secret_token=webhook.secret,
            allowed_updates=dispatcher.resolve_used_update_types(),
            drop_pending_updates=False,
        )
    except TelegramBadRequest as error:
        raise ConfigError(f"Telegram refused webhook_url: {error.message}") from error
