"""Databases for storage tests: a SQLite file and a fresh PostgreSQL database per test.

A migrated database is a copy of one migrated once per test process (a file copy, or
PostgreSQL's CREATE DATABASE … TEMPLATE): running every migration for every test took about a
second each, and grows with every migration."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import shutil
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool

from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from tests.services import fresh_postgres_database, postgres_url, require_postgres

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@asynccontextmanager
async def empty_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of a database with no tables yet: a SQLite file, or a fresh PostgreSQL one."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'spotter.db'}"
        return
    async with fresh_postgres_database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
async def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database with no tables yet, on each backend."""
    async with empty_database(request.param, tmp_path) as url:
        yield url


_templates: dict[str, str] = {}  # backend → a migrated database to copy: a file, or a name


async def _sqlite_template(root: Path) -> str:
    if "sqlite" not in _templates:
        path = root / "template.db"
        await upgrade_to_head(f"sqlite:///{path}")
        _templates["sqlite"] = str(path)
    return _templates["sqlite"]


async def _postgres_template() -> str:
    if "postgresql" not in _templates:
        name = f"spotter_template_{uuid.uuid4().hex}"
        admin = create_async_engine(
            postgres_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        try:
            async with admin.connect() as connection:
                await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            await admin.dispose()
        await upgrade_to_head(postgres_url(name))  # its engine is disposed: nobody connected
        atexit.register(_drop_postgres_template, name)
        _templates["postgresql"] = name
    return _templates["postgresql"]


def _drop_postgres_template(name: str) -> None:
    async def drop() -> None:
        admin = create_async_engine(
            postgres_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        try:
            async with admin.connect() as connection:
                await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.dispose()

    with contextlib.suppress(Exception):  # the server may be gone by then
        asyncio.run(drop())


@pytest.fixture(params=BACKENDS)
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """A database migrated to the newest schema, on each backend."""
    if request.param == "sqlite":
        template = await _sqlite_template(tmp_path_factory.getbasetemp())
        path = tmp_path / "db" / "spotter.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, path)  # its engine closed cleanly: no WAL left beside it
        yield f"sqlite:///{path}"
        return
    require_postgres()
    async with fresh_postgres_database(await _postgres_template()) as url:
        yield url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)
