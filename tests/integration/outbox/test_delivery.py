"""The sender against a scripted Telegram, on SQLite and PostgreSQL: once, in order, in limits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

from aiogram.exceptions import ClientDecodeError
from aiogram.types import Chat, Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.outbox.activity import InactiveChats
from domain.outbox.lanes import Lane
from domain.outbox.model import DeliveryState, MessageKind, OutgoingMessage
from domain.outbox.policy import Blocked, FloodWait, Outcome, RetryPolicy, Sent, Transient
from handlers.common.i18n import Catalogue
from handlers.reminders.buttons import ReminderButtons
from scheduler.delivery.limits import DeliveryLimits, FloodBudget, FloodControl
from scheduler.delivery.sender import DeliverySettings, Sender
from scheduler.delivery.transport import BotTransport
from storage.outbox.outbox import Claimed, OutboxQueue
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

if TYPE_CHECKING:
    from aiogram import Bot

FAST = DeliveryLimits(global_per_second=500, per_chat_per_second=50, group_per_minute=600)


class ScriptedTelegram:
    """Answers each send with the next scripted outcome for its key, else Sent."""

    def __init__(self, script: dict[str, list[Outcome]] | None = None) -> None:
        self.script = script or {}
        self.sent: list[tuple[str, int, float]] = []  # (key, chat, monotonic time)
        self._message_ids = iter(range(1, 1_000_000))

    async def send(self, message: Claimed) -> Outcome:
        await asyncio.sleep(0.002)
        self.sent.append((message.key, message.chat_id, time.monotonic()))
        planned = self.script.get(message.key)
        if planned:
            return planned.pop(0)
        return Sent(next(self._message_ids))

    def keys(self, chat_id: int | None = None) -> list[str]:
        return [key for key, chat, _ in self.sent if chat_id is None or chat == chat_id]


async def queue(session_factory: async_sessionmaker[AsyncSession], *keys: tuple[str, int]) -> None:
    at = datetime.now(UTC)
    async with SqlUnitOfWork(session_factory, FixedClock(at)) as uow:
        await uow.outbox.add_all([OutgoingMessage(k, chat, at, text=k) for k, chat in keys])
        await uow.commit()


@asynccontextmanager
async def running(
    session_factory: async_sessionmaker[AsyncSession],
    telegram: ScriptedTelegram,
    inactive: InactiveChats | None = None,
    limits: DeliveryLimits = FAST,
    outbox: OutboxQueue | None = None,
    *,
    retry: RetryPolicy | None = None,
    flood: FloodControl | None = None,
    budget: FloodBudget | None = None,
) -> AsyncIterator[Sender]:
    settings = DeliverySettings(limits=limits, poll_seconds=0.05, retry=retry or RetryPolicy())
    sender = Sender(
        outbox or OutboxQueue(session_factory),
        telegram,
        FixedClockNow(),
        inactive if inactive is not None else InactiveChats(),
        settings=settings,
        flood=flood,
        budget=budget,
    )
    sender.start()
    try:
        yield sender
    finally:
        await sender.stop()


class FixedClockNow:
    def now(self) -> datetime:
        return datetime.now(UTC)


async def until(condition: Callable[[], bool], within: float = 10.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polling a fake is the simplest here
            await asyncio.sleep(0.01)


async def test_every_message_is_sent_once_and_each_chat_s_in_order(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    keys = [(f"{chat}-{n}", chat) for n in range(5) for chat in (1, 2, 3, -100)]
    await queue(session_factory, *keys)
    telegram = ScriptedTelegram()

    async with running(session_factory, telegram):
        await until(lambda: len(telegram.sent) == len(keys))

    assert sorted(telegram.keys()) == sorted(key for key, _ in keys)
    for chat in (1, 2, 3, -100):
        assert telegram.keys(chat) == [f"{chat}-{n}" for n in range(5)]
    assert await OutboxQueue(session_factory).states() == {DeliveryState.SENT: len(keys)}


async def test_a_chat_gets_no_more_than_its_rate(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, *[(f"m{n}", 9) for n in range(4)])
    telegram = ScriptedTelegram()
    limits = DeliveryLimits(global_per_second=100, per_chat_per_second=10, headroom=0)

    async with running(session_factory, telegram, limits=limits):
        await until(lambda: len(telegram.sent) == 4)

    gaps = [later - earlier for (_, _, earlier), (_, _, later) in pairwise(telegram.sent)]
    assert min(gaps) >= 0.095


async def test_a_flood_wait_holds_the_message_and_then_sends_it_once_in_its_place(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, ("a", 1), ("b", 1))
    telegram = ScriptedTelegram({"a": [FloodWait(0.3, "Too Many Requests: retry after 0.3")]})

    async with running(session_factory, telegram):
        await until(lambda: len(telegram.sent) == 3)

    (_, _, refused), (_, _, retried), _ = telegram.sent
    assert telegram.keys() == ["a", "a", "b"]
    assert retried - refused >= 0.29
    assert await OutboxQueue(session_factory).states() == {DeliveryState.SENT: 2}


async def test_flood_waits_do_not_use_up_a_message_s_attempts(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """#14: told to wait three times, a message still gets both its tries at a failing server."""
    await queue(session_factory, ("a", 1))
    waits: list[Outcome] = [FloodWait(0.01, "Too Many Requests: retry after 0.01")] * 3
    telegram = ScriptedTelegram({"a": [*waits, Transient("Bad Gateway")]})
    retry = RetryPolicy(max_attempts=2, first_backoff=timedelta(milliseconds=10))

    async with running(session_factory, telegram, retry=retry):
        await until(lambda: len(telegram.sent) == 5)

    assert await OutboxQueue(session_factory).states() == {DeliveryState.SENT: 1}


async def test_a_sender_given_the_bot_s_budget_takes_from_it_even_while_it_is_empty(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """#14: an empty FloodControl is falsy (len 0), and `flood or …` gave the sender its own."""
    await queue(session_factory, ("a", 1))
    flood, telegram = FloodControl(FAST), ScriptedTelegram()

    async with running(session_factory, telegram, flood=flood):
        await until(lambda: len(telegram.sent) == 1)

    assert flood.chat_ready_at(1) > 0


class SharedBudget:
    """A budget other processes share (Redis in the bot): records what the sender asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[int | None, Lane]] = []

    async def acquire(self, chat_id: int | None, lane: Lane) -> None:
        self.asked.append((chat_id, lane))

    async def try_acquire(self, chat_id: int | None, lane: Lane) -> bool:
        self.asked.append((chat_id, lane))
        return True


async def test_with_a_budget_shared_by_processes_each_message_waits_for_it_too(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, ("a", 1), ("b", -100))
    budget, telegram = SharedBudget(), ScriptedTelegram()

    async with running(session_factory, telegram, budget=budget):
        await until(lambda: len(telegram.sent) == 2)

    assert sorted(budget.asked) == [(-100, Lane.TIMELY), (1, Lane.TIMELY)]


class FailingOnceBudget(SharedBudget):
    """A shared budget whose first booking fails (Redis unreachable, and no fallback)."""

    async def acquire(self, chat_id: int | None, lane: Lane) -> None:
        await super().acquire(chat_id, lane)
        if len(self.asked) == 1:
            raise ConnectionError("Redis is unreachable")


async def test_a_claim_whose_slot_could_not_be_booked_is_given_back_and_sent_later_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """#14: the slot is booked after the claim; a failed booking must not strand the row."""
    await queue(session_factory, ("a", 1))
    budget, telegram = FailingOnceBudget(), ScriptedTelegram()

    async with running(session_factory, telegram, budget=budget):
        await until(lambda: len(telegram.sent) == 1, within=5)
        await asyncio.sleep(0.1)

    assert telegram.keys() == ["a"]
    assert len(budget.asked) == 2
    assert await OutboxQueue(session_factory).states() == {DeliveryState.SENT: 1}


async def test_a_message_due_now_is_read_at_once_when_the_sender_is_told_not_at_its_next_poll(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """#14: "rest is over" is queued when the rest ends; a poll later it would be late."""
    telegram = ScriptedTelegram()
    settings = DeliverySettings(limits=FAST, poll_seconds=30)
    sender = Sender(
        OutboxQueue(session_factory), telegram, FixedClockNow(), InactiveChats(), settings=settings
    )
    sender.start()
    try:
        await asyncio.sleep(0.2)  # its first read found nothing; the next is 30 s away
        await queue(session_factory, ("rest:1:0:1", 1))
        sender.read_soon()
        await until(lambda: telegram.keys() == ["rest:1:0:1"], within=2)
    finally:
        await sender.stop()


async def test_a_server_error_is_retried_after_a_backoff(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, ("a", 1))
    telegram = ScriptedTelegram({"a": [Transient("Bad Gateway")]})

    async with running(session_factory, telegram):
        await until(lambda: len(telegram.sent) == 2)

    assert telegram.keys() == ["a", "a"]
    assert telegram.sent[1][2] - telegram.sent[0][2] >= 0.95  # the first backoff is 1 s


async def test_a_blocked_chat_gets_nothing_more_and_the_others_carry_on(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, ("x1", 5), ("x2", 5), ("x3", 5), ("y1", 6), ("y2", 6))
    telegram = ScriptedTelegram({"x1": [Blocked("Forbidden: bot was blocked by the user")]})
    inactive = InactiveChats()

    async with running(session_factory, telegram, inactive):
        await until(lambda: len(telegram.keys(6)) == 2)
        await asyncio.sleep(0.2)

    assert telegram.keys(5) == ["x1"]
    assert 5 in inactive
    assert await OutboxQueue(session_factory).states() == {
        DeliveryState.CANCELLED: 3,
        DeliveryState.SENT: 2,
    }


async def test_a_message_queued_for_an_inactive_chat_is_cancelled_not_sent(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, ("late", 5), ("fine", 6))
    telegram = ScriptedTelegram()

    async with running(session_factory, telegram, InactiveChats([5])):
        await until(lambda: len(telegram.sent) == 1)
        await asyncio.sleep(0.2)

    assert telegram.keys() == ["fine"]
    assert await OutboxQueue(session_factory).states() == {
        DeliveryState.CANCELLED: 1,
        DeliveryState.SENT: 1,
    }


async def test_a_claim_left_by_a_crashed_run_is_never_sent_again(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue(session_factory, ("in-flight", 1), ("next", 1))
    outbox = OutboxQueue(session_factory)
    first = (await outbox.due(datetime.now(UTC), 10, 3))[0]
    await outbox.claim(first.id, "the-run-that-was-killed", datetime.now(UTC))
    telegram = ScriptedTelegram()

    async with running(session_factory, telegram):
        await until(lambda: len(telegram.sent) == 1)
        await asyncio.sleep(0.2)

    assert telegram.keys() == ["next"]
    assert await outbox.states() == {DeliveryState.UNKNOWN: 1, DeliveryState.SENT: 1}


class ProxyErrorPage:
    """A Bot whose first request meets a proxy's HTML error page instead of Telegram's JSON."""

    def __init__(self) -> None:
        self.calls = 0

    async def send_message(self, chat_id: int, text: str, **_: Any) -> Message:
        self.calls += 1
        if self.calls == 1:
            raise ClientDecodeError("Failed to decode object", ValueError(), "<html>502</html>")
        chat = Chat(id=chat_id, type="private")
        return Message(message_id=7, date=datetime.now(UTC), chat=chat, text=text)


async def test_a_proxy_error_page_is_a_transient_failure_not_an_escaping_error() -> None:
    """Regression: aiogram's ClientDecodeError escaped BotTransport and left the row claimed."""
    transport = BotTransport(cast("Bot", ProxyErrorPage()), ReminderButtons(Catalogue.load()))
    message = Claimed(1, "k", 1, MessageKind.TEXT, "hi", None, None, (), None, 1)

    assert isinstance(await transport.send(message), Transient)
    assert await transport.send(message) == Sent(7)


class ExplodingTelegram(ScriptedTelegram):
    """Raises from its first send, as a transport that breaks its contract would."""

    async def send(self, message: Claimed) -> Outcome:
        outcome = await super().send(message)
        if len(self.sent) == 1:
            raise RuntimeError("unexpected")
        return outcome


async def test_an_error_escaping_the_transport_is_retried_not_left_claimed(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: an exception from the transport left the row claimed, later unknown."""
    await queue(session_factory, ("a", 1), ("b", 1))
    telegram = ExplodingTelegram()

    async with running(session_factory, telegram):
        await until(lambda: len(telegram.sent) == 3)

    assert telegram.keys() == ["a", "a", "b"]
    assert await OutboxQueue(session_factory).states() == {DeliveryState.SENT: 2}


class FlakyOutbox(OutboxQueue):
    """Fails the first settle, as a database that dropped its connection would."""

    failures = 1

    async def settle(self, *args: Any, **kwargs: Any) -> int:
        if self.failures:
            self.failures -= 1
            raise ConnectionResetError("the database went away")
        return await super().settle(*args, **kwargs)


async def test_a_retry_whose_recording_failed_is_recorded_later_and_sent(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: a database error in settle() after a 5xx left the row claimed for good."""
    await queue(session_factory, ("a", 1))
    telegram = ScriptedTelegram({"a": [Transient("Bad Gateway")]})

    async with running(session_factory, telegram, outbox=FlakyOutbox(session_factory)):
        await until(lambda: len(telegram.sent) == 2)

    assert telegram.keys() == ["a", "a"]
    assert await OutboxQueue(session_factory).states() == {DeliveryState.SENT: 1}
