"""Their data through the real dispatcher: /delete's buttons and an import's, forged or stale,
change nothing; a typed exercise that does not read says which part."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, TelegramMethod
from aiogram.types import CallbackQuery, Update
from aiogram_dialog.test_tools import BotClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.training.use_cases.imports import ImportPreview, PreviewImport
from handlers.account.data import DeleteStep
from handlers.account.imports import RunImport, Undo
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock

CLOCK = FixedClock()
STRONG = (Path(__file__).parents[2] / "exports" / "strong.csv").read_bytes()
OWNER = 2002  # another athlete, whose import 1001 tries to run


class AnsweringBot(RecordingBot):
    """Keeps callback answers and edits too: what a tap's sender sees."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[AnswerCallbackQuery] = []
        self.edits: list[EditMessageText] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, AnswerCallbackQuery):
            self.answers.append(method)
            return True
        if isinstance(method, EditMessageText):
            self.edits.append(method)
            return True
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> AnsweringBot:
    return AnsweringBot()


async def tap(client: BotClient, data: str) -> None:
    """A callback with any data, as a forged or stale button sends it."""
    message = client._new_message("card", None)
    callback = CallbackQuery(
        id=str(uuid.uuid4()), data=data, chat_instance="--", from_user=client.user, message=message
    )
    await client.dp.feed_update(
        client.bot,
        Update(update_id=client._new_update_id(), callback_query=callback),
    )


async def registered(factory: async_sessionmaker[AsyncSession], athlete: int) -> bool:
    async with SqlUnitOfWork(factory, CLOCK) as uow:
        return await uow.users.get(athlete) is not None


async def test_a_stale_or_forged_last_step_of_delete_erases_nothing(
    client: BotClient, bot: AnsweringBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await client.send("/start")
    now = int(CLOCK.now().timestamp())

    await tap(client, DeleteStep(step=2, asked_at=now - 601).pack())  # eleven minutes ago
    await tap(client, DeleteStep(step=2, asked_at=now + 60).pack())  # from the future
    await tap(client, DeleteStep(step=3, asked_at=now).pack())  # no such step

    assert await registered(session_factory, 1001)
    assert [a.text for a in bot.answers] == ["That button has expired: send /delete again."] * 3


async def test_the_last_step_of_delete_in_time_erases_the_sender(
    client: BotClient, bot: AnsweringBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await client.send("/start")

    await tap(client, DeleteStep(step=2, asked_at=int(CLOCK.now().timestamp()) - 30).pack())

    assert not await registered(session_factory, 1001)
    assert "is erased" in (bot.edits[-1].text or "")


async def test_another_athletes_import_can_be_neither_run_nor_undone(
    client: BotClient, bot: AnsweringBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await client.send("/start")
    owner = BotClient(client.dp, user_id=OWNER, chat_id=OWNER, bot=bot)
    owner.last_update_id = 10_000  # update ids are the bot's, not a chat's: no two alike
    await owner.send("/start")
    found = await PreviewImport(SqlUnitOfWork(session_factory, CLOCK), CLOCK)(OWNER, STRONG, "f")
    assert isinstance(found, ImportPreview)

    await tap(client, RunImport(import_id=found.import_id).pack())
    await tap(client, Undo(import_id=found.import_id).pack())
    await tap(client, "imp:not-a-number")

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        stored = await uow.imports.get(found.import_id)
        assert await uow.workouts.finished(OWNER, 10) == []
        assert await uow.workouts.finished(1001, 10) == []
    assert stored is not None
    assert stored.imported_at is None
    assert [a.text for a in bot.answers[:2]] == [
        "That import is no longer waiting: send the file again.",
        "Nothing to undo: that import is gone.",
    ]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("exercise: Cable fly, chest", "Four parts"),
        ("exercise: Cable fly, pecs, accessory, upper", "The muscle group is one of: legs,"),
        ("shared exercise: Cable fly, chest, accessory, upper", "Only bot admins"),
    ],
)
async def test_a_typed_exercise_that_cannot_be_added_says_why(
    client: BotClient, bot: AnsweringBot, text: str, reply: str
) -> None:
    await client.send("/start")

    await client.send(text)

    assert reply in bot.sent[-1].text


async def test_a_typed_exercise_is_listed_by_exercises(
    client: BotClient, bot: AnsweringBot
) -> None:
    await client.send("/start")

    await client.send("exercise: Cable fly, chest, accessory, upper")
    await client.send("/exercises")

    assert "Added to your exercises: Cable fly." in bot.sent[-2].text
    assert "• Cable fly · chest · accessory · upper" in bot.sent[-1].text
