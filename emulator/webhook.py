"""Webhook delivery as Telegram does it: each update POSTed to the bot's URL, one at a time and
in order, retried with backoff until the bot answers 2xx; getUpdates is refused meanwhile.

Telegram may open up to max_connections requests at once; the emulator keeps to one unless
`concurrency` is raised (benchmarks of several workers do), and then sends the lowest pending
updates side by side, each retried on its own. A method in the webhook's answer is not executed.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from emulator.errors import bad_request
from emulator.state import Notifier, World
from emulator.updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
WEBHOOK_PORTS = frozenset({80, 88, 443, 8443})
_FOREVER = 3600.0


@dataclass(frozen=True)
class WebhookAttempt:
    """One POST of an update to the webhook and how it ended."""

    update_id: int
    status: int | None  # None: no HTTP answer (refused, reset, timed out)
    error: str | None  # as getWebhookInfo's last_error_message; None when delivered
    time: float  # time.monotonic() when it ended
    secret_token: str | None

    @property
    def delivered(self) -> bool:
        return self.error is None


def check_webhook_url(url: str) -> None:
    """Telegram's rules: HTTPS on port 80, 88, 443 or 8443. A loopback address may use plain
    HTTP and any port, so a bot on this machine can be tested without a certificate."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
    if _is_loopback(parts.hostname):
        return
    if parts.scheme != "https":
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if (parts.port or 443) not in WEBHOOK_PORTS:
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")


def check_secret_token(secret: str) -> None:
    if not 1 <= len(secret) <= 256 or not set(secret) <= SECRET_CHARACTERS:
        raise bad_request("secret token contains unallowed characters")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WebhookDelivery:
    """The webhook a bot set, and the one loop that POSTs its updates (started by the first
    setWebhook, ended by close())."""

    def __init__(
        self,
        world: World,
        updates: UpdateQueue,
        *,
        first_retry: float = 0.25,
        max_retry: float = 8.0,
        timeout: float = 60.0,
    ) -> None:
        self._world = world
        self._updates = updates
        self.first_retry = first_retry
        self.max_retry = max_retry
        self.timeout = timeout
        self.url = ""
        self.secret_token: str | None = None
        self.max_connections = 40
        self.allowed_updates: list[str] | None = None
        self.attempts: list[WebhookAttempt] = []
        self.concurrency = 1  # requests at once; at most max_connections
        self._busy: dict[int, asyncio.Task[None]] = {}  # id(pending) → its delivery
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def _notifier(self) -> Notifier:
        return self._world.notifier

    @property
    def active(self) -> bool:
        return bool(self.url)

    def set(
        self,
        url: str,
        *,
        secret_token: str | None,
        allowed_updates: list[str] | None,
        max_connections: int,
        drop_pending: bool,
    ) -> None:
        check_webhook_url(url)
        if secret_token is not None:
            check_secret_token(secret_token)
        if drop_pending:
            self._updates.drop_pending()
        self._updates.set_allowed(allowed_updates)
        if allowed_updates is not None:
            self.allowed_updates = list(allowed_updates)
        if url != self.url:
            self.last_error_date = self.last_error_message = None
        self.url, self.secret_token, self.max_connections = url, secret_token, max_connections
        self._updates.webhook_active = True
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="emulator-webhook")
        self._world.changed()

    def delete(self, *, drop_pending: bool) -> None:
        if drop_pending:
            self._updates.drop_pending()
        self.url, self.secret_token = "", None
        self.last_error_date = self.last_error_message = None
        self._updates.webhook_active = False
        self._world.changed()

    def info(self) -> dict[str, Any]:
        """getWebhookInfo's result."""
        info: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": self._updates.pending_count,
        }
        if self.active:
            info["max_connections"] = self.max_connections
            info["ip_address"] = "127.0.0.1"
            if self.allowed_updates is not None:
                info["allowed_updates"] = self.allowed_updates
        if self.last_error_message is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info

    async def close(self) -> None:
        for task in list(self._busy.values()):
            task.cancel()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            delay = self.first_retry
            while True:
                while not await self._notifier.wait_for(self._has_work, _FOREVER):
                    pass
                if self._updates.closing:
                    return
                if self._side_by_side > 1:
                    self._start_delivery(session)
                    continue
                pending = self._updates.next_for_webhook()
                if pending is None:
                    continue
                url, secret = self.url, self.secret_token
                payload = self._updates.payload(pending)
                status, error = await self._post(session, url, secret, payload)
                self.attempts.append(
                    WebhookAttempt(pending.update_id, status, error, time.monotonic(), secret)
                )
                if error is None:
                    self._updates.delivered(pending)
                    delay = self.first_retry
                    continue
                self.last_error_date, self.last_error_message = self._world.now(), error
                self._world.changed()
                moved = await self._pause(url, secret, delay)
                delay = self.first_retry if moved else min(self.max_retry, delay * 2)

    @property
    def _side_by_side(self) -> int:
        return max(1, min(self.concurrency, self.max_connections))

    def _start_delivery(self, session: aiohttp.ClientSession) -> None:
        pending = self._updates.next_for_webhook(frozenset(self._busy))
        if pending is None or len(self._busy) >= self._side_by_side:
            return
        key = id(pending)
        task = asyncio.create_task(self._deliver(session, pending))
        self._busy[key] = task
        task.add_done_callback(lambda _: self._done(key))

    def _done(self, key: int) -> None:
        self._busy.pop(key, None)
        self._notifier.notify()

    async def _deliver(self, session: aiohttp.ClientSession, pending: Any) -> None:
        url, secret = self.url, self.secret_token
        delay = self.first_retry
        while True:
            payload = self._updates.payload(pending)
            status, error = await self._post(session, url, secret, payload)
            self.attempts.append(
                WebhookAttempt(pending.update_id, status, error, time.monotonic(), secret)
            )
            if error is None:
                self._updates.delivered(pending)
                return
            self.last_error_date, self.last_error_message = self._world.now(), error
            self._world.changed()
            await asyncio.sleep(delay)
            delay = min(self.max_retry, delay * 2)
            url, secret = self.url, self.secret_token
            if self._updates.closing or not url:
                return

    async def _pause(self, url: str, secret: str | None, seconds: float) -> bool:
        """The backoff after a failure; a new URL or secret (the bot moved) is tried at once."""

        def moved() -> bool:
            return self._updates.closing or (self.url, self.secret_token) != (url, secret)

        return await self._notifier.wait_for(moved, seconds)

    def _has_work(self) -> bool:
        if self._updates.closing:
            return True
        if len(self._busy) >= self._side_by_side:
            return False
        return self.active and self._updates.next_for_webhook(frozenset(self._busy)) is not None

    async def _post(
        self,
        session: aiohttp.ClientSession,
        url: str,
        secret: str | None,
        payload: dict[str, Any],
    ) -> tuple[int | None, str | None]:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        body = json.dumps(payload, ensure_ascii=False).encode()
        try:
            async with session.post(url, data=body, headers=headers) as response:
                await response.read()
        except TimeoutError:
            return None, "Read timeout expired"
        except aiohttp.ClientConnectorError:
            return None, "Connection refused"
        except aiohttp.ClientError as error:
            return None, f"Connection failed: {type(error).__name__}"
        if 200 <= response.status < 300:
            return response.status, None
        reason = f" {response.reason}" if response.reason else ""
        return response.status, f"Wrong response from the webhook: {response.status}{reason}"
