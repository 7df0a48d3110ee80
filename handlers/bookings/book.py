"""/book for an athlete: their coach's free slots a day at a time, in the athlete's own time
zone (◀️ ▶️ between days), a tap books one (or says it was just taken), then 📅 the .ics,
❌ cancel, ↔️ move, 🔁 repeat; 📋 their bookings; `/book remind 24h 1h` or `off`; and
`/book series DATE HH:MM weekly count 8 except DATE`, a recurring appointment typed in full."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from html import escape

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from domain.athletes.model import User
from domain.bookings.ics import CalendarEvent, calendar
from domain.bookings.model import Booking, BookingStatus, TransitionError
from domain.bookings.parsing import SeriesMistake, parse_series
from domain.bookings.recurrence import Frequency
from domain.bookings.use_cases.access import (
    NoSuchBookingError,
    NoSuchSlotError,
    SlotTakenError,
    zone_of,
)
from domain.bookings.use_cases.booking import (
    Book,
    BookSeries,
    Reschedule,
    SeriesBooked,
    SlotPage,
    slot_page,
)
from domain.bookings.use_cases.booking import CancelBooking as Cancel
from domain.bookings.use_cases.reminders import OFFSETS_LIMIT, REMINDER_LIMIT, SetReminderOffsets
from domain.bookings.use_cases.sessions import booking_view, my_bookings
from domain.coaching.use_cases.invites import NoCoachError
from domain.shared.errors import NotRegisteredError
from handlers.bookings import texts
from handlers.bookings.callbacks import (
    CalendarFile,
    CancelBooking,
    DayPage,
    MoveBooking,
    MyBookings,
    Repeat,
    TakeSlot,
    moment,
    seconds,
)
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button

logger = logging.getLogger(__name__)

SLOTS_SHOWN = 90  # Telegram takes 100 buttons a message; the day's navigation needs a few
SLOT_ROW = 4
MINE_SHOWN = 20  # bookings listed, three buttons each
_OFFSET = re.compile(r"^(\d{1,3})(m|min|мин|h|ч|d|д)$", re.ASCII | re.IGNORECASE)
_UNITS = {"m": 1, "min": 1, "мин": 1, "h": 60, "ч": 60, "d": 24 * 60, "д": 24 * 60}
_SERIES = {
    "w": (Frequency.WEEKLY, 4),
    "b": (Frequency.BIWEEKLY, 4),
    "m": (Frequency.MONTHLY, 3),
}


def day_page(
    t: Translator, page: SlotPage, moving: Booking | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    zone = page.athlete_zone
    head = t.get(
        "bookings-day",
        coach=escape(page.coach.first_name),
        day=texts.day(t, datetime.combine(page.day, datetime.min.time())),
        zone=page.athlete.time_zone,
    )
    lines = [head]
    if moving is not None:
        lines.insert(
            0, t.get("bookings-moving", when=texts.when(t, moving.starts_at.astimezone(zone)))
        )
    if not page.slots:
        lines.append(t.get("bookings-day-empty"))
    moving_id = moving.id or 0 if moving is not None else 0
    buttons = [
        callback_button(
            texts.slot_label(t, slot, slot.starts_at.astimezone(zone)),
            TakeSlot(at=seconds(slot.starts_at), page=page.page, moving=moving_id),
        )
        for slot in page.slots[:SLOTS_SHOWN]
    ]
    rows = [buttons[i : i + SLOT_ROW] for i in range(0, len(buttons), SLOT_ROW)]
    turns = []
    if page.page > 0:
        turns.append(
            callback_button(
                t.get("bookings-previous-day"), DayPage(page=page.page - 1, moving=moving_id)
            )
        )
    if not page.last:
        turns.append(
            callback_button(
                t.get("bookings-next-day"), DayPage(page=page.page + 1, moving=moving_id)
            )
        )
    if turns:
        rows.append(turns)
    rows.append([callback_button(t.get("bookings-mine-button"), MyBookings())])
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=rows)


def booked_card(
    t: Translator, booking: Booking, athlete: User, coach: User, head: str
) -> tuple[str, InlineKeyboardMarkup]:
    zone = zone_of(athlete)
    at = seconds(booking.starts_at)
    text = t.get(
        head,
        when=texts.when(t, booking.starts_at.astimezone(zone), booking.ends_at),
        zone=athlete.time_zone,
        coach=escape(coach.first_name),
    )
    rows = [
        [
            callback_button(t.get("bookings-ics-button"), CalendarFile(booking=booking.id or 0)),
            callback_button(
                t.get("bookings-cancel-button"), CancelBooking(booking=booking.id or 0)
            ),
            callback_button(t.get("bookings-move-button"), MoveBooking(booking=booking.id or 0)),
        ],
        [
            callback_button(t.get("bookings-repeat-weekly-button"), Repeat(at=at, every="w")),
            callback_button(t.get("bookings-repeat-biweekly-button"), Repeat(at=at, every="b")),
        ],
        [
            callback_button(t.get("bookings-repeat-monthly-button"), Repeat(at=at, every="m")),
            callback_button(t.get("bookings-another-button"), DayPage(page=0)),
        ],
    ]
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def _edit(callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    if isinstance(callback.message, Message):
        try:
            await callback.message.edit_text(text, reply_markup=markup)
        except TelegramAPIError as error:  # unchanged, or too old to edit
            logger.info("bookings card not edited: %s", error)


async def on_book(message: Message, command: CommandObject, deps: Deps) -> None:
    t = deps.t
    words = (command.args or "").split()
    if words and words[0].lower() in {"remind", "напоминания"}:
        await _remind(message, words[1:], deps)
        return
    if words and words[0].lower() in {"series", "серия"}:
        await _series(message, words[1:], deps)
        return
    try:
        page = await slot_page(deps.uow, deps.clock, deps.user_id, 0)
    except NoCoachError:
        await message.answer(t.get("bookings-no-coach"))
        return
    except NotRegisteredError:
        await message.answer(t.get("common-register-first"))
        return
    text, markup = day_page(t, page)
    await message.answer(text, reply_markup=markup)


async def _remind(message: Message, words: list[str], deps: Deps) -> None:
    t = deps.t
    chosen: list[timedelta] = []
    for word in words:
        found = _OFFSET.match(word)
        if found is None:
            break
        chosen.append(timedelta(minutes=int(found[1]) * _UNITS[found[2].lower()]))
    off = [w.lower() for w in words] in (["off"], ["выкл"])
    valid = (
        len(chosen) == len(words)
        and 0 < len(chosen) <= OFFSETS_LIMIT
        and all(timedelta(0) < o <= REMINDER_LIMIT for o in chosen)
    )
    if not off and not valid:
        await message.answer(t.get("bookings-remind-usage"))
        return
    offsets = tuple(sorted(set(chosen), reverse=True))
    try:
        await SetReminderOffsets(deps.uow)(deps.user_id, () if off else offsets)
    except NotRegisteredError:
        await message.answer(t.get("common-register-first"))
        return
    if off:
        await message.answer(t.get("bookings-remind-off"))
    else:
        await message.answer(t.get("bookings-remind-set", offsets=texts.offsets(t, offsets)))


async def _series(message: Message, words: list[str], deps: Deps) -> None:
    """`/book series 2026-03-04 07:00 weekly count 8 except 2026-03-18`, in the athlete's time."""
    t = deps.t
    spec = parse_series(words)
    if isinstance(spec, SeriesMistake):
        text = t.get("bookings-series-problem", problem=spec.problem.value)
        if spec.word:
            text += "\n" + t.get("bookings-problem-word", word=escape(spec.word[:24]))
        await message.answer(text + "\n\n" + t.get("bookings-series-usage"))
        return
    try:
        done = await BookSeries(deps.uow, deps.clock).typed(deps.user_id, spec)
    except NotRegisteredError:
        await message.answer(t.get("common-register-first"))
        return
    except NoCoachError:
        await message.answer(t.get("bookings-no-coach"))
        return
    except NoSuchSlotError:
        await message.answer(t.get("bookings-series-not-slot"))
        return
    await message.answer(await _series_text(t, deps, done))


async def _series_text(t: Translator, deps: Deps, done: SeriesBooked) -> str:
    mine = await my_bookings(deps.uow, deps.clock, deps.user_id)
    zone = zone_of(mine.athlete)
    lines = [t.get("bookings-series-booked", booked=len(done.booked))]
    lines += [f"• {texts.when(t, b.starts_at.astimezone(zone), b.ends_at)}" for b in done.booked]
    if done.skipped:
        dates = ", ".join(texts.when(t, m.astimezone(zone)) for m in done.skipped)
        lines.append(t.get("bookings-series-skipped", dates=dates))
    return "\n".join(lines)


async def _moving(deps: Deps, athlete_id: int, booking_id: int) -> Booking | None:
    """The presser's own active booking of that id, if any (the id comes from callback data)."""
    if not booking_id:
        return None
    try:
        mine = await my_bookings(deps.uow, deps.clock, athlete_id)
    except NotRegisteredError:
        return None
    return next((b for b in mine.bookings if b.id == booking_id), None)


async def on_day(callback: CallbackQuery, callback_data: DayPage, deps: Deps) -> None:
    t = deps.t
    presser = callback.from_user.id
    try:
        page = await slot_page(deps.uow, deps.clock, presser, callback_data.page)
    except (NoCoachError, NotRegisteredError):
        await callback.answer(t.get("bookings-no-coach"), show_alert=True)
        return
    moving = await _moving(deps, presser, callback_data.moving)
    await callback.answer()
    await _edit(callback, *day_page(t, page, moving))


async def on_take(callback: CallbackQuery, callback_data: TakeSlot, deps: Deps) -> None:
    """A slot tapped: booked, or just taken by someone else (the day is shown again)."""
    t = deps.t
    presser = callback.from_user.id
    starts_at = moment(callback_data.at)
    try:
        if callback_data.moving:
            booking = await Reschedule(deps.uow, deps.clock, texts.BookingWords(deps.catalogue))(
                presser, callback_data.moving, starts_at
            )
            head, already = "bookings-moved", False
        else:
            booked = await Book(deps.uow, deps.clock, texts.BookingWords(deps.catalogue))(
                presser, starts_at
            )
            booking, head, already = booked.booking, "bookings-booked", booked.already
    except NoCoachError:
        await callback.answer(t.get("bookings-no-coach"), show_alert=True)
        return
    except (SlotTakenError, NoSuchSlotError) as error:
        key = "bookings-just-taken" if isinstance(error, SlotTakenError) else "bookings-slot-gone"
        await callback.answer(t.get(key), show_alert=True)
        page = await slot_page(deps.uow, deps.clock, presser, callback_data.page)
        await _edit(
            callback, *day_page(t, page, await _moving(deps, presser, callback_data.moving))
        )
        return
    except (NoSuchBookingError, TransitionError):
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    view = await booking_view(deps.uow, presser, booking.id or 0)
    await callback.answer(t.get("bookings-already") if already else None)
    await _edit(callback, *booked_card(t, booking, view.athlete, view.coach, head))


async def on_repeat(callback: CallbackQuery, callback_data: Repeat, deps: Deps) -> None:
    t = deps.t
    series = _SERIES.get(callback_data.every)
    if series is None:
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    frequency, count = series
    try:
        done = await BookSeries(deps.uow, deps.clock)(
            callback.from_user.id, moment(callback_data.at), frequency, count=count
        )
    except (NoCoachError, NoSuchSlotError):
        await callback.answer(t.get("bookings-slot-gone"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(await _series_text(t, deps, done))


def mine_card(
    t: Translator, athlete: User, coach: User | None, bookings: list[Booking]
) -> tuple[str, InlineKeyboardMarkup | None]:
    zone = zone_of(athlete)
    if not bookings:
        return t.get("bookings-mine-none"), None
    lines = [t.get("bookings-mine", zone=athlete.time_zone)]
    rows = []
    for number, booking in enumerate(bookings[:MINE_SHOWN], start=1):
        starts = booking.starts_at.astimezone(zone)
        lines.append(
            t.get(
                "bookings-mine-line",
                number=number,
                when=texts.when(t, starts, booking.ends_at),
                coach=escape(coach.first_name) if coach is not None else "—",
                status=booking.status.value,
            )
        )
        short = f"{texts.day(t, starts)} {starts:%H:%M}"
        rows.append(
            [
                callback_button(
                    t.get("bookings-ics-at-button", time=short),
                    CalendarFile(booking=booking.id or 0),
                ),
                callback_button(
                    t.get("bookings-cancel-at-button", time=short),
                    CancelBooking(booking=booking.id or 0),
                ),
                callback_button(
                    t.get("bookings-move-at-button", time=short),
                    MoveBooking(booking=booking.id or 0),
                ),
            ]
        )
    rows.append([callback_button(t.get("bookings-another-button"), DayPage(page=0))])
    lines += ["", t.get("bookings-mine-tips")]
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=rows)


async def on_mine(callback: CallbackQuery, deps: Deps) -> None:
    try:
        mine = await my_bookings(deps.uow, deps.clock, callback.from_user.id)
    except NotRegisteredError:
        await callback.answer(deps.t.get("common-register-first"), show_alert=True)
        return
    await callback.answer()
    await _edit(callback, *mine_card(deps.t, mine.athlete, mine.coach, mine.bookings))


async def on_cancel(callback: CallbackQuery, callback_data: CancelBooking, deps: Deps) -> None:
    t = deps.t
    try:
        cancelled = await Cancel(deps.uow, deps.clock, texts.BookingWords(deps.catalogue))(
            callback.from_user.id, callback_data.booking
        )
    except NoSuchBookingError:
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    except TransitionError:
        await callback.answer(t.get("bookings-too-late"), show_alert=True)
        return
    view = await booking_view(deps.uow, callback.from_user.id, cancelled.id or 0)
    starts = cancelled.starts_at.astimezone(zone_of(view.viewer))
    text = t.get("bookings-cancelled", when=texts.when(t, starts, cancelled.ends_at))
    await callback.answer(text)
    await _edit(callback, text, None)


async def on_move(callback: CallbackQuery, callback_data: MoveBooking, deps: Deps) -> None:
    t = deps.t
    presser = callback.from_user.id
    moving = await _moving(deps, presser, callback_data.booking)
    if moving is None:
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    try:
        page = await slot_page(deps.uow, deps.clock, presser, 0)
    except NoCoachError:
        await callback.answer(t.get("bookings-no-coach"), show_alert=True)
        return
    await callback.answer()
    await _edit(callback, *day_page(t, page, moving))


async def on_calendar_file(
    callback: CallbackQuery, callback_data: CalendarFile, deps: Deps
) -> None:
    """📅: the booking as an .ics document, for either of its sides."""
    t = deps.t
    presser = callback.from_user.id
    try:
        view = await booking_view(deps.uow, presser, callback_data.booking)
    except NoSuchBookingError:
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    booking = view.booking
    other = view.coach if presser == booking.athlete_id else view.athlete
    event = CalendarEvent(
        booking.id or 0,
        booking.starts_at,
        booking.ends_at,
        booking.booked_at,
        t.get("bookings-ics-summary", name=other.first_name),
        cancelled=booking.status == BookingStatus.CANCELLED,
    )
    text = calendar(event, f"{deps.bot_username or 'spotter'}.t.me")
    starts = booking.starts_at.astimezone(zone_of(view.viewer))
    await callback.answer()
    await deps.bot.send_document(
        presser,
        BufferedInputFile(text.encode(), filename=f"session-{booking.id}.ics"),
        caption=t.get("bookings-ics-caption", when=texts.when(t, starts, booking.ends_at)),
    )


def build_router() -> Router:
    router = Router(name="book")
    router.message.register(on_book, Command("book"), F.chat.type == "private")
    router.callback_query.register(on_day, DayPage.filter())
    router.callback_query.register(on_take, TakeSlot.filter())
    router.callback_query.register(on_repeat, Repeat.filter())
    router.callback_query.register(on_mine, MyBookings.filter())
    router.callback_query.register(on_cancel, CancelBooking.filter())
    router.callback_query.register(on_move, MoveBooking.filter())
    router.callback_query.register(on_calendar_file, CalendarFile.filter())
    return router
