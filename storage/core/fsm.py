"""aiogram FSM storage in the database, so states and aiogram-dialog stacks survive a restart."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy import Executable, bindparam, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.core.sqlite_driver import write_in_one_trip
from storage.core.tables import FsmRecordRow

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
    """Durable FSM storage with a write-through cache in front of the database.

    Every update reads the state and the dialog stack, and most write them back unchanged;
    the cache answers the reads and skips those writes. It is safe because one bot process
    owns the database; the workers of a cluster share it and keep no cache (`cached_keys=0`).
    A record with no state and no data is deleted.
    """

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], cached_keys: int = 100_000
    ) -> None:
        self._session_factory = session_factory
        self._engine: AsyncEngine = session_factory.kw["bind"]
        self._cache: OrderedDict[str, _Record] = OrderedDict()
        self._cached_keys = cached_keys
        self._batch: ContextVar[_Batch | None] = ContextVar("fsm_batch", default=None)

    @asynccontextmanager
    async def batched(self) -> AsyncIterator[None]:
        """Collects the writes made inside (one update's) and stores them in one transaction.

        aiogram-dialog saves a dialog's context and its stack separately after every event;
        one transaction instead of two halves the cost. Reads inside see the new values at once.
        """
        batch = _Batch()
        token = self._batch.set(batch)
        try:
            yield
        except BaseException:
            for record_id in batch.records:  # the update failed: keep what is stored
                self._cache.pop(record_id, None)
            raise
        finally:
            self._batch.reset(token)
            batch.closed = True  # a task copied from this one's context writes for itself
        if batch.records:
            await self._store(batch.records)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = state.state if isinstance(state, State) else state
        record_id = record_key(key)
        current = await self._read(record_id)
        if current.state != name:
            await self._write(record_id, _Record(name, current.data))

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._read(record_key(key))).state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(f"Data must be a dict, got {type(data).__name__}")
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        record_id = record_key(key)
        current = await self._read(record_id)
        if current.data != text:
            await self._write(record_id, _Record(current.state, text))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((await self._read(record_key(key))).data)
        return data

    async def close(self) -> None:
        """Nothing to release: the engine belongs to whoever created the session factory."""

    async def _read(self, record_id: str) -> _Record:
        batch = self._batch.get()
        if batch is not None and not batch.closed and record_id in batch.records:
            return batch.records[record_id]  # written in this update, not stored yet
        cached = self._cache.get(record_id)
        if cached is not None:
            self._cache.move_to_end(record_id)
            return cached
        async with self._session_factory.begin() as session:
            row = (
                await session.execute(
                    select(FsmRecordRow.state, FsmRecordRow.data).where(
                        FsmRecordRow.key == record_id
                    )
                )
            ).one_or_none()
        record = _Record(row.state, row.data) if row else _Record(None, _EMPTY)
        self._remember(record_id, record)
        return record

    async def _write(self, record_id: str, record: _Record) -> None:
        batch = self._batch.get()
        if batch is not None and not batch.closed:
            batch.records[record_id] = record
            self._remember(record_id, record)
            return
        self._cache.pop(record_id, None)  # if the write fails, the next read asks the database
        await self._store({record_id: record})
        self._remember(record_id, record)

    async def _store(self, records: dict[str, _Record]) -> None:
        gone = [key for key, r in records.items() if r.state is None and r.data == _EMPTY]
        kept = [
            {"key": key, "state": r.state, "data": r.data}
            for key, r in records.items()
            if key not in gone
        ]
        try:
            if self._engine.dialect.name == "sqlite":
                removed: list[dict[str, Any]] = [{"key": key} for key in gone]
                writes = [(_DELETE_ONE, removed), (_upsert("sqlite"), kept)]
                await write_in_one_trip(self._engine, [(s, rows) for s, rows in writes if rows])
                return
            async with self._session_factory.begin() as session:
                connection = await session.connection()
                if gone:
                    await connection.execute(_DELETE, {"keys": gone})
                if kept:  # a dialog's context and its stack: one executemany, not one each
                    await connection.execute(_upsert(connection.dialect.name), kept)
        except BaseException:
            for record_id in records:  # the database has the truth again
                self._cache.pop(record_id, None)
            raise

    def _remember(self, record_id: str, record: _Record) -> None:
        self._cache[record_id] = record
        self._cache.move_to_end(record_id)
        while len(self._cache) > self._cached_keys:
            self._cache.popitem(last=False)


@dataclass(slots=True)
class _Batch:
    records: dict[str, _Record] = field(default_factory=dict)
    closed: bool = False


@dataclass(frozen=True, slots=True)
class _Record:
    state: str | None
    data: str


_DELETE = delete(FsmRecordRow).where(FsmRecordRow.key.in_(bindparam("keys", expanding=True)))
_DELETE_ONE = delete(FsmRecordRow).where(FsmRecordRow.key == bindparam("key"))
_UPSERTS: dict[str, Executable] = {}


def _upsert(dialect_name: str) -> Executable:
    """INSERT … ON CONFLICT DO UPDATE (SQLite and PostgreSQL spell it the same), built once."""
    statement = _UPSERTS.get(dialect_name)
    if statement is None:
        insert = (postgresql.insert if dialect_name == "postgresql" else sqlite.insert)(
            FsmRecordRow
        ).values(updated_at=func.now())  # key, state and data come with each row
        statement = insert.on_conflict_do_update(
            index_elements=[FsmRecordRow.key],
            set_={
                "state": insert.excluded.state,
                "data": insert.excluded.data,
                "updated_at": insert.excluded.updated_at,
            },
        )
        _UPSERTS[dialect_name] = statement
    return statement
