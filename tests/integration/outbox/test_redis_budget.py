"""The flood budget several processes share in Redis (#14): two budgets on one Redis never
book more than the limits allow in any window, and bulk never books ahead of anyone."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from itertools import pairwise

import pytest
from redis.asyncio import Redis

from domain.outbox.lanes import Lane
from emulator.flood import FloodLimiter, FloodLimits
from scheduler.delivery.limits import DeliveryLimits
from scheduler.delivery.redis_budget import RedisFloodBudget
from tests.services import REDIS_HOST, REDIS_PORT, require_redis

LIMITS = DeliveryLimits(global_per_second=50, per_chat_per_second=10, group_per_minute=600)


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    require_redis()
    client = Redis(host=REDIS_HOST, port=REDIS_PORT, db=14)  # keys of a test's own prefix
    yield client
    await client.aclose()


def budgets(redis: Redis, count: int, limits: DeliveryLimits = LIMITS) -> list[RedisFloodBudget]:
    """`count` budgets sharing one prefix, as `count` processes would."""
    prefix = f"test-flood-{uuid.uuid4().hex}"
    return [RedisFloodBudget(redis, limits, prefix=prefix) for _ in range(count)]


def too_many(times: list[float], limit: int, span: float) -> list[float]:
    """The times at which a window of `span` seconds ending there holds more than `limit`."""
    ordered = sorted(times)
    return [
        t for i, t in enumerate(ordered) if sum(1 for u in ordered[: i + 1] if u > t - span) > limit
    ]


async def test_two_budgets_booking_at_once_share_one_overall_spacing(redis: Redis) -> None:
    first, second = budgets(redis, 2)

    async def book(budget: RedisFloodBudget, chat: int) -> float:
        return (await budget.book(chat, 60.0)).slot

    slots = await asyncio.gather(
        *(book(budget, n) for n in range(1, 61) for budget in (first, second))
    )

    gaps = [later - earlier for earlier, later in pairwise(sorted(slots))]
    assert min(gaps) >= LIMITS.global_spacing - 1e-5
    assert too_many(slots, 50, 1.0) == []


async def test_a_chat_gets_its_own_spacing_across_budgets(redis: Redis) -> None:
    first, second = budgets(redis, 2)

    slots = [(await budget.book(-7, 60.0)).slot for budget in (first, second, first, second)]

    gaps = [b - a for a, b in pairwise(slots)]
    assert gaps == pytest.approx([LIMITS.group_spacing] * 3, abs=1e-6)


async def test_two_processes_acquiring_never_exceed_the_rate_in_any_window(redis: Redis) -> None:
    """Real time: 2 x 40 messages at 50 a second, as they would leave (after each sleep)."""
    budgets_ = budgets(redis, 2)
    sent: list[float] = []

    async def send(budget: RedisFloodBudget, chat: int, lane: Lane) -> None:
        await budget.acquire(chat, lane)
        sent.append(time.monotonic())

    lanes = (Lane.REPLY, Lane.TIMELY)
    await asyncio.gather(
        *(send(b, n, lanes[i]) for n in range(1, 41) for i, b in enumerate(budgets_))
    )

    telegram = FloodLimiter(FloodLimits(global_per_second=50))
    assert [t for t in sorted(sent) if telegram.check(None, t) is not None] == []
    assert sorted(sent)[-1] - sorted(sent)[0] >= 79 * LIMITS.global_spacing - 0.05


async def test_bulk_never_books_a_slot_ahead_of_anyone(redis: Redis) -> None:
    replies, bulk = budgets(redis, 2)
    for chat in range(1, 6):  # five replies booked: the next overall slot is 0.1 s away
        assert (await replies.book(chat, 60.0)).booked

    assert not (await bulk.book(9, 0.0)).booked
    assert not await bulk.try_acquire(9, Lane.BULK)
    started = time.monotonic()
    await bulk.acquire(9, Lane.BULK)  # asks again until the booked slots have passed
    assert time.monotonic() - started >= 4 * LIMITS.global_spacing - 0.01
