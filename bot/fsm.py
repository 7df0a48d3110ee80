"""Where dialog state lives: the database by default, Redis when configured."""

from __future__ import annotations

from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.redis import RedisStorage
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.core.fsm import SqlStorage


def build_fsm_storage(
    redis_url: str | None,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    shared: bool = False,
) -> BaseStorage:
    if redis_url:
        # aiogram-dialog keeps each dialog stack under its own destiny.
        return RedisStorage.from_url(redis_url, key_builder=DefaultKeyBuilder(with_destiny=True))
    # Processes sharing the database must not answer reads from a copy of their own.
    return SqlStorage(session_factory, cached_keys=0) if shared else SqlStorage(session_factory)
