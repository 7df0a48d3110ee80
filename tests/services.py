"""The local services tests may use (PostgreSQL, Redis), and the rule for when they are missing."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache

import pytest
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

POSTGRES_HOST, POSTGRES_PORT = "127.0.0.1", 5432
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
POSTGRES = f"PostgreSQL at {POSTGRES_HOST}:{POSTGRES_PORT}"
REDIS = f"Redis at {REDIS_HOST}:{REDIS_PORT}"


def postgres_url(database: str = "test") -> str:
    """An asyncpg URL for `database` on the local server (trust authentication)."""
    return f"postgresql+asyncpg://postgres@{POSTGRES_HOST}:{POSTGRES_PORT}/{database}"


def require_service(name: str, reachable: bool) -> None:
    """Skips the test when a service is down, or fails it when REQUIRE_SERVICES=1 (as in CI)."""
    if reachable:
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{name} is not reachable and REQUIRE_SERVICES=1", pytrace=False)
    pytest.skip(f"{name} is not reachable; set REQUIRE_SERVICES=1 to make this a failure")


@cache
def postgres_reachable() -> bool:
    """Whether something accepts TCP connections on the PostgreSQL port."""
    try:
        with socket.create_connection((POSTGRES_HOST, POSTGRES_PORT), timeout=1):
            return True
    except OSError:
        return False


@cache
def redis_reachable() -> bool:
    """Whether Redis answers PING."""
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def require_postgres() -> None:
    """Applies the service rule to PostgreSQL."""
    require_service(POSTGRES, postgres_reachable())


def require_redis() -> None:
    """Applies the service rule to Redis."""
    require_service(REDIS, redis_reachable())


@asynccontextmanager
async def fresh_postgres_database(template: str | None = None) -> AsyncIterator[str]:
    """A new database for one test, dropped afterwards; yields its asyncpg URL. Empty, or a
    copy of `template` (a database nobody is connected to)."""
    require_postgres()
    name = f"spotter_test_{uuid.uuid4().hex}"
    copy = f' TEMPLATE "{template}"' if template else ""
    # CREATE DATABASE cannot run inside a transaction.
    admin = create_async_engine(postgres_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"{copy}')
        try:
            yield postgres_url(name)
        finally:
            async with admin.connect() as connection:
                await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.dispose()
