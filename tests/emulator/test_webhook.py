"""The emulator's webhook: updates POSTed with the secret, one at a time, kept until a 2xx."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from itertools import pairwise
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramConflictError
from aiohttp import web

from emulator import BotApiEmulator

SECRET = "s3cret_-token"


class Receiver:
    """A webhook endpoint on a loopback port that records what arrives and answers `status`."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, Any], str | None]] = []
        self.status = 200
        self.hold: asyncio.Event | None = None  # while set to an unset event, requests wait
        self.in_progress = 0
        self.most_at_once = 0
        self._runner: web.AppRunner | None = None
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/hook"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        await web.SockSite(self._runner, self._socket).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        self.in_progress += 1
        self.most_at_once = max(self.most_at_once, self.in_progress)
        try:
            self.received.append(
                (await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
            )
            if self.hold is not None:
                await self.hold.wait()
            return web.json_response({}, status=self.status)
        finally:
            self.in_progress -= 1

    def texts(self) -> list[str]:
        return [update["message"]["text"] for update, _ in self.received]

    async def wait_until(self, predicate: Callable[[], bool], within: float = 5) -> None:
        """What arrives here wakes no emulator waiter, so this looks every few milliseconds."""
        async with asyncio.timeout(within):
            while not predicate():  # noqa: ASYNC110
                await asyncio.sleep(0.01)


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        emulator.webhook.first_retry = 0.05
        emulator.webhook.max_retry = 0.2
        yield emulator


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    client = Bot(emu.token, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))
    yield client
    await client.session.close()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    endpoint = Receiver()
    await endpoint.start()
    yield endpoint
    await endpoint.stop()


async def test_each_update_is_posted_with_the_secret_and_confirmed_by_a_200(
    emu: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    ann = emu.user(1, "Ann")
    assert await bot.set_webhook(receiver.url, secret_token=SECRET)

    first = await ann.send("one")
    second = await ann.send("two")
    await emu.wait_until(lambda: emu.is_confirmed(second), what="both updates delivered")

    assert receiver.texts() == ["one", "two"]
    assert [update["update_id"] for update, _ in receiver.received] == [first, second]
    assert {secret for _, secret in receiver.received} == {SECRET}
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count, info.last_error_message) == (
        receiver.url,
        0,
        None,
    )


async def test_get_updates_is_refused_while_a_webhook_is_set_and_served_again_after_delete(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await bot.set_webhook("http://127.0.0.1:1/nowhere")

    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates(timeout=0)

    update_id = await emu.user(1).send("kept")
    await bot.delete_webhook()
    updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [update_id]  # nothing lost while it failed


async def test_a_long_poll_in_progress_ends_with_409_when_a_webhook_is_set(
    emu: BotApiEmulator, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    await bot.set_webhook("http://127.0.0.1:1/nowhere")

    with pytest.raises(TelegramConflictError):
        await poll


async def test_a_failing_webhook_keeps_the_update_pending_and_retries_until_a_2xx(
    emu: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    receiver.status = 500
    await bot.set_webhook(receiver.url, secret_token=SECRET)
    update_id = await emu.user(1).send("one")
    await emu.user(1).send("two")
    await receiver.wait_until(lambda: len(receiver.received) >= 3)

    info = await bot.get_webhook_info()
    assert info.pending_update_count == 2
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    assert set(receiver.texts()) == {"one"}  # the second waits behind the first
    assert not emu.is_confirmed(update_id)

    receiver.status = 200
    await emu.wait_until(lambda: receiver.texts()[-2:] == ["one", "two"], what="recovery")
    assert (await bot.get_webhook_info()).pending_update_count == 0
    failures = [attempt for attempt in emu.webhook.attempts if not attempt.delivered]
    assert len(failures) >= 3
    gaps = [later.time - earlier.time for earlier, later in pairwise(failures)]
    assert gaps[-1] > gaps[0]  # backing off


async def test_a_webhook_nobody_listens_on_is_retried_and_reports_connection_refused(
    emu: BotApiEmulator, bot: Bot
) -> None:
    late = Receiver()  # its port is reserved but nothing answers yet
    await bot.set_webhook(late.url)
    await emu.user(1).send("hello")
    await emu.wait_until(lambda: len(emu.webhook.attempts) >= 2, what="two attempts")
    assert (await bot.get_webhook_info()).last_error_message == "Connection refused"

    await late.start()
    try:
        await emu.wait_until(lambda: late.texts() == ["hello"], what="delivery once up")
    finally:
        await late.stop()


async def test_updates_are_posted_one_at_a_time(
    emu: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    receiver.hold = asyncio.Event()
    await bot.set_webhook(receiver.url)
    for text in ("a", "b", "c"):
        await emu.user(1).send(text)
    await receiver.wait_until(lambda: len(receiver.received) == 1)
    await asyncio.sleep(0.1)
    assert receiver.texts() == ["a"]

    receiver.hold.set()
    await emu.wait_until(lambda: receiver.texts() == ["a", "b", "c"], what="the rest")
    assert receiver.most_at_once == 1


async def test_a_raised_concurrency_posts_side_by_side_up_to_max_connections(
    emu: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    receiver.hold = asyncio.Event()
    emu.webhook.concurrency = 10
    await bot.set_webhook(receiver.url, max_connections=3)
    for text in ("a", "b", "c", "d", "e"):
        await emu.user(1).send(text)
    await receiver.wait_until(lambda: len(receiver.received) == 3)
    await asyncio.sleep(0.1)
    assert sorted(receiver.texts()) == ["a", "b", "c"]  # the lowest three, no more

    receiver.hold.set()
    await emu.wait_until(lambda: emu.updates.pending_count == 0, what="all five confirmed")
    assert sorted(receiver.texts()) == ["a", "b", "c", "d", "e"]
    assert receiver.most_at_once == 3


async def test_drop_pending_updates_and_allowed_updates_apply_to_the_webhook(
    emu: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    ann = emu.user(1)
    await ann.send("old")
    await bot.set_webhook(receiver.url, drop_pending_updates=True, allowed_updates=["message"])
    message = await ann.send("new")
    await emu.wait_until(lambda: emu.is_confirmed(message), what="the new message")

    assert receiver.texts() == ["new"]
    assert (await bot.get_webhook_info()).allowed_updates == ["message"]


async def test_a_redelivered_update_is_posted_again_with_the_same_id(
    emu: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    await bot.set_webhook(receiver.url)
    update_id = await emu.user(1).send("twice", deliver_twice=True)
    await receiver.wait_until(lambda: len(receiver.received) == 2)

    assert [update["update_id"] for update, _ in receiver.received] == [update_id, update_id]


@pytest.mark.parametrize(
    ("url", "secret", "problem"),
    [
        ("http://example.com/hook", None, "HTTPS URL must be provided"),
        ("https://example.com:8080/hook", None, "ports 80, 88, 443 or 8443"),
        ("https://example.com/hook", "has space", "unallowed characters"),
        ("https://example.com/hook", "x" * 257, "unallowed characters"),
    ],
)
async def test_set_webhook_refuses_what_telegram_refuses(
    bot: Bot, url: str, secret: str | None, problem: str
) -> None:
    with pytest.raises(TelegramBadRequest, match=problem):
        await bot.set_webhook(url, secret_token=secret)


async def test_an_empty_url_removes_the_webhook(emu: BotApiEmulator, bot: Bot) -> None:
    await bot.set_webhook("https://example.com:8443/hook", secret_token=SECRET)
    assert (await bot.get_webhook_info()).url == "https://example.com:8443/hook"

    await bot.set_webhook("")

    assert (await bot.get_webhook_info()).url == ""
    assert await bot.get_updates(timeout=0) == []
