"""/body through the real dispatcher and SQLite (#15): typed readings, refusals, captioned
photos, the weigh-in reminder switch, and two days' photos compared as an album."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from aiogram.methods import SendMediaGroup, TelegramMethod
from aiogram.types import (
    CallbackQuery,
    InputMediaPhoto,
    Message,
    PhotoSize,
    Update,
)
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.body.model import Measurement, Photo, Pose
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock

ANN, BOB = 1001, 1002
TODAY = date(2026, 3, 2)  # the dialogs' clock: Monday 2 March 2026, 09:30 UTC
EARLIER = date(2026, 2, 1)


class AlbumBot(RecordingBot):
    """Keeps the albums sent too."""

    def __init__(self) -> None:
        super().__init__()
        self.albums: list[SendMediaGroup] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, SendMediaGroup):
            self.albums.append(method)
            return []
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> AlbumBot:
    return AlbumBot()


def text_of(manager: MockMessageManager) -> str:
    return manager.last_message().text or ""


async def press(client: BotClient, manager: MockMessageManager, label: str) -> None:
    await client.click(manager.last_message(), InlineButtonTextLocator(label))


async def send_photo(client: BotClient, file_id: str, caption: str | None) -> None:
    message = Message(
        message_id=client._new_message_id(),
        date=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        chat=client.chat,
        from_user=client.user,
        photo=[
            PhotoSize(file_id=f"{file_id}-small", file_unique_id="s", width=90, height=120),
            PhotoSize(file_id=file_id, file_unique_id=f"u-{file_id}", width=960, height=1280),
        ],
        caption=caption,
    )
    await client.dp.feed_update(
        client.bot, Update(update_id=client._new_update_id(), message=message)
    )


@pytest.fixture
async def card(client: BotClient, message_manager: MockMessageManager) -> BotClient:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/body")
    return client


async def entries(session_factory: async_sessionmaker[AsyncSession], athlete: int) -> list[Any]:
    uow = SqlUnitOfWork(session_factory, FixedClock())
    async with uow:
        return await uow.body.entries(athlete)


async def test_body_before_start_asks_to_start_first(
    client: BotClient, bot: AlbumBot, message_manager: MockMessageManager
) -> None:
    await client.send("/body")

    assert "/start" in bot.sent[-1].text
    assert message_manager.sent_messages == []


async def test_typing_a_weight_and_a_measurement_fills_todays_entry(
    card: BotClient,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    assert "Nothing logged yet" in text_of(message_manager)

    await card.send("82.4")
    await card.send("waist 81\nbf 18")

    text = text_of(message_manager)
    assert "Weight: <b>82.4 kg</b>" in text
    assert "Waist: <b>81 cm</b>" in text
    assert "Body fat: <b>18 %</b>" in text
    assert "7-day average: <b>82.4 kg</b>" in text
    (entry,) = await entries(session_factory, ANN)
    assert entry.day == TODAY
    assert entry.weight == Decimal("82.4")


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("824", "Weight between 20 and 400 kg"),
        ("-82", "Weight must be more than zero"),
        ("waist 8100", "Waist between 10 and 250 cm"),
        ("hello", "I did not understand that"),
        ("bf 18 kg", "Body fat in that unit?"),
    ],
)
async def test_bad_input_gets_a_specific_reply_and_changes_nothing(
    card: BotClient,
    bot: AlbumBot,
    session_factory: async_sessionmaker[AsyncSession],
    typed: str,
    reply: str,
) -> None:
    await card.send("82.4")

    await card.send(typed)

    assert reply in bot.sent[-1].text
    (entry,) = await entries(session_factory, ANN)
    assert entry.measurements == (Measurement("weight", Decimal("82.4")),)


async def test_a_redelivered_update_logs_nothing_twice(
    card: BotClient,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    update = Update(update_id=card._new_update_id(), message=card._new_message("83", None))
    await card.dp.feed_update(card.bot, update)
    shown = len(message_manager.sent_messages)

    await card.dp.feed_update(card.bot, update)

    assert len(message_manager.sent_messages) == shown  # the ledger skipped it: no second card
    (entry,) = await entries(session_factory, ANN)
    assert entry.measurements == (Measurement("weight", Decimal(83)),)


async def test_a_captioned_photo_is_kept_by_its_file_id_and_an_uncaptioned_one_is_refused(
    card: BotClient,
    bot: AlbumBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await send_photo(card, "no-caption", None)
    assert "caption" in bot.sent[-1].text

    await send_photo(card, "front-photo", "Front")

    assert "📷 Photos: front" in text_of(message_manager)
    (entry,) = await entries(session_factory, ANN)
    assert entry.photos == (Photo(Pose.FRONT, "front-photo", "u-front-photo"),)  # the largest


async def test_the_weigh_in_reminder_is_off_until_switched_on(
    card: BotClient,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await press(card, message_manager, "🔔 Remind me to weigh in on Mondays")

    assert "🔕 No weigh-in reminder" in str(message_manager.last_message().reply_markup)
    uow = SqlUnitOfWork(session_factory, FixedClock())
    async with uow:
        assert await uow.body.reminder(ANN)


async def _photos_on(
    session_factory: async_sessionmaker[AsyncSession], athlete: int, day: date, file_id: str
) -> None:
    uow = SqlUnitOfWork(session_factory, FixedClock())
    async with uow:
        at = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
        await uow.body.add_photo(athlete, day, Photo(Pose.FRONT, file_id, f"u-{file_id}"), at)
        await uow.commit()


async def test_two_days_photos_are_sent_side_by_side_as_an_album(
    card: BotClient,
    bot: AlbumBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _photos_on(session_factory, ANN, EARLIER, "february")
    await send_photo(card, "march", "front")

    await press(card, message_manager, "🖼 Compare photos")
    await press(card, message_manager, "Mon 2 Mar")
    await press(card, message_manager, "Sun 1 Feb")

    (album,) = bot.albums
    assert album.chat_id == ANN
    photos = [item for item in album.media if isinstance(item, InputMediaPhoto)]
    assert [p.media for p in photos] == ["february", "march"]  # earlier first
    assert photos[0].caption == "Sun 1 Feb → Mon 2 Mar"


async def test_a_forged_day_shows_no_one_elses_photos(
    card: BotClient,
    bot: AlbumBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await RegisterUser(SqlUnitOfWork(session_factory, FixedClock()), FixedClock())(
        Profile(BOB, "Bob")
    )
    await _photos_on(session_factory, BOB, EARLIER, "bobs-photo")
    await _photos_on(session_factory, ANN, date(2026, 2, 20), "anns-earlier")
    await send_photo(card, "anns-today", "front")
    await press(card, message_manager, "🖼 Compare photos")
    await press(card, message_manager, "Mon 2 Mar")
    shown = message_manager.last_message()
    offered = next(
        button.callback_data
        for row in shown.reply_markup.inline_keyboard  # type: ignore[union-attr]
        for button in row
        if button.text == "Fri 20 Feb"
    )
    assert offered is not None

    for forged in (offered.replace("2026-02-20", "2026-02-01"), offered.replace("2026-02-20", "x")):
        callback = CallbackQuery(
            id=f"forged-{forged}",
            data=forged,
            chat_instance="--",
            from_user=card.user,
            message=shown,
        )
        await card.dp.feed_update(
            card.bot, Update(update_id=card._new_update_id(), callback_query=callback)
        )

    assert bot.albums == []
