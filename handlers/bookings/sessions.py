"""/sessions for a coach: today's and the next two weeks' sessions of their current clients,
in the coach's zone, with ☑️ confirm before a session and ✅ done / 🚫 no-show from its start;
each tap re-authorised against the presser's own bookings."""

from __future__ import annotations

import logging
from html import escape

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from domain.bookings.model import BookingStatus, TransitionError
from domain.bookings.use_cases.access import NoSuchBookingError, zone_of
from domain.bookings.use_cases.sessions import MarkSession, Sessions, coach_sessions
from domain.coaching.use_cases.invites import NotACoachError
from handlers.bookings import texts
from handlers.bookings.callbacks import CalendarFile, Mark
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button

logger = logging.getLogger(__name__)

SHOWN = 30  # sessions listed: up to three buttons each, under Telegram's 100 a message
_MARKS = {"c": BookingStatus.CONFIRMED, "d": BookingStatus.COMPLETED, "n": BookingStatus.NO_SHOW}


def sessions_card(
    t: Translator, shown: Sessions, now_started: set[int]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """`now_started`: the ids of the sessions that have started (they take done / no-show)."""
    zone = zone_of(shown.coach)
    if not shown.bookings:
        return t.get("bookings-sessions-none"), None
    lines = [t.get("bookings-sessions", zone=shown.coach.time_zone)]
    rows = []
    for booking in shown.bookings[:SHOWN]:
        starts = booking.starts_at.astimezone(zone)
        name = escape(shown.names.get(booking.athlete_id, ""))
        lines.append(
            t.get(
                "bookings-sessions-line",
                when=texts.when(t, starts, booking.ends_at),
                name=name,
                status=booking.status.value,
            )
        )
        at = f"{starts:%H:%M}"
        plain = shown.names.get(booking.athlete_id, "")
        ics = callback_button(
            t.get("bookings-ics-at-button", time=at), CalendarFile(booking=booking.id or 0)
        )
        if not booking.active:
            continue
        if booking.id in now_started:
            rows.append(
                [
                    callback_button(
                        t.get(key, name=plain, time=at), Mark(booking=booking.id or 0, mark=mark)
                    )
                    for key, mark in (
                        ("bookings-done-button", "d"),
                        ("bookings-no-show-button", "n"),
                    )
                ]
                + [ics]
            )
        elif booking.status == BookingStatus.SCHEDULED:
            rows.append(
                [
                    callback_button(
                        t.get("bookings-confirm-button", name=plain, time=at),
                        Mark(booking=booking.id or 0, mark="c"),
                    ),
                    ics,
                ]
            )
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _started(shown: Sessions, deps: Deps) -> set[int]:
    now = deps.clock.now()
    return {b.id or 0 for b in shown.bookings if b.starts_at <= now}


async def on_sessions(message: Message, deps: Deps) -> None:
    try:
        shown = await coach_sessions(deps.uow, deps.clock, deps.user_id)
    except NotACoachError:
        await message.answer(deps.t.get("bookings-not-coach"))
        return
    text, markup = sessions_card(deps.t, shown, _started(shown, deps))
    await message.answer(text, reply_markup=markup)


async def on_mark(callback: CallbackQuery, callback_data: Mark, deps: Deps) -> None:
    """A mark from /sessions: the presser's own client's booking only (forged data refused)."""
    t = deps.t
    mark = _MARKS.get(callback_data.mark)
    if mark is None:
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    presser = callback.from_user.id
    try:
        marked = await MarkSession(deps.uow, deps.clock)(presser, callback_data.booking, mark)
        shown = await coach_sessions(deps.uow, deps.clock, presser)
    except (NoSuchBookingError, NotACoachError):
        await callback.answer(t.get("bookings-gone"), show_alert=True)
        return
    except TransitionError:
        await callback.answer(t.get("bookings-mark-refused"), show_alert=True)
        return
    if marked.sessions_left is not None:
        name = shown.names.get(marked.booking.athlete_id, "")
        await callback.answer(
            t.get("bookings-marked-left", name=name, left=marked.sessions_left), show_alert=True
        )
    else:
        await callback.answer(t.get("bookings-marked"))
    if isinstance(callback.message, Message):
        text, markup = sessions_card(t, shown, _started(shown, deps))
        try:
            await callback.message.edit_text(text, reply_markup=markup)
        except TelegramAPIError as error:
            logger.info("sessions card not edited: %s", error)


def build_router() -> Router:
    router = Router(name="sessions")
    router.message.register(on_sessions, Command("sessions"), F.chat.type == "private")
    router.callback_query.register(on_mark, Mark.filter())
    return router
