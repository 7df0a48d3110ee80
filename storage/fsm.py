"""aiogram FSM storage in the database, so states and aiogram-dialog stacks survive a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy import Executable, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import FsmRecordRow

_EMPTY = "{}"


def record_key(key: StorageKey) -> str:
    """Every field of the key, unambiguously: a compact JSON array."""
    fields = (
        key.bot_id,
        key.chat_id,
        key.user_id,
        key.thread_id,
        key.business_connection_id,
        key.destiny,
    )
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


class SqlStorage(BaseStorage):
    """Each call is its own short transaction; a record with no state and no data is deleted."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = state.state if isinstance(state, State) else state
        await self._write(record_key(key), {"state": name})

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._session_factory.begin() as session:
            return await session.scalar(
                select(FsmRecordRow.state).where(FsmRecordRow.key == record_key(key))
            )

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(f"Data must be a dict, got {type(data).__name__}")
        await self._write(record_key(key), {"data": json.dumps(data, ensure_ascii=False)})

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._session_factory.begin() as session:
            text = await session.scalar(
                select(FsmRecordRow.data).where(FsmRecordRow.key == record_key(key))
            )
        if text is None:
            return {}
        data: dict[str, Any] = json.loads(text)
        return data

    async def close(self) -> None:
        """Nothing to release: the engine belongs to whoever created the session factory."""

    async def _write(self, key: str, changes: dict[str, Any]) -> None:
        async with self._session_factory.begin() as session:
            await session.execute(_upsert(session.get_bind().dialect.name, key, changes))
            await session.execute(
                delete(FsmRecordRow).where(
                    FsmRecordRow.key == key,
                    FsmRecordRow.state.is_(None),
                    FsmRecordRow.data == _EMPTY,
                )
            )


def _upsert(dialect_name: str, key: str, changes: dict[str, Any]) -> Executable:
    """INSERT … ON CONFLICT DO UPDATE, which SQLite and PostgreSQL spell the same way."""
    insert = postgresql.insert if dialect_name == "postgresql" else sqlite.insert
    changes = {**changes, "updated_at": func.now()}
    values = {"key": key, "state": None, "data": _EMPTY, **changes}
    return (
        insert(FsmRecordRow)
        .values(values)
        .on_conflict_do_update(index_elements=[FsmRecordRow.key], set_=changes)
    )
