"""Dialog state in Redis, when configured: it survives a restart and keeps stacks apart."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.fsm import build_fsm_storage
from storage.core.fsm import SqlStorage
from tests.services import require_redis

UNUSED_DATABASE = async_sessionmaker()


def redis_storage(url: str) -> RedisStorage:
    storage = build_fsm_storage(url, UNUSED_DATABASE)
    assert isinstance(storage, RedisStorage)
    return storage


async def empty(url: str) -> None:
    storage = redis_storage(url)
    await storage.redis.flushdb()
    await storage.close()


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    require_redis()
    url = "redis://127.0.0.1:6379/15"  # a database of its own, emptied before and after
    await empty(url)
    yield url
    await empty(url)


async def test_without_a_redis_url_the_database_keeps_dialog_state() -> None:
    assert isinstance(build_fsm_storage(None, UNUSED_DATABASE), SqlStorage)


async def test_dialog_state_in_redis_survives_a_restart_and_keeps_destinies_apart(
    redis_url: str,
) -> None:
    key = StorageKey(bot_id=1, chat_id=2, user_id=3)
    stack = StorageKey(bot_id=1, chat_id=2, user_id=3, destiny="aiogd:stack:")
    before = redis_storage(redis_url)
    await before.set_state(key, "TodaySG:card")
    await before.set_data(stack, {"intents": ["abc"]})
    await before.close()

    after = redis_storage(redis_url)
    try:
        assert await after.get_state(key) == "TodaySG:card"
        assert await after.get_data(stack) == {"intents": ["abc"]}
        assert await after.get_data(key) == {}
    finally:
        await after.close()
