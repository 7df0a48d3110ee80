"""What a class looks like in Telegram stays within Telegram's limits however big the class:
the card names the first few and counts the rest, the attendance sheet comes in pages of at
most 45 people (two buttons each, under the 100 a message), and a sheet Telegram refuses is a
short alert to the coach, not "sorry"."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SendMessage
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from domain.teams.classes import (
    Booking,
    BookingStatus,
    LineProblem,
    Occurrence,
    Roster,
    TeamClass,
    parse_classes,
)
from domain.teams.model import Team
from domain.teams.use_cases.classes import ClassCard
from handlers.common.deps import Deps
from handlers.common.i18n import Catalogue
from handlers.teams import classes, classes_texts

T = Catalogue.load().translator("en")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TEAM = Team(1, -1001, "North Gym", NOW)
TELEGRAM_TEXT_LIMIT, TELEGRAM_BUTTON_LIMIT = 4096, 100


def big_class(booked: int, waiting: int, capacity: int = 500) -> ClassCard:
    """A class with `booked` people in and `waiting` waiting, each with a 64-character name
    full of characters HTML escapes."""
    team_class = TeamClass(7, 1, 5, time(10), timedelta(hours=1), capacity, on=date(2026, 3, 3))
    occurrence = Occurrence(9, 7, date(2026, 3, 3), datetime(2026, 3, 3, 10, tzinfo=UTC))
    bookings = tuple(
        Booking(
            n,
            9,
            1000 + n,
            BookingStatus.BOOKED if n <= booked else BookingStatus.WAITING,
            n,
            NOW,
        )
        for n in range(1, booked + waiting + 1)
    )
    names = {b.user_id: f"{b.user_id}&<>" + "W" * 57 for b in bookings} | {5: "C" * 64}
    return ClassCard(TEAM, team_class, occurrence, Roster(bookings), names, cancelled=False)


def shown(text: str) -> str:
    """What Telegram counts: the text with the HTML parsed."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def buttons(markup: InlineKeyboardMarkup) -> int:
    return sum(len(row) for row in markup.inline_keyboard)


def test_a_full_class_of_500_with_a_long_waitlist_fits_one_card() -> None:
    """Review: the card listed everyone, past Telegram's 4096 characters with a big class."""
    view = big_class(booked=500, waiting=300)

    text = shown(classes_texts.card(T, view))

    assert len(text) < TELEGRAM_TEXT_LIMIT * 3 // 4
    assert "In (500/500): 1001&<>" in text
    assert "+480 more" in text
    assert "Waitlist: 1. 1501&<>" in text
    assert "+290 more" in text


def test_a_small_class_card_names_everyone() -> None:
    text = shown(classes_texts.card(T, big_class(booked=3, waiting=2, capacity=3)))

    assert "more" not in text
    assert "3. 1003" not in text  # the booked are not numbered
    assert "2. 1005&<>" in text


def test_the_sheet_of_sixty_booked_comes_in_pages_that_telegram_takes() -> None:
    """Review: two buttons a booked person: 60 booked was 120 buttons, and Telegram refused."""
    view = big_class(booked=60, waiting=5)
    pages = classes_texts.sheet_pages(view)

    marked: list[int] = []
    for page in range(pages):
        markup = classes.sheet_markup(T, view, page)
        assert buttons(markup) <= TELEGRAM_BUTTON_LIMIT
        assert len(shown(classes_texts.sheet(T, view, page))) < TELEGRAM_TEXT_LIMIT
        for row in markup.inline_keyboard:
            for button in row:
                data = button.callback_data or ""
                if data.startswith(classes.ClassMark.__prefix__):
                    mark = classes.ClassMark.unpack(data)
                    if mark.mark == "p":
                        marked.append(mark.user)
    assert pages == 2
    assert marked == [1000 + n for n in range(1, 61)]  # everyone booked, once, in order
    assert "▶️" in str(classes.sheet_markup(T, view, 0))
    assert "◀️" in str(classes.sheet_markup(T, view, 1))
    assert buttons(classes.sheet_markup(T, big_class(booked=45, waiting=0), 0)) == 90


def test_a_page_of_500_names_fits_one_message() -> None:
    view = big_class(booked=500, waiting=0)

    assert classes_texts.sheet_pages(view) == 12
    for page in range(12):
        assert buttons(classes.sheet_markup(T, view, page)) <= TELEGRAM_BUTTON_LIMIT
        assert len(shown(classes_texts.sheet(T, view, page))) < TELEGRAM_TEXT_LIMIT


@dataclass
class Presser:
    id: int


@dataclass
class Pressed:
    """A 📋 press on a card in the group, recording how it was answered."""

    message: Message
    from_user: Any = field(default_factory=lambda: Presser(5))
    answers: list[tuple[str, bool]] = field(default_factory=list)

    async def answer(self, text: str, show_alert: bool = False) -> None:
        self.answers.append((text, show_alert))


class RefusingBot:
    async def send_message(self, chat_id: int, text: str, **fields: Any) -> None:
        raise TelegramBadRequest(
            SendMessage(chat_id=chat_id, text=text), "reply markup is too long"
        )


async def test_a_sheet_telegram_refuses_is_a_short_alert_not_sorry(monkeypatch: Any) -> None:
    """Review: on_sheet caught only TelegramForbiddenError; any other refusal was "sorry"."""
    view = big_class(booked=3, waiting=0)

    async def sheet(*args: Any) -> ClassCard:
        return view

    async def admin(*args: Any) -> bool:
        return True

    monkeypatch.setattr(classes, "attendance_sheet", sheet)
    monkeypatch.setattr(classes, "is_chat_admin", admin)
    card = Message.model_validate(
        {"message_id": 3, "date": NOW, "chat": {"id": -1001, "type": "supergroup"}}
    )
    pressed = Pressed(card)
    deps = cast(Deps, type("D", (), {"t": T, "uow": None, "bot_username": "spotter_bot"})())

    await classes.on_sheet(
        cast(CallbackQuery, pressed),
        classes.ClassSheet(occurrence=9),
        cast(Bot, RefusingBot()),
        deps,
    )

    [(text, alert)] = pressed.answers
    assert alert
    assert text == T.get("classes-sheet-not-sent")
    assert len(text) <= 200


def test_a_huge_word_in_a_bad_class_line_is_named_shortly() -> None:
    """Review: `cap ²` was "sorry"; a capacity of 5,000 digits is its problem too, named short
    (Fluent takes 1,000 characters a placeable, Telegram 4,096 a message)."""
    found = parse_classes("Mon 07:00 cap " + "9" * 5000, date(2026, 3, 2))

    text = classes_texts.problems(T, [p for p in found if isinstance(p, LineProblem)])

    assert text.startswith("Nothing scheduled:\nLine 1: expected the places, like cap 12, not “999")
    assert len(text) < 200
