"""The sender: drains the outbox into Telegram, once per message, within the flood limits.

How a row moves: `queued` → `claimed` (one transaction, stamped with this run's id) → the
request → `sent` with Telegram's message_id (another transaction, right after the answer). A
429 puts the row back to `queued` in its place and holds the chat (and, for a private chat,
everyone) for `retry_after`; 5xx, network failures and any unexpected error while sending (a
proxy's HTML error page) do the same with exponential backoff, up to a number of attempts,
then `failed`; 403 cancels it, marks the chat inactive and cancels everything queued for it;
any other 4xx is `failed` at once. An outcome that could not be recorded (the database failed)
is recorded again later: the row stays claimed, and in memory, until it is.

Exactly once, and the window that is left. Telegram's sendMessage has no idempotency key,
so no client can make "sent" and "recorded as sent" one atomic step; a crash between the two
leaves an outcome nobody can look up later. We choose at most once for that window: rows
still `claimed` by a run that stopped become `unknown` and are never sent again (an operator
can see them, with the key, in the log and in the table). Why this side: the
issue asks that nothing is ever sent twice, and a kill lands far more often while a request
is on its way or its answer is being read (the round trip) than in the gap before it.
The gap that can lose a message is small and bounded: from the claim's commit to the
request's bytes reaching the socket, with no await on the database or the network in
between, except, when processes share a flood budget (Redis), the booking of the message's
slot: a slot is booked only for a row claimed, since a slot booked for a row that another
sender then claimed would be lost to everyone. Claims are taken one at a time, only when the
message may go out at once, so at most one row is ever in that gap. A network error on the
request itself is retried (the request most often never arrived); that is the one case where
a message could arrive twice.

Rate: messages start one after another from one loop, each as soon as every limit allows
(scheduler/delivery/limits.py), and the answers are awaited concurrently, up to `concurrency` at a
time, so a slow answer does not slow the rate. A chat has at most one message in flight, so
its messages arrive in order (a retry keeps its place). Rows go in priority lanes by their
key (domain/outbox/lanes.py): of the chats free when the overall slot comes, the one whose
next row is in the highest lane goes first, and the lanes of direct replies and card edits
waiting in the shared FloodControl are counted ahead of the sender's. A 429 does not count as
one of a row's attempts: only failures do.

Several senders (one a process, on PostgreSQL; SQLite keeps one): the claim takes a chat's
first unfinished row only, so across senders too a chat has one message in flight, in order;
a refused claim leaves the chat to whoever holds it (its rows are read again later). Each
run beats every `heartbeat_seconds` in `outbox_senders`, and the claims of a run silent for
`dead_after_seconds` (killed, or its machine gone) are the ones abandoned; a run that stops
cleanly retires its heartbeat, so what it left claimed is abandoned at once.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from domain.outbox.activity import InactiveChats
from domain.outbox.lanes import Lane, lane_of
from domain.outbox.model import DeliveryState
from domain.outbox.policy import FloodWait, Outcome, RetryPolicy, Sent, Transient, after_attempt
from scheduler.delivery.limits import DeliveryLimits, FloodBudget, FloodControl

if TYPE_CHECKING:
    from domain.shared.ports import Clock
    from storage.outbox.outbox import Claimed, OutboxQueue, Pending

logger = logging.getLogger(__name__)


class Transport(Protocol):
    async def send(self, message: Claimed) -> Outcome:
        """One attempt to send the message; never raises (but may be cancelled)."""
        ...


@dataclass(frozen=True, slots=True)
class DeliverySettings:
    limits: DeliveryLimits = field(default_factory=DeliveryLimits)
    concurrency: int = 8  # answers awaited at once
    poll_seconds: float = 1.0  # how often the outbox is read for new rows
    batch: int = 500  # rows read at a time
    per_chat: int = 3  # rows of one chat read at a time
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    stop_grace_seconds: float = 5.0
    heartbeat_seconds: float = 5.0  # how often this run says it is alive
    dead_after_seconds: float = 20.0  # a run silent this long died: its claims are abandoned


class Sender:
    """Owns the delivery loop task: `start()` once, `await stop()` once."""

    def __init__(
        self,
        queue: OutboxQueue,
        transport: Transport,
        clock: Clock,
        inactive: InactiveChats,
        *,
        settings: DeliverySettings | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        flood: FloodControl | None = None,
        budget: FloodBudget | None = None,
    ) -> None:
        self._queue = queue
        self._transport = transport
        self._clock = clock
        self._inactive = inactive
        self._settings = settings or DeliverySettings()
        self._monotonic = monotonic
        self.run_id = uuid.uuid4().hex
        # Shared with whatever else sends in this process (a group card's edits), if given.
        # `is None`, not `or`: a FloodControl with no chats yet has len() 0, and is falsy
        self._limits = flood if flood is not None else FloodControl(self._settings.limits)
        # Shared with other processes (Redis), if given: each message waits for it too.
        self._budget = budget
        self._flood_waits: dict[int, int] = {}  # row → 429s it met, which are no attempts
        self._pending: dict[int, deque[Pending]] = {}  # chat → its loaded rows, in order
        self._known: set[int] = set()  # ids loaded and not finished (pending or in flight)
        # per lane: (ready, not_before, id, chat)
        self._heaps: tuple[list[tuple[float, float, int, int]], ...] = tuple([] for _ in Lane)
        self._busy: set[int] = set()  # chats with a message in flight
        self._sends: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(self._settings.concurrency)
        self._wake = asyncio.Event()
        self._stopping = False
        self._next_read = 0.0
        self._read_now = False  # something due was queued: read it even with rows loaded
        self._loop: asyncio.Task[None] | None = None
        self._beats: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._loop is not None:
            raise RuntimeError("the sender is already started")
        self._loop = asyncio.create_task(self._run(), name="outbox-sender")

    def read_soon(self) -> None:
        """Something due now was queued (a rest is over): read the outbox at the next step
        rather than at the next poll, whatever is loaded already."""
        self._read_now = True
        self._next_read = 0.0
        self._wake.set()

    async def stop(self) -> None:
        """Starts nothing more, lets the messages in flight be answered and recorded, returns."""
        self._stopping = True
        self._wake.set()
        if self._loop is not None:
            await self._loop
        if self._sends:
            _, late = await asyncio.wait(self._sends, timeout=self._settings.stop_grace_seconds)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late)
                logger.warning("stopped with %d outbox messages unanswered", len(late))
        if self._beats is not None:
            self._beats.cancel()
            await asyncio.gather(self._beats, return_exceptions=True)
            try:
                await self._queue.retire(self.run_id)
            except Exception:  # its heartbeat then runs out instead
                logger.exception("could not retire outbox sender run %s", self.run_id)

    async def _run(self) -> None:
        while not self._stopping:
            try:
                if self._beats is None:
                    await self._beat()  # registered before its first claim
                    self._beats = asyncio.create_task(self._keep_beating(), name="outbox-beats")
                await self._step()
            except Exception:
                logger.exception("the outbox sender failed a step; trying again in a second")
                await self._sleep(1.0)

    async def _keep_beating(self) -> None:
        """Beats on its own task: a loop waiting for a free slot is still alive."""
        while True:
            await asyncio.sleep(self._settings.heartbeat_seconds)
            try:
                await self._beat()
            except Exception:
                logger.exception("the outbox sender's heartbeat failed; trying again")

    async def _beat(self) -> None:
        """Says this run is alive, and settles what dead runs left claimed: its outcome is
        unknown, so it stays unsent."""
        now = self._clock.now()
        await self._queue.heartbeat(self.run_id, now)
        dead_after = timedelta(seconds=self._settings.dead_after_seconds)
        abandoned = await self._queue.abandon_claims(self.run_id, now, dead_after)
        if abandoned:
            logger.warning(
                "%d outbox messages were claimed by a run that stopped before recording the"
                " outcome; marked unknown, not sent again: %s",
                len(abandoned),
                ", ".join(abandoned[:20]),
            )

    async def _step(self) -> None:
        now = self._monotonic()
        if now >= self._next_read:
            self._next_read = now + self._settings.poll_seconds
            if self._read_now or self._worth_reading(now):
                self._read_now = False
                await self._read_due()
        nxt = self._next_chat()
        if nxt is None:
            await self._sleep(self._next_read - self._monotonic())
            return
        chat_id, ready = nxt
        now = self._monotonic()
        if ready > now:
            await self._sleep(min(ready, self._next_read) - now)
            return
        await self._start_next(chat_id)

    def _worth_reading(self, now: float) -> bool:
        """Whether new rows could go before those loaded: they come in order, oldest first.

        Reading every row's schedule costs the loop time that would delay sends, so while
        enough loaded rows can go at the overall rate, newer ones wait their turn unread.
        """
        if len(self._known) < self._settings.batch // 2:
            return True
        nxt = self._next_chat()
        return nxt is None or nxt[1] > now + self._settings.limits.global_spacing

    async def _read_due(self) -> None:
        settings = self._settings
        rows = await self._queue.due(self._clock.now(), settings.batch, settings.per_chat)
        for row in rows:
            if row.id in self._known:
                continue
            self._known.add(row.id)
            rows_of_chat = self._pending.setdefault(row.chat_id, deque())
            rows_of_chat.append(row)
            if len(rows_of_chat) > 1 and _order(rows_of_chat[-2]) > _order(row):
                self._pending[row.chat_id] = deque(sorted(rows_of_chat, key=_order))
            self._schedule(row.chat_id)
        self._limits.forget_idle(self._monotonic())

    def _schedule(self, chat_id: int) -> None:
        rows = self._pending.get(chat_id)
        if not rows or chat_id in self._busy:
            return
        head = rows[0]
        lane = _lane(head)
        ready = max(0.0, self._limits.chat_ready_at(chat_id, lane))
        heapq.heappush(self._heaps[lane], (ready, head.not_before.timestamp(), head.id, chat_id))

    def _next_chat(self) -> tuple[int, float] | None:
        """The chat whose head row may go first, and when (the overall limit included): the
        earliest, and of those ready at once the one in the highest lane."""
        best: tuple[int, float] | None = None
        for lane in Lane:
            head = self._head(lane)
            if head is None:
                continue
            chat_id, chat_ready = head
            ready = max(chat_ready, self._limits.global_ready_at(lane))
            if best is None or ready < best[1]:
                best = chat_id, ready
        return best

    def _head(self, lane: Lane) -> tuple[int, float] | None:
        """The lane's chat that is free first, and when (the overall limit not included)."""
        heap = self._heaps[lane]
        while heap:
            ready, order, row_id, chat_id = heap[0]
            rows = self._pending.get(chat_id)
            if chat_id in self._busy or not rows or rows[0].id != row_id:
                heapq.heappop(heap)  # stale: sent, cancelled, or re-pushed since
                continue
            actual = max(0.0, self._limits.chat_ready_at(chat_id, lane))
            if actual > ready:
                heapq.heapreplace(heap, (actual, order, row_id, chat_id))
                continue
            return chat_id, actual
        return None

    async def _start_next(self, chat_id: int) -> None:
        rows = self._pending[chat_id]
        row = rows.popleft()
        if not rows:
            del self._pending[chat_id]
        if chat_id in self._inactive:
            await self._queue.cancel(row.id, "the chat blocked the bot or removed it")
            self._known.discard(row.id)
            self._schedule(chat_id)
            return
        await self._slots.acquire()
        try:
            claimed = await self._queue.claim(row.id, self.run_id, self._clock.now())
        except BaseException:
            self._slots.release()
            self._put_back(row)
            raise
        if claimed is None:  # cancelled or expired meanwhile, or another sender has the chat
            self._slots.release()
            self._known.discard(row.id)
            for dropped in self._pending.pop(chat_id, ()):  # read again when it is free
                self._known.discard(dropped.id)
            return
        if self._budget is not None:
            await self._book(self._budget, row)
        # From here to the request leaving, nothing may await: with the booking above, this is
        # the gap in which a crash loses the message (see the module docstring).
        self._limits.take(chat_id, self._monotonic())
        self._busy.add(chat_id)
        task = asyncio.create_task(self._deliver(row, claimed), name=f"outbox-{row.id}")
        self._sends.add(task)
        task.add_done_callback(self._sends.discard)
        await asyncio.sleep(0)  # lets the request start now, before the next step

    async def _book(self, budget: FloodBudget, row: Pending) -> None:
        """Waits for the claimed row's slot in the budget other processes share; if that
        fails, gives the claim back untried."""
        try:
            await budget.acquire(row.chat_id, _lane(row))
        except BaseException:
            self._slots.release()
            self._put_back(row)
            await asyncio.shield(self._queue.release(row.id, self.run_id))
            raise

    async def _deliver(self, row: Pending, claimed: Claimed) -> None:
        chat_id = row.chat_id
        finished = True
        try:
            try:
                outcome = await self._transport.send(claimed)
            except Exception as error:  # a transport that broke its contract: worth a retry
                logger.exception("sending outbox %s failed unexpectedly", claimed.key)
                outcome = Transient(f"{type(error).__name__}: {error}")
            finished = await self._record(row, claimed, outcome)
        finally:
            if finished:
                self._known.discard(row.id)
                self._flood_waits.pop(row.id, None)
            else:
                self._put_back(row)
            self._busy.discard(chat_id)
            self._slots.release()
            self._schedule(chat_id)
            self._wake.set()

    async def _record(self, row: Pending, claimed: Claimed, outcome: Outcome) -> bool:
        """Records the attempt, trying again while the database fails; False to send again.

        The row stays claimed until its outcome is recorded, and its chat stays busy, so a
        failed write neither strands the row nor lets the chat's later messages overtake it.
        """
        backoff = self._settings.retry.first_backoff.total_seconds()
        while True:
            try:
                if isinstance(outcome, Sent):
                    await self._queue.mark_sent(
                        row.id, self.run_id, outcome.message_id, self._clock.now()
                    )
                    logger.debug("outbox %s delivered to chat %d", claimed.key, row.chat_id)
                    return True
                return await self._settle(row, claimed, outcome)
            except Exception:
                logger.exception(
                    "recording the delivery of outbox %s failed; trying again in %.0f s",
                    claimed.key,
                    backoff,
                )
            await asyncio.sleep(backoff)
            backoff = min(2 * backoff, self._settings.retry.max_backoff.total_seconds())

    async def _settle(self, row: Pending, claimed: Claimed, outcome: Outcome) -> bool:
        """Records an attempt that did not deliver; False if the row is to be tried again."""
        chat_id = row.chat_id
        attempts = claimed.attempts - self._flood_waits.get(row.id, 0)
        decision = after_attempt(outcome, attempts, chat_id, self._settings.retry)
        if isinstance(outcome, FloodWait):
            self._flood_waits[row.id] = self._flood_waits.get(row.id, 0) + 1
        cancelled = await self._queue.settle(
            row.id, self.run_id, chat_id, decision, self._clock.now()
        )
        if decision.deactivate_chat:
            self._inactive.add(chat_id)
            for dropped in self._pending.pop(chat_id, ()):
                self._known.discard(dropped.id)
            logger.info(
                "chat %d is inactive (%s); cancelled %d queued messages",
                chat_id,
                decision.error,
                cancelled + 1,
            )
            return True
        if decision.state is not DeliveryState.QUEUED:
            logger.warning(
                "outbox %s to chat %d %s: %s", claimed.key, chat_id, decision.state, decision.error
            )
            return True
        until = self._monotonic() + decision.retry_in.total_seconds()
        self._limits.pause_chat(chat_id, until)
        if decision.pause_everyone:
            self._limits.pause_all(until)
        logger.warning(
            "outbox %s to chat %d: %s; retrying in %.1f s%s",
            claimed.key,
            chat_id,
            decision.error,
            decision.retry_in.total_seconds(),
            " (all chats wait)" if decision.pause_everyone else "",
        )
        return False

    def _put_back(self, row: Pending) -> None:
        self._pending.setdefault(row.chat_id, deque()).appendleft(row)

    async def _sleep(self, seconds: float) -> None:
        """Waits that long, or until a send finishes or stop() is called."""
        if seconds > 0 and not self._wake.is_set():
            try:
                async with asyncio.timeout(seconds):
                    await self._wake.wait()
            except TimeoutError:
                pass
        self._wake.clear()


def _order(row: Pending) -> tuple[float, int]:
    return row.not_before.timestamp(), row.id


def _lane(row: Pending) -> Lane:
    return lane_of(row.key)
