"""Alembic's entry point, for `upgrade_to_head` (given a connection) and the alembic CLI."""

from __future__ import annotations

import asyncio
import os
from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection, make_url

from storage.core.columns import ExactDecimal, UtcDateTime
from storage.core.engine import normalize_url
from storage.core.migrate import run_in_transaction
from storage.migrations.schema import metadata

config = context.config


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("set DATABASE_URL (or sqlalchemy.url) to say which database")
    return normalize_url(url)


def _render_item(kind: str, item: object, _context: AutogenContext) -> str | Literal[False]:
    # Revisions stay frozen in plain SQLAlchemy types, independent of the models module.
    if kind == "type" and isinstance(item, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    if kind == "type" and isinstance(item, ExactDecimal):
        numeric = f"sa.Numeric(precision={item.precision!r}, scale={item.scale!r})"
        return f'{numeric}.with_variant(sa.Text(), "sqlite")'
    return False


def _configure(dialect_name: str, **options: Any) -> None:
    context.configure(
        target_metadata=metadata,
        render_item=_render_item,
        # SQLite alters most things only by copying the table; batch mode does that.
        render_as_batch=dialect_name == "sqlite",
        compare_type=True,
        **options,
    )


def run_migrations(connection: Connection) -> None:
    """Runs the pending migrations on `connection`, inside its transaction."""
    # The caller's transaction wraps every step, and SQLite does roll back DDL.
    _configure(connection.dialect.name, connection=connection, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()
    if connection.dialect.name == "sqlite":
        violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise RuntimeError(f"migration left rows with broken foreign keys: {violations}")


def run_migrations_offline() -> None:
    """Writes the migrations' SQL instead of running it (`alembic upgrade --sql`)."""
    url = _url()
    _configure(
        make_url(url).get_backend_name(),
        url=url,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
elif isinstance(connection := config.attributes.get("connection"), Connection):
    run_migrations(connection)
else:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name)
    asyncio.run(run_in_transaction(_url(), run_migrations))
