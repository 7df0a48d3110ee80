"""Telegram's flood limits as spacings between messages: per chat, per group and overall.

The spacing is driven by the times it is given (seconds, monotonic), so tests drive it with
numbers. Each limit is kept as an even spacing (a token bucket holding one token)
rather than a burst allowance: Telegram counts messages in sliding windows, and evenly spaced
messages stay under a window's count even when the network shifts a few of them by some
milliseconds. `headroom` leaves that fraction of each limit unused for the same reason.

Everything that sends shares one FloodControl, in priority lanes (domain/outbox/lanes.py):
direct replies and card edits `acquire` a slot and wait in line for it, and what waits in a
higher lane is counted into the `ready_at` that the outbox sender and the board job read, so a
lower lane never takes a slot a higher lane is waiting for. Within a lane the sender and the
line are not ordered: whoever asks first when a slot comes gets it (so a WOD post due before a
run of card edits is not held back by every edit queued after it). Several processes share a
budget in Redis instead (scheduler/delivery/redis_budget.py), behind the same `FloodBudget`.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from domain.outbox.lanes import Lane

NEVER = -math.inf


class FloodBudget(Protocol):
    """The bot's one flood budget, in this process or shared by several in Redis.

    `chat_id` None is a message that counts overall only (an inline message's edit).
    """

    async def acquire(self, chat_id: int | None, lane: Lane) -> None:
        """Waits until a message to the chat may go in its lane, and counts it as sent now."""
        ...

    async def try_acquire(self, chat_id: int | None, lane: Lane) -> bool:
        """Counts a message if it may go now in its lane; False, counting nothing, if not."""
        ...


@dataclass(frozen=True, slots=True)
class DeliveryLimits:
    global_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    group_per_minute: float = 20.0
    headroom: float = 0.03  # the fraction of each limit left unused

    def __post_init__(self) -> None:
        rates = (self.global_per_second, self.per_chat_per_second, self.group_per_minute)
        if min(rates) <= 0:
            raise ValueError("flood limits must be positive")
        if not 0 <= self.headroom < 1:
            raise ValueError("headroom is a fraction in [0, 1)")

    def _spacing(self, per_second: float) -> float:
        return 1.0 / (per_second * (1.0 - self.headroom))

    @property
    def global_spacing(self) -> float:
        return self._spacing(self.global_per_second)

    @property
    def chat_spacing(self) -> float:
        return self._spacing(self.per_chat_per_second)

    @property
    def group_spacing(self) -> float:
        return self._spacing(self.group_per_minute / 60.0)


class Spacing:
    """At most one event per `interval` seconds; a pause pushes the next one later.

    Events that come a little late (at most `tolerance` after they were allowed) keep to the
    grid: the next one is allowed `interval` after the slot, not after the late event, so the
    time it takes to get an event out is not lost from the rate. Any window of length W still
    holds at most (W + tolerance) / interval + 1 events.
    """

    __slots__ = ("_next", "interval", "tolerance")

    def __init__(self, interval: float, tolerance: float = 0.0) -> None:
        self.interval = interval
        self.tolerance = tolerance
        self._next = NEVER

    @property
    def ready_at(self) -> float:
        """The earliest time the next event may happen."""
        return self._next

    def take(self, now: float) -> None:
        if 0 < now - self._next <= self.tolerance:
            self._next += self.interval
        else:
            self._next = max(now, self._next) + self.interval

    def pause_until(self, until: float) -> None:
        self._next = max(self._next, until)


@dataclass(eq=False, slots=True)
class _Waiter:
    chat_id: int | None
    lane: Lane
    granted: asyncio.Future[None] = field(repr=False)


class FloodControl:
    """When the next message to a chat may go, given every limit and who waits in a higher
    lane; what sending one uses up; and a line of waiters served in lane order."""

    def __init__(
        self, limits: DeliveryLimits, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits
        self._monotonic = monotonic
        # Per chat, no tolerance: a chat's window (3 messages in 3 s) has no room for it.
        self._global = Spacing(limits.global_spacing, tolerance=limits.global_spacing / 4)
        self._chats: dict[int, Spacing] = {}
        self._waiters: list[_Waiter] = []  # lane order; first come first within a lane
        self._timer: asyncio.TimerHandle | None = None

    def chat_ready_at(self, chat_id: int | None, lane: Lane = Lane.BULK) -> float:
        """When this chat may get its next message in `lane`, ignoring the overall limit:
        after the chat's own spacing and after everyone waiting for it in a higher lane."""
        return self._chat_ready_behind(chat_id, lambda w: w.lane < lane)

    def global_ready_at(self, lane: Lane = Lane.BULK) -> float:
        """When the next message in `lane` may go overall: after the overall spacing and after
        the waiters in a higher lane whose chat is free by then."""
        return self._global_ready_behind(lambda w: w.lane < lane)

    def ready_at(self, chat_id: int | None, lane: Lane = Lane.BULK) -> float:
        """When a message in `lane` may go (waiters of its own lane are not counted)."""
        return max(self.chat_ready_at(chat_id, lane), self.global_ready_at(lane))

    def take(self, chat_id: int | None, now: float) -> None:
        """Records a message to the chat sent at `now`."""
        self._global.take(now)
        if chat_id is not None:
            self._chat(chat_id).take(now)

    async def acquire(self, chat_id: int | None, lane: Lane) -> None:
        now = self._monotonic()
        ahead: Callable[[_Waiter], bool] = lambda w: w.lane <= lane  # noqa: E731 - first come
        ready = max(self._chat_ready_behind(chat_id, ahead), self._global_ready_behind(ahead))
        if ready <= now:
            self.take(chat_id, now)
            return
        waiter = _Waiter(chat_id, lane, asyncio.get_running_loop().create_future())
        behind = next((i for i, w in enumerate(self._waiters) if w.lane > lane), None)
        self._waiters.insert(len(self._waiters) if behind is None else behind, waiter)
        self._arm()
        try:
            await waiter.granted
        finally:
            if not waiter.granted.done() or waiter.granted.cancelled():
                waiter.granted.cancel()
                self._waiters.remove(waiter)
                self._arm()

    async def try_acquire(self, chat_id: int | None, lane: Lane) -> bool:
        now = self._monotonic()
        if self.ready_at(chat_id, lane) > now:
            return False
        self.take(chat_id, now)
        return True

    def waiting(self) -> int:
        """How many acquire() calls wait for a slot."""
        return len(self._waiters)

    def serve(self, now: float) -> int:
        """Grants the waiters whose slot has come, in lane order; how many it granted.

        A waiter whose chat is not free yet lets the next one in line have the overall slot:
        it was not waiting for that slot, and an unused slot helps nobody.
        """
        granted = 0
        for waiter in list(self._waiters):
            if self._global.ready_at > now:
                break
            if self._chat_ready(waiter.chat_id) <= now:
                self._waiters.remove(waiter)
                self.take(waiter.chat_id, now)
                waiter.granted.set_result(None)
                granted += 1
        return granted

    def pause_chat(self, chat_id: int, until: float) -> None:
        self._chat(chat_id).pause_until(until)

    def pause_all(self, until: float) -> None:
        self._global.pause_until(until)

    def forget_idle(self, now: float) -> None:
        """Drops chats free to send again: their state says nothing the default does not."""
        self._chats = {chat: s for chat, s in self._chats.items() if s.ready_at > now}

    def __len__(self) -> int:
        return len(self._chats)

    def _arm(self) -> None:
        """Wakes `serve` when the first waiter's slot may have come (a sender taking a slot
        meanwhile only makes it find nothing yet and wait again)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._waiters:
            return
        due = max(self._global.ready_at, min(self._chat_ready(w.chat_id) for w in self._waiters))
        delay = max(0.0, due - self._monotonic())
        self._timer = asyncio.get_running_loop().call_later(delay, self._wake)

    def _wake(self) -> None:
        self._timer = None
        self.serve(self._monotonic())
        self._arm()

    def _chat_ready_behind(self, chat_id: int | None, ahead: Callable[[_Waiter], bool]) -> float:
        ready = self._chat_ready(chat_id)
        queued = sum(1 for w in self._waiters if w.chat_id == chat_id and ahead(w))
        if queued and chat_id is not None:
            ready = max(ready, self._monotonic()) + queued * self._chat(chat_id).interval
        return ready

    def _global_ready_behind(self, ahead: Callable[[_Waiter], bool]) -> float:
        ready = self._global.ready_at
        if not self._waiters:
            return ready
        ready = max(ready, self._monotonic())
        queued = sum(1 for w in self._waiters if ahead(w) and self._chat_ready(w.chat_id) <= ready)
        return ready + queued * self._global.interval

    def _chat_ready(self, chat_id: int | None) -> float:
        spacing = None if chat_id is None else self._chats.get(chat_id)
        return NEVER if spacing is None else spacing.ready_at

    def _chat(self, chat_id: int) -> Spacing:
        spacing = self._chats.get(chat_id)
        if spacing is None:
            # A group's per-minute budget is the tighter of its two limits.
            interval = self.limits.chat_spacing
            if chat_id < 0:
                interval = max(interval, self.limits.group_spacing)
            spacing = self._chats[chat_id] = Spacing(interval)
        return spacing
