from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from storage.athletes.tables import UserRow
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from storage.core.tables import ProcessedUpdateRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

CLOCK = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))


async def test_fifty_concurrent_read_then_write_transactions_on_sqlite_never_hit_a_lock(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'spotter.db'}"
    await upgrade_to_head(url)
    engine = create_engine(url)
    session_factory = create_session_factory(engine)

    async def register(update_id: int) -> None:
        # Half the updates come from one person, so their reads and writes collide.
        telegram_id = 1 if update_id % 2 else update_id
        async with SqlUnitOfWork(session_factory, CLOCK, update_id) as uow:
            await RegisterUser(uow, CLOCK)(Profile(telegram_id, f"name {update_id}"))

    try:
        await asyncio.gather(*(register(update_id) for update_id in range(50)))
        async with session_factory() as session:
            users = await session.scalar(select(func.count()).select_from(UserRow))
            ledger = await session.scalar(select(func.count()).select_from(ProcessedUpdateRow))
    finally:
        await engine.dispose()

    assert (users, ledger) == (26, 50)
