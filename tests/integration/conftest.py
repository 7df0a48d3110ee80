"""Databases for storage tests: a SQLite file and a fresh PostgreSQL database per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from tests.services import fresh_postgres_database

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


@pytest.fixture
async def database_url(empty_database_url: str) -> str:
    """A database migrated to the newest schema."""
    await upgrade_to_head(empty_database_url)
    return empty_database_url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)
