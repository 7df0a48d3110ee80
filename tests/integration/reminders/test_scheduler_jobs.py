from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.jobs.core import prune_update_ledger
from scheduler.setup import build_scheduler
from storage.core.ledger import HandledUpdates
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

NOW = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)


async def test_the_ledger_job_forgets_updates_older_than_two_days_in_both_places(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    handled = HandledUpdates()
    for update_id, age in ((1, timedelta(days=3)), (2, timedelta(hours=47))):
        async with SqlUnitOfWork(session_factory, FixedClock(NOW - age), update_id, handled) as uow:
            await uow.commit()

    removed = await prune_update_ledger(session_factory, handled, FixedClock(NOW))

    assert removed == 1
    assert (1 in handled, 2 in handled) == (False, True)
    reloaded = await HandledUpdates.load(session_factory, since=NOW - timedelta(days=30))
    assert (1 in reloaded, 2 in reloaded) == (False, True)


async def test_the_scheduler_runs_the_ledger_job_under_a_fixed_id(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    scheduler = build_scheduler(session_factory, HandledUpdates(), FixedClock(NOW))
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job("prune-update-ledger")
    finally:
        scheduler.shutdown(wait=False)

    assert job is not None
    assert job.coalesce
    assert job.misfire_grace_time >= 3600
