"""Several outbox senders on one PostgreSQL outbox (issue 14): once, in order, one at a time."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.outbox.activity import InactiveChats
from domain.outbox.model import DeliveryState
from domain.outbox.policy import FloodWait, Outcome, Sent
from scheduler.delivery.limits import DeliveryLimits, FloodBudget
from scheduler.delivery.redis_budget import Booking, RedisFloodBudget
from scheduler.delivery.sender import DeliverySettings, Sender
from storage.core.engine import create_engine, create_session_factory
from storage.outbox.outbox import Claimed, OutboxQueue
from storage.outbox.tables import OutboxSenderRow
from tests.integration.outbox.test_delivery import FAST, FixedClockNow, queue, until
from tests.services import REDIS_HOST, REDIS_PORT, require_redis

POSTGRES_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
SETTINGS = DeliverySettings(
    limits=FAST, poll_seconds=0.05, heartbeat_seconds=0.1, dead_after_seconds=0.5
)


@dataclass
class Delivery:
    key: str
    chat_id: int
    sender: str
    started: float
    ended: float = 0.0


@dataclass
class SharedTelegram:
    """One Telegram for every sender: who sent what when, and how often a chat had two
    requests on their way at once."""

    script: dict[str, list[Outcome]] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    overlaps: int = 0
    _in_flight: Counter[int] = field(default_factory=Counter)

    def transport(self, sender: str) -> SenderTransport:
        return SenderTransport(self, sender)

    def keys(self, chat_id: int | None = None) -> list[str]:
        return [d.key for d in self.deliveries if chat_id is None or d.chat_id == chat_id]


@dataclass
class SenderTransport:
    telegram: SharedTelegram
    name: str

    async def send(self, message: Claimed) -> Outcome:
        telegram = self.telegram
        delivery = Delivery(message.key, message.chat_id, self.name, time.monotonic())
        telegram.deliveries.append(delivery)
        telegram._in_flight[message.chat_id] += 1
        if telegram._in_flight[message.chat_id] > 1:
            telegram.overlaps += 1
        await asyncio.sleep(0.03)  # about a real round trip: a chat is mostly in flight
        telegram._in_flight[message.chat_id] -= 1
        delivery.ended = time.monotonic()
        planned = telegram.script.get(message.key)
        if planned:
            return planned.pop(0)
        return Sent(len(telegram.deliveries))


@asynccontextmanager
async def senders(
    database_url: str,
    telegram: SharedTelegram,
    names: tuple[str, ...] = ("a", "b"),
    budgets: tuple[FloodBudget | None, ...] = (),
) -> AsyncIterator[list[Sender]]:
    """Senders as separate processes would have them: each its own engine and connections."""
    async with AsyncExitStack() as stack:
        started = []
        for n, name in enumerate(names):
            engine = create_engine(database_url)
            stack.push_async_callback(engine.dispose)
            sender = Sender(
                OutboxQueue(create_session_factory(engine)),
                telegram.transport(name),
                FixedClockNow(),
                InactiveChats(),
                settings=SETTINGS,
                budget=budgets[n] if budgets else None,
            )
            sender.start()
            stack.push_async_callback(sender.stop)
            started.append(sender)
        yield started


@POSTGRES_ONLY
async def test_two_senders_send_every_message_once_each_chat_in_order_one_at_a_time(
    database_url: str,
) -> None:
    chats, each = range(1, 7), 30  # few chats with many messages: the senders meet in them
    keys = [(f"{chat}-{n}", chat) for n in range(each) for chat in chats]
    factory = create_session_factory(engine := create_engine(database_url))
    await queue(factory, *keys)
    telegram = SharedTelegram()

    async with senders(database_url, telegram):
        await until(lambda: len(telegram.deliveries) == len(keys))
        await asyncio.sleep(0.2)  # nothing more is sent

    assert sorted(telegram.keys()) == sorted(key for key, _ in keys)
    for chat in chats:
        assert telegram.keys(chat) == [f"{chat}-{n}" for n in range(each)]
    assert telegram.overlaps == 0
    assert {d.sender for d in telegram.deliveries} == {"a", "b"}
    assert await OutboxQueue(factory).states() == {DeliveryState.SENT: len(keys)}
    await engine.dispose()


class CountedBudget(RedisFloodBudget):
    """A process's share of the Redis budget that counts the slots it booked."""

    booked = 0

    async def book(self, chat_id: int | None, horizon: float) -> Booking:
        booking = await super().book(chat_id, horizon)
        self.booked += booking.booked
        return booking


@POSTGRES_ONLY
async def test_two_senders_sharing_the_redis_budget_book_a_slot_only_for_a_message_sent(
    database_url: str,
) -> None:
    """Regression (issue 14): a sender booked its slot before claiming the row, and the other
    sender holding the chat made about one booking in two a slot nobody used."""
    require_redis()
    chats, each = range(1, 7), 15  # few chats, many messages: the senders meet in them
    keys = [(f"{chat}-{n}", chat) for n in range(each) for chat in chats]
    factory = create_session_factory(engine := create_engine(database_url))
    await queue(factory, *keys)
    telegram = SharedTelegram()
    redis = Redis(host=REDIS_HOST, port=REDIS_PORT, db=14)
    limits = DeliveryLimits(global_per_second=200, per_chat_per_second=50, group_per_minute=600)
    prefix = f"test-senders-{uuid.uuid4().hex}"
    shared = tuple(CountedBudget(redis, limits, prefix=prefix) for _ in range(2))

    try:
        async with senders(database_url, telegram, budgets=shared):
            await until(lambda: len(telegram.deliveries) == len(keys))
            await asyncio.sleep(0.3)  # nothing more is sent, nothing more booked
    finally:
        await redis.aclose()

    assert sorted(telegram.keys()) == sorted(key for key, _ in keys)
    assert {d.sender for d in telegram.deliveries} == {"a", "b"}
    assert sum(budget.booked for budget in shared) == len(keys)
    await engine.dispose()


@POSTGRES_ONLY
async def test_a_retry_one_sender_holds_is_neither_taken_early_nor_overtaken_by_the_other(
    database_url: str,
) -> None:
    others = [(f"other-{chat}-{n}", chat) for n in range(3) for chat in range(2, 12)]
    factory = create_session_factory(engine := create_engine(database_url))
    await queue(factory, ("a", 1), ("b", 1), ("c", 1), *others)
    telegram = SharedTelegram({"a": [FloodWait(0.4, "Too Many Requests: retry after 0.4")]})

    async with senders(database_url, telegram):
        await until(lambda: len(telegram.deliveries) == 4 + len(others))

    refused, retried, *_ = (d for d in telegram.deliveries if d.chat_id == 1)
    assert telegram.keys(1) == ["a", "a", "b", "c"]
    assert retried.started - refused.ended >= 0.39
    assert telegram.overlaps == 0
    assert await OutboxQueue(factory).states() == {DeliveryState.SENT: 3 + len(others)}
    await engine.dispose()


@POSTGRES_ONLY
async def test_a_live_sender_s_claim_is_left_alone_and_abandoned_once_it_falls_silent(
    database_url: str,
) -> None:
    """Regression (issue 14): a sender starting up turned every other run's claims unknown."""
    factory = create_session_factory(engine := create_engine(database_url))
    await queue(factory, ("in-flight", 1), ("after", 1), ("free", 2))
    outbox = OutboxQueue(factory)
    in_flight = (await outbox.due(datetime.now(UTC), 10, 3))[0]
    await outbox.heartbeat("elsewhere", datetime.now(UTC))
    await outbox.claim(in_flight.id, "elsewhere", datetime.now(UTC))
    telegram = SharedTelegram()
    elsewhere = asyncio.create_task(beating(outbox, "elsewhere"))

    try:
        async with senders(database_url, telegram, ("a",)):
            await until(lambda: telegram.keys() == ["free"])
            await asyncio.sleep(2 * SETTINGS.dead_after_seconds)
            still_claimed = await outbox.states()
            elsewhere.cancel()
            silent_since = time.monotonic()
            await until(lambda: telegram.keys() == ["free", "after"], within=3)
            abandoned_after = time.monotonic() - silent_since
    finally:
        elsewhere.cancel()
        await asyncio.gather(elsewhere, return_exceptions=True)

    assert still_claimed == {
        DeliveryState.CLAIMED: 1,
        DeliveryState.QUEUED: 1,
        DeliveryState.SENT: 1,
    }
    assert SETTINGS.dead_after_seconds - 0.15 <= abandoned_after < 2
    assert await outbox.states() == {DeliveryState.UNKNOWN: 1, DeliveryState.SENT: 2}
    await engine.dispose()


async def beating(outbox: OutboxQueue, run_id: str) -> None:
    """Another process's sender, alive as far as its heartbeat tells."""
    while True:
        await outbox.heartbeat(run_id, datetime.now(UTC))
        await asyncio.sleep(SETTINGS.heartbeat_seconds)


async def test_a_sender_that_stops_retires_its_heartbeat_and_so_its_claims(
    database_url: str,
) -> None:
    factory = create_session_factory(engine := create_engine(database_url))
    outbox = OutboxQueue(factory)

    async with senders(database_url, SharedTelegram(), ("a",)) as (sender,):
        await asyncio.sleep(0.2)
        running = await sender_runs(factory)
    # A claim the stopped run left, as one cancelled on its way would be left:
    await queue(factory, ("left", 1))
    left = (await outbox.due(datetime.now(UTC), 10, 3))[0]
    await outbox.claim(left.id, sender.run_id, datetime.now(UTC))

    abandoned = await outbox.abandon_claims("probe", datetime.now(UTC), timedelta(seconds=30))

    assert running == {sender.run_id}
    assert await sender_runs(factory) == set()
    assert abandoned == ["left"]
    await engine.dispose()


async def sender_runs(factory: async_sessionmaker[AsyncSession]) -> set[str]:
    async with factory() as session:
        return set((await session.execute(select(OutboxSenderRow.run_id))).scalars())
