"""/start and /help: registration and what Spotter can do."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_dialog import DialogManager, StartMode

from domain.athletes.use_cases.registration import RegisterUser
from domain.training.use_cases.onboarding import active_plan
from handlers.athletes import texts
from handlers.common.deps import Deps
from handlers.common.profiles import profile_of
from handlers.common.states import OnboardingSG


async def on_start(message: Message, deps: Deps, dialog_manager: DialogManager) -> None:
    sender = message.from_user
    if sender is None:
        return
    registration = await RegisterUser(deps.uow, deps.clock)(profile_of(sender))
    user = registration.user
    t = deps.speaking(user.telegram_id, user.language).t
    name = user.first_name
    greeting = texts.welcome_new(t, name) if registration.is_new else texts.welcome_back(t, name)
    await message.answer(greeting)
    if await active_plan(deps.uow, sender.id) is None:
        await dialog_manager.start(OnboardingSG.units, mode=StartMode.RESET_STACK)


async def on_start_in_group(message: Message, deps: Deps) -> None:
    button = InlineKeyboardButton(
        text=deps.t.get("athletes-group-start-button"),
        url=f"https://t.me/{deps.bot_username}?start=group",
    )
    await message.reply(
        deps.t.get("athletes-group-start"),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )


async def on_help(message: Message, deps: Deps) -> None:
    await message.answer(texts.help_text(deps.t))


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(on_start, CommandStart(), F.chat.type == "private")
    router.message.register(on_start_in_group, CommandStart())
    router.message.register(on_help, Command("help"))
    return router
