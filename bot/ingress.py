"""The ingress of a cluster: Telegram's webhook in front of several workers.

Each update goes to one worker, chosen by its chat (rendezvous hashing over the workers that
are up), and is answered to Telegram with the worker's answer, so a 200 still means "handled
and committed" (bot/webhook.py). Why this over a queue (Redis Streams, a table of inbound
updates): Telegram already is a durable queue with retries. An update a worker dies over is
answered 5xx (or not at all) and Telegram delivers it again; the ingress then routes it to a
worker that is up, and the update ledger in SQL skips it if it had committed. Nothing here is
stored, so the ingress itself can die and restart at any moment too.

Order: one update per (chat, user) is in flight at a time, the next waits its turn here; so a
user's updates reach the workers in the order they came, even while a worker is failing over.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from bot.metrics import CONTENT_TYPE, LATENCY_BUCKETS, Counter, Gauge, Histogram, render
from bot.pipeline import PerChatOrder
from bot.webhook import SECRET_HEADER

logger = logging.getLogger(__name__)

PROBE_SECONDS = 1.0  # how often a worker that is down is asked whether it is ready again
# No overall limit: an update is answered when its worker has handled it (a reply may wait a
# minute for its flood slot), and a second worker must never start on one still in hand.
FORWARD_TIMEOUT = aiohttp.ClientTimeout(total=None, connect=2)


@dataclass
class Worker:
    url: str  # its base URL, http://127.0.0.1:<port>
    up: bool = False

    def weight(self, chat_id: int) -> int:
        digest = hashlib.blake2b(
            chat_id.to_bytes(8, "big", signed=True), key=self.url.encode()[:64], digest_size=8
        )
        return int.from_bytes(digest.digest(), "big")


def route(workers: Sequence[Worker], chat_id: int) -> list[Worker]:
    """The workers in the order a chat tries them: its own first, while it is up. Rendezvous
    hashing: when a worker goes down, only its chats move, and they come back with it."""
    ranked = sorted(workers, key=lambda worker: worker.weight(chat_id), reverse=True)
    return [worker for worker in ranked if worker.up] or ranked


def chat_and_user(update: dict[str, Any]) -> tuple[int, int]:
    """Whose update this is: the chat and the user, as the bot's own ordering keys them."""
    for kind, body in update.items():
        if kind == "update_id" or not isinstance(body, dict):
            continue
        chat = body.get("chat") or (body.get("message") or {}).get("chat") or {}
        user = body.get("from") or body.get("user") or {}
        chat_id, user_id = chat.get("id"), user.get("id")
        if isinstance(chat_id, int) or isinstance(user_id, int):
            user_id = user_id if isinstance(user_id, int) else 0
            return (chat_id if isinstance(chat_id, int) else user_id, user_id)
    return (0, 0)


class IngressMetrics:
    def __init__(self) -> None:
        self.forwarded = Counter(
            "spotter_ingress_updates_total", "Updates by the answer given", ("status",)
        )
        self.rejected = Counter(
            "spotter_ingress_rejected_total", "Requests refused for a wrong secret"
        )
        self.failovers = Counter(
            "spotter_ingress_failovers_total", "Updates sent on to another worker"
        )
        self.workers_up = Gauge("spotter_ingress_workers_up", "Workers taking updates")
        self.seconds = Histogram(
            "spotter_ingress_update_seconds",
            "From the request to the worker's answer",
            LATENCY_BUCKETS,
        )

    def render(self) -> str:
        return render(
            (self.forwarded, self.rejected, self.failovers, self.workers_up, self.seconds)
        )


class Ingress:
    """Checks the secret, forwards each update to its chat's worker, answers with its answer."""

    def __init__(self, workers: Sequence[str], secret: str, path: str) -> None:
        self.workers = [Worker(url.rstrip("/")) for url in workers]
        self._secret = secret
        self._path = path
        self._order = PerChatOrder()
        self.metrics = IngressMetrics()
        self._session: aiohttp.ClientSession | None = None
        self._prober: asyncio.Task[None] | None = None

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(self._path, self.receive)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.router.add_get("/metrics", self.scrape)
        app.on_startup.append(self._start)
        app.on_cleanup.append(self._stop)
        return app

    async def _start(self, _app: web.Application) -> None:
        self._session = aiohttp.ClientSession(timeout=FORWARD_TIMEOUT)
        await self.probe()
        self._prober = asyncio.create_task(self._probe_forever(), name="ingress-probe")

    async def _stop(self, _app: web.Application) -> None:
        if self._prober is not None:
            self._prober.cancel()
        if self._session is not None:
            await self._session.close()

    async def receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self._secret.encode()):
            self.metrics.rejected.inc()
            logger.warning("refused a webhook request from %s: wrong secret", request.remote)
            return web.Response(status=401, text="Unauthorized")
        body = await request.read()
        try:
            update = json.loads(body)
        except ValueError:
            return web.Response(status=400, text="Not an update")
        if not isinstance(update, dict):
            return web.Response(status=400, text="Not an update")
        key = chat_and_user(update)
        started = time.perf_counter()
        async with self._order.turn(key):
            status = await self._forward(key[0], body)
        self.metrics.seconds.observe(time.perf_counter() - started)
        self.metrics.forwarded.inc(status=str(status))
        if status == 200:
            return web.json_response({})
        return web.Response(status=status, text="Not handled")

    async def _forward(self, chat_id: int, body: bytes) -> int:
        """The first answer of a worker that is up, trying the chat's workers in turn; 503 when
        none is (Telegram tries again)."""
        session = self._client()
        for attempt, worker in enumerate(route(self.workers, chat_id)):
            if not worker.up:
                break
            if attempt:
                self.metrics.failovers.inc()
            try:
                async with session.post(
                    worker.url + self._path,
                    data=body,
                    headers={SECRET_HEADER: self._secret, "Content-Type": "application/json"},
                ) as answer:
                    await answer.read()
            except aiohttp.ClientConnectorError as error:
                # Never reached it (down, or restarting): the next worker may take the update.
                logger.warning("worker %s unreachable (%s); trying the next", worker.url, error)
                self._down(worker)
                continue
            except (aiohttp.ClientError, TimeoutError) as error:
                # Reached it and lost it midway: it may still be handling the update, so no other
                # worker starts on it now; Telegram sends it again, and the ledger answers then.
                # If it died, the next try finds it unreachable and goes on to the next.
                logger.warning("worker %s dropped an update (%s)", worker.url, error)
                return 502
            if answer.status == 503:  # starting or stopping
                self._down(worker)
                continue
            return answer.status
        return 503

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("the ingress is not started")
        return self._session

    def _down(self, worker: Worker) -> None:
        if worker.up:
            worker.up = False
            self.metrics.workers_up.set(sum(w.up for w in self.workers))

    async def probe(self) -> None:
        """Asks each worker that is down whether it is ready now."""
        session = self._client()
        for worker in self.workers:
            if worker.up:
                continue
            try:
                async with session.get(
                    worker.url + "/readyz", timeout=aiohttp.ClientTimeout(total=2)
                ) as answer:
                    worker.up = answer.status == 200
            except (aiohttp.ClientError, TimeoutError):
                worker.up = False
        self.metrics.workers_up.set(sum(w.up for w in self.workers))

    async def _probe_forever(self) -> None:
        while True:
            await asyncio.sleep(PROBE_SECONDS)
            try:
                await self.probe()
            except Exception:  # a probe must never stop the probing
                logger.exception("probing the workers failed")

    async def healthz(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(self, _request: web.Request) -> web.Response:
        if any(worker.up for worker in self.workers):
            return web.Response(text="ready\n")
        return web.Response(status=503, text="no worker is ready\n")

    async def scrape(self, _request: web.Request) -> web.Response:
        return web.Response(text=self.metrics.render(), headers={"Content-Type": CONTENT_TYPE})
