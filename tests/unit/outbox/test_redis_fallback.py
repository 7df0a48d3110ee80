"""A Redis outage does not silence the bot: the budget keeps the limits in this process."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from domain.outbox.lanes import Lane
from scheduler.delivery.limits import DeliveryLimits, FloodControl
from scheduler.delivery.redis_budget import RedisFloodBudget

NOBODY = "redis://127.0.0.1:1/0"  # nothing listens on port 1


async def test_with_redis_unreachable_messages_take_this_process_s_slots() -> None:
    limits = DeliveryLimits()
    own = FloodControl(limits)
    budget = RedisFloodBudget(Redis.from_url(NOBODY), limits, fallback=own)
    try:
        await budget.acquire(5, Lane.REPLY)
        await asyncio.sleep(limits.global_spacing * 1.5)  # the overall slot is free again
        assert await budget.try_acquire(-100, Lane.TIMELY)
        assert not await budget.try_acquire(-100, Lane.TIMELY)  # the group's spacing, kept here
    finally:
        await budget.close()


async def test_without_a_fallback_the_outage_is_raised() -> None:
    budget = RedisFloodBudget(Redis.from_url(NOBODY), DeliveryLimits())
    try:
        with pytest.raises(RedisConnectionError):
            await budget.acquire(5, Lane.REPLY)
    finally:
        await budget.close()
