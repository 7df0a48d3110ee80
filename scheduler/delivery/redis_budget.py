"""The bot's one flood budget shared by several processes, in Redis.

One Lua script books the next slot atomically against the overall key and the chat's key,
on Redis's clock (so the processes' clocks need not agree): the slot is the later of now and
each key's next free time, and both keys move one spacing past it. The caller sleeps until its
slot and sends. Spacings are those of the in-process FloodControl (scheduler/delivery/limits.py).

Lanes, approximated: a slot is booked only if it is at most the lane's horizon away (replies a
minute, timely messages half a second, bulk only a slot free now); a request further out books
nothing and asks again when its slot would be within the horizon. So bulk never books a slot
ahead of anyone, and a reply waits behind at most half a second of booked timely slots; unlike
the in-process line, a reply cannot overtake a slot another process has already booked.
A 429 that one process meets is not told to the others (their next slots are not pushed).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from redis.exceptions import RedisError

from domain.outbox.lanes import Lane

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from scheduler.delivery.limits import DeliveryLimits, FloodBudget

HORIZONS: Mapping[Lane, float] = MappingProxyType(
    {Lane.REPLY: 60.0, Lane.TIMELY: 0.5, Lane.BULK: 0.0}
)
MIN_POLL = 0.005  # seconds between two asks of a request whose slot is not within reach
RETRY = 10  # seconds on this process's own budget after Redis failed, before asking it again

logger = logging.getLogger(__name__)

# KEYS: the overall key, then the chat's (if any). ARGV: the overall spacing, the chat's, the
# horizon (seconds). Returns {booked 0|1, wait, slot} with wait and slot as strings (seconds).
_BOOK = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local spacing = {tonumber(ARGV[1]), tonumber(ARGV[2])}
local at = now
for i = 1, #KEYS do
    local free = tonumber(redis.call('GET', KEYS[i]) or '0')
    if free > at then at = free end
end
local wait = at - now
if wait > tonumber(ARGV[3]) then
    return {0, string.format('%.6f', wait), string.format('%.6f', at)}
end
for i = 1, #KEYS do
    local free = at + spacing[i]
    local ttl = math.ceil((free - now) * 1000) + 1000
    redis.call('SET', KEYS[i], string.format('%.6f', free), 'PX', ttl)
end
return {1, string.format('%.6f', wait), string.format('%.6f', at)}
"""


@dataclass(frozen=True, slots=True)
class Booking:
    booked: bool
    wait: float  # seconds from now (Redis's clock) to the slot
    slot: float  # the slot, on Redis's clock (Unix seconds)


class RedisFloodBudget:
    """The FloodBudget protocol over Redis: `acquire` books a slot and sleeps until it."""

    def __init__(
        self,
        redis: Redis,
        limits: DeliveryLimits,
        *,
        prefix: str = "spotter:flood",
        horizons: Mapping[Lane, float] = HORIZONS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        concurrency: int = 16,
        fallback: FloodBudget | None = None,
    ) -> None:
        self._redis = redis
        self._limits = limits
        # one hash tag: both keys of a booking live in one slot of a Redis Cluster
        self._prefix = "{" + prefix + "}"
        self._horizons = horizons
        self._sleep = sleep
        self._book = redis.register_script(_BOOK)
        # bookings in flight at once: a burst of taps must not drain the connection pool
        self._calls = asyncio.Semaphore(concurrency)
        self._fallback = fallback  # this process's own budget, while Redis is unreachable
        self._down_until = 0.0

    async def close(self) -> None:
        await self._redis.aclose()

    async def book(self, chat_id: int | None, horizon: float) -> Booking:
        """Books the next slot for a message to the chat if it is within `horizon` seconds."""
        keys = [f"{self._prefix}:all"]
        spacings = [self._limits.global_spacing, 0.0]
        if chat_id is not None:
            keys.append(f"{self._prefix}:chat:{chat_id}")
            spacings[1] = self._chat_spacing(chat_id)
        async with self._calls:
            reply = await self._book(keys=keys, args=[*spacings, horizon])
        booked, wait, slot = cast("list[bytes | int]", reply)
        return Booking(bool(booked), float(wait), float(slot))

    async def acquire(self, chat_id: int | None, lane: Lane) -> None:
        if self._fallback is not None and self._down_until > time.monotonic():
            await self._fallback.acquire(chat_id, lane)
            return
        try:
            await self._acquire(chat_id, lane)
        except (RedisError, OSError):
            if self._fallback is None:
                raise
            self._fell_back()
            await self._fallback.acquire(chat_id, lane)

    async def try_acquire(self, chat_id: int | None, lane: Lane) -> bool:
        if self._fallback is not None and self._down_until > time.monotonic():
            return await self._fallback.try_acquire(chat_id, lane)
        try:
            return (await self.book(chat_id, 0.0)).booked
        except (RedisError, OSError):
            if self._fallback is None:
                raise
            self._fell_back()
            return await self._fallback.try_acquire(chat_id, lane)

    def _fell_back(self) -> None:
        """Redis is unreachable: this process keeps the limits alone for a while, rather than
        send nothing (every reply would fail, and so would the apology)."""
        if self._down_until <= time.monotonic():
            logger.warning("Redis unreachable: flood limits kept in this process for %d s", RETRY)
        self._down_until = time.monotonic() + RETRY

    async def _acquire(self, chat_id: int | None, lane: Lane) -> None:
        horizon = self._horizons[lane]
        while True:
            booking = await self.book(chat_id, horizon)
            if booking.booked:
                if booking.wait > 0:
                    await self._sleep(booking.wait)
                return
            await self._sleep(max(MIN_POLL, booking.wait - horizon))

    def _chat_spacing(self, chat_id: int) -> float:
        # A group's per-minute budget is the tighter of its two limits.
        if chat_id < 0:
            return max(self._limits.chat_spacing, self._limits.group_spacing)
        return self._limits.chat_spacing
