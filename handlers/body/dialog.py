"""/body: the day's progress entry as one card; typed readings and captioned photos go into it,
two days' photos are compared side by side, and the weekly weigh-in reminder is switched here."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InputMediaPhoto, Message, User
from aiogram_dialog import Dialog, DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from domain.athletes.use_cases.registration import find_user
from domain.body.model import Photo
from domain.body.parsing import BodyEntryError, parse_pose
from domain.body.use_cases.entries import (
    AddPhoto,
    ComparePhotos,
    Comparison,
    LogBody,
    NoPhotosError,
    ShowBody,
    SwitchWeighInReminder,
)
from domain.shared.errors import NotRegisteredError
from domain.shared.weights import Unit
from handlers.body import texts
from handlers.body.states import BodySG
from handlers.common.cards import Card, answer_with_alert
from handlers.common.deps import Deps, deps_of
from handlers.common.filters import leaves_others_alone
from handlers.common.texts import day_text
from handlers.common.widgets import T, TextMessageInput

FIRST = "first"  # dialog data: the first day picked to compare, as an ISO date


async def on_body(message: Message, dialog_manager: DialogManager, deps: Deps) -> None:
    if message.from_user is None or await find_user(deps.uow, message.from_user.id) is None:
        await message.answer(deps.t.get("common-register-first"))
        return
    await dialog_manager.start(BodySG.main, mode=StartMode.RESET_STACK)


async def body_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    deps = deps_of(dialog_manager)
    t = deps.t
    try:
        body = await ShowBody(deps.uow, deps.clock)(event_from_user.id)
    except NotRegisteredError:
        return {"card": t.get("common-register-first"), "days": [], "comparable": False}
    today = body.day
    first = dialog_manager.dialog_data.get(FIRST)
    return {
        "card": texts.card(t, body),
        "comparable": len(body.photo_days) >= 2,
        "days": [
            (day.isoformat(), day_text(t, day, today))
            for day in body.photo_days
            if day.isoformat() != first
        ],
        "reminder": t.get("body-reminder-turn-off" if body.reminder else "body-reminder-turn-on"),
    }


async def on_text(message: Message, _w: Any, manager: DialogManager) -> None:
    deps = deps_of(manager)
    try:
        await LogBody(deps.uow, deps.clock)(deps.user_id, message.text or "")
    except BodyEntryError as error:  # nothing was kept; the limits are told in their unit
        athlete = await find_user(deps.uow, deps.user_id)
        unit = athlete.unit if athlete else Unit.KG
        await message.answer(texts.problem(deps.t, error, unit))


async def on_photo(message: Message, _w: Any, manager: DialogManager) -> None:
    deps = deps_of(manager)
    pose = parse_pose(message.caption)
    if not message.photo or pose is None:
        await message.answer(deps.t.get("body-photo-needs-pose"))
        return
    largest = message.photo[-1]
    await AddPhoto(deps.uow, deps.clock)(
        deps.user_id, pose, largest.file_id, largest.file_unique_id
    )


async def _is_photo(message: Message) -> bool:
    return message.photo is not None


async def on_other(message: Message, _w: Any, manager: DialogManager) -> None:
    await message.answer(deps_of(manager).t.get("body-not-understood"))


async def on_switch_reminder(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    deps = deps_of(manager)
    await SwitchWeighInReminder(deps.uow)(deps.user_id)


def _day(item: str) -> date | None:
    """A day from a button's data, which may be forged."""
    try:
        return date.fromisoformat(item)
    except ValueError:
        return None


async def on_first(callback: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    if _day(item) is None:
        return
    manager.dialog_data[FIRST] = item
    await manager.switch_to(BodySG.compare_second)


async def on_second(callback: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    deps = deps_of(manager)
    first, second = _day(manager.dialog_data.get(FIRST, "")), _day(item)
    if first is None or second is None:
        return
    try:
        comparison = await ComparePhotos(deps.uow)(deps.user_id, first, second)
    except NoPhotosError:
        answer_with_alert(deps.t.get("body-compare-no-photos"))
        return
    manager.dialog_data.pop(FIRST, None)
    await deps.bot.send_media_group(deps.user_id, media=list(_album(deps, comparison)))
    manager.show_mode = ShowMode.SEND  # the card again, under the album
    await manager.switch_to(BodySG.main)


def _album(deps: Deps, comparison: Comparison) -> list[InputMediaPhoto]:
    """Earlier then later, pose by pose; one caption under the album names both days."""
    photos: list[Photo] = [p for pair in comparison.pairs for p in pair]
    photos += comparison.unpaired
    caption = deps.t.get(
        "body-compare-caption",
        first=day_text(deps.t, comparison.first, comparison.second),
        second=day_text(deps.t, comparison.second, comparison.second),
    )
    return [
        InputMediaPhoto(media=p.file_id, caption=caption if n == 0 else None)
        for n, p in enumerate(photos)
    ]


def _days(on_click: Any, select_id: str) -> Group:
    return Group(
        Select(
            Format("{item[1]}"),
            id=select_id,
            item_id_getter=lambda item: item[0],
            items="days",
            on_click=on_click,
        ),
        width=2,
    )


def build_dialog() -> Dialog:
    return leaves_others_alone(
        Dialog(
            Card(
                Format("{card}"),
                SwitchTo(
                    T("body-compare-button"),
                    id="compare",
                    state=BodySG.compare_first,
                    when="comparable",
                ),
                Button(Format("{reminder}"), id="reminder", on_click=on_switch_reminder),
                Cancel(T("body-close-button")),
                TextMessageInput(on_text),
                MessageInput(on_photo, filter=_is_photo),
                MessageInput(on_other),
                state=BodySG.main,
                getter=body_getter,
            ),
            Card(
                T("body-compare-first"),
                _days(on_first, "first"),
                SwitchTo(T("body-back-button"), id="first_back", state=BodySG.main),
                state=BodySG.compare_first,
                getter=body_getter,
            ),
            Card(
                T("body-compare-second"),
                _days(on_second, "second"),
                SwitchTo(T("body-back-button"), id="second_back", state=BodySG.main),
                state=BodySG.compare_second,
                getter=body_getter,
            ),
        )
    )


def build_router() -> Router:
    router = Router(name="body")
    router.message.register(on_body, Command("body"), F.chat.type == "private")
    router.include_router(build_dialog())
    return router
