"""The users repository's contract, on the fake and on SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.athletes.model import Language
from domain.shared.weights import Unit, Weight
from tests.integration.catalog import CLOCK, athlete
from tests.integration.contracts.conftest import Units


async def test_a_user_comes_back_as_added_and_as_updated(units: Units) -> None:
    zoe = athlete(1)
    async with units() as uow:
        await uow.users.add(zoe)
        await uow.users.add(athlete(2))
        await uow.commit()
    changed = replace(
        zoe,
        language=Language.RU,
        time_zone="Europe/Berlin",
        unit=Unit.LB,
        rounding_step=Decimal("5"),
        bar=Weight.of("45", Unit.LB),
        deload_until=CLOCK.now() + timedelta(days=7),
    )

    async with units() as uow:
        added = await uow.users.get(1)
        await uow.users.update(changed)
        await uow.commit()
    async with units() as uow:
        updated = await uow.users.get(1)
        other = await uow.users.get(2)
        nobody = await uow.users.get(3)

    assert (added, updated, other, nobody) == (zoe, changed, athlete(2), None)


async def test_updating_a_user_who_does_not_exist_is_a_lookup_error(units: Units) -> None:
    async with units() as uow:
        with pytest.raises(LookupError):
            await uow.users.update(athlete(1))


async def test_an_uncommitted_user_is_gone_after_the_unit_of_work(units: Units) -> None:
    async with units() as uow:
        await uow.users.add(athlete(1))
    async with units() as uow:
        assert await uow.users.get(1) is None
