"""Who sent an update, as the athletes context knows a person."""

from __future__ import annotations

from aiogram.types import User as TelegramUser

from domain.athletes.model import Profile


def profile_of(user: TelegramUser) -> Profile:
    return Profile(user.id, user.first_name, user.last_name, user.username, user.language_code)
