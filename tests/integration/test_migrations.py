from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from storage.migrate import downgrade, revisions, run_in_transaction, upgrade, upgrade_to_head
from storage.models import Base


async def test_every_revision_upgrades_downgrades_and_upgrades_again(
    empty_database_url: str,
) -> None:
    previous = "base"
    for revision in revisions():
        await upgrade(empty_database_url, revision)
        await downgrade(empty_database_url, previous)
        await upgrade(empty_database_url, revision)
        previous = revision


async def test_downgrading_to_base_leaves_only_the_version_table(
    empty_database_url: str,
) -> None:
    await upgrade_to_head(empty_database_url)
    await downgrade(empty_database_url, "base")
    tables: list[str] = []

    def read_tables(connection: Connection) -> None:
        tables.extend(inspect(connection).get_table_names())

    await run_in_transaction(empty_database_url, read_tables)

    assert tables == ["alembic_version"]


async def test_the_migrations_build_exactly_the_schema_the_models_describe(
    database_url: str,
) -> None:
    differences: list[object] = []

    def compare(connection: Connection) -> None:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences.extend(compare_metadata(context, Base.metadata))

    await run_in_transaction(database_url, compare)

    assert differences == []
