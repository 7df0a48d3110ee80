"""A Strong or Hevy export sent as a file: a preview, the import on a tap, and its undo."""

from __future__ import annotations

import io

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from domain.shared.errors import NotRegisteredError
from domain.training.imports.model import (
    MAX_FILE_BYTES,
    ImportFileError,
    ImportProblem,
    ProblemKind,
)
from domain.training.use_cases.imports import (
    AlreadyImported,
    ImportPreview,
    ImportWorkouts,
    PreviewImport,
    UndoImport,
    pending_file,
)
from handlers.account import import_texts as texts
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.routing import not_a_command

CSV_TYPES = frozenset({"text/csv", "text/comma-separated-values", "application/csv"})


class RunImport(CallbackData, prefix="imp"):
    import_id: int


class CancelImport(CallbackData, prefix="impno"):
    import_id: int


class Undo(CallbackData, prefix="impundo"):
    import_id: int


async def _csv_file(message: Message) -> bool:
    document = message.document
    if document is None:
        return False
    name = (document.file_name or "").lower()
    return name.endswith(".csv") or (document.mime_type or "") in CSV_TYPES


async def on_export_file(message: Message, bot: Bot, deps: Deps) -> None:
    document = message.document
    if document is None:
        return
    if (document.file_size or 0) > MAX_FILE_BYTES:
        await message.answer(texts.problem(deps.t, ImportProblem(ProblemKind.TOO_BIG)))
        return
    data = await _download(bot, document.file_id)
    try:
        found = await PreviewImport(deps.uow, deps.clock)(deps.user_id, data, document.file_id)
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    except ImportFileError as error:
        await message.answer(texts.problem(deps.t, error.problem))
        return
    if isinstance(found, AlreadyImported):
        await message.answer(
            texts.already(deps.t, found), reply_markup=_undo(deps.t, found.import_id)
        )
        return
    await message.answer(
        texts.preview(deps.t, found), reply_markup=_preview_keyboard(deps.t, found)
    )


async def on_run(callback: CallbackQuery, callback_data: RunImport, bot: Bot, deps: Deps) -> None:
    athlete_id = callback.from_user.id
    file_id = await pending_file(deps.uow, athlete_id, callback_data.import_id)
    if file_id is None:
        await callback.answer(deps.t.get("account-import-gone"), show_alert=True)
        return
    data = await _download(bot, file_id)
    try:
        result = await ImportWorkouts(deps.uow, deps.clock)(
            athlete_id, callback_data.import_id, data
        )
    except ImportFileError as error:  # the stored file no longer reads as it did
        await callback.answer(texts.problem(deps.t, error.problem), show_alert=True)
        return
    if result is None:
        await callback.answer(deps.t.get("account-import-gone"), show_alert=True)
        return
    await callback.answer()
    if isinstance(result, AlreadyImported):
        text = texts.already(deps.t, result)
    else:
        text = texts.done(deps.t, result)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(text, reply_markup=_undo(deps.t, result.import_id))


async def on_cancel(callback: CallbackQuery, callback_data: CancelImport, deps: Deps) -> None:
    await callback.answer(deps.t.get("account-import-cancelled"))
    if isinstance(callback.message, Message) and callback.message.reply_markup is not None:
        await callback.message.edit_reply_markup(reply_markup=None)


async def on_undo(callback: CallbackQuery, callback_data: Undo, deps: Deps) -> None:
    removed = await UndoImport(deps.uow, deps.clock)(callback.from_user.id, callback_data.import_id)
    if removed is None:
        await callback.answer(deps.t.get("account-import-nothing-to-undo"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(deps.t.get("account-import-undone", workouts=removed))


async def _download(bot: Bot, file_id: str) -> bytes:
    buffer = io.BytesIO()
    await bot.download(file_id, destination=buffer)
    return buffer.getvalue()[: MAX_FILE_BYTES + 1]


def _preview_keyboard(t: Translator, found: ImportPreview) -> InlineKeyboardMarkup:
    cancel = InlineKeyboardButton(
        text=t.get("account-import-cancel-button"),
        callback_data=CancelImport(import_id=found.import_id).pack(),
    )
    if not found.workouts:
        return InlineKeyboardMarkup(inline_keyboard=[[cancel]])
    run = InlineKeyboardButton(
        text=t.get("account-import-button"),
        callback_data=RunImport(import_id=found.import_id).pack(),
    )
    return InlineKeyboardMarkup(inline_keyboard=[[run, cancel]])


def _undo(t: Translator, import_id: int) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=t.get("account-import-undo-button"), callback_data=Undo(import_id=import_id).pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def build_router() -> Router:
    """A .csv file in a private chat: an export to import; it beats an open workout card."""
    router = Router(name="imports")
    router.message.register(
        on_export_file, F.chat.type == ChatType.PRIVATE, _csv_file, not_a_command
    )
    router.callback_query.register(on_run, RunImport.filter())
    router.callback_query.register(on_cancel, CancelImport.filter())
    router.callback_query.register(on_undo, Undo.filter())
    return router
