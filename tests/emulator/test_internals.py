"""Pieces of the emulator that are easier to check without HTTP."""

from __future__ import annotations

import asyncio

import pytest

from emulator.errors import ApiError
from emulator.flood import FloodLimiter, FloodLimits
from emulator.media import image_size
from emulator.state import Notifier
from emulator.updates import UpdateQueue


def test_a_chat_may_burst_then_waits_for_the_per_chat_rate() -> None:
    limiter = FloodLimiter(FloodLimits(per_chat_per_second=1, burst=3))

    verdicts = [limiter.check(1001, now=0.1 * n) for n in range(4)]

    assert verdicts[:3] == [None, None, None]
    assert verdicts[3] == ("per_chat", 3)
    assert limiter.check(1001, now=3.05) is None


def test_a_group_gets_twenty_messages_a_minute() -> None:
    limiter = FloodLimiter(FloodLimits(per_chat_per_second=100, burst=100))

    allowed = [limiter.check(-1001, now=float(n)) for n in range(21)]

    assert allowed[:20] == [None] * 20
    assert allowed[20] == ("per_group", 40)


def test_the_global_limit_spans_all_chats() -> None:
    limiter = FloodLimiter(FloodLimits(global_per_second=30))

    results = [limiter.check(chat_id, now=0.5) for chat_id in range(1, 32)]

    assert results.count(None) == 30
    assert results[-1] == ("global", 1)


def test_jpeg_dimensions_come_from_the_frame_header() -> None:
    jpeg = (
        b"\xff\xd8"
        + b"\xff\xe0\x00\x04\x00\x00"  # APP0 with two bytes of payload
        + b"\xff\xc0\x00\x0b\x08\x01\xe0\x02\x80\x01\x01\x11\x00"  # SOF0 640×480
    )

    assert image_size(jpeg) == (640, 480)
    assert image_size(b"plain bytes") is None


async def test_a_second_poller_terminates_the_first_with_409() -> None:
    queue = UpdateQueue(Notifier())
    first = asyncio.create_task(queue.get(offset=None, limit=100, wait=5, allowed_updates=None))
    await asyncio.sleep(0)

    second = await queue.get(offset=None, limit=100, wait=0, allowed_updates=None)

    assert second == []
    with pytest.raises(ApiError) as caught:
        await first
    assert caught.value.status == 409
