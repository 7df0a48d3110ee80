"""/clients: the coach's clients, one card each, and ending a coaching. Clients only."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from domain.coaching.use_cases.clients import ClientCard, ClientLine, client_card, clients_overview
from domain.coaching.use_cases.invites import EndClient, NotYourClientError, is_coach
from domain.coaching.use_cases.progression import SetProgressionMode
from domain.coaching.use_cases.reports import MuteReports
from domain.plans.use_cases.exercises import exercise_names
from domain.shared.time import local_day
from handlers.coaching import texts
from handlers.coaching.health import card_health
from handlers.coaching.messages import ShowThread, WriteClient
from handlers.coaching.programs import EditPlan, PickPlan, SetMaxes
from handlers.common.callback_fields import Position, UserId
from handlers.common.client_tools import ClientAssessments, ClientCheckIns, card_lines
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.common.nutrition_buttons import ClientNutrition

PAGE_SIZE = 10


class ShowClients(CallbackData, prefix="ccls"):
    page: Position = 0


class OpenClient(CallbackData, prefix="ccli"):
    athlete: UserId


class MuteClientReports(CallbackData, prefix="cmut"):
    athlete: UserId
    muted: bool  # what pressing makes it: the button shows the other state


class Approval(CallbackData, prefix="capr"):
    athlete: UserId
    approve: bool  # what pressing makes it: the button shows the other state


class EndCoaching(CallbackData, prefix="cend"):
    athlete: UserId
    sure: bool = False


def clients_page(
    t: Translator, lines: list[ClientLine], page: int, now: datetime
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of the list: those who need attention first. A coach with 200 clients would
    overflow a message (4096 characters) and a keyboard (100 buttons) on one page."""
    if not lines:
        return t.get("coaching-clients-empty"), None
    ordered = sorted(lines, key=lambda line: not line.attention.needed)
    pages = (len(ordered) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    shown = ordered[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    body = [t.get("coaching-clients-title", count=len(lines))]
    body += [texts.client_line(t, line, local_day(now, line.client.zone)) for line in shown]
    if any(line.attention.needed for line in shown):
        body.append(t.get("coaching-clients-hint"))
    rows = [
        [
            callback_button(
                ("⚠️ " if line.attention.needed else "") + line.client.first_name,
                OpenClient(athlete=line.client.telegram_id),
            )
        ]
        for line in shown
    ]
    if pages > 1:
        body.append(t.get("coaching-clients-page", page=page + 1, pages=pages))
        nav = []
        if page > 0:
            nav.append(callback_button("◀", ShowClients(page=page - 1)))
        if page < pages - 1:
            nav.append(callback_button("▶", ShowClients(page=page + 1)))
        rows.append(nav)
    return "\n".join(body), InlineKeyboardMarkup(inline_keyboard=rows)


async def _clients_view(
    deps: Deps, coach_id: int, page: int = 0
) -> tuple[str, InlineKeyboardMarkup | None]:
    now = deps.clock.now()
    lines = await clients_overview(deps.uow, coach_id, now)
    return clients_page(deps.t, lines, page, now)


async def on_clients(message: Message, deps: Deps) -> None:
    if not await is_coach(deps.uow, deps.user_id):
        await message.answer(deps.t.get("coaching-not-coach"))
        return
    text, keyboard = await _clients_view(deps, deps.user_id)
    await message.answer(text, reply_markup=keyboard)


async def on_show_clients(callback: CallbackQuery, callback_data: ShowClients, deps: Deps) -> None:
    if not await is_coach(deps.uow, callback.from_user.id):
        await callback.answer(deps.t.get("coaching-not-coach"), show_alert=True)
        return
    await callback.answer()
    text, keyboard = await _clients_view(deps, callback.from_user.id, callback_data.page)
    if isinstance(callback.message, Message):
        if callback_data.page:  # turning a page edits the list in place
            await callback.message.edit_text(text, reply_markup=keyboard)
        else:
            await callback.message.answer(text, reply_markup=keyboard)


async def on_open_client(callback: CallbackQuery, callback_data: OpenClient, deps: Deps) -> None:
    now = deps.clock.now()
    try:
        card = await client_card(deps.uow, callback.from_user.id, callback_data.athlete, now)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    names = await exercise_names(deps.uow)
    text = texts.card_text(deps.t, card, names, local_day(now, card.client.zone))
    if card.check_ins:
        text += "\n\n" + card_lines(deps.t, list(card.check_ins))
    health = await card_health(deps, callback_data.athlete)
    if isinstance(callback.message, Message):
        await callback.message.answer(text + health.line, reply_markup=card_keyboard(deps.t, card))
        if health.details:
            await callback.message.answer(health.details, reply_markup=health.keyboard)


def card_keyboard(t: Translator, card: ClientCard) -> InlineKeyboardMarkup:
    athlete, muted, approval = card.client.telegram_id, card.coaching.reports_muted, card.approval
    reports = "coaching-reports-on-button" if muted else "coaching-reports-off-button"
    mode = "coaching-approval-on-button" if approval else "coaching-approval-off-button"
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                callback_button(t.get("coaching-message-button"), WriteClient(athlete=athlete)),
                callback_button(t.get("coaching-thread-button"), ShowThread(athlete=athlete)),
            ],
            [
                callback_button(t.get("coaching-assign-button"), PickPlan(athlete=athlete)),
                callback_button(t.get("coaching-maxes-button"), SetMaxes(athlete=athlete)),
            ],
            [
                callback_button(t.get("coaching-edit-plan-button"), EditPlan(athlete=athlete)),
                callback_button(t.get("nutrition-client-button"), ClientNutrition(athlete=athlete)),
            ],
            [
                callback_button(t.get("checkins-card-button"), ClientCheckIns(athlete=athlete)),
                callback_button(t.get("goals-assess-button"), ClientAssessments(athlete=athlete)),
            ],
            [callback_button(t.get(reports), MuteClientReports(athlete=athlete, muted=not muted))],
            [callback_button(t.get(mode), Approval(athlete=athlete, approve=not approval))],
            [
                callback_button(t.get("coaching-end-button"), EndCoaching(athlete=athlete)),
                callback_button(t.get("coaching-back-button"), ShowClients()),
            ],
        ]
    )


async def on_mute(callback: CallbackQuery, callback_data: MuteClientReports, deps: Deps) -> None:
    try:
        await MuteReports(deps.uow)(
            callback.from_user.id, callback_data.athlete, muted=callback_data.muted
        )
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    key = "coaching-reports-off" if callback_data.muted else "coaching-reports-on"
    await callback.answer(deps.t.get(key))
    await _refresh_card_buttons(callback, deps, callback_data.athlete)


async def on_approval(callback: CallbackQuery, callback_data: Approval, deps: Deps) -> None:
    mode = SetProgressionMode(deps.uow, deps.clock)
    try:
        client = await mode(
            callback.from_user.id, callback_data.athlete, approve=callback_data.approve
        )
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    key = "coaching-approval-now-on" if callback_data.approve else "coaching-approval-now-off"
    await callback.answer(deps.t.get(key, client=client.first_name))
    await _refresh_card_buttons(callback, deps, callback_data.athlete)


async def _refresh_card_buttons(callback: CallbackQuery, deps: Deps, athlete: int) -> None:
    """The card's buttons as things are now (pressed twice, they already are)."""
    if not isinstance(callback.message, Message):
        return
    with suppress(NotYourClientError, TelegramBadRequest):
        card = await client_card(deps.uow, callback.from_user.id, athlete, deps.clock.now())
        await callback.message.edit_reply_markup(reply_markup=card_keyboard(deps.t, card))


async def on_end(callback: CallbackQuery, callback_data: EndCoaching, deps: Deps) -> None:
    message = callback.message if isinstance(callback.message, Message) else None
    if not callback_data.sure:
        try:
            card = await client_card(
                deps.uow, callback.from_user.id, callback_data.athlete, deps.clock.now()
            )
        except NotYourClientError:
            await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
            return
        await callback.answer()
        if message:
            yes = callback_button(
                deps.t.get("coaching-end-yes"),
                EndCoaching(athlete=callback_data.athlete, sure=True),
            )
            await message.answer(
                deps.t.get("coaching-end-sure", client=texts.name(card.client)),
                reply_markup=InlineKeyboardMarkup(inline_keyboard=[[yes]]),
            )
        return
    try:
        client = await EndClient(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))(
            callback.from_user.id, callback_data.athlete
        )
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if message:
        await message.edit_text(deps.t.get("coaching-ended", client=texts.name(client)))


def build_router() -> Router:
    router = Router(name="clients")
    router.message.register(on_clients, Command("clients"), F.chat.type == "private")
    router.callback_query.register(on_show_clients, ShowClients.filter())
    router.callback_query.register(on_open_client, OpenClient.filter())
    router.callback_query.register(on_mute, MuteClientReports.filter())
    router.callback_query.register(on_approval, Approval.filter())
    router.callback_query.register(on_end, EndCoaching.filter())
    return router
