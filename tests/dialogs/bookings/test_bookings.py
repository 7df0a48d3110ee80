"""/availability, /book and /sessions through the real dispatcher and a SQLite database: a bad
line gets its own reply and changes nothing, slots in the athlete's own zone, a slot just taken
by someone else, the .ics document, the coach's marks, and forged buttons refused."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    SendDocument,
    SendMessage,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.types import (
    BufferedInputFile,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.bot_client import FakeBot
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.dispatcher import build_dispatcher
from bot.pipeline import InFlightUpdates
from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.bookings.parsing import WindowSpec
from domain.bookings.use_cases.availability import AddWindow
from domain.coaching.use_cases.invites import AcceptInvite, BecomeCoach, CreateInvite
from handlers.bookings.callbacks import CalendarFile, Mark
from storage.core.fsm import SqlStorage
from storage.core.ledger import HandledUpdates
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import BOT_ID
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import Words as CoachingWords

SAM, KIM, ALEX, MASHA = 101, 102, 201, 202
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # Monday 10:30 in Berlin, 04:30 in New York
WED_0700 = datetime(2026, 3, 4, 6, tzinfo=UTC)  # Sam's Wednesday 07:00; Alex's 01:00


class Telegram(FakeBot):
    """Keeps what the bot sends, edits and answers, per chat, as the user would see it."""

    def __init__(self) -> None:
        super().__init__()
        self.screens: dict[int, list[Message]] = {}
        self.answers: list[AnswerCallbackQuery] = []
        self.documents: list[tuple[int, str, bytes, str]] = []
        self._ids = itertools.count(10_000)

    @property
    def id(self) -> int:
        return BOT_ID

    def _message(self, chat_id: int, text: str, markup: Any, message_id: int) -> Message:
        return Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=Chat(id=chat_id, type="private"),
            from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
            text=text,
            reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
        )

    def last(self, chat_id: int) -> Message:
        return self.screens[chat_id][-1]

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, AnswerCallbackQuery):
            self.answers.append(method)
            return True
        if isinstance(method, SetMyCommands):
            return True
        if isinstance(method, SendMessage):
            chat = int(method.chat_id)
            shown = self._message(chat, method.text, method.reply_markup, next(self._ids))
            self.screens.setdefault(chat, []).append(shown)
            return shown
        if isinstance(method, EditMessageText):
            chat = int(method.chat_id or 0)
            shown = self._message(
                chat, method.text or "", method.reply_markup, method.message_id or 0
            )
            self.screens.setdefault(chat, []).append(shown)
            return shown
        if isinstance(method, SendDocument):
            document = method.document
            assert isinstance(document, BufferedInputFile)
            chat = int(method.chat_id)
            self.documents.append(
                (chat, document.filename or "", document.data, method.caption or "")
            )
            return self._message(chat, "", None, next(self._ids))
        raise AssertionError(f"unexpected call: {method.__api_method__}")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def dispatcher(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> AsyncIterator[Dispatcher]:
    work = SqlUnitOfWork(session_factory, clock)
    for user_id, name, zone in (
        (SAM, "Sam", "Europe/Berlin"),
        (KIM, "Kim", "Europe/Berlin"),
        (ALEX, "Alex", "America/New_York"),
        (MASHA, "Masha", "Europe/Berlin"),
    ):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
        async with work:
            user = await work.users.get(user_id)
            assert user is not None
            await work.users.update(replace(user, time_zone=zone))
            await work.commit()
    for coach in (SAM, KIM):
        await BecomeCoach(work, clock)(coach)
    _, payload = await CreateInvite(work, clock)(SAM, multi_use=True)
    for athlete in (ALEX, MASHA):
        await AcceptInvite(work, clock, CoachingWords())(payload, athlete)
    dispatcher = build_dispatcher(
        session_factory,
        SqlStorage(session_factory),
        clock,
        HandledUpdates(),
        InFlightUpdates(),
        message_manager=MockMessageManager(),
    )
    dispatcher["bot_username"] = "spotter_test_bot"
    dispatcher["bot_id"] = BOT_ID
    yield dispatcher
    await dispatcher["rest_timers"].close()


@pytest.fixture
def telegram() -> Telegram:
    return Telegram()


_first_update = itertools.count(1, 100_000)


def person(dispatcher: Dispatcher, telegram: Telegram, user_id: int) -> BotClient:
    client = BotClient(dispatcher, user_id=user_id, chat_id=user_id, bot=telegram)
    client.last_update_id = next(_first_update)  # people's update ids never collide
    return client


async def press(client: BotClient, telegram: Telegram, label: str) -> None:
    await client.click(telegram.last(client.user.id), InlineButtonTextLocator(label))


async def forge(client: BotClient, data: CallbackData) -> None:
    """A button nobody was shown: callback data made up by the presser."""
    fake = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=client.chat,
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text="…",
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="x", callback_data=data.pack())]]
        ),
    )
    await client.click(fake, InlineButtonTextLocator("x"))


async def sam_has_mornings(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    spec = WindowSpec(
        frozenset({0, 2}), time(7), time(12), timedelta(hours=1), timedelta(minutes=15)
    )
    await AddWindow(SqlUnitOfWork(session_factory, clock))(SAM, spec)


async def test_a_bad_availability_line_is_explained_and_a_good_one_added_then_removed(
    dispatcher: Dispatcher, telegram: Telegram
) -> None:
    sam = person(dispatcher, telegram, SAM)

    await sam.send("/availability Mon Wed 07:00-12:00 60min buffer 999")
    bad = telegram.last(SAM).text or ""
    await sam.send("/availability")
    empty = telegram.last(SAM).text or ""
    await sam.send("/availability Mon Wed 07:00-12:00 60min buffer 15")
    added = telegram.last(SAM).text or ""
    await press(sam, telegram, "❌ Remove 1")
    removed = telegram.last(SAM).text or ""

    assert "A buffer is minutes between slots" in bad
    assert "<code>999</code>" in bad
    assert "No windows yet" in empty
    assert "1. Mon Wed 07:00–12:00, 60 min slots · 15 min buffer" in added
    assert "No windows yet" in removed


async def test_an_athlete_is_told_only_a_coach_has_availability(
    dispatcher: Dispatcher, telegram: Telegram
) -> None:
    alex = person(dispatcher, telegram, ALEX)

    await alex.send("/availability Mon 07:00-12:00 60min")

    assert "Only a coach" in (telegram.last(ALEX).text or "")


async def test_the_athlete_books_in_their_own_zone_and_gets_the_calendar_file(
    dispatcher: Dispatcher,
    telegram: Telegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
) -> None:
    await sam_has_mornings(session_factory, clock)
    alex = person(dispatcher, telegram, ALEX)

    await alex.send("/book")
    today = telegram.last(ALEX)
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "▶️")
    wednesday = telegram.last(ALEX)
    await press(alex, telegram, "01:00")
    booked = telegram.last(ALEX).text or ""
    await press(alex, telegram, "📅 Add to calendar")

    # Monday in New York: only Sam's 10:45 (04:45 New York) is still ahead at 04:30.
    assert [b.text for b in today.reply_markup.inline_keyboard[0]] == ["04:45"]  # type: ignore[union-attr]
    assert "Mon 02.03 · your time (America/New_York)" in (today.text or "")
    assert [b.text for b in wednesday.reply_markup.inline_keyboard[0]] == [  # type: ignore[union-attr]
        "01:00",
        "02:15",
        "03:30",
        "04:45",
    ]
    assert "Booked: <b>Wed 04.03, 01:00–02:00</b> (your time, America/New_York) with Sam" in booked
    [(chat, name, data, caption)] = telegram.documents
    assert (chat, name) == (ALEX, "session-1.ics")
    assert b"DTSTART:20260304T060000Z\r\n" in data
    assert b"SUMMARY:Session with Sam\r\n" in data
    assert "Wed 04.03, 01:00–02:00" in caption


async def test_a_slot_taken_a_moment_before_says_so_and_shows_the_day_without_it(
    dispatcher: Dispatcher,
    telegram: Telegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
) -> None:
    await sam_has_mornings(session_factory, clock)
    alex, masha = person(dispatcher, telegram, ALEX), person(dispatcher, telegram, MASHA)
    for athlete in (alex, masha):
        await athlete.send("/book")
        await press(athlete, telegram, "▶️")
        await press(athlete, telegram, "▶️")

    await press(alex, telegram, "01:00")  # Alex first: 07:00 in Berlin
    await press(masha, telegram, "07:00")

    assert telegram.answers[-1].show_alert
    assert "Just taken" in (telegram.answers[-1].text or "")
    labels = [b.text for b in telegram.last(MASHA).reply_markup.inline_keyboard[0]]  # type: ignore[union-attr]
    assert labels == ["08:15", "09:30", "10:45"]


async def test_the_coach_confirms_then_marks_done_and_forged_marks_and_files_are_refused(
    dispatcher: Dispatcher,
    telegram: Telegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
) -> None:
    await sam_has_mornings(session_factory, clock)
    alex, masha = person(dispatcher, telegram, ALEX), person(dispatcher, telegram, MASHA)
    sam, kim = person(dispatcher, telegram, SAM), person(dispatcher, telegram, KIM)
    await alex.send("/book")
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "01:00")

    await sam.send("/sessions")
    listed = telegram.last(SAM).text or ""
    await press(sam, telegram, "☑️ Alex 07:00")
    confirmed = telegram.last(SAM).text or ""
    await forge(kim, Mark(booking=1, mark="n"))
    kim_refused = telegram.answers[-1]
    await forge(masha, CalendarFile(booking=1))
    masha_refused = telegram.answers[-1]
    await kim.send("/sessions")
    kim_sees = telegram.last(KIM).text or ""
    clock.current = WED_0700 + timedelta(minutes=65)
    await sam.send("/sessions")
    await press(sam, telegram, "✅ Alex 07:00")
    done = telegram.last(SAM).text or ""

    assert "Wed 04.03, 07:00–08:00 · Alex · booked" in listed
    assert "Wed 04.03, 07:00–08:00 · Alex · confirmed" in confirmed
    assert (kim_refused.show_alert, masha_refused.show_alert) == (True, True)
    assert "not yours" in (kim_refused.text or "")
    assert telegram.documents == []
    assert "No sessions" in kim_sees
    assert "Wed 04.03, 07:00–08:00 · Alex · ✅ done" in done


async def test_reminder_offsets_are_set_by_the_athlete_and_bad_ones_explained(
    dispatcher: Dispatcher, telegram: Telegram
) -> None:
    alex = person(dispatcher, telegram, ALEX)

    await alex.send("/book remind 48h 2h")
    chosen = telegram.last(ALEX).text or ""
    await alex.send("/book remind 9d")
    too_far = telegram.last(ALEX).text or ""
    await alex.send("/book remind off")
    off = telegram.last(ALEX).text or ""

    assert "Reminders 2 d, 2 h before each session" in chosen  # 48 h reads as two days
    assert "up to three, each up to 7d" in too_far
    assert "No reminders" in off


async def test_a_series_typed_in_the_athlete_s_time_is_booked_and_a_bad_one_explained(
    dispatcher: Dispatcher,
    telegram: Telegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
) -> None:
    await sam_has_mornings(session_factory, clock)
    alex = person(dispatcher, telegram, ALEX)

    await alex.send("/book series 2026-03-04 01:00 fortnightly")
    bad = telegram.last(ALEX).text or ""
    await alex.send("/book series 2026-03-04 01:00 weekly count 3 except 2026-03-11")
    booked = telegram.last(ALEX).text or ""

    assert "End it with <code>count 8</code> or <code>until 2026-06-30</code>" in bad
    # 4, 18 and 25 March at 01:00 New York time (Sam's 07:00 in Berlin: 02:00 in New York from
    # 8 March, when New York changed and Berlin had not yet).
    assert booked.splitlines() == [
        "🔁 Sessions booked: 3.",
        "• Wed 04.03, 01:00–02:00",
        "• Wed 18.03, 02:00–03:00",
        "• Wed 25.03, 02:00–03:00",
    ]


async def test_moving_a_booking_picks_a_new_slot_and_lists_only_the_new_one(
    dispatcher: Dispatcher,
    telegram: Telegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
) -> None:
    await sam_has_mornings(session_factory, clock)
    alex = person(dispatcher, telegram, ALEX)
    await alex.send("/book")
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "01:00")

    await press(alex, telegram, "↔️ Move")
    picking = telegram.last(ALEX).text or ""
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "▶️")
    await press(alex, telegram, "02:15")
    moved = telegram.last(ALEX).text or ""
    await press(alex, telegram, "➕ Book another")
    await press(alex, telegram, "📋 My bookings")
    mine = telegram.last(ALEX).text or ""

    assert "Moving Wed 04.03, 01:00: pick the new time." in picking
    assert "Moved to <b>Wed 04.03, 02:15–03:15</b> (your time, America/New_York)" in moved
    assert "1. Wed 04.03, 02:15–03:15 with Sam" in mine
    assert "01:00–02:00" not in mine
