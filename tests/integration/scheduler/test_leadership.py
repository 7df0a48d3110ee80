"""One scheduler leader among processes (issue 14): a PostgreSQL advisory lock, taken over
within the retry interval when the leader's connection or process dies."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from scheduler.leader import SCHEDULER_LOCK, Leadership, lead_scheduler
from tests.services import fresh_postgres_database

RETRY, CHECK = 0.2, 0.1
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
async def url() -> AsyncIterator[str]:
    """An empty database of its own: advisory locks are per database."""
    async with fresh_postgres_database() as database_url:
        yield database_url


@dataclass
class Events:
    """What each process's leadership was told, and when."""

    log: list[tuple[str, str, float]] = field(default_factory=list)

    def leadership(self, name: str, url: str) -> Leadership:
        return Leadership(
            url,
            self._record(name, "elected"),
            self._record(name, "deposed"),
            retry_seconds=RETRY,
            check_seconds=CHECK,
            timeout_seconds=1.0,
        )

    def _record(self, name: str, what: str) -> Callable[[], None]:
        return lambda: self.log.append((name, what, time.monotonic()))

    def when(self, name: str, what: str) -> float:
        return next(at for who, event, at in self.log if (who, event) == (name, what))


async def until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polling a flag is the simplest here
            await asyncio.sleep(0.01)


async def kill_lock_holder(url: str) -> None:
    """Ends the session holding the lock, as the server does when its process is killed."""
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    " AND granted AND objid = :key AND database ="
                    " (SELECT oid FROM pg_database WHERE datname = current_database())"
                ),
                {"key": SCHEDULER_LOCK},
            )
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_one_of_two_leads_and_the_other_takes_over_when_the_leader_s_connection_dies(
    url: str,
) -> None:
    events = Events()
    first, second = events.leadership("first", url), events.leadership("second", url)
    first.start()
    await until(lambda: first.leading)
    second.start()
    try:
        await asyncio.sleep(3 * RETRY)
        before = (first.leading, second.leading)
        killed = time.monotonic()
        await kill_lock_holder(url)
        await until(lambda: second.leading)
        await asyncio.sleep(3 * RETRY)
        after = (first.leading, second.leading)
    finally:
        await first.stop()
        await second.stop()

    assert (before, after) == ((True, False), (False, True))
    assert events.when("second", "elected") - killed < RETRY + 0.5
    assert events.when("first", "deposed") - killed < CHECK + 0.5
    first_event, *rest = [(who, what) for who, what, _ in events.log]
    assert first_event == ("first", "elected")
    assert sorted(rest) == [("first", "deposed"), ("second", "elected")]


@pytest.mark.postgres
async def test_a_leader_that_stops_hands_over_within_the_retry_interval(url: str) -> None:
    events = Events()
    first, second = events.leadership("first", url), events.leadership("second", url)
    async with first:
        await until(lambda: first.leading)
        second.start()
        await asyncio.sleep(2 * RETRY)
        assert not second.leading
    stopped = time.monotonic()
    try:
        await until(lambda: second.leading)
    finally:
        await second.stop()

    assert events.when("second", "elected") - stopped < RETRY + 0.5
    assert ("first", "deposed") not in [(who, what) for who, what, _ in events.log]


LEADER_PROCESS = """
import asyncio, sys
from scheduler.leader import Leadership

async def main():
    leader = Leadership(sys.argv[1], lambda: print("leading", flush=True), lambda: None)
    leader.start()
    await asyncio.sleep(60)

asyncio.run(main())
"""


@pytest.mark.postgres
async def test_a_leader_process_killed_with_sigkill_is_replaced_within_the_retry_interval(
    url: str,
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", LEADER_PROCESS, url, cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    events = Events()
    standby = events.leadership("standby", url)
    try:
        assert process.stdout is not None
        async with asyncio.timeout(10):
            assert await process.stdout.readline() == b"leading\n"
        standby.start()
        await asyncio.sleep(2 * RETRY)
        assert not standby.leading
        process.kill()
        killed = time.monotonic()
        await until(lambda: standby.leading)
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()
        await standby.stop()

    assert events.when("standby", "elected") - killed < RETRY + 0.5


@pytest.mark.postgres
async def test_only_the_leading_process_s_scheduler_runs_its_jobs(url: str) -> None:
    runs: list[tuple[str, float]] = []

    def scheduler_of(name: str) -> AsyncIOScheduler:
        scheduler = AsyncIOScheduler(timezone="UTC", job_defaults={"coalesce": True})
        scheduler.add_job(
            lambda: runs.append((name, time.monotonic())), IntervalTrigger(seconds=0.05)
        )
        scheduler.start(paused=True)
        return scheduler

    schedulers = {name: scheduler_of(name) for name in ("first", "second")}
    leaders = {
        name: lead_scheduler(scheduler, url, retry_seconds=RETRY, check_seconds=CHECK)
        for name, scheduler in schedulers.items()
    }
    try:
        leaders["first"].start()
        await until(lambda: leaders["first"].leading)
        leaders["second"].start()
        await asyncio.sleep(4 * RETRY)
        killed = time.monotonic()
        await kill_lock_holder(url)
        await until(lambda: leaders["second"].leading)
        took_over = time.monotonic()
        await asyncio.sleep(4 * RETRY)
    finally:
        for name, scheduler in schedulers.items():
            scheduler.shutdown(wait=False)
            await leaders[name].stop()

    first = [at for name, at in runs if name == "first"]
    second = [at for name, at in runs if name == "second"]
    assert len(first) >= 10
    assert len(second) >= 10
    assert max(first) < killed + CHECK + 0.2  # paused once it saw the lock gone
    assert min(second) >= took_over - 0.1


async def test_on_sqlite_the_one_process_leads_at_once(tmp_path: Path) -> None:
    events = Events()

    async with events.leadership("only", f"sqlite:///{tmp_path / 'spotter.db'}") as leader:
        assert leader.leading

    assert not leader.leading
    assert [(who, what) for who, what, _ in events.log] == [("only", "elected")]
