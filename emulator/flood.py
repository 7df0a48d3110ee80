"""Optional flood limits: per chat, per group and global, answered with 429 like Telegram."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FloodViolation:
    """One request refused with 429 by the flood limits."""

    method: str
    chat_id: int | None
    rule: str  # "per_chat" | "per_group" | "global"
    retry_after: int
    at: float


@dataclass
class _Window:
    """At most `limit` events in any `span` seconds."""

    limit: int
    span: float
    times: deque[float] = field(default_factory=deque)

    def wait(self, now: float) -> float:
        while self.times and self.times[0] <= now - self.span:
            self.times.popleft()
        if len(self.times) < self.limit:
            return 0.0
        return self.times[0] + self.span - now

    def add(self, now: float) -> None:
        self.times.append(now)


@dataclass(frozen=True)
class FloodLimits:
    per_chat_per_second: float = 1.0
    per_group_per_minute: int = 20
    global_per_second: int = 30
    burst: int = 3  # messages one chat may send back to back before the per-chat rate applies


class FloodLimiter:
    """Sliding windows; a refused request does not use up a slot."""

    def __init__(self, limits: FloodLimits) -> None:
        self.limits = limits
        self._chats: dict[int, _Window] = {}
        self._groups: dict[int, _Window] = {}
        self._global = _Window(limits.global_per_second, 1.0)

    def check(self, chat_id: int | None, now: float) -> tuple[str, int] | None:
        """The violated rule and retry_after, or None after counting the request."""
        windows: list[tuple[str, _Window]] = [("global", self._global)]
        if chat_id is not None:
            burst = max(self.limits.burst, 1)
            span = burst / self.limits.per_chat_per_second
            windows.append(("per_chat", self._chats.setdefault(chat_id, _Window(burst, span))))
            if chat_id < 0:
                group = _Window(self.limits.per_group_per_minute, 60.0)
                windows.append(("per_group", self._groups.setdefault(chat_id, group)))
        for rule, window in windows:
            wait = window.wait(now)
            if wait > 0:
                return rule, max(1, math.ceil(wait))
        for _, window in windows:
            window.add(now)
        return None
