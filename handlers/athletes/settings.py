"""/settings: the athlete's preferences, one card edited in place."""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from html import escape
from operator import itemgetter
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.fsm.state import State
from aiogram.types import BotCommandScopeChat, CallbackQuery, Message, User
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from domain.athletes.kit import FULL_GYM, Division, Kit
from domain.athletes.model import Language, UnknownTimeZoneError
from domain.athletes.plate_list import PlatesError
from domain.athletes.use_cases.preferences import (
    BARS,
    SMALLEST_PLATES,
    ChooseUnits,
    InvalidBarError,
    InvalidPlateError,
    SetBar,
    SetDivision,
    SetE1rmFormula,
    SetKit,
    SetLanguage,
    SetPlates,
    SetRounding,
    SetWarmups,
)
from domain.athletes.use_cases.registration import SetTimeZone, find_user
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Rounding, Unit, format_amount
from handlers.athletes import texts
from handlers.common.cards import Card
from handlers.common.commands import command_menu
from handlers.common.deps import Deps, deps_of, use_language
from handlers.common.filters import leaves_others_alone
from handlers.common.i18n import Translator
from handlers.common.states import SettingsSG
from handlers.common.widgets import T, TextMessageInput

logger = logging.getLogger(__name__)


async def on_settings(message: Message, dialog_manager: DialogManager, deps: Deps) -> None:
    if message.from_user is None or await find_user(deps.uow, message.from_user.id) is None:
        await message.answer(deps.t.get("common-register-first"))
        return
    await dialog_manager.start(SettingsSG.main, mode=StartMode.RESET_STACK)


async def settings_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    deps = deps_of(dialog_manager)
    user = await find_user(deps.uow, event_from_user.id)
    t = deps.t
    if user is None:
        return {
            "summary": t.get("common-register-first"),
            "plates": [],
            "other_unit": "",
            "warmups_toggle": "",
            "kit_items": [],
        }
    other = Unit.LB if user.unit == Unit.KG else Unit.KG
    other_formula = (
        E1rmFormula.EPLEY if user.e1rm_formula == E1rmFormula.BRZYCKI else E1rmFormula.BRZYCKI
    )
    return {
        "summary": texts.settings_summary(t, user),
        "bars": [format_amount(b) for b in BARS[user.unit]],
        "formula_toggle": t.get("athletes-use-formula", formula=other_formula.value.title()),
        "warmups_toggle": t.get("athletes-warmups-off" if user.warmups else "athletes-warmups-on"),
        "other_unit": str(other),
        "plates": [format_amount(p) for p in SMALLEST_PLATES[user.unit]],
        "rounding_toggle": t.get(
            "athletes-round-nearest" if user.rounding == Rounding.DOWN else "athletes-round-down"
        ),
        "kit_items": kit_items(t, user.kit),
        "division_toggle": t.get("athletes-division-button", division=user.division.value),
    }


def kit_items(t: Translator, kit: frozenset[Kit] | None) -> list[tuple[str, str]]:
    """A button per piece: its tick, and as its id the state a tap asks for ("box:0"), so a
    tap delivered twice asks for the same thing twice."""
    have = FULL_GYM if kit is None else kit
    return [
        (
            f"{'✅' if piece in have else '▫️'} {texts.kit_name(t, piece)}",
            f"{piece.value}:{int(piece not in have)}",
        )
        for piece in Kit
    ]


def _athlete_id(manager: DialogManager) -> int:
    return deps_of(manager).user_id


async def on_switch_language(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    deps = deps_of(manager)
    user = await find_user(deps.uow, _athlete_id(manager))
    if user is not None:
        other = Language.EN if user.language == Language.RU else Language.RU
        await SetLanguage(deps.uow)(user.telegram_id, other)
        use_language(manager, user.telegram_id, other)
        await _menu_in(deps_of(manager), user.telegram_id)


async def _menu_in(deps: Deps, athlete_id: int) -> None:
    """The athlete's own chat gets the command menu in their language, whatever the client's."""
    scope = BotCommandScopeChat(chat_id=athlete_id)
    try:
        await deps.bot.set_my_commands(command_menu(deps.t), scope=scope)
    except TelegramAPIError as error:  # the language is set; the menu follows at the next switch
        logger.warning("could not set the menu of chat %d: %s", athlete_id, error)


async def on_switch_units(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    uow = deps_of(manager).uow
    user = await find_user(uow, _athlete_id(manager))
    if user is not None:
        await ChooseUnits(uow)(user.telegram_id, Unit.LB if user.unit == Unit.KG else Unit.KG)


async def on_plate(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    uow = deps_of(manager).uow
    try:
        await SetRounding(uow)(_athlete_id(manager), Decimal(item), None)
    except (InvalidOperation, InvalidPlateError):
        return  # a forged or stale choice: the card simply shows the current settings
    await manager.switch_to(SettingsSG.main)


async def on_bar(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    uow = deps_of(manager).uow
    try:
        await SetBar(uow)(_athlete_id(manager), Decimal(item))
    except (InvalidOperation, InvalidBarError):
        return  # a forged or stale choice: the card simply shows the current settings
    await manager.switch_to(SettingsSG.main)


async def on_kit(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    value, _, has = item.partition(":")
    if value not in {piece.value for piece in Kit} or has not in {"0", "1"}:
        return  # a forged or stale choice: the card simply shows the current settings
    await SetKit(deps_of(manager).uow)(_athlete_id(manager), Kit(value), has == "1")


async def on_no_kit(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await SetKit(deps_of(manager).uow)(_athlete_id(manager), None, False)


async def on_toggle_division(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    uow = deps_of(manager).uow
    user = await find_user(uow, _athlete_id(manager))
    if user is not None:
        other = Division.WOMEN if user.division == Division.MEN else Division.MEN
        await SetDivision(uow)(user.telegram_id, other)


async def on_toggle_formula(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    uow = deps_of(manager).uow
    user = await find_user(uow, _athlete_id(manager))
    if user is not None:
        other = (
            E1rmFormula.EPLEY if user.e1rm_formula == E1rmFormula.BRZYCKI else E1rmFormula.BRZYCKI
        )
        await SetE1rmFormula(uow)(user.telegram_id, other)


async def on_toggle_warmups(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    uow = deps_of(manager).uow
    user = await find_user(uow, _athlete_id(manager))
    if user is not None:
        await SetWarmups(uow)(user.telegram_id, not user.warmups)


async def on_toggle_rounding(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    uow = deps_of(manager).uow
    user = await find_user(uow, _athlete_id(manager))
    if user is not None:
        flipped = Rounding.NEAREST if user.rounding == Rounding.DOWN else Rounding.DOWN
        await SetRounding(uow)(user.telegram_id, None, flipped)


async def on_time_zone_text(
    message: Message, _widget: Any, manager: DialogManager, text: str
) -> None:
    uow = deps_of(manager).uow
    try:
        user = await SetTimeZone(uow)(_athlete_id(manager), text)
    except UnknownTimeZoneError:
        await message.answer(texts.unknown_time_zone(deps_of(manager).t, text))
        return
    await message.answer(
        deps_of(manager).t.get("athletes-time-zone-set", time_zone=escape(user.time_zone))
    )
    await manager.switch_to(SettingsSG.main)


async def on_not_text(message: Message, _widget: Any, manager: DialogManager) -> None:
    await message.answer(deps_of(manager).t.get("athletes-time-zone-prompt"))


async def on_plates_text(message: Message, _w: Any, manager: DialogManager) -> None:
    uow = deps_of(manager).uow
    try:
        await SetPlates(uow)(_athlete_id(manager), message.text or "")
    except PlatesError as error:
        await message.answer(texts.plates_problem(deps_of(manager).t, error.problem, error.part))
        return
    await manager.switch_to(SettingsSG.main)


def _pick_one(prompt_key: str, items: str, on_click: Any, state: State, *more: Any) -> Card:
    """A card that offers the getter's `items` as buttons, and a way back."""
    return Card(
        T(prompt_key),
        Select(
            Format("{item}"), id=f"pick_{items}", item_id_getter=str, items=items, on_click=on_click
        ),
        *more,
        SwitchTo(T("athletes-back"), id=f"back_{items}", state=SettingsSG.main),
        state=state,
        getter=settings_getter,
    )


def build_dialog() -> Dialog:
    return leaves_others_alone(
        Dialog(
            Card(
                Format("{summary}"),
                Row(
                    SwitchTo(T("athletes-time-zone-button"), id="tz", state=SettingsSG.time_zone),
                    Button(
                        T("athletes-switch-units", "other_unit"),
                        id="units",
                        on_click=on_switch_units,
                    ),
                ),
                Row(
                    SwitchTo(T("athletes-plates-button"), id="plates", state=SettingsSG.plates),
                    Button(Format("{rounding_toggle}"), id="rounding", on_click=on_toggle_rounding),
                ),
                Row(
                    SwitchTo(T("athletes-bar-button"), id="bar", state=SettingsSG.bar),
                    Button(Format("{formula_toggle}"), id="formula", on_click=on_toggle_formula),
                ),
                Row(
                    Button(Format("{warmups_toggle}"), id="warmups", on_click=on_toggle_warmups),
                    Button(
                        T("athletes-switch-language"), id="language", on_click=on_switch_language
                    ),
                ),
                Row(
                    SwitchTo(T("athletes-kit-button"), id="kit", state=SettingsSG.kit),
                    Button(Format("{division_toggle}"), id="division", on_click=on_toggle_division),
                ),
                Cancel(T("athletes-settings-done")),
                state=SettingsSG.main,
                getter=settings_getter,
            ),
            _pick_one("athletes-bar-prompt", "bars", on_bar, SettingsSG.bar),
            _pick_one(
                "athletes-plates-prompt",
                "plates",
                on_plate,
                SettingsSG.plates,
                TextMessageInput(on_plates_text),
            ),
            Card(
                T("athletes-kit-prompt"),
                Group(
                    Select(
                        Format("{item[0]}"),
                        id="pick_kit",
                        item_id_getter=itemgetter(1),
                        items="kit_items",
                        on_click=on_kit,
                    ),
                    width=2,
                ),
                Button(T("athletes-kit-none"), id="no_kit", on_click=on_no_kit),
                SwitchTo(T("athletes-back"), id="back_kit", state=SettingsSG.main),
                state=SettingsSG.kit,
                getter=settings_getter,
            ),
            Card(
                T("athletes-time-zone-prompt"),
                TextInput(id="tz_text", on_success=on_time_zone_text),
                MessageInput(on_not_text),
                SwitchTo(T("athletes-back"), id="back", state=SettingsSG.main),
                state=SettingsSG.time_zone,
            ),
        )
    )


def build_router() -> Router:
    router = Router(name="settings")
    router.message.register(on_settings, Command("settings"), F.chat.type == "private")
    router.include_router(build_dialog())
    return router
