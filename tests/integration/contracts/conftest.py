"""The repository contracts run against each backend: the in-memory fakes, SQLite, PostgreSQL.

One test, three backends: a fake that drifts from SQL fails the same test the SQL passes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Protocol

import pytest

from domain.nutrition.ports import NutritionUnitOfWork
from domain.reminders.ports import RemindersUnitOfWork
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from storage.uow import SqlUnitOfWork
from tests.fakes import InMemoryUnitOfWork
from tests.integration.catalog import CLOCK
from tests.integration.conftest import BACKENDS, empty_database


class ContractUnitOfWork(RemindersUnitOfWork, NutritionUnitOfWork, Protocol):
    """What the contracts reach through one unit of work."""


Units = Callable[[], ContractUnitOfWork]  # a fresh unit of work over the same data each call


@pytest.fixture(params=[pytest.param("fake", id="fake"), *BACKENDS])
async def units(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Units]:
    if request.param == "fake":
        fake = InMemoryUnitOfWork()
        yield lambda: fake
        return
    async with empty_database(request.param, tmp_path) as url:
        await upgrade_to_head(url)
        engine = create_engine(url)
        try:
            session_factory = create_session_factory(engine)
            yield lambda: SqlUnitOfWork(session_factory, CLOCK)
        finally:
            await engine.dispose()
