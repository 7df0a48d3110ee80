"""Telegram's flood limits as spacings between messages: per chat, per group and overall.

Pure and clock-free: every method takes the current time (seconds, monotonic), so tests drive
it with numbers. Each limit is kept as an even spacing (a token bucket holding one token)
rather than a burst allowance: Telegram counts messages in sliding windows, and evenly spaced
messages stay under a window's count even when the network shifts a few of them by some
milliseconds. `headroom` leaves that fraction of each limit unused for the same reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

NEVER = -math.inf


@dataclass(frozen=True, slots=True)
class DeliveryLimits:
    global_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    group_per_minute: float = 20.0
    headroom: float = 0.05  # the fraction of each limit left unused

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


class FloodControl:
    """When the next message to a chat may go, given every limit; and what sending one uses up."""

    def __init__(self, limits: DeliveryLimits) -> None:
        self.limits = limits
        # Per chat, no tolerance: a chat's window (3 messages in 3 s) has no room for it.
        self._global = Spacing(limits.global_spacing, tolerance=limits.global_spacing / 4)
        self._chats: dict[int, Spacing] = {}

    def chat_ready_at(self, chat_id: int) -> float:
        """When this chat may get its next message, ignoring the overall limit."""
        spacing = self._chats.get(chat_id)
        return NEVER if spacing is None else spacing.ready_at

    def global_ready_at(self) -> float:
        return self._global.ready_at

    def ready_at(self, chat_id: int) -> float:
        return max(self.chat_ready_at(chat_id), self.global_ready_at())

    def take(self, chat_id: int, now: float) -> None:
        """Records a message to the chat sent at `now`."""
        self._global.take(now)
        self._chat(chat_id).take(now)

    def pause_chat(self, chat_id: int, until: float) -> None:
        self._chat(chat_id).pause_until(until)

    def pause_all(self, until: float) -> None:
        self._global.pause_until(until)

    def forget_idle(self, now: float) -> None:
        """Drops chats free to send again: their state says nothing the default does not."""
        self._chats = {chat: s for chat, s in self._chats.items() if s.ready_at > now}

    def __len__(self) -> int:
        return len(self._chats)

    def _chat(self, chat_id: int) -> Spacing:
        spacing = self._chats.get(chat_id)
        if spacing is None:
            # A group's per-minute budget is the tighter of its two limits.
            interval = self.limits.chat_spacing
            if chat_id < 0:
                interval = max(interval, self.limits.group_spacing)
            spacing = self._chats[chat_id] = Spacing(interval)
        return spacing
