"""Several workers (#14): `python -m bot cluster --workers 2` on PostgreSQL and Redis, behind the
emulator's webhook. Twenty athletes log their day set by set while one worker is killed with
SIGKILL: every set is logged exactly once and in order, and the launcher starts the worker
again; the worker leading the scheduler killed, the standby sends the reminders due next, once;
a worker that cannot start stops the launcher with an error."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench.athletes import card_position, onboard
from bot import cluster
from bot.cluster import ClusterError, free_port, run_cluster
from bot.config import load_settings
from emulator import BotApiEmulator, UserDriver
from storage.reminders.tables import ReminderRow
from tests.e2e.conftest import TOKEN, Spotter
from tests.services import REDIS_HOST, REDIS_PORT, fresh_postgres_database, require_redis

SECRET = "e2e-cluster_Secret-0123456789"
ATHLETES = 20
SETS_PER_DAY = 17
WORKER_STARTED = re.compile(r"worker (\d+) started \(pid (\d+), port \d+\)")
LEADS = re.compile(r"this process \(pid (\d+)\) leads the scheduler")


class Cluster(Spotter):
    """The launcher: an ingress on a free port and two worker processes behind it."""

    def __init__(self, emulator: BotApiEmulator, tmp_path: Path, database_url: str) -> None:
        super().__init__(emulator, tmp_path)
        port = free_port()
        self.args = ("cluster", "--workers", "2")
        self.metrics_url = f"http://127.0.0.1:{port}/metrics"
        self.env |= {
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/5",
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_PORT": str(port),
            "LOG_LEVEL": "INFO",
            # The failover is under test, not Telegram's 30 a second (the emulator here has no
            # flood limits): 700 cards and edits at 30/s would take most of the test's time.
            "DELIVERY_GLOBAL_PER_SECOND": "300",
        }

    def handled_count(self) -> int:
        return self.output().count(" is handled")

    def worker_pids(self) -> dict[int, int]:
        """The newest process of each worker, as the launcher logged it."""
        return {int(n): int(pid) for n, pid in WORKER_STARTED.findall(self.output())}

    def leaders(self) -> list[int]:
        """The processes that took the scheduler's lead, in turn."""
        return [int(pid) for pid in LEADS.findall(self.output())]

    def logged_at(self, pattern: re.Pattern[str], nth: int = 0) -> datetime:
        """When the nth line matching `pattern` was logged (the processes' own clocks)."""
        lines = [line for line in self.output().splitlines() if pattern.search(line)]
        return datetime.strptime(lines[nth][:23], "%Y-%m-%d %H:%M:%S,%f")  # noqa: DTZ007

    async def wait_until_up(self) -> None:
        await self.start()
        await self.emulator.wait_until(
            lambda: (
                self.output().count("Spotter is up as @") >= 2 and bool(self.emulator.webhook.url)
            ),
            timeout=60,
            what="both workers to start and the webhook to be set",
        )


@pytest.fixture
async def database() -> AsyncIterator[str]:
    require_redis()
    async with fresh_postgres_database() as url:
        yield url


async def log_day(athlete: UserDriver) -> None:
    """/today, then "+" for each set; a card that came twice (an update handled again after
    its worker died before committing) is passed over: the next one must be the next set."""
    await athlete.send("/today")
    card = await athlete.wait_for_message(timeout=30)
    position = card_position(card)
    assert position is not None
    logged, total = position
    while logged < total:
        await athlete.send("+")
        while True:
            reply = await athlete.wait_for_message(timeout=30)
            if logged + 1 == total and "done!" in reply.content:
                break
            if card_position(reply) == (logged + 1, total):
                break
        logged += 1


async def test_a_worker_killed_mid_stream_loses_and_doubles_no_set(
    emulator: BotApiEmulator, tmp_path: Path, database: str
) -> None:
    emulator.webhook.max_retry = 0.5  # a delivery the dead worker failed comes back soon
    cluster = Cluster(emulator, tmp_path, database)
    await cluster.wait_until_up()
    try:
        athletes = [emulator.user(7000 + n, first_name=f"A{n}") for n in range(ATHLETES)]
        await asyncio.gather(*(onboard(athlete) for athlete in athletes))
        before = cluster.handled_count()
        logging = asyncio.gather(*(log_day(athlete) for athlete in athletes))
        await emulator.wait_until(
            lambda: cluster.handled_count() >= before + ATHLETES * SETS_PER_DAY // 4,
            timeout=60,
            what="a quarter of the sets",
        )
        victim = cluster.worker_pids()[0]
        os.kill(victim, signal.SIGKILL)  # mid-stream: updates in flight on it come again
        await logging
        await emulator.wait_until(
            lambda: cluster.worker_pids()[0] != victim, timeout=30, what="the worker restarted"
        )
        async with aiohttp.ClientSession() as http, http.get(cluster.metrics_url) as answer:
            metrics = await answer.text()
        failovers = re.search(r"^spotter_ingress_failovers_total (\d+)", metrics, re.MULTILINE)
        assert failovers is not None
        assert int(failovers[1]) > 0  # the dead worker's chats went on to the other one
    finally:
        await cluster.terminate(within=30)
    for secret in (TOKEN, TOKEN.split(":")[1], SECRET):
        assert secret not in cluster.output()

    engine = create_async_engine(database, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    text(
                        "SELECT w.user_id, s.position, s.logged_at FROM workout_sets s "
                        "JOIN workouts w ON w.id = s.workout_id WHERE s.logged_at IS NOT NULL "
                        "ORDER BY w.user_id, s.position"
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    by_athlete: dict[int, list[tuple[int, datetime]]] = {}
    for user_id, position, logged_at in rows:
        by_athlete.setdefault(user_id, []).append((position, logged_at))
    assert sorted(by_athlete) == [athlete.id for athlete in athletes]
    for sets in by_athlete.values():
        assert [position for position, _ in sets] == list(range(SETS_PER_DAY))
        times = [at for _, at in sets]
        assert times == sorted(times)  # logged in the order they were sent


async def turn_reminders_on(athlete: UserDriver) -> None:
    await athlete.send("/reminders")
    await athlete.wait_for_message(timeout=30)
    await athlete.press("🔔 Turn reminders on")
    await athlete.wait_for_edit(timeout=30)
    await athlete.press("Done")
    await athlete.wait_for_edit(timeout=30)


def reminders(athlete: UserDriver) -> int:
    return sum(1 for m in athlete.chat.bot_messages if m.content.startswith("⏰ Training"))


async def move_reminders_due(database: str, athletes: list[int], to: datetime) -> None:
    engine = create_async_engine(database, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(ReminderRow).where(ReminderRow.athlete_id.in_(athletes)).values(next_due=to)
            )
    finally:
        await engine.dispose()


async def test_the_scheduler_leader_killed_the_standby_sends_the_next_reminders_once(
    emulator: BotApiEmulator, tmp_path: Path, database: str
) -> None:
    cluster = Cluster(emulator, tmp_path, database)
    retry = 1.0  # the standby's tries for the lead (5 s by default)
    cluster.env |= {
        "REMINDER_INTERVAL_SECONDS": "1",
        "DELIVERY_POLL_SECONDS": "0.2",
        "LEADER_RETRY_SECONDS": str(retry),
    }
    await cluster.wait_until_up()
    try:
        athletes = [emulator.user(7100 + n, first_name=f"R{n}") for n in range(3)]
        await asyncio.gather(*(onboard(athlete) for athlete in athletes))
        await asyncio.gather(*(turn_reminders_on(athlete) for athlete in athletes))
        await emulator.wait_until(lambda: bool(cluster.leaders()), timeout=30, what="a leader")
        leader, workers = cluster.leaders()[0], set(cluster.worker_pids().values())
        (standby,) = workers - {leader}
        # Due in a few seconds: after the leader is gone, so the standby's jobs queue them.
        due = datetime.now(UTC) + timedelta(seconds=3)
        await move_reminders_due(database, [athlete.id for athlete in athletes], due)
        os.kill(leader, signal.SIGKILL)
        await emulator.wait_until(
            lambda: len(cluster.leaders()) > 1, timeout=15, what="the standby to lead"
        )
        await emulator.wait_until(
            lambda: all(reminders(athlete) for athlete in athletes),
            timeout=30,
            what="the reminders",
        )
        # The killed worker comes back, and the job runs several times more on the leader.
        await emulator.wait_until(
            lambda: cluster.output().count("Spotter is up as @") >= 3,
            timeout=60,
            what="the killed worker back",
        )
        await asyncio.sleep(3)
    finally:
        await cluster.terminate(within=30)

    assert leader in workers
    assert cluster.leaders()[1] == standby
    killed = cluster.logged_at(re.compile(r"worker \d exited with -9"))
    took_over = cluster.logged_at(LEADS, 1) - killed
    assert took_over < timedelta(seconds=retry + 0.5)
    assert [reminders(athlete) for athlete in athletes] == [1, 1, 1]
    assert datetime.now(UTC) > due


async def test_a_worker_whose_port_is_taken_stops_the_cluster_with_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (issue 14): the launcher started such a worker again every second, forever."""
    config = tmp_path / "config.toml"
    config.touch()
    ingress = free_port()
    for name, value in {
        "BOT_TOKEN": TOKEN,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'spotter.db'}",
        "WEBHOOK_URL": f"http://127.0.0.1:{ingress}/hook",
        "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_PORT": str(ingress),
        "TELEGRAM_API_BASE": "http://127.0.0.1:9",  # never reached: the worker stops before
    }.items():
        monkeypatch.setenv(name, value)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        monkeypatch.setattr(cluster, "free_port", lambda: taken)
        started = time.monotonic()

        with pytest.raises(ClusterError, match=f"port {taken} on 127.0.0.1 is in use") as error:
            async with asyncio.timeout(90):
                await run_cluster(load_settings(config), 1, str(config))

    assert f"exited {cluster.GIVE_UP_AFTER} times" in str(error.value)
    assert time.monotonic() - started < 90
