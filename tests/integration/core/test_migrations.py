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
from storage.migrations.schema import metadata


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
        differences.extend(compare_metadata(context, metadata))

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


async def test_queued_start_buttons_become_actions_in_the_recipients_language_and_back(
    empty_database_url: str,
) -> None:
    await upgrade(empty_database_url, "0008")
    start = '{"inline_keyboard":[[{"text":"▶️ Start","callback_data":"remind:start"}]]}'

    def add_rows(connection: Connection) -> None:
        connection.execute(
            text(
                "INSERT INTO users (telegram_id, first_name, language, time_zone,"
                " registered_at, updated_at) VALUES (1, 'Ada', 'ru', 'UTC', :at, :at)"
            ),
            {"at": datetime(2026, 1, 1, tzinfo=UTC)},
        )
        for row_id, chat_id, markup in ((1, 1, start), (2, -5, None)):
            connection.execute(
                text(
                    "INSERT INTO outbox (id, idempotency_key, chat_id, kind, text, reply_markup,"
                    " not_before, state, attempts, created_at)"
                    " VALUES (:id, :key, :chat, 'text', 'hi', :markup, :at, 'queued', 0, :at)"
                ),
                {
                    "id": row_id,
                    "key": f"k{row_id}",
                    "chat": chat_id,
                    "markup": markup,
                    "at": datetime(2026, 1, 1, tzinfo=UTC),
                },
            )

    await run_in_transaction(empty_database_url, add_rows)
    await upgrade(empty_database_url, "0009")
    assert await _outbox_columns(empty_database_url, "buttons, language") == [
        ('[[{"action":"open_todays_workout"}]]', "ru"),
        (None, None),
    ]

    await downgrade(empty_database_url, "0008")
    assert await _outbox_columns(empty_database_url, "reply_markup") == [(start,), (None,)]


async def _outbox_columns(url: str, columns: str) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []

    def read(connection: Connection) -> None:
        query = text(f"SELECT {columns} FROM outbox ORDER BY id")  # noqa: S608 - our own names
        rows.extend(tuple(row) for row in connection.execute(query))

    await run_in_transaction(url, read)
    return rows
