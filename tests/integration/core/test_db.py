from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.core.engine import create_engine, create_session_factory, normalize_url
from tests.statements import statements_run


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///var/spotter.db", "sqlite+aiosqlite:///var/spotter.db"),
        ("sqlite+aiosqlite:///var/spotter.db", "sqlite+aiosqlite:///var/spotter.db"),
        ("postgres://u:p%40ss@db:5432/spotter", "postgresql+asyncpg://u:p%40ss@db:5432/spotter"),
        ("postgresql://u@db/spotter", "postgresql+asyncpg://u@db/spotter"),
        ("postgresql+asyncpg://u@db/spotter", "postgresql+asyncpg://u@db/spotter"),
    ],
)
def test_plain_urls_get_the_async_driver(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


async def test_a_sqlite_file_gets_its_directory_and_the_connection_settings(
    tmp_path: Path,
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'new' / 'dir' / 'spotter.db'}")
    try:
        async with engine.connect() as connection:
            settings = [
                (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            ]
    finally:
        await engine.dispose()

    assert (tmp_path / "new" / "dir" / "spotter.db").exists()
    assert settings == ["wal", 1, 5000, 1]


@pytest.fixture
async def sqlite(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'spotter.db'}")
    async with engine.begin() as connection:
        await connection.exec_driver_sql("CREATE TABLE sets (reps INTEGER)")
    yield engine
    await engine.dispose()


async def test_a_transaction_begins_immediate_with_its_first_statement(
    sqlite: AsyncEngine,
) -> None:
    async with statements_run(sqlite) as statements, sqlite.begin() as connection:
        await connection.execute(text("INSERT INTO sets VALUES (5)"))

    assert statements == ["BEGIN IMMEDIATE", "INSERT INTO sets VALUES (5)", "COMMIT"]


async def test_a_transaction_without_a_statement_reaches_sqlite_not_at_all(
    sqlite: AsyncEngine,
) -> None:
    factory = create_session_factory(sqlite)
    async with statements_run(sqlite) as statements:
        async with factory() as session:
            await session.connection()  # the transaction begins, and ends with nothing done
            await session.commit()
        async with factory.begin() as session:
            await session.execute(text("INSERT INTO sets VALUES (3)"))

    assert statements == ["BEGIN IMMEDIATE", "INSERT INTO sets VALUES (3)", "COMMIT"]


async def test_a_streamed_first_statement_runs_inside_the_transaction(
    sqlite: AsyncEngine,
) -> None:
    factory = create_session_factory(sqlite)
    async with statements_run(sqlite) as statements, factory() as session:
        streamed = await session.stream(text("SELECT count(*) FROM sets"))
        assert (await streamed.all()) == [(0,)]
        await session.execute(text("INSERT INTO sets VALUES (8)"))
        await session.rollback()

    assert statements == [
        "BEGIN IMMEDIATE",
        "SELECT count(*) FROM sets",
        "INSERT INTO sets VALUES (8)",
        "ROLLBACK",
    ]


async def test_a_transaction_costs_a_trip_to_sqlite_s_thread_per_statement_and_its_commit(
    sqlite: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each trip is a hand-off to aiosqlite's thread and back, dearer than a short statement."""
    trips: list[str] = []
    run = aiosqlite.Connection._execute

    async def counted(connection: aiosqlite.Connection, fn: Any, *args: Any) -> Any:
        trips.append(fn.__name__)
        return await run(connection, fn, *args)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    factory = create_session_factory(sqlite)
    async with factory.begin() as session:  # BEGIN with the insert; no rollback after the commit
        await session.execute(text("INSERT INTO sets VALUES (5)"))
    async with factory() as session:  # a read: BEGIN with it, then its rollback
        await session.execute(text("SELECT count(*) FROM sets"))

    assert trips == ["_run", "commit", "_run", "rollback"]
