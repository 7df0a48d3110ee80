"""Group cards are edited at the group's pace: a burst of taps becomes a few edits now and the
newest content when the pace allows; other groups do not wait; a 429 is waited out."""

from __future__ import annotations

import asyncio
import time
from typing import Any, cast

from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import EditMessageText

from domain.outbox.lanes import Lane
from handlers.common.flood import already_paced
from handlers.teams.card_edits import CardEdits

MINUTE = 1.2  # a test's minute: with 4 edits a minute, one every 0.3 s


class RecordingBot:
    def __init__(self, refuse_first: int = 0) -> None:
        self.edits: list[tuple[float, int, int, str]] = []
        self._refuse = refuse_first

    async def edit_message_text(self, text: str, **fields: Any) -> None:
        if self._refuse:
            self._refuse -= 1
            method = EditMessageText(text=text, chat_id=fields["chat_id"])
            raise TelegramRetryAfter(method=method, message="Too Many Requests", retry_after=0)
        self.edits.append((time.monotonic(), fields["chat_id"], fields["message_id"], text))


async def test_a_burst_of_taps_never_goes_past_the_groups_pace_and_ends_on_the_newest() -> None:
    bot, edits = RecordingBot(), CardEdits(per_minute=4, minute=MINUTE)
    started = time.monotonic()
    for tap in range(20):
        edits.edit(cast(Bot, bot), -100, 7, f"{tap + 1} in", None, read_at=time.monotonic())
        await asyncio.sleep(0.01)  # 20 taps in 0.2 s: a sixth of this test's minute
    edits.edit(cast(Bot, bot), -200, 9, "other group", None, read_at=time.monotonic())
    await edits.drain()

    group = [at for at, chat, _, _ in bot.edits if chat == -100]
    texts = [text for _, chat, _, text in bot.edits if chat == -100]
    assert 1 < len(group) <= 5  # far fewer edits than taps
    assert texts[-1] == "20 in"  # and the last one shows every tap
    assert len([at for at in group if at - group[0] < MINUTE]) <= 4  # the minute's budget
    other = [at - started for at, chat, _, _ in bot.edits if chat == -200]
    assert other[0] < 0.3  # another group's card does not wait for this one's


async def test_an_older_read_never_replaces_a_newer_one() -> None:
    bot, edits = RecordingBot(), CardEdits(per_minute=4, minute=MINUTE)
    edits.edit(cast(Bot, bot), -100, 7, "first", None, read_at=1.0)
    edits.edit(cast(Bot, bot), -100, 7, "newest", None, read_at=3.0)
    edits.edit(cast(Bot, bot), -100, 7, "stale", None, read_at=2.0)  # read before "newest"
    await edits.drain()

    assert [text for *_, text in bot.edits] == ["newest"]


async def test_an_edit_refused_with_429_goes_out_after_the_wait() -> None:
    bot, edits = RecordingBot(refuse_first=1), CardEdits(per_minute=4, minute=MINUTE)
    edits.edit(cast(Bot, bot), -100, 7, "3 in", None, read_at=time.monotonic())
    await edits.drain()

    assert [text for *_, text in bot.edits] == ["3 in"]


async def test_two_reads_of_one_roster_make_one_edit_not_a_refused_second() -> None:
    bot, edits = RecordingBot(), CardEdits(per_minute=4, minute=MINUTE)
    edits.edit(cast(Bot, bot), -100, 7, "3 members", None, read_at=1.0)
    await edits.drain()
    edits.edit(cast(Bot, bot), -100, 7, "3 members", None, read_at=2.0)  # a second tap's read
    await edits.drain()

    assert [text for *_, text in bot.edits] == ["3 members"]


class Budget:
    """The bot's flood budget as the cards see it: records what they asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[int | None, Lane]] = []

    async def acquire(self, chat_id: int | None, lane: Lane) -> None:
        self.asked.append((chat_id, lane))


class PacedBot(RecordingBot):
    """Records whether each edit went out as paced (the session's budget then skips it)."""

    def __init__(self) -> None:
        super().__init__()
        self.paced: list[bool] = []

    async def edit_message_text(self, text: str, **fields: Any) -> None:
        self.paced.append(already_paced())
        await super().edit_message_text(text, **fields)


async def test_a_card_edit_takes_one_timely_slot_from_the_bot_s_budget() -> None:
    """#14: a card is a group's time-critical post, after replies; its edit is counted once."""
    bot, edits, budget = PacedBot(), CardEdits(per_minute=4, minute=MINUTE), Budget()
    edits.share(budget)
    edits.edit(cast(Bot, bot), -100, 7, "3 in", None, read_at=time.monotonic())
    await edits.drain()

    assert budget.asked == [(-100, Lane.TIMELY)]
    assert bot.paced == [True]
