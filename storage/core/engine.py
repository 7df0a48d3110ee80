"""Engines and session factories for SQLite (aiosqlite) and PostgreSQL (asyncpg)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool, ConnectionPoolEntry

from storage.core.sqlite_driver import OneTripConnection, OneTripDbapi

_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
}


def normalize_url(url: str) -> str:
    """Adds the async driver to a plain `sqlite://`, `postgres://` or `postgresql://` URL."""
    parsed = make_url(url)
    driver = _DRIVERS.get(parsed.drivername)
    if driver is not None:
        parsed = parsed.set(drivername=driver)
    return parsed.render_as_string(hide_password=False)


def create_engine(url: str, *, foreign_keys: bool = True) -> AsyncEngine:
    """Builds an async engine; SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE transactions."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite":
        return _create_async_engine(parsed, pool_pre_ping=True)
    if (
        parsed.database
        and parsed.database != ":memory:"
        and not parsed.database.startswith("file:")
    ):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # One connection, handed over in FIFO order by the pool: SQLite has a single writer anyway,
    # and queueing in asyncio beats SQLite's busy handler, which sleeps and retries.
    engine = _create_async_engine(
        parsed,
        poolclass=AsyncAdaptedQueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=30,
        module=OneTripDbapi(),  # one trip to aiosqlite's thread per statement
    )
    _configure_sqlite(engine, foreign_keys=foreign_keys)
    return engine


def _configure_sqlite(engine: AsyncEngine, *, foreign_keys: bool) -> None:
    pragmas = (
        "PRAGMA journal_mode=WAL",
        f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}",
        "PRAGMA busy_timeout=5000",
        "PRAGMA synchronous=NORMAL",
    )

    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # The driver's own implicit BEGIN is deferred; we emit ours in "begin" below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in pragmas:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Taking the write lock up front lets busy_timeout queue writers; a deferred
        # read-then-write transaction would fail at once with SQLITE_BUSY_SNAPSHOT instead.
        # The BEGIN IMMEDIATE goes with the first statement, in its trip to aiosqlite's thread.
        one_trip: OneTripConnection = connection.connection.dbapi_connection  # type: ignore[assignment]
        one_trip.begin_with_next_statement()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """One factory per process; sessions keep loaded values after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)
