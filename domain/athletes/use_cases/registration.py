"""Joining Spotter, coming back to it, and the time zone an athlete lives in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.athletes.model import DEFAULT_TIME_ZONE, Profile, User, find_time_zone, language_for
from domain.athletes.ports import AthletesUnitOfWork
from domain.shared.errors import NotRegisteredError
from domain.shared.ports import Clock


@dataclass(frozen=True, slots=True)
class Registration:
    user: User
    is_new: bool


class RegisterUser:
    """Registers a person on /start, or refreshes their profile if they are known already.

    The language follows the Telegram client's only at registration: after that it is the
    athlete's choice in /settings.
    """

    def __init__(self, uow: AthletesUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, profile: Profile) -> Registration:
        async with self._uow:
            registration = await enter(self._uow, profile, self._clock.now())
            await self._uow.commit()
            return registration


async def enter(uow: AthletesUnitOfWork, profile: Profile, now: datetime) -> Registration:
    """RegisterUser's work inside the caller's transaction, uncommitted: a use case that acts
    for someone who may be new (joining a team, accepting an invite) registers them in the
    same commit as what they did, so a crash between the two leaves neither."""
    existing = await uow.users.get(profile.telegram_id)
    if existing is None:
        user = User(
            telegram_id=profile.telegram_id,
            first_name=profile.first_name,
            last_name=profile.last_name,
            username=profile.username,
            language=language_for(profile.language_code),
            time_zone=DEFAULT_TIME_ZONE,
            registered_at=now,
        )
        await uow.users.add(user)
        return Registration(user, is_new=True)
    refreshed = replace(
        existing,
        first_name=profile.first_name,
        last_name=profile.last_name,
        username=profile.username,
    )
    if refreshed != existing:
        await uow.users.update(refreshed)
    return Registration(refreshed, is_new=False)


async def registered_user(uow: AthletesUnitOfWork, telegram_id: int) -> User:
    """The user, inside a transaction the caller opened; NotRegisteredError if unknown."""
    user = await uow.users.get(telegram_id)
    if user is None:
        raise NotRegisteredError(telegram_id)
    return user


async def find_user(uow: AthletesUnitOfWork, telegram_id: int) -> User | None:
    """The registered user with this Telegram id, if any."""
    async with uow:
        return await uow.users.get(telegram_id)


class SetTimeZone:
    """Sets the zone an athlete's reminders and days are computed in."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, telegram_id: int, text: str) -> User:
        zone = find_time_zone(text)
        async with self._uow:
            user = await self._uow.users.get(telegram_id)
            if user is None:
                raise LookupError(telegram_id)
            updated = replace(user, time_zone=zone)
            await self._uow.users.update(updated)
            await self._uow.commit()
            return updated
