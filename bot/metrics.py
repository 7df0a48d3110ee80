"""Prometheus metrics in the text exposition format (0.0.4): a few counters, one histogram and
gauges read at scrape time; written here rather than adding prometheus_client to the locks.

One `Metrics` is built in the composition root and handed to whoever counts (the webhook
server, the Bot sessions' request middleware, and the flood limiter through `limiter_waited`).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramRetryAfter
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.outbox.model import DeliveryState
from storage.outbox.tables import OutboxRow

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
    from aiogram.methods import Response, TelegramMethod
    from aiogram.methods.base import TelegramType

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UPDATE_OUTCOMES = ("handled", "unhandled", "failed")

Labels = tuple[tuple[str, str], ...]


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == int(value) and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _sample(name: str, labels: Labels, value: float) -> str:
    if not labels:
        return f"{name} {_number(value)}"
    inside = ",".join(f'{key}="{_escape(text)}"' for key, text in labels)
    return f"{name}{{{inside}}} {_number(value)}"


class Counter:
    """A value that only goes up, per combination of label values."""

    kind = "counter"

    def __init__(self, name: str, help_text: str, label_names: tuple[str, ...] = ()) -> None:
        self.name, self.help_text, self.label_names = name, help_text, label_names
        self._values: dict[Labels, float] = {} if label_names else {(): 0.0}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = self._key(labels)
        self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(self._key(labels), 0.0)

    def _key(self, labels: dict[str, str]) -> Labels:
        if set(labels) != set(self.label_names):
            raise ValueError(f"{self.name} takes the labels {self.label_names}")
        return tuple((name, labels[name]) for name in self.label_names)

    def samples(self) -> Iterator[str]:
        for labels, value in sorted(self._values.items()):
            yield _sample(self.name, labels, value)


class Gauge:
    """A value that is set, here at scrape time."""

    kind = "gauge"

    def __init__(self, name: str, help_text: str) -> None:
        self.name, self.help_text = name, help_text
        self.current = 0.0

    def set(self, value: float) -> None:
        self.current = value

    def samples(self) -> Iterator[str]:
        yield _sample(self.name, (), self.current)


class Histogram:
    """Observations counted into cumulative buckets, with their sum and count."""

    kind = "histogram"

    def __init__(self, name: str, help_text: str, buckets: tuple[float, ...]) -> None:
        self.name, self.help_text = name, help_text
        self.bounds = tuple(sorted(buckets))
        self._counts = [0] * (len(self.bounds) + 1)  # the last one is +Inf
        self.total = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        # Prometheus buckets are "less than or equal to" their bound.
        self._counts[bisect_left(self.bounds, value)] += 1
        self.total += value
        self.count += 1

    def samples(self) -> Iterator[str]:
        running = 0
        for bound, count in zip((*self.bounds, math.inf), self._counts, strict=True):
            running += count
            yield _sample(f"{self.name}_bucket", (("le", _number(bound)),), running)
        yield _sample(f"{self.name}_sum", (), self.total)
        yield _sample(f"{self.name}_count", (), self.count)


Metric = Counter | Gauge | Histogram


def render(metrics: Iterable[Metric]) -> str:
    lines: list[str] = []
    for metric in metrics:
        lines.append(f"# HELP {metric.name} {_escape(metric.help_text)}")
        lines.append(f"# TYPE {metric.name} {metric.kind}")
        lines.extend(metric.samples())
    return "\n".join(lines) + "\n"


class Metrics:
    """Spotter's metrics. Updates are counted where they arrive over the webhook; 429s in the
    Bot sessions; limiter waits by whatever limiter calls `limiter_waited`."""

    def __init__(self) -> None:
        self.updates = Counter(
            "spotter_updates_total",
            "Updates received over the webhook, by outcome (handled, unhandled: no handler "
            "matched, failed: answered 500 so Telegram delivers it again).",
            ("outcome",),
        )
        for outcome in UPDATE_OUTCOMES:
            self.updates.inc(0, outcome=outcome)
        self.rejected = Counter(
            "spotter_webhook_rejected_total",
            "Webhook requests refused with 401 for a missing or wrong secret token.",
        )
        self.update_seconds = Histogram(
            "spotter_update_seconds",
            "Time from a webhook request's arrival to its answer (the update fully handled).",
            LATENCY_BUCKETS,
        )
        self.retry_after = Counter(
            "spotter_telegram_429_total", "429 Too Many Requests answers from the Bot API."
        )
        self.limiter_waits = Counter(
            "spotter_limiter_waits_total", "Times a send waited for the flood limiter."
        )
        self.limiter_wait_seconds = Counter(
            "spotter_limiter_wait_seconds_total", "Seconds sends spent waiting for the limiter."
        )
        self.outbox_due = Gauge(
            "spotter_outbox_due_messages",
            "Outbox messages due now and not yet sent (queued or claimed), at scrape time.",
        )
        self.outbox_oldest = Gauge(
            "spotter_outbox_oldest_due_age_seconds",
            "How long the longest-waiting due outbox message has been due, at scrape time.",
        )

    def limiter_waited(self, seconds: float) -> None:
        """For a flood limiter: one send waited this long for room."""
        self.limiter_waits.inc()
        self.limiter_wait_seconds.inc(max(0.0, seconds))

    def render(self) -> str:
        return render(
            (
                self.updates,
                self.rejected,
                self.update_seconds,
                self.retry_after,
                self.limiter_waits,
                self.limiter_wait_seconds,
                self.outbox_due,
                self.outbox_oldest,
            )
        )


class CountRetryAfter(BaseRequestMiddleware):
    """Counts the Bot API's 429 answers (innermost, so each retried one counts too)."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await make_request(bot, method)
        except TelegramRetryAfter:
            self._metrics.retry_after.inc()
            raise


@dataclass(frozen=True)
class OutboxBacklog:
    due: int
    oldest_age_seconds: float


_WAITING = (DeliveryState.QUEUED, DeliveryState.CLAIMED)


async def outbox_backlog(
    session_factory: async_sessionmaker[AsyncSession], now: datetime
) -> OutboxBacklog:
    """What the outbox has due and unsent, read at scrape time. One query, on the state index;
    it belongs beside OutboxQueue (storage/outbox) and moves there when that file is free."""
    query = select(func.count(), func.min(OutboxRow.not_before)).where(
        OutboxRow.state.in_(_WAITING), OutboxRow.not_before <= now
    )
    async with session_factory() as session:
        due, oldest = (await session.execute(query)).one()
    age = 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())
    return OutboxBacklog(int(due), age)
