"""Alembic driven from code: `await upgrade_to_head(url)` from the bot's own event loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from storage.core.engine import create_engine

MIGRATIONS = Path(__file__).parents[1] / "migrations"


def alembic_config() -> Config:
    """The configuration alembic.ini would give, minus logging and the URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


async def upgrade_to_head(url: str) -> None:
    """Brings the database at `url` to the newest schema."""
    await upgrade(url, "head")


async def upgrade(url: str, revision: str) -> None:
    """Upgrades to `revision` (an id, "head" or "+1")."""
    await run_in_transaction(url, lambda connection: _command(connection, "upgrade", revision))


async def downgrade(url: str, revision: str) -> None:
    """Downgrades to `revision` (an id, "base" or "-1")."""
    await run_in_transaction(url, lambda connection: _command(connection, "downgrade", revision))


async def run_in_transaction(url: str, work: Callable[[Connection], None]) -> None:
    """Runs synchronous migration code on a connection of its own, committed at the end."""
    # Batch operations on SQLite copy and drop tables; with foreign keys enforced, dropping
    # a parent table would cascade into its children. env.py runs foreign_key_check instead.
    engine = create_engine(url, foreign_keys=False)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(work)
    finally:
        await engine.dispose()


def _command(connection: Connection, name: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, name)(config, revision)
