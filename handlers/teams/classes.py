"""A team's classes in its group: /class (schedule, cancel a date, the late window), /classes
(the next cards), ✅ / ❌ on a card for the presser only, 📋 the attendance sheet sent to the
coach in private (45 people a page, ◀️ ▶️ between pages), and 🔕 under a reminder.

The group hears one message per command; a tap edits the card in place and answers the presser
alone (a toast or an alert), so taps never add group messages (Telegram: 20 a minute a group).
"""

from __future__ import annotations

import logging
import re
import time
from datetime import timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from pydantic import Field

from domain.outbox.model import Action, Button
from domain.shared.time import local_day
from domain.teams.classes import (
    Attendance,
    ClassSpec,
    parse_classes,
    parse_date,
    parse_time,
)
from domain.teams.model import Actor
from domain.teams.use_cases.classes import (
    CancelClassDate,
    ClassCard,
    ClassClosedError,
    MarkAttendance,
    NoSuchClassError,
    NotMemberError,
    Rsvp,
    RsvpOutcome,
    ScheduleClasses,
    SetLateCancelWindow,
    attendance_sheet,
    set_class_reminders,
    upcoming_cards,
)
from domain.teams.use_cases.membership import NotAllowedError, NoTeamError, team_view
from handlers.common.callback_fields import Position, RowId, UserId
from handlers.common.deps import Deps
from handlers.common.i18n import Catalogue, Translator
from handlers.common.keyboards import callback_button
from handlers.common.profiles import profile_of
from handlers.teams import classes_texts as texts
from handlers.teams.admins import is_chat_admin
from handlers.teams.card_edits import card_edits

logger = logging.getLogger(__name__)

GROUPS = F.chat.type.in_({"group", "supergroup"})
ChatId = Annotated[int, Field(ge=-(2**52), le=-1)]  # a group's id
_LATE = re.compile(r"^(\d{1,3})(min|m|h)$")
_MARKS = {"p": Attendance.PRESENT, "n": Attendance.NO_SHOW}


class ClassRsvp(CallbackData, prefix="tcr"):
    occurrence: RowId
    going: bool


class ClassSheet(CallbackData, prefix="tcs"):
    occurrence: RowId


class ClassMark(CallbackData, prefix="tcm"):
    occurrence: RowId
    chat: ChatId  # the group whose card it came from: checked against the occurrence's team
    user: UserId
    mark: str  # "p" present, "n" no-show


class ClassSheetPage(CallbackData, prefix="tcp"):
    occurrence: RowId
    chat: ChatId  # as in ClassMark
    page: Position


class ClassRemindersOff(CallbackData, prefix="tco"):
    team: RowId


def card_markup(t: Translator, view: ClassCard) -> InlineKeyboardMarkup | None:
    if view.cancelled:
        return None
    occurrence = view.occurrence.id or 0
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                callback_button(
                    t.get("classes-in-button"), ClassRsvp(occurrence=occurrence, going=True)
                ),
                callback_button(
                    t.get("classes-out-button"), ClassRsvp(occurrence=occurrence, going=False)
                ),
            ],
            [callback_button(t.get("classes-sheet-button"), ClassSheet(occurrence=occurrence))],
        ]
    )


def sheet_markup(t: Translator, view: ClassCard, page: int = 0) -> InlineKeyboardMarkup:
    """A page of the sheet: two buttons a person, ◀️ ▶️ between pages (Telegram takes 100
    buttons a message)."""
    occurrence, chat = view.occurrence.id or 0, view.team.chat_id
    page, people = texts.sheet_page(view, page)
    rows = []
    for booking in people:
        name = view.names.get(booking.user_id, str(booking.user_id))
        rows.append(
            [
                callback_button(
                    t.get(key, name=name),
                    ClassMark(occurrence=occurrence, chat=chat, user=booking.user_id, mark=mark),
                )
                for key, mark in (("classes-present-button", "p"), ("classes-no-show-button", "n"))
            ]
        )
    turns = [
        callback_button(t.get(key), ClassSheetPage(occurrence=occurrence, chat=chat, page=to))
        for key, to, shown in (
            ("classes-sheet-previous", page - 1, page > 0),
            ("classes-sheet-next", page + 1, page + 1 < texts.sheet_pages(view)),
        )
        if shown
    ]
    if turns:
        rows.append(turns)
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _occurrence_of(message: Message | None) -> int | None:
    """The occurrence a card of ours is about, read from its ✅ button."""
    markup = message.reply_markup if message is not None else None
    for row in markup.inline_keyboard if markup is not None else []:
        for button in row:
            if button.callback_data and button.callback_data.startswith(ClassRsvp.__prefix__):
                return ClassRsvp.unpack(button.callback_data).occurrence
    return None


async def _actor(message: Message, bot: Bot) -> Actor:
    sender = message.from_user
    user_id = sender.id if sender is not None and message.sender_chat is None else 0
    admin = await is_chat_admin(bot, message.chat.id, user_id or None, message.sender_chat)
    return Actor(user_id, chat_admin=admin)


async def _post(message: Message, t: Translator, view: ClassCard, head: str = "") -> None:
    text = texts.card(t, view)
    await message.answer(f"{head}\n{text}" if head else text, reply_markup=card_markup(t, view))


async def on_class(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    t = deps.t
    args = (command.args or "").strip()
    first = args.split(maxsplit=1)[0].lower() if args else ""
    try:
        if not args:
            view = await team_view(deps.uow, message.chat.id, 0)
            await message.answer(t.get("classes-help", zone=view.team.time_zone))
        elif first == "cancel":
            await _cancel_date(message, args.split()[1:], bot, deps)
        elif first == "late":
            await _late_window(message, args.split()[1:], bot, deps)
        else:
            await _schedule(message, args, bot, deps)
    except NoTeamError:
        await message.answer(t.get("classes-no-team"))
    except NotAllowedError:
        await message.answer(t.get("classes-not-allowed"))


async def _schedule(message: Message, args: str, bot: Bot, deps: Deps) -> None:
    t = deps.t
    view = await team_view(deps.uow, message.chat.id, 0)
    today = local_day(deps.clock.now(), ZoneInfo(view.team.time_zone))
    parsed = parse_classes(args, today)
    if not all(isinstance(spec, ClassSpec) for spec in parsed):
        await message.answer(texts.problems(t, [p for p in parsed if not isinstance(p, ClassSpec)]))
        return
    specs = [spec for spec in parsed if isinstance(spec, ClassSpec)]
    actor = await _actor(message, bot)
    person = profile_of(message.from_user) if actor.user_id and message.from_user else None
    cards = await ScheduleClasses(deps.uow, deps.clock)(message.chat.id, actor, person, specs)
    if len(specs) == 1 and len(cards) == 1:
        await _post(message, t, cards[0], t.get("classes-scheduled-one"))
    else:
        await message.answer(t.get("classes-scheduled", count=len(specs)))


async def _cancel_date(message: Message, words: list[str], bot: Bot, deps: Deps) -> None:
    t = deps.t
    day = parse_date(words[0]) if words else None
    at = parse_time(words[1]) if len(words) > 1 else None
    if day is None or (len(words) > 1 and at is None) or len(words) > 2:
        await message.answer(t.get("classes-cancel-usage"))
        return
    replied = message.reply_to_message
    ours = (
        replied
        if replied is not None and replied.from_user and replied.from_user.id == deps.bot_id
        else None
    )
    try:
        view = await CancelClassDate(deps.uow, deps.clock)(
            message.chat.id,
            await _actor(message, bot),
            day,
            occurrence_id=_occurrence_of(ours),
            at=at,
        )
    except NoSuchClassError:
        await message.answer(t.get("classes-no-such-class"))
        return
    if ours is not None and _occurrence_of(ours) == view.occurrence.id:
        await _edit(ours, t, view)
    await message.answer(t.get("classes-date-cancelled", when=texts.when(t, view.starts)))


async def _late_window(message: Message, words: list[str], bot: Bot, deps: Deps) -> None:
    t = deps.t
    found = _LATE.match(words[0].lower()) if len(words) == 1 else None
    minutes = 0 if found is None else int(found[1]) * (60 if found[2] == "h" else 1)
    if not 0 < minutes <= 48 * 60:
        await message.answer(t.get("classes-late-usage"))
        return
    window = timedelta(minutes=minutes)
    await SetLateCancelWindow(deps.uow)(message.chat.id, await _actor(message, bot), window)
    await message.answer(t.get("classes-late-set", hours=_hours(window)))


async def on_classes(message: Message, deps: Deps) -> None:
    """Today's cards not over yet, or the next day's: each one message, three at most."""
    t = deps.t
    try:
        cards = await upcoming_cards(deps.uow, deps.clock, message.chat.id)
    except NoTeamError:
        await message.answer(t.get("classes-no-team"))
        return
    if not cards:
        await message.answer(t.get("classes-none"))
    for view in cards:
        await _post(message, t, view)


async def _edit(card: Message, t: Translator, view: ClassCard) -> None:
    """In place, at the group's pace (handlers/teams/card_edits.py)."""
    if card.bot is not None:
        text, markup = texts.card(t, view), card_markup(t, view)
        card_edits.edit(
            card.bot, card.chat.id, card.message_id, text, markup, read_at=time.monotonic()
        )


_TOASTS = {
    RsvpOutcome.BOOKED: "classes-booked",
    RsvpOutcome.ALREADY: "classes-already",
    RsvpOutcome.CANCELLED: "classes-cancelled",
    RsvpOutcome.NOT_IN: "classes-not-in",
}


async def on_rsvp(callback: CallbackQuery, callback_data: ClassRsvp, deps: Deps) -> None:
    """For the presser only, on the card of this chat's team; the card is edited in place."""
    t = deps.t
    card = callback.message if isinstance(callback.message, Message) else None
    if card is None:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    rsvp = Rsvp(deps.uow, deps.clock, texts.ClassWords(deps.catalogue))
    try:
        result = await rsvp(
            callback_data.occurrence, card.chat.id, callback.from_user.id, going=callback_data.going
        )
    except NoTeamError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    except NotMemberError:
        await callback.answer(t.get("classes-join-first"), show_alert=True)
        return
    except ClassClosedError:
        await callback.answer(t.get("classes-closed"), show_alert=True)
        return
    if result.outcome == RsvpOutcome.WAITING:
        await callback.answer(t.get("classes-waiting", position=result.position), show_alert=True)
    elif result.outcome == RsvpOutcome.CANCELLED_LATE:
        hours = _hours(result.late_cancel)
        await callback.answer(t.get("classes-cancelled-late", hours=hours), show_alert=True)
    else:
        await callback.answer(t.get(_TOASTS[result.outcome]))
    if result.outcome not in {RsvpOutcome.ALREADY, RsvpOutcome.NOT_IN}:
        await _edit(card, t, result.card)


def _hours(window: timedelta) -> int | str:
    """Whole hours as an integer (for plurals), else formatted to a tenth."""
    minutes = int(window.total_seconds() // 60)
    return minutes // 60 if minutes % 60 == 0 else f"{minutes / 60:.1f}"


async def on_sheet(
    callback: CallbackQuery, callback_data: ClassSheet, bot: Bot, deps: Deps
) -> None:
    """📋 on the card: the attendance sheet, in the coach's private chat."""
    t = deps.t
    card = callback.message if isinstance(callback.message, Message) else None
    if card is None:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    presser = callback.from_user.id
    actor = Actor(presser, await is_chat_admin(bot, card.chat.id, presser))
    try:
        view = await attendance_sheet(deps.uow, callback_data.occurrence, card.chat.id, actor)
    except NoTeamError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    except NotAllowedError:
        await callback.answer(t.get("classes-not-allowed"), show_alert=True)
        return
    try:
        await bot.send_message(presser, texts.sheet(t, view), reply_markup=sheet_markup(t, view))
    except TelegramForbiddenError:
        await callback.answer(
            t.get("classes-start-me-first", bot=deps.bot_username), show_alert=True
        )
        return
    except TelegramAPIError as error:
        logger.warning("attendance sheet not sent: %s", error)
        await callback.answer(t.get("classes-sheet-not-sent"), show_alert=True)
        return
    await callback.answer(t.get("classes-sheet-sent"))


async def on_mark(callback: CallbackQuery, callback_data: ClassMark, bot: Bot, deps: Deps) -> None:
    """A mark from the sheet: re-authorised against the presser and the group named."""
    t = deps.t
    mark = _MARKS.get(callback_data.mark)
    presser = callback.from_user.id
    if mark is None:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    actor = Actor(presser, await is_chat_admin(bot, callback_data.chat, presser))
    try:
        view = await MarkAttendance(deps.uow)(
            callback_data.occurrence, callback_data.chat, actor, callback_data.user, mark
        )
    except (NoTeamError, ClassClosedError):
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    except NotAllowedError:
        await callback.answer(t.get("classes-not-allowed"), show_alert=True)
        return
    except LookupError:
        await callback.answer(t.get("classes-not-booked"), show_alert=True)
        return
    await callback.answer(t.get("classes-marked"))
    booked = [b.user_id for b in view.roster.booked]
    page = booked.index(callback_data.user) // texts.SHEET_PAGE  # the marked person's page
    await _show_sheet_page(callback, t, view, page)


async def on_sheet_page(
    callback: CallbackQuery, callback_data: ClassSheetPage, bot: Bot, deps: Deps
) -> None:
    """◀️ ▶️ on the sheet: re-authorised like a mark."""
    t = deps.t
    presser = callback.from_user.id
    actor = Actor(presser, await is_chat_admin(bot, callback_data.chat, presser))
    try:
        view = await attendance_sheet(deps.uow, callback_data.occurrence, callback_data.chat, actor)
    except NoTeamError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    except NotAllowedError:
        await callback.answer(t.get("classes-not-allowed"), show_alert=True)
        return
    await callback.answer()
    await _show_sheet_page(callback, t, view, callback_data.page)


async def _show_sheet_page(
    callback: CallbackQuery, t: Translator, view: ClassCard, page: int
) -> None:
    if isinstance(callback.message, Message):
        try:
            await callback.message.edit_text(
                texts.sheet(t, view, page), reply_markup=sheet_markup(t, view, page)
            )
        except TelegramAPIError as error:
            logger.info("attendance sheet not edited: %s", error)


async def on_reminders_off(
    callback: CallbackQuery, callback_data: ClassRemindersOff, deps: Deps
) -> None:
    """🔕 under a reminder: the presser's own reminders from that team, nobody else's."""
    t = deps.t
    try:
        await set_class_reminders(deps.uow, callback_data.team, callback.from_user.id, on=False)
    except NoTeamError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    except NotMemberError:
        await callback.answer(t.get("classes-reminders-not-member"), show_alert=True)
        return
    await callback.answer(t.get("classes-reminders-off"))
    if isinstance(callback.message, Message):
        try:
            await callback.message.edit_reply_markup(reply_markup=None)
        except TelegramAPIError as error:
            logger.info("reminder buttons not removed: %s", error)


class ClassButtons:
    """🔕 under a class reminder (it names the team), labelled in the recipient's language."""

    actions = frozenset({Action.SKIP_CLASS_REMINDERS})

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def button(self, t: Translator, button: Button) -> InlineKeyboardButton:
        team = int(dict(button.parameters)["team"])
        return InlineKeyboardButton(
            text=t.get("classes-reminders-off-button"),
            callback_data=ClassRemindersOff(team=team).pack(),
        )


def build_router() -> Router:
    router = Router(name="team_classes")
    router.message.register(on_class, GROUPS, Command("class"))
    router.message.register(on_classes, GROUPS, Command("classes"))
    router.callback_query.register(on_rsvp, ClassRsvp.filter())
    router.callback_query.register(on_sheet, ClassSheet.filter())
    router.callback_query.register(on_mark, ClassMark.filter())
    router.callback_query.register(on_sheet_page, ClassSheetPage.filter())
    router.callback_query.register(on_reminders_off, ClassRemindersOff.filter())
    return router
