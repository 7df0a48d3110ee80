"""/availability for a coach: the windows, a new one typed as one line
(`Mon Wed 07:00-12:00 60min buffer 15`), days off (`off DATE [DATE]`), ❌ to remove a window."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from domain.bookings.parsing import Problem, parse_vacation, parse_window
from domain.bookings.use_cases.access import NoSuchWindowError
from domain.bookings.use_cases.availability import (
    AddWindow,
    Availability,
    RemoveWindow,
    TakeVacation,
    availability,
)
from domain.coaching.use_cases.invites import NotACoachError
from handlers.bookings import texts
from handlers.common.callback_fields import RowId
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button


class RemoveWindowButton(CallbackData, prefix="bkw"):
    window: RowId


def card(t: Translator, shown: Availability, head: str = "") -> tuple[str, InlineKeyboardMarkup]:
    lines = [head] if head else []
    lines.append(t.get("bookings-availability", zone=shown.coach.time_zone))
    lines += [texts.window_line(t, n, w) for n, w in enumerate(shown.windows, start=1)]
    if not shown.windows:
        lines.append(t.get("bookings-availability-none"))
    lines += ["", t.get("bookings-availability-help")]
    buttons = [
        callback_button(
            t.get("bookings-window-remove-button", number=n),
            RemoveWindowButton(window=w.id or 0),
        )
        for n, w in enumerate(shown.windows, start=1)
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=rows)


async def on_availability(message: Message, command: CommandObject, deps: Deps) -> None:
    t = deps.t
    args = (command.args or "").strip()
    words = args.split()
    try:
        if not args:
            shown, head = await availability(deps.uow, deps.user_id), ""
        elif words[0].lower() in {"off", "выходные"}:
            vacation = parse_vacation(words[1:])
            if isinstance(vacation, Problem):
                await message.answer(texts.problem(t, vacation))
                return
            shown = await TakeVacation(deps.uow)(deps.user_id, vacation)
            head = t.get(
                "bookings-vacation-set",
                first=vacation.first.isoformat(),
                last=vacation.last.isoformat(),
            )
        else:
            spec = parse_window(args)
            if isinstance(spec, Problem):
                await message.answer(texts.problem(t, spec))
                return
            shown = await AddWindow(deps.uow)(deps.user_id, spec)
            head = t.get("bookings-window-added")
    except NotACoachError:
        await message.answer(t.get("bookings-not-coach"))
        return
    text, markup = card(t, shown, head)
    await message.answer(text, reply_markup=markup)


async def on_remove(callback: CallbackQuery, callback_data: RemoveWindowButton, deps: Deps) -> None:
    """The presser's own window only: the id is re-read against them."""
    t = deps.t
    try:
        shown = await RemoveWindow(deps.uow)(callback.from_user.id, callback_data.window)
    except (NotACoachError, NoSuchWindowError):
        await callback.answer(t.get("bookings-window-gone"), show_alert=True)
        return
    await callback.answer(t.get("bookings-window-removed"))
    if isinstance(callback.message, Message):
        text, markup = card(t, shown)
        await callback.message.edit_text(text, reply_markup=markup)


def build_router() -> Router:
    router = Router(name="availability")
    router.message.register(on_availability, Command("availability"), F.chat.type == "private")
    router.callback_query.register(on_remove, RemoveWindowButton.filter())
    return router
