"""`python -m bot cluster --workers N`: one ingress and N worker processes on this machine.

The launcher migrates the database once, starts N workers (`python -m bot worker`: webhook mode
on a loopback port each, sharing the database and Redis, with no state of their own worth
keeping), serves the ingress (bot/ingress.py) on webhook_host:webhook_port, and starts a worker
again when one dies; a worker that keeps dying as soon as it starts (its port taken, a bad
setting) stops the cluster with an error instead. Several workers need PostgreSQL: SQLite is
one process's database.
On several machines, run the workers with systemd (docs/deployment.md) and one ingress.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from aiohttp import web

from bot.config import ConfigError, Settings, WebhookSettings
from bot.ingress import Ingress, Worker, route

logger = logging.getLogger(__name__)

RESTART_DELAY_SECONDS = 1.0
QUICK_EXIT_SECONDS = 30.0  # a worker that dies sooner after starting never got going
GIVE_UP_AFTER = 3  # quick exits in a row, after which starting it again would only loop
WORKER_LOOPBACK = "127.0.0.1"
# How a worker learns which chats the ingress sends it while every worker is up.
PEERS, SELF = "SPOTTER_CLUSTER_PEERS", "SPOTTER_CLUSTER_SELF"


def owns_chat() -> Callable[[int], bool]:
    """Whether this process is the one the ingress sends a chat's updates to, with every
    worker up: what only one process may do for a chat (resume its rest timer after a
    restart) is done by that one. A process outside a cluster owns every chat."""
    peers, me = os.environ.get(PEERS, "").split(), os.environ.get(SELF, "")
    if not peers or me not in peers:
        return lambda _chat_id: True
    workers = [Worker(url, up=True) for url in peers]
    return lambda chat_id: route(workers, chat_id)[0].url == me


class ClusterError(Exception):
    """The cluster cannot keep running; the message says why, for the person starting it."""


def port_taken(port: int) -> bool:
    """Whether something else listens on the loopback port (as a worker would bind it)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((WORKER_LOOPBACK, port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((WORKER_LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class WorkerProcess:
    """One worker: its port, its process while it runs, how often it was started."""

    number: int
    port: int
    config: str | None
    peers: list[str] = field(default_factory=list)  # every worker's URL, this one's included
    process: asyncio.subprocess.Process | None = None
    starts: int = 0
    stopping: bool = field(default=False)
    started_at: float = 0.0  # monotonic

    @property
    def url(self) -> str:
        return f"http://{WORKER_LOOPBACK}:{self.port}"

    async def start(self) -> None:
        env = {
            **os.environ,
            "MODE": "webhook",
            "WEBHOOK_HOST": WORKER_LOOPBACK,
            "WEBHOOK_PORT": str(self.port),
            "CLUSTER_WORKER": "1",
            PEERS: " ".join(self.peers),
            SELF: self.url,
        }
        args = [sys.executable, "-m", "bot", *(["--config", self.config] if self.config else [])]
        self.process = await asyncio.create_subprocess_exec(*args, "worker", env=env)
        self.starts += 1
        self.started_at = time.monotonic()
        logger.info("worker %d started (pid %d, port %d)", self.number, self.process.pid, self.port)

    async def watch(self) -> None:
        """Keeps the worker running: started again a second after it dies, until stopped;
        raises ClusterError once it has died soon after starting GIVE_UP_AFTER times in a row."""
        quick_exits = 0
        while not self.stopping:
            if self.process is None:
                await self.start()
            code = await self._wait()
            if self.stopping:
                return
            quick = time.monotonic() - self.started_at < QUICK_EXIT_SECONDS
            quick_exits = quick_exits + 1 if quick else 0
            if quick_exits >= GIVE_UP_AFTER:
                raise ClusterError(self._giving_up(code, quick_exits))
            logger.warning("worker %d exited with %d; starting it again", self.number, code)
            self.process = None
            await asyncio.sleep(RESTART_DELAY_SECONDS)

    def _giving_up(self, code: int, exits: int) -> str:
        why = (
            f"port {self.port} on {WORKER_LOOPBACK} is in use by another process"
            if port_taken(self.port)
            else "its log above says why"
        )
        return (
            f"Worker {self.number} exited {exits} times within {QUICK_EXIT_SECONDS:.0f} s of"
            f" starting (last exit code {code}): {why}. The cluster stops."
        )

    async def _wait(self) -> int:
        if self.process is None:
            raise RuntimeError("the worker is not started")
        return await self.process.wait()

    async def stop(self, grace_seconds: float) -> None:
        self.stopping = True
        process = self.process
        if process is None or process.returncode is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), grace_seconds)
        except TimeoutError:
            process.kill()
            await process.wait()


def check_cluster(settings: Settings, workers: int) -> WebhookSettings:
    """What a cluster needs, or a ConfigError naming what is missing."""
    if workers < 1:
        raise ConfigError("--workers must be at least 1.")
    webhook = settings.require_webhook()
    if workers > 1 and settings.database_url.startswith("sqlite"):
        raise ConfigError(
            "Several workers need PostgreSQL (DATABASE_URL=postgresql+asyncpg://…): "
            "SQLite is one process's database."
        )
    return webhook


async def run_cluster(settings: Settings, workers: int, config: str | None) -> None:
    webhook = check_cluster(settings, workers)
    settings.require_token()
    from storage.core.migrate import upgrade_to_head  # noqa: PLC0415 - the launcher imports little

    await upgrade_to_head(settings.database_url)  # once, before the workers start
    processes = [WorkerProcess(n, free_port(), config) for n in range(workers)]
    for process in processes:
        process.peers = [p.url for p in processes]
    ingress = Ingress([p.url for p in processes], webhook.secret, webhook.path)
    runner = web.AppRunner(ingress.app(), access_log=None, handle_signals=False)
    await runner.setup()
    watchers = [asyncio.create_task(p.watch(), name=f"worker-{p.number}") for p in processes]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    failure: BaseException | None = None
    try:
        await web.TCPSite(runner, webhook.host, webhook.port).start()
        logger.info(
            "Spotter cluster: ingress on %s:%d, %d workers", webhook.host, webhook.port, workers
        )
        failure = await _stopped_or_failed(stop, watchers)
        if failure is not None:
            logger.error("%s", failure)
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
        await runner.cleanup()  # no more updates in: Telegram keeps them until we are back
        await asyncio.gather(*(p.stop(settings.shutdown_grace_seconds + 5) for p in processes))
        for watcher in watchers:
            watcher.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)
    if failure is not None:
        raise failure


async def _stopped_or_failed(
    stop: asyncio.Event, watchers: Sequence[asyncio.Task[None]]
) -> BaseException | None:
    """Waits for a signal to stop or for a worker's watcher to give up; what it gave up with."""
    stopping = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait({stopping, *watchers}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    for watcher in watchers:
        if watcher in done and not watcher.cancelled() and watcher.exception() is not None:
            return watcher.exception()
    return None
