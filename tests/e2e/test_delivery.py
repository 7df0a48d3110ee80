"""The outbox through the real bot process: once, within Telegram's limits, across kill -9."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from domain.outbox.model import DeliveryState, OutgoingMessage
from emulator import BotApiEmulator, ChatDriver, UserDriver
from storage.core.engine import create_engine, create_session_factory
from storage.outbox.outbox import OutboxQueue
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.e2e.conftest import BOT_USERNAME, TOKEN, Spotter
from tests.fakes import FixedClock

BLOCKED = "Forbidden: bot was blocked by the user"
UNFINISHED = {DeliveryState.QUEUED, DeliveryState.CLAIMED}


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    """As in conftest, except that a 403 from a user who blocked the bot is expected here."""
    async with BotApiEmulator(token=TOKEN, bot_username=BOT_USERNAME) as emulator:
        yield emulator
        unexpected = [r for r in emulator.api_errors if r.response.get("description") != BLOCKED]
        assert [(r.method, r.status, r.response) for r in unexpected] == []


class Outbox:
    """The bot's database, as a test queues messages into it and reads their states."""

    def __init__(self, path: Path) -> None:
        self.url = f"sqlite:///{path}"

    async def queue(self, messages: Iterable[OutgoingMessage]) -> None:
        engine = create_engine(self.url)
        try:
            async with SqlUnitOfWork(create_session_factory(engine), FixedClock()) as uow:
                await uow.outbox.add_all(list(messages))
                await uow.commit()
        finally:
            await engine.dispose()

    async def states(self) -> dict[str, DeliveryState]:
        """Each key's state."""
        engine = create_engine(self.url)
        try:
            async with create_session_factory(engine)() as session:
                rows = await session.execute(
                    OutboxRow.__table__.select().with_only_columns(
                        OutboxRow.idempotency_key, OutboxRow.state
                    )
                )
                return {key: DeliveryState(state) for key, state in rows}
        finally:
            await engine.dispose()

    async def counts(self) -> dict[DeliveryState, int]:
        engine = create_engine(self.url)
        try:
            return await OutboxQueue(create_session_factory(engine)).states()
        finally:
            await engine.dispose()

    async def wait_finished(self, within: float) -> dict[str, DeliveryState]:
        async with asyncio.timeout(within):
            while True:
                states = await self.states()
                if not UNFINISHED & set(states.values()):
                    return states
                await asyncio.sleep(0.2)


def text(key: str, chat_id: int, *, at: datetime | None = None) -> OutgoingMessage:
    return OutgoingMessage(key, chat_id, at or datetime.now(UTC), text=key)


def reachable(emulator: BotApiEmulator, user_id: int, name: str = "User") -> UserDriver:
    user = emulator.user(user_id, first_name=name)
    user.allow_messages()
    return user


def delivered(chats: Iterable[ChatDriver]) -> Counter[str]:
    return Counter(m.content for chat in chats for m in chat.bot_messages)


async def started(emulator: BotApiEmulator, tmp_path: Path, **env: str) -> Spotter:
    bot = Spotter(emulator, tmp_path)
    bot.env.update({"DELIVERY_POLL_SECONDS": "0.2", **env})
    await bot.start_polling()
    return bot


async def test_a_user_who_blocked_the_bot_gets_nothing_more_until_they_write_again(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    ann, bob = reachable(emulator, 41001, "Ann"), reachable(emulator, 41002, "Bob")
    bot = await started(emulator, tmp_path, DELIVERY_PER_CHAT_PER_SECOND="20")
    outbox = Outbox(tmp_path / "spotter.db")
    try:
        await outbox.queue(
            text(f"before {n} to {c}", c) for n in range(2) for c in (ann.id, bob.id)
        )
        await emulator.wait_until(lambda: len(delivered([ann.chat, bob.chat])) == 4, 10)

        ann.block_bot(notify=False)  # the bot learns it from the 403, not from an update
        await outbox.queue(text(f"after {n} to {c}", c) for n in range(5) for c in (ann.id, bob.id))
        states = await outbox.wait_finished(within=15)
        refused = [r for r in emulator.calls("sendMessage") if r.status == 403]

        ann.unblock_bot(notify=False)
        await outbox.queue([text("while still inactive", ann.id)])
        states_while_inactive = await outbox.wait_finished(within=5)
        update_id = await ann.send("/help")
        await ann.wait_for_message()
        await bot.handled(update_id)
        await outbox.queue([text("welcome back", ann.id)])
        await ann.wait_for_message()
    finally:
        await bot.terminate()

    assert [m.content for m in ann.chat.bot_messages][:2] == [
        f"before {n} to {ann.id}" for n in (0, 1)
    ]
    assert [m.content for m in ann.chat.bot_messages][-1] == "welcome back"
    assert len(ann.chat.bot_messages) == 4  # before ×2, /help's answer, welcome back
    assert len(refused) == 1  # one attempt learned it; the rest were cancelled unsent
    assert {states[f"after {n} to {ann.id}"] for n in range(5)} == {DeliveryState.CANCELLED}
    assert {states[f"after {n} to {bob.id}"] for n in range(5)} == {DeliveryState.SENT}
    assert len(bob.chat.bot_messages) == 7
    assert states_while_inactive["while still inactive"] is DeliveryState.CANCELLED


async def test_a_block_or_a_removal_from_a_group_cancels_what_is_queued_for_that_chat(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    carl = reachable(emulator, 42001, "Carl")
    team = emulator.group(-100777, "Team")
    team.add_member(carl)
    bot = await started(emulator, tmp_path)
    outbox = Outbox(tmp_path / "spotter.db")
    later = datetime.now(UTC) + timedelta(seconds=3)
    try:
        await outbox.queue(
            [
                text(f"reminder {n} to {c}", c, at=later)
                for n in range(3)
                for c in (carl.id, team.id)
            ]
        )
        blocked, removed = carl.block_bot(), team.remove_bot(by=carl)
        assert blocked is not None
        assert removed is not None
        await bot.handled(blocked)
        await bot.handled(removed)
        states = await outbox.states()
        await asyncio.sleep((later - datetime.now(UTC)).total_seconds() + 1.5)
        sends = emulator.calls("sendMessage") + emulator.calls("sendPhoto")
    finally:
        await bot.terminate()

    assert set(states.values()) == {DeliveryState.CANCELLED}
    assert len(states) == 6
    assert sends == []


async def test_a_fan_out_killed_midway_is_delivered_exactly_once_after_a_restart(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """kill -9 during a 500-message fan-out, then a restart: none lost, none twice, in order."""
    emulator.enforce_flood_limits()
    users = [reachable(emulator, 50_000 + n) for n in range(100)]
    keys = [f"fan-out {n} to {user.id}" for n in range(5) for user in users]
    bot = await started(emulator, tmp_path)
    outbox = Outbox(tmp_path / "spotter.db")
    chats = [user.chat for user in users]
    kill_after = random.randint(100, 350)
    try:
        await outbox.queue(text(key, int(key.rsplit(" ", 1)[1])) for key in keys)
        await emulator.wait_until(lambda: sum(delivered(chats).values()) >= kill_after, 60)
        await bot.kill()
        at_kill = sum(delivered(chats).values())
        await bot.start_polling()
        states = await outbox.wait_finished(within=60)
    finally:
        await bot.terminate()

    counts = delivered(chats)
    assert 0 < at_kill < len(keys)
    assert [key for key, count in counts.items() if count > 1] == []
    assert sorted(counts) == sorted(keys), Counter(states.values())
    for user in users:
        assert [m.content for m in user.chat.bot_messages] == [
            f"fan-out {n} to {user.id}" for n in range(5)
        ]
    assert emulator.flood_violations == []
    assert emulator.api_errors == []
    # Answers the killed process never recorded: delivered (above), and marked as such.
    assert set(states.values()) <= {DeliveryState.SENT, DeliveryState.UNKNOWN}
    assert list(states.values()).count(DeliveryState.UNKNOWN) <= 8


async def test_with_telegram_s_flood_limits_on_a_fan_out_breaks_none_of_them(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """Many private chats, one chat with a backlog, two groups: zero 429s, all delivered once."""
    emulator.enforce_flood_limits()
    users = [reachable(emulator, 60_000 + n) for n in range(150)]
    busy = users[0]
    groups = [emulator.group(-100_600 - n, f"Team {n}") for n in range(2)]
    messages = [text(f"news for {user.id}", user.id) for user in users]
    messages += [text(f"backlog {n}", busy.id) for n in range(8)]
    messages += [text(f"team {n} in {g.id}", g.id) for n in range(4) for g in groups]
    bot = await started(emulator, tmp_path)
    outbox = Outbox(tmp_path / "spotter.db")
    try:
        await outbox.queue(messages)
        states = await outbox.wait_finished(within=60)
    finally:
        await bot.terminate()

    counts = delivered([user.chat for user in users] + groups)
    assert emulator.flood_violations == []
    assert set(states.values()) == {DeliveryState.SENT}
    assert sorted(counts) == sorted(m.key for m in messages)
    assert set(counts.values()) == {1}
    assert [m.content for m in busy.chat.bot_messages][1:] == [f"backlog {n}" for n in range(8)]
    for group in groups:
        assert [m.content for m in group.bot_messages] == [
            f"team {n} in {group.id}" for n in range(4)
        ]
