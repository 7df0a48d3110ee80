"""What reaches the database, statement by statement, for tests that count them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@asynccontextmanager
async def statements_run(engine: AsyncEngine) -> AsyncIterator[list[str]]:
    """Every statement run meanwhile, as the database got it, one line each.

    On SQLite, SQLite's own trace: it also sees a write made past SQLAlchemy (the dialog
    state's, in one trip) and the BEGINs and COMMITs. Elsewhere, what SQLAlchemy sends.
    """
    seen: list[str] = []

    def record(statement: str) -> None:
        seen.append(" ".join(statement.split()))

    if engine.dialect.name != "sqlite":
        listeners = {
            "begin": lambda *_: record("BEGIN"),
            "before_cursor_execute": lambda *args: record(args[2]),
            "commit": lambda *_: record("COMMIT"),
            "rollback": lambda *_: record("ROLLBACK"),
        }
        for name, listener in listeners.items():
            event.listen(engine.sync_engine, name, listener)
        try:
            yield seen
        finally:
            for name, listener in listeners.items():
                event.remove(engine.sync_engine, name, listener)
        return
    async with engine.connect() as connection:  # the pool's one connection
        driver = (await connection.get_raw_connection()).driver_connection
    assert driver is not None
    await driver._execute(driver._conn.set_trace_callback, record)
    try:
        yield seen
    finally:
        await driver._execute(driver._conn.set_trace_callback, None)
