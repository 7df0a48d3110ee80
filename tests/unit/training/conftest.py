"""Fixtures of the training use case tests."""

from __future__ import annotations

import pytest

from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.training.nsuns import Setup, athlete_on_nsuns


@pytest.fixture
async def setup() -> Setup:
    uow, clock = InMemoryUnitOfWork(), FixedClock()
    await athlete_on_nsuns(uow, clock)
    return uow, clock
