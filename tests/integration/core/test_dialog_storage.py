from __future__ import annotations

from aiogram import Bot
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import DisabledEventIsolation
from aiogram_dialog.api.entities import Stack
from aiogram_dialog.context.storage import StorageProxy
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.core.fsm import SqlStorage


class Settings(StatesGroup):
    time_zone = State()


def proxy(session_factory: async_sessionmaker[AsyncSession]) -> StorageProxy:
    return StorageProxy(
        storage=SqlStorage(session_factory),
        events_isolation=DisabledEventIsolation(),
        user_id=42,
        chat_id=42,
        thread_id=None,
        business_connection_id=None,
        bot=Bot("123456:TEST"),
        state_groups={"Settings": Settings},
    )


async def test_an_open_dialog_survives_a_restart(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    before = proxy(session_factory)
    stack = await before.load_stack()
    context = stack.push(Settings.time_zone, {"from": "settings"})
    context.dialog_data["attempts"] = 1
    await before.save_context(context)
    await before.save_stack(stack)

    after = proxy(session_factory)
    restored: Stack = await after.load_stack()

    assert restored.intents == [context.id]
    loaded = await after.load_context(context.id)
    assert (loaded.state, loaded.start_data, loaded.dialog_data) == (
        Settings.time_zone,
        {"from": "settings"},
        {"attempts": 1},
    )
