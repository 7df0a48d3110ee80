"""The in-process APScheduler and its periodic jobs (deterministic ids, coalesced runs)."""

from __future__ import annotations

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.ports import Clock
from scheduler.jobs import prune_update_ledger
from storage.ledger import HandledUpdates


def build_scheduler(
    session_factory: async_sessionmaker[AsyncSession], handled: HandledUpdates, clock: Clock
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
    )
    scheduler.add_job(
        prune_update_ledger,
        IntervalTrigger(hours=6),
        id="prune-update-ledger",
        args=[session_factory, handled, clock],
        replace_existing=True,
    )
    return scheduler
