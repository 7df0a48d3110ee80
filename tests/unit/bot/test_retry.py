from typing import Any

import pytest
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, SendMessage

from bot.retry import RetryRequests

SEND = SendMessage(chat_id=1, text="hi")


class Script:
    """A Bot API that fails as scripted, then answers "ok"."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls = 0

    async def __call__(self, bot: Any, method: Any) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


async def test_a_429_waits_exactly_retry_after_then_succeeds() -> None:
    api, sleeps = (
        Script(TelegramRetryAfter(SEND, "flood", 7), TelegramRetryAfter(SEND, "flood", 3)),
        Sleeps(),
    )

    result: object = await RetryRequests(sleep=sleeps)(api, bot=None, method=SEND)  # type: ignore[arg-type]

    assert result == "ok"
    assert sleeps == [7, 3]


async def test_network_and_server_errors_back_off_exponentially() -> None:
    api = Script(
        TelegramNetworkError(SEND, "reset"),
        TelegramServerError(SEND, "502"),
        TelegramNetworkError(SEND, "x"),
    )
    sleeps = Sleeps()

    await RetryRequests(first_backoff=0.5, sleep=sleeps)(api, bot=None, method=SEND)  # type: ignore[arg-type]

    assert sleeps == [0.5, 1.0, 2.0]


async def test_it_gives_up_after_the_last_attempt() -> None:
    api, sleeps = Script(*[TelegramServerError(SEND, "502")] * 5), Sleeps()

    with pytest.raises(TelegramServerError):
        await RetryRequests(attempts=3, sleep=sleeps)(api, bot=None, method=SEND)  # type: ignore[arg-type]

    assert api.calls == 3


async def test_a_bad_request_is_not_retried() -> None:
    api, sleeps = Script(TelegramBadRequest(SEND, "can't parse entities")), Sleeps()

    with pytest.raises(TelegramBadRequest):
        await RetryRequests(sleep=sleeps)(api, bot=None, method=SEND)  # type: ignore[arg-type]

    assert api.calls == 1
    assert sleeps == []


async def test_polling_is_left_to_the_dispatchers_own_backoff() -> None:
    api, sleeps = Script(TelegramNetworkError(GetUpdates(), "reset")), Sleeps()

    with pytest.raises(TelegramNetworkError):
        await RetryRequests(sleep=sleeps)(api, bot=None, method=GetUpdates())  # type: ignore[arg-type]

    assert api.calls == 1
