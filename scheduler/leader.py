"""One scheduler among several processes: the leader holds a PostgreSQL advisory lock.

The periodic jobs run in the process that holds a session-level `pg_try_advisory_lock` on a
connection of its own; every other process keeps its scheduler paused and tries again every
`retry_seconds`. Why this lock rather than a Redis lease: several processes need PostgreSQL
anyway (SQLite means one process, which always leads), so it adds no service; and it lives
exactly as long as the leader's connection, so a leader killed -9 frees it as soon as its
socket closes and a standby takes over on its next try, with no lease length to tune
against pauses. A lease's fencing token would only help if what the jobs write checked it,
and they write to the database, whose lock this already is.

What is left: a leader cut off from the database (not killed) keeps its lock on the server
until TCP keepalives notice (asked for here: 10 s idle and three probes 5 s apart, so under
a minute), and it checks its own connection every `check_seconds`, pausing the scheduler
once the check fails or times out; so two processes may run jobs together for about one
check interval after the database restarts, and the jobs are idempotent (outbox keys, marks
in the database) for that. A session lock needs a direct connection or session pooling, not
PgBouncer's transaction mode.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from storage.core.engine import normalize_url

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

logger = logging.getLogger(__name__)

SCHEDULER_LOCK = 0x53_70_6F_74  # "Spot": the scheduler's advisory lock key in its database
_KEEPALIVES = {
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
}


class Leadership:
    """Leads while it holds the lock: `on_elected` when it takes it, `on_deposed` if it loses
    it. `start()` once; stop what it led, then `await stop()`, which releases the lock."""

    def __init__(
        self,
        database_url: str,
        on_elected: Callable[[], object],
        on_deposed: Callable[[], object],
        *,
        key: int = SCHEDULER_LOCK,
        retry_seconds: float = 5.0,
        check_seconds: float = 5.0,
        timeout_seconds: float = 5.0,
    ) -> None:
        url = make_url(normalize_url(database_url))
        self._solo = url.get_backend_name() == "sqlite"
        self._engine = None if self._solo else _lock_engine(url)
        self._on_elected = on_elected
        self._on_deposed = on_deposed
        self._key = key
        self._retry = retry_seconds
        self._check = check_seconds
        self._timeout = timeout_seconds
        self._connection: AsyncConnection | None = None
        self._leading = False
        self._task: asyncio.Task[None] | None = None

    @property
    def leading(self) -> bool:
        return self._leading

    def start(self) -> None:
        if self._task is not None or (self._solo and self._leading):
            raise RuntimeError("the leadership is already started")
        if self._solo:  # one process on SQLite: nobody to share with
            self._elect()
            return
        self._task = asyncio.create_task(self._run(), name="scheduler-leadership")

    async def stop(self) -> None:
        """Stops trying and releases the lock (closing its connection); calls no callback."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        await self._disconnect()
        self._leading = False
        if self._engine is not None:
            await self._engine.dispose()

    async def __aenter__(self) -> Self:
        self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _run(self) -> None:
        while True:
            try:
                await self._step()
            except Exception as error:
                if self._leading:
                    logger.warning("stepping down as the scheduler's leader: %s", error)
                    self._leading = False
                    self._on_deposed()
                else:
                    logger.warning("could not try for the scheduler's lead: %s", error)
                await self._disconnect()
                await asyncio.sleep(self._retry)

    async def _step(self) -> None:
        if self._leading:
            await asyncio.sleep(self._check)
            if not await self._holds_lock():
                raise ConnectionError("the advisory lock is no longer held")
        elif await self._try_lock():
            self._elect()
        else:
            await asyncio.sleep(self._retry)

    def _elect(self) -> None:
        self._leading = True
        logger.info("this process (pid %d) leads the scheduler", os.getpid())
        self._on_elected()

    async def _try_lock(self) -> bool:
        async with asyncio.timeout(self._timeout):
            if self._connection is None:
                assert self._engine is not None  # noqa: S101 - only _run calls it, never solo
                self._connection = await self._engine.connect()
            statement = text("SELECT pg_try_advisory_lock(:key)")
            return bool(await self._connection.scalar(statement, {"key": self._key}))

    async def _holds_lock(self) -> bool:
        """Whether the lock is still this connection's: a round trip that also proves it alive."""
        if self._connection is None:
            return False
        statement = text(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
            " AND pid = pg_backend_pid() AND granted AND classid = :high AND objid = :low"
            " AND objsubid = 1)"
        )
        parameters = {"high": self._key >> 32, "low": self._key & 0xFFFF_FFFF}
        async with asyncio.timeout(self._timeout):
            return bool(await self._connection.scalar(statement, parameters))

    async def _disconnect(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        with contextlib.suppress(Exception):
            async with asyncio.timeout(self._timeout):
                await connection.close()
        if not connection.closed:  # a connection that does not answer is dropped, not closed
            with contextlib.suppress(Exception):
                await connection.invalidate()


def _lock_engine(url: URL) -> AsyncEngine:
    """Connections of their own for the lock: never pooled with others, never in a transaction."""
    return create_async_engine(
        url,
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={"server_settings": {"application_name": "spotter-leader", **_KEEPALIVES}},
    )


def lead_scheduler(
    scheduler: AsyncIOScheduler,
    database_url: str,
    *,
    retry_seconds: float = 5.0,
    check_seconds: float = 5.0,
) -> Leadership:
    """A Leadership that resumes `scheduler` while this process leads and pauses it
    otherwise; start the scheduler paused (`scheduler.start(paused=True)`) before it."""
    return Leadership(
        database_url,
        scheduler.resume,
        scheduler.pause,
        retry_seconds=retry_seconds,
        check_seconds=check_seconds,
    )
