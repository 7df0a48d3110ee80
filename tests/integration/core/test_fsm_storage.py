from __future__ import annotations

import pytest
from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.core.fsm import SqlStorage
from storage.core.tables import FsmRecordRow
from tests.statements import statements_run

KEY = StorageKey(bot_id=1, chat_id=2, user_id=3)


class Setup(StatesGroup):
    time_zone = State()


async def records(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        return await session.scalar(select(func.count()).select_from(FsmRecordRow)) or 0


async def test_state_and_data_come_back_as_set(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    storage = SqlStorage(session_factory)

    await storage.set_state(KEY, Setup.time_zone)
    await storage.set_data(KEY, {"plan_id": 7, "note": "жим лёжа", "sets": [1, 2]})

    assert await storage.get_state(KEY) == "Setup:time_zone"
    assert await storage.get_data(KEY) == {"plan_id": 7, "note": "жим лёжа", "sets": [1, 2]}
    assert await storage.update_data(KEY, {"plan_id": 8}) == {
        "plan_id": 8,
        "note": "жим лёжа",
        "sets": [1, 2],
    }
    assert await storage.get_value(KEY, "plan_id") == 8


async def test_an_unknown_key_has_no_state_and_empty_data(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    storage = SqlStorage(session_factory)

    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}


@pytest.mark.parametrize(
    "other",
    [
        StorageKey(bot_id=9, chat_id=2, user_id=3),
        StorageKey(bot_id=1, chat_id=9, user_id=3),
        StorageKey(bot_id=1, chat_id=2, user_id=9),
        StorageKey(bot_id=1, chat_id=2, user_id=3, thread_id=9),
        StorageKey(bot_id=1, chat_id=2, user_id=3, business_connection_id="b9"),
        StorageKey(bot_id=1, chat_id=2, user_id=3, destiny="aiogd:stack:"),
    ],
    ids=["bot", "chat", "user", "thread", "business_connection", "destiny"],
)
async def test_keys_differing_in_any_field_do_not_share_state_or_data(
    session_factory: async_sessionmaker[AsyncSession], other: StorageKey
) -> None:
    storage = SqlStorage(session_factory)
    await storage.set_state(KEY, "Setup:time_zone")
    await storage.set_data(KEY, {"mine": True})

    await storage.set_state(other, "Other:state")
    await storage.set_data(other, {"theirs": True})

    assert await storage.get_state(KEY) == "Setup:time_zone"
    assert await storage.get_data(KEY) == {"mine": True}
    assert await storage.get_data(other) == {"theirs": True}


async def test_state_and_data_survive_a_new_storage_instance(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    before = SqlStorage(session_factory)
    await before.set_state(KEY, "Setup:time_zone")
    await before.set_data(KEY, {"intents": ["a1"]})
    await before.close()

    after = SqlStorage(session_factory)

    assert await after.get_state(KEY) == "Setup:time_zone"
    assert await after.get_data(KEY) == {"intents": ["a1"]}


async def test_clearing_state_and_data_removes_the_record(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    storage = SqlStorage(session_factory)
    await storage.set_state(KEY, "Setup:time_zone")
    await storage.set_data(KEY, {"x": 1})

    await storage.set_data(KEY, {})
    assert await storage.get_state(KEY) == "Setup:time_zone"
    await storage.set_state(KEY, None)

    assert await records(session_factory) == 0


async def test_data_that_is_not_a_dict_is_refused(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(DataNotDictLikeError):
        await SqlStorage(session_factory).set_data(KEY, [("a", 1)])  # type: ignore[arg-type]


async def test_reads_and_unchanged_writes_after_the_first_cost_no_query(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Every update reads the state and the dialog stack and writes them back, mostly unchanged."""
    storage = SqlStorage(session_factory)
    await storage.set_state(KEY, Setup.time_zone)
    await storage.set_data(KEY, {"stack": ["a", "b"]})
    async with statements_run(engine) as statements:
        for _ in range(3):
            assert await storage.get_state(KEY) == "Setup:time_zone"
            assert await storage.get_data(KEY) == {"stack": ["a", "b"]}
            await storage.set_state(KEY, Setup.time_zone)
            await storage.set_data(KEY, {"stack": ["a", "b"]})
        await storage.set_data(KEY, {"stack": ["a"]})

    assert len([s for s in statements if s.lstrip().upper().startswith("INSERT")]) == 1
    assert not [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert await SqlStorage(session_factory).get_data(KEY) == {"stack": ["a"]}


async def test_writes_in_a_batch_are_read_back_at_once_and_stored_together_at_its_end(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    storage = SqlStorage(session_factory)
    stack = StorageKey(bot_id=1, chat_id=2, user_id=3, destiny="aiogd:stack:")
    await storage.get_state(KEY), await storage.get_data(stack)  # as every update reads first
    async with statements_run(engine) as statements, storage.batched():
        await storage.set_state(KEY, Setup.time_zone)
        await storage.set_data(stack, {"intents": ["a"]})
        assert await storage.get_data(stack) == {"intents": ["a"]}
        assert statements == []

    kinds = [s.split(" ")[0].upper() for s in statements]
    assert [kind for kind in kinds if kind != "INSERT"] == ["BEGIN", "COMMIT"]  # one transaction
    assert "INSERT" in kinds
    restarted = SqlStorage(session_factory)
    assert await restarted.get_state(KEY) == "Setup:time_zone"
    assert await restarted.get_data(stack) == {"intents": ["a"]}


async def test_workers_without_a_cache_see_each_others_writes_and_a_batch_its_own(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    first, second = SqlStorage(session_factory, 0), SqlStorage(session_factory, 0)
    await first.set_state(KEY, Setup.time_zone)
    assert await second.get_state(KEY) == "Setup:time_zone"  # read after the first's write
    await second.set_state(KEY, None)
    assert await first.get_state(KEY) is None  # no stale copy kept in the first

    async with first.batched():
        await first.set_data(KEY, {"stack": ["b"]})
        assert await first.get_data(KEY) == {"stack": ["b"]}  # its own, before it is stored
        assert await second.get_data(KEY) == {}
    assert await second.get_data(KEY) == {"stack": ["b"]}
