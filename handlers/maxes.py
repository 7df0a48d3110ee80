"""/maxes: current training maxes with their history; "/maxes squat 130" sets one."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from domain.maxes_text import read_maxes
from domain.onboarding import SetTrainingMaxes, training_maxes_with_history
from domain.ports import Clock, UnitOfWork
from domain.users import find_user
from domain.workouts import TrainingMax

HISTORY_SHOWN = 4
NO_MAXES = "No training maxes yet. Send /start to set up a plan."
HOW_TO_SET = "Set one with <code>/maxes squat 130</code> (or several: bench 100 ohp 60)."


def _lift(slug: str) -> str:
    return escape(slug.replace("_", " ").title())


def _history_line(entries: list[TrainingMax]) -> str:
    latest = entries[-1]
    earlier = " ← ".join(str(e.weight) for e in reversed(entries[-HISTORY_SHOWN:-1]))
    trail = f"  <i>(was {earlier})</i>" if earlier else ""
    return f"<b>{_lift(latest.exercise)}</b>: {latest.weight}{trail}"


async def on_maxes(message: Message, command: CommandObject, uow: UnitOfWork, clock: Clock) -> None:
    if message.from_user is None:
        return
    athlete = await find_user(uow, message.from_user.id)
    if athlete is None:
        await message.answer(NO_MAXES)
        return
    if command.args:
        typed = read_maxes(command.args, athlete.unit)
        if not typed.found:
            await message.answer(f"I couldn't read a lift and a weight there. {HOW_TO_SET}")
            return
        await SetTrainingMaxes(uow, clock)(athlete.telegram_id, typed.found, one_rep_maxes=False)
    history = await training_maxes_with_history(uow, athlete.telegram_id)
    if not history:
        await message.answer(NO_MAXES)
        return
    lines = ["<b>Training maxes</b>", *(_history_line(e) for e in history.values()), HOW_TO_SET]
    await message.answer("\n".join(lines))


def build_router() -> Router:
    router = Router(name="maxes")
    router.message.register(on_maxes, Command("maxes"), F.chat.type == "private")
    return router
