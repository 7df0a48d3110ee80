"""/export sends everything Spotter holds about the athlete; /delete erases it, in two steps."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from domain.account.use_cases.data import EraseAccount, ExportAccount, confirmation_valid
from domain.shared.errors import NotRegisteredError
from handlers.common.deps import Deps
from handlers.common.i18n import Translator


class DeleteStep(CallbackData, prefix="erase"):
    step: int  # 1: the warning read; 2: erase now
    asked_at: int = 0  # the second step's time (Unix seconds): it counts for ten minutes


class KeepAccount(CallbackData, prefix="erasenot"):
    pass


async def on_export(message: Message, deps: Deps) -> None:
    try:
        found = await ExportAccount(deps.uow)(deps.user_id)
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    document = json.dumps(found.rows, ensure_ascii=False, indent=1, sort_keys=True)
    await message.answer_document(
        BufferedInputFile(document.encode(), filename="spotter-export.json"),
        caption=deps.t.get("account-export-json-caption"),
    )
    await message.answer_document(
        BufferedInputFile(found.sets_csv.encode(), filename="spotter-sets.csv"),
        caption=deps.t.get("account-export-csv-caption"),
    )
    if found.plans:
        plans = "\n\n".join(text for _, text in found.plans)
        await message.answer_document(
            BufferedInputFile(plans.encode(), filename="spotter-plans.txt"),
            caption=deps.t.get("account-export-plans-caption"),
        )


async def on_delete(message: Message, deps: Deps) -> None:
    await message.answer(deps.t.get("account-delete-warning"), reply_markup=_first_step(deps.t))


async def on_step(callback: CallbackQuery, callback_data: DeleteStep, deps: Deps) -> None:
    now = deps.clock.now()
    if callback_data.step == 1:
        await callback.answer()
        if isinstance(callback.message, Message):
            await callback.message.edit_text(
                deps.t.get("account-delete-confirm"),
                reply_markup=_last_step(deps.t, int(now.timestamp())),
            )
        return
    asked_at = datetime.fromtimestamp(max(callback_data.asked_at, 0), UTC)
    if callback_data.step != 2 or not confirmation_valid(asked_at, now):
        await callback.answer(deps.t.get("account-delete-expired"), show_alert=True)
        return
    erased = await EraseAccount(deps.uow, deps.clock)(callback.from_user.id)
    if erased is None:
        await callback.answer(deps.t.get("account-delete-nothing"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(deps.t.get("account-deleted"))


async def on_keep(callback: CallbackQuery, deps: Deps) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(deps.t.get("account-delete-cancelled"))


def _first_step(t: Translator) -> InlineKeyboardMarkup:
    go_on = InlineKeyboardButton(
        text=t.get("account-delete-continue-button"), callback_data=DeleteStep(step=1).pack()
    )
    keep = InlineKeyboardButton(
        text=t.get("account-delete-keep-button"), callback_data=KeepAccount().pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[go_on], [keep]])


def _last_step(t: Translator, asked_at: int) -> InlineKeyboardMarkup:
    # The keep button where "continue" was, so a double tap on the first step keeps everything.
    keep = InlineKeyboardButton(
        text=t.get("account-delete-keep-button"), callback_data=KeepAccount().pack()
    )
    erase = InlineKeyboardButton(
        text=t.get("account-delete-erase-button"),
        callback_data=DeleteStep(step=2, asked_at=asked_at).pack(),
    )
    return InlineKeyboardMarkup(inline_keyboard=[[keep], [erase]])


def build_router() -> Router:
    router = Router(name="account")
    private = F.chat.type == ChatType.PRIVATE
    router.message.register(on_export, Command("export"), private)
    router.message.register(on_delete, Command("delete"), private)
    router.callback_query.register(on_step, DeleteStep.filter())
    router.callback_query.register(on_keep, KeepAccount.filter())
    return router
