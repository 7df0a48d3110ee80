"""The questions the bot asks (log food, set targets, send a meal plan), answered by reply."""

from __future__ import annotations

from domain.nutrition.model import Prompt
from domain.nutrition.ports import NutritionUnitOfWork
from domain.shared.ports import Clock


async def remember_prompt(uow: NutritionUnitOfWork, clock: Clock, prompt: Prompt) -> None:
    async with uow:
        await uow.nutrition.add_prompt(prompt, clock.now())
        await uow.commit()


async def prompt_of(
    uow: NutritionUnitOfWork, owner_id: int, chat_id: int, message_id: int
) -> Prompt | None:
    """The question this message is, if it was asked of `owner_id`."""
    async with uow:
        prompt = await uow.nutrition.prompt(chat_id, message_id)
    return prompt if prompt is not None and prompt.owner_id == owner_id else None
