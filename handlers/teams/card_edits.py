"""Group cards edited in place, at a pace a group allows: Telegram lets a group receive 20
messages a minute, edits included, and one chat about one a second after a short burst. Ten
people tapping one class card in a second must not become ten edits: the edits of a group's
messages wait their turn, and an edit still waiting is replaced by a newer one of the same
message."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.types import InlineKeyboardMarkup

from domain.outbox.lanes import Lane
from handlers.common.flood import paced

logger = logging.getLogger(__name__)

# Of a group's 20 messages a minute, as a pace (one edit every 5 s), not an allowance a run of
# taps spends in its first 38 s: between two edits the group always has a free slot, so its
# posts (a WOD due before the taps) and replies are not held back until the taps stop (#14).
PER_MINUTE = 12
SHOWN_KEPT = 4096  # cards whose text is remembered


class Pace(Protocol):
    """The bot's one flood budget (scheduler/delivery/limits.FloodBudget): waits for a slot
    for a message to the chat in its lane, the overall limit included, and counts it."""

    async def acquire(self, chat_id: int | None, lane: Lane) -> None: ...


@dataclass(frozen=True, slots=True)
class _Edit:
    text: str
    markup: InlineKeyboardMarkup | None
    read_at: float  # when its content was read: a later read is newer content


class CardEdits:
    def __init__(self, per_minute: int = PER_MINUTE, minute: float = 60.0) -> None:
        self._per_minute = per_minute
        self._minute = minute  # tests shorten it
        self._waiting: dict[int, dict[int, _Edit]] = {}  # chat → message → the newest edit
        self._sent: dict[int, deque[float]] = {}  # chat → when its recent edits went out
        self._blocked: dict[int, float] = {}  # chat → until when Telegram said to wait
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._pace: Pace | None = None
        # what each card says now: two reads of one roster make one edit, not a refused second
        self._shown: OrderedDict[tuple[int, int], str] = OrderedDict()

    def share(self, pace: Pace) -> None:
        """Edits take from the bot's one budget too, so together they keep every limit."""
        self._pace = pace

    def edit(
        self,
        bot: Bot,
        chat_id: int,
        message_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        *,
        read_at: float,
    ) -> None:
        """Edits the message as soon as the group's pace allows; `read_at` (time.monotonic()
        when the content was read) keeps an older read from replacing a newer one."""
        waiting = self._waiting.setdefault(chat_id, {})
        held = waiting.get(message_id)
        if held is None or held.read_at <= read_at:
            waiting[message_id] = _Edit(text, markup, read_at)
        if chat_id not in self._workers:
            self._workers[chat_id] = asyncio.create_task(self._work(bot, chat_id))

    async def _work(self, bot: Bot, chat_id: int) -> None:
        try:
            while waiting := self._waiting.get(chat_id):
                pause = self._pause(chat_id)
                if pause > 0:
                    await asyncio.sleep(pause)
                    continue
                message_id = next(iter(waiting))
                if self._shown.get((chat_id, message_id)) == _look(waiting[message_id]):
                    del waiting[message_id]
                    continue  # Telegram refuses an edit to what the message says already
                if self._pace is not None:
                    # a group's card is a time-critical post: after replies, before bulk
                    await self._pace.acquire(chat_id, Lane.TIMELY)
                edit = waiting.pop(message_id)  # the newest, if a tap came while waiting
                self._sent.setdefault(chat_id, deque()).append(time.monotonic())
                with paced():
                    await self._send(bot, chat_id, message_id, edit)
        finally:
            self._workers.pop(chat_id, None)
            if not self._waiting.get(chat_id):
                self._waiting.pop(chat_id, None)

    def _pause(self, chat_id: int) -> float:
        """How long the group's next edit waits: for its minute's budget, its pace, and
        whatever Telegram last asked."""
        now = time.monotonic()
        sent = self._sent.setdefault(chat_id, deque())
        while sent and sent[0] <= now - self._minute:
            sent.popleft()
        waits = [0.0, self._blocked.get(chat_id, now) - now]
        if len(sent) >= self._per_minute:
            waits.append(sent[-self._per_minute] + self._minute - now)
        if sent:
            waits.append(sent[-1] + self._minute / self._per_minute - now)
        return max(waits)

    async def _send(self, bot: Bot, chat_id: int, message_id: int, edit: _Edit) -> None:
        try:
            await bot.edit_message_text(
                edit.text, chat_id=chat_id, message_id=message_id, reply_markup=edit.markup
            )
            self._remember(chat_id, message_id, edit)
        except TelegramRetryAfter as wait:  # told to wait: the edit waits too, unless replaced
            self._blocked[chat_id] = time.monotonic() + wait.retry_after
            self._waiting.setdefault(chat_id, {}).setdefault(message_id, edit)
        except TelegramAPIError as error:  # unchanged, or deleted: the next change shows
            logger.info("card %d in chat %d not edited: %s", message_id, chat_id, error)

    def _remember(self, chat_id: int, message_id: int, edit: _Edit) -> None:
        self._shown[(chat_id, message_id)] = _look(edit)
        self._shown.move_to_end((chat_id, message_id))
        while len(self._shown) > SHOWN_KEPT:
            self._shown.popitem(last=False)

    async def drain(self) -> None:
        """Waits until every waiting edit has gone out (tests, shutdown)."""
        while self._workers:
            await asyncio.gather(*list(self._workers.values()), return_exceptions=True)


def _look(edit: _Edit) -> str:
    """What the message looks like after the edit: its text and its buttons."""
    return edit.text + "\n" + (edit.markup.model_dump_json() if edit.markup else "")


card_edits = CardEdits()  # one per process: the pace is the group's, whoever edits
