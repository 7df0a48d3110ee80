"""/settings: the athlete's preferences, one card edited in place."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message, User
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Cancel, Row, SwitchTo
from aiogram_dialog.widgets.text import Const, Format, Multi

from domain.ports import UnitOfWork
from domain.users import SetTimeZone, UnknownTimeZoneError, find_user
from handlers import texts
from handlers.cards import Card
from handlers.states import SettingsSG


async def on_settings(message: Message, dialog_manager: DialogManager, uow: UnitOfWork) -> None:
    if message.from_user is None or await find_user(uow, message.from_user.id) is None:
        await message.answer(texts.REGISTER_FIRST)
        return
    await dialog_manager.start(SettingsSG.main, mode=StartMode.RESET_STACK)


async def settings_getter(uow: UnitOfWork, event_from_user: User, **_: Any) -> dict[str, str]:
    user = await find_user(uow, event_from_user.id)
    return {"time_zone": user.time_zone if user else "UTC"}


async def on_time_zone_text(
    message: Message, _widget: Any, manager: DialogManager, text: str
) -> None:
    uow: UnitOfWork = manager.middleware_data["uow"]
    sender: User = manager.middleware_data["event_from_user"]
    try:
        user = await SetTimeZone(uow)(sender.id, text)
    except UnknownTimeZoneError:
        await message.answer(texts.unknown_time_zone(text))
        return
    await message.answer(texts.time_zone_set(user.time_zone))
    await manager.switch_to(SettingsSG.main)


async def on_not_text(message: Message, _widget: Any, _manager: DialogManager) -> None:
    await message.answer(texts.TIME_ZONE_PROMPT)


def build_dialog() -> Dialog:
    return Dialog(
        Card(
            Multi(Const(texts.SETTINGS_TITLE), Format(texts.SETTINGS_TIME_ZONE)),
            Row(
                SwitchTo(
                    Const(texts.SETTINGS_TIME_ZONE_BUTTON), id="tz", state=SettingsSG.time_zone
                ),
                Cancel(Const(texts.SETTINGS_CLOSE_BUTTON)),
            ),
            state=SettingsSG.main,
            getter=settings_getter,
        ),
        Card(
            Const(texts.TIME_ZONE_PROMPT),
            TextInput(id="tz_text", on_success=on_time_zone_text),
            MessageInput(on_not_text),
            SwitchTo(Const(texts.BACK_BUTTON), id="back", state=SettingsSG.main),
            state=SettingsSG.time_zone,
        ),
    )


def build_router() -> Router:
    router = Router(name="settings")
    router.message.register(on_settings, Command("settings"), F.chat.type == "private")
    router.include_router(build_dialog())
    return router
