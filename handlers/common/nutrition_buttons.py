"""The client card's way into a client's nutrition: coaching shows the button, nutrition
answers it (the handler packages stay apart)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from handlers.common.callback_fields import UserId


class ClientNutrition(CallbackData, prefix="nutc"):
    athlete: UserId
