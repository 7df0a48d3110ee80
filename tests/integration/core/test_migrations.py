from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from domain.shared.weights import Rounding, Unit
from storage.athletes.users import SqlUserRepository
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import downgrade, revisions, run_in_transaction, upgrade, upgrade_to_head
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


async def test_users_from_before_units_get_kilograms_and_the_default_rounding(
    empty_database_url: str,
) -> None:
    await upgrade(empty_database_url, "0001")

    def add_user(connection: Connection) -> None:
        connection.execute(
            text(
                "INSERT INTO users (telegram_id, first_name, language, time_zone,"
                " registered_at, updated_at)"
                " VALUES (1, 'Ada', 'en', 'UTC', :at, :at)"
            ),
            {"at": datetime(2026, 1, 1, tzinfo=UTC)},
        )

    await run_in_transaction(empty_database_url, add_user)
    await upgrade_to_head(empty_database_url)

    engine = create_engine(empty_database_url)
    try:
        async with create_session_factory(engine)() as session:
            user = await SqlUserRepository(session).get(1)
    finally:
        await engine.dispose()

    assert user is not None
    assert (user.unit, user.rounding_step, user.rounding) == (
        Unit.KG,
        Decimal("2.5"),
        Rounding.NEAREST,
    )
    assert type(user.rounding_step) is Decimal
