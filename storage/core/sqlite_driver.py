"""aiosqlite for SQLAlchemy with one trip to the driver's thread per statement, not three or four.

aiosqlite runs each sqlite3 call in its own thread, and SQLAlchemy's adapter makes one call for
the cursor, one to execute, one to fetch the rows and one to close: each a queue hand-off and a
thread wake-up that cost more CPU than the statement itself (about 30 per logged set). This
cursor does the four in one function in that thread. Server-side cursors (`session.stream`)
are SQLAlchemy's own, unchanged.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util.concurrency import await_

if TYPE_CHECKING:
    from sqlalchemy import Executable
    from sqlalchemy.connectors.asyncio import AsyncIODBAPIConnection, AsyncIODBAPICursor
    from sqlalchemy.ext.asyncio import AsyncEngine

# description, rowcount, lastrowid, rows (None when the statement returns none)
_Outcome = tuple[Any, int, int | None, list[Any] | None]


def _run(
    connection: sqlite3.Connection, operation: str, parameters: Any, many: bool, begin: bool
) -> _Outcome:
    """In aiosqlite's thread: the whole life of a cursor, after the transaction's BEGIN if it
    is the first statement."""
    if begin:
        connection.execute(_BEGIN).close()
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else None
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A cursor whose statement, rows and close are one call in aiosqlite's thread."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None
        super().__init__(adapt_connection)

    def _make_new_cursor(self, connection: AsyncIODBAPIConnection) -> AsyncIODBAPICursor:
        return None  # type: ignore[return-value]  # the sqlite3 cursor lives in `_run` only

    def _aenter_cursor(self, cursor: AsyncIODBAPICursor) -> AsyncIODBAPICursor:
        return cursor

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]  # None before an INSERT, as sqlite3

    async def _async_soft_close(self) -> None:
        """Nothing to close: the sqlite3 cursor was closed with its statement."""

    def close(self) -> None:
        self._rows.clear()

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        return await self._trip(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        return await self._trip(operation, seq_of_parameters, many=True)

    async def _trip(self, operation: Any, parameters: Any, *, many: bool) -> None:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        adapted: OneTripConnection = self._adapt_connection  # type: ignore[assignment]
        begin = adapted.take_pending_begin()
        # SQLAlchemy's lock, and aiosqlite's queue to its thread, as its own cursor uses them.
        async with adapted._execute_mutex:
            outcome = await connection._execute(  # type: ignore[no-untyped-call]
                _run, connection._conn, operation, parameters, many, begin
            )
        self._description, self._rowcount, self._lastrowid, rows = outcome
        self._rows = deque(rows) if rows is not None else deque()

    def nextset(self) -> None:
        raise NotImplementedError("SQLite has one result set per statement")

    def setinputsizes(self, *inputsizes: Any) -> None:
        """sqlite3 ignores input sizes."""

    def fetchall(self) -> Sequence[Any]:
        rows = list(self._rows)
        self._rows.clear()
        return rows


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """A transaction's BEGIN IMMEDIATE goes to SQLite with its first statement, in one trip."""

    __slots__ = ("_begin_pending",)

    _cursor_cls = OneTripCursor

    def __init__(self, dbapi: Any, connection: aiosqlite.Connection) -> None:
        super().__init__(dbapi, connection)  # type: ignore[arg-type]
        self._begin_pending = False

    def begin_with_next_statement(self) -> None:
        self._begin_pending = True

    def take_pending_begin(self) -> bool:
        pending, self._begin_pending = self._begin_pending, False
        return pending

    def cursor(self, server_side: bool = False) -> Any:
        if server_side and self.take_pending_begin():  # SQLAlchemy's own cursor: BEGIN first
            connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
            await_(connection._execute(_begin, connection._conn))  # type: ignore[no-untyped-call]
        return super().cursor(server_side)

    def commit(self) -> None:
        if not self.take_pending_begin() and self._in_transaction():
            super().commit()

    def rollback(self) -> None:
        # The pool rolls back every connection it takes back, most of them already committed.
        if not self.take_pending_begin() and self._in_transaction():
            super().rollback()

    def _in_transaction(self) -> bool:
        """Read in the event loop: nothing else runs on a connection checked out to us."""
        sqlite: sqlite3.Connection | None = self._connection._connection
        return sqlite is not None and sqlite.in_transaction


_BEGIN = "BEGIN IMMEDIATE"


def _begin(connection: sqlite3.Connection) -> None:
    connection.execute(_BEGIN).close()


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The aiosqlite DBAPI shim whose connections hand out `OneTripCursor`s."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        connection = self.aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # as SQLAlchemy does: no hang at exit
        return OneTripConnection(self, await_(connection))


def _write(connection: sqlite3.Connection, writes: Sequence[tuple[str, list[Any]]]) -> None:
    """In aiosqlite's thread: one whole write transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement, rows in writes:
            connection.executemany(statement, rows)
    except BaseException:
        connection.rollback()
        raise
    connection.commit()


async def write_in_one_trip(
    engine: AsyncEngine, writes: Sequence[tuple[Executable, list[dict[str, Any]]]]
) -> None:
    """BEGIN, each statement for its rows, COMMIT: one trip to aiosqlite's thread, not one each.

    For a write done on every update (aiogram-dialog's state): through a session it took three
    trips and 450 µs of CPU, this takes 150. The statements must need no type conversion.
    """
    compiled = []
    for statement, rows in writes:
        text, order = _compiled(statement, engine, tuple(rows[0]))
        compiled.append((text, [tuple(row[name] for name in order) for row in rows]))
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver: aiosqlite.Connection = raw.driver_connection  # type: ignore[assignment]
        await driver._execute(_write, driver._conn, compiled)  # type: ignore[no-untyped-call]


# Keyed by the statement itself, which keeps it alive: an id could be reused after it is gone.
_COMPILED: dict[tuple[Executable, str, tuple[str, ...]], tuple[str, Sequence[str]]] = {}


def _compiled(
    statement: Executable, engine: AsyncEngine, keys: tuple[str, ...]
) -> tuple[str, Sequence[str]]:
    """The statement's SQL for rows of these keys, with `?` placeholders, and the order its
    parameters go in."""
    key = (statement, engine.dialect.name, keys)
    if key not in _COMPILED:
        compiled = statement.compile(  # type: ignore[attr-defined]
            dialect=engine.dialect, column_keys=list(keys)
        )
        _COMPILED[key] = (compiled.string, tuple(compiled.positiontup or ()))
    return _COMPILED[key]
