from __future__ import annotations

from pathlib import Path

import pytest

from storage.core.engine import create_engine, normalize_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///var/spotter.db", "sqlite+aiosqlite:///var/spotter.db"),
        ("sqlite+aiosqlite:///var/spotter.db", "sqlite+aiosqlite:///var/spotter.db"),
        ("postgres://u:p%40ss@db:5432/spotter", "postgresql+asyncpg://u:p%40ss@db:5432/spotter"),
        ("postgresql://u@db/spotter", "postgresql+asyncpg://u@db/spotter"),
        ("postgresql+asyncpg://u@db/spotter", "postgresql+asyncpg://u@db/spotter"),
    ],
)
def test_plain_urls_get_the_async_driver(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


async def test_a_sqlite_file_gets_its_directory_and_the_connection_settings(
    tmp_path: Path,
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'new' / 'dir' / 'spotter.db'}")
    try:
        async with engine.connect() as connection:
            settings = [
                (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            ]
    finally:
        await engine.dispose()

    assert (tmp_path / "new" / "dir" / "spotter.db").exists()
    assert settings == ["wal", 1, 5000, 1]
