"""Direct replies take their slot from the bot's one flood budget (#14): a reply into a busy
group waits for the group's budget; answering a button and a self-paced edit do not count."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    SendChatAction,
    SendMessage,
    TelegramMethod,
)

from bot.flood_middleware import FloodPacing, chat_of, counts, paced_chat
from domain.outbox.lanes import Lane
from handlers.common.flood import paced
from scheduler.delivery.limits import DeliveryLimits, FloodControl

GROUP = -100_123
# a test's group: 600 a minute, one message every 0.1 s (the overall limit is far away)
LIMITS = DeliveryLimits(
    global_per_second=1000, per_chat_per_second=100, group_per_minute=600, headroom=0
)


class Api:
    """Records when each request reached it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    async def __call__(self, bot: Any, method: TelegramMethod[Any]) -> str:
        self.calls.append((method.__api_method__, time.monotonic()))
        return "ok"


async def test_a_reply_into_a_group_waits_for_the_group_s_budget() -> None:
    flood, api, waits = FloodControl(LIMITS), Api(), list[float]()
    pacing = FloodPacing(flood, waited=waits.append)
    flood.take(GROUP, time.monotonic())  # a post went to the group just now

    await pacing(api, None, SendMessage(chat_id=GROUP, text="roster"))  # type: ignore[arg-type]
    await pacing(api, None, SendMessage(chat_id=GROUP, text="again"))  # type: ignore[arg-type]

    (_, first), (_, second) = api.calls
    assert second - first >= 0.095
    assert flood.chat_ready_at(GROUP) > time.monotonic()  # both were counted
    assert len(waits) == 2  # the metrics heard of both waits
    assert min(waits) >= 0.09


async def test_a_waiting_reply_holds_back_the_outbox_s_bulk_for_its_group() -> None:
    flood, api = FloodControl(LIMITS), Api()
    posted = time.monotonic()
    flood.take(GROUP, posted)  # the group's next slot is at posted + 0.1
    send = SendMessage(chat_id=GROUP, text="x")
    reply = asyncio.create_task(FloodPacing(flood)(api, None, send))  # type: ignore[arg-type]
    await asyncio.sleep(0)

    assert flood.chat_ready_at(GROUP, Lane.BULK) == pytest.approx(posted + 0.2)  # after it
    await reply
    assert api.calls[0][1] - posted >= 0.095


async def test_answering_a_button_and_a_chat_action_pass_at_once_and_cost_nothing() -> None:
    flood, api = FloodControl(LIMITS), Api()
    pacing = FloodPacing(flood)
    flood.take(GROUP, time.monotonic() + 10)  # the group is out of budget for 10 s

    await pacing(api, None, AnswerCallbackQuery(callback_query_id="1", text="in"))  # type: ignore[arg-type]
    await pacing(api, None, SendChatAction(chat_id=GROUP, action="typing"))  # type: ignore[arg-type]

    assert [name for name, _ in api.calls] == ["answerCallbackQuery", "sendChatAction"]


async def test_a_request_its_sender_paced_already_is_not_counted_twice() -> None:
    flood, api = FloodControl(LIMITS), Api()
    flood.take(GROUP, time.monotonic() + 10)

    with paced():
        await FloodPacing(flood)(api, None, EditMessageText(chat_id=GROUP, message_id=1, text="x"))  # type: ignore[arg-type]

    assert len(api.calls) == 1


@pytest.mark.parametrize(
    ("method", "counted", "chat"),
    [
        (SendMessage(chat_id=5, text="x"), True, 5),
        (EditMessageText(inline_message_id="abc", text="x"), True, None),
        (SendMessage(chat_id="@channel", text="x"), True, None),
        (AnswerCallbackQuery(callback_query_id="1"), False, None),
        (SendChatAction(chat_id=5, action="typing"), False, 5),
    ],
)
def test_what_counts_and_against_which_chat(
    method: TelegramMethod[Any], counted: bool, chat: int | None
) -> None:
    assert (counts(method), chat_of(method)) == (counted, chat)


async def test_a_private_reply_waits_for_the_overall_limit_only() -> None:
    flood = FloodControl(DeliveryLimits())
    api = Api()
    pacing = FloodPacing(flood)
    assert paced_chat(SendMessage(chat_id=5, text="x")) is None
    assert paced_chat(SendMessage(chat_id=GROUP, text="x")) == GROUP
    started = asyncio.get_running_loop().time()
    for text in ("card", "buttons off", "next card"):  # a set logged, then the next one
        await pacing(api, None, SendMessage(chat_id=5, text=text))  # type: ignore[arg-type]
    # three messages to one private chat, spaced by the overall limit (1/28.5 s), not by 1 s
    assert asyncio.get_running_loop().time() - started < 0.5
