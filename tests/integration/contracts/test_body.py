"""The body repository's contract (and progress's BodyWeights), on the fake and on SQL."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from domain.body.model import Measurement, Photo, Pose, ProgressEntry
from domain.body.ports import BodyUnitOfWork
from domain.progress.ports import ProgressUnitOfWork
from tests.integration.catalog import CLOCK, athlete
from tests.integration.contracts.conftest import Units

ANN, BOB = 1, 2
DAY = date(2026, 12, 1)


async def _registered(units: Units) -> None:
    async with units() as uow:
        await uow.users.add(athlete(ANN))
        await uow.users.add(athlete(BOB))
        await uow.commit()


def body(units: Units) -> BodyUnitOfWork:
    return cast("BodyUnitOfWork", units())


async def test_a_days_measurements_and_photos_come_back_as_one_entry(units: Units) -> None:
    await _registered(units)
    now = CLOCK.now()
    async with body(units) as uow:
        await uow.body.record(ANN, DAY, [Measurement("weight", Decimal("82.4"))], now)
        await uow.body.record(
            ANN,
            DAY,
            [Measurement("waist", Decimal("81.28")), Measurement("weight", Decimal(82))],
            now,
        )
        await uow.body.add_photo(ANN, DAY, Photo(Pose.SIDE, "side-id", "u-side"), now)
        await uow.body.add_photo(ANN, DAY, Photo(Pose.FRONT, "front-id", "u-front"), now)
        await uow.body.record(BOB, DAY, [Measurement("weight", Decimal(70))], now)
        await uow.commit()

    async with body(units) as uow:
        entries = await uow.body.entries(ANN)

    assert len(entries) == 1
    entry = entries[0]
    assert entry.day == DAY
    assert {m.name: m.value for m in entry.measurements} == {
        "weight": Decimal(82),  # the day's later weight replaced the first
        "waist": Decimal("81.28"),
    }
    assert [p.pose for p in entry.photos] == [Pose.FRONT, Pose.SIDE]
    assert entry.photos[0] == Photo(Pose.FRONT, "front-id", "u-front")


async def test_a_photo_of_a_pose_again_that_day_replaces_the_first(units: Units) -> None:
    await _registered(units)
    async with body(units) as uow:
        await uow.body.add_photo(ANN, DAY, Photo(Pose.BACK, "a", "ua"), CLOCK.now())
        await uow.commit()
    async with body(units) as uow:
        await uow.body.add_photo(ANN, DAY, Photo(Pose.BACK, "b", "ub"), CLOCK.now())
        await uow.commit()
    async with body(units) as uow:
        assert await uow.body.entries(ANN) == [
            ProgressEntry(DAY, (), (Photo(Pose.BACK, "b", "ub"),))
        ]


async def test_weights_are_one_a_day_from_a_day_on_for_body_and_for_progress(
    units: Units,
) -> None:
    await _registered(units)
    async with body(units) as uow:
        for offset, kg in ((0, "83"), (7, "82.5"), (14, "82")):
            day = DAY + timedelta(days=offset)
            await uow.body.record(ANN, day, [Measurement("weight", Decimal(kg))], CLOCK.now())
        await uow.body.record(ANN, DAY, [Measurement("hips", Decimal(95))], CLOCK.now())
        await uow.commit()

    since = DAY + timedelta(days=1)
    async with body(units) as uow:
        weights = await uow.body.weights(ANN, since)
        entries = await uow.body.entries(ANN, since=since)
        nothing = await uow.body.weights(BOB, DAY)
    async with cast("ProgressUnitOfWork", units()) as progress:
        read = await progress.body_weights.weights_since(ANN, since)

    expected = [(DAY + timedelta(days=7), Decimal("82.5")), (DAY + timedelta(days=14), Decimal(82))]
    assert weights == read == expected
    assert [e.day for e in entries] == [d for d, _ in expected]
    assert nothing == []


async def test_the_reminder_is_off_until_asked_and_lists_those_who_asked(units: Units) -> None:
    await _registered(units)
    async with body(units) as uow:
        assert not await uow.body.reminder(ANN)
        await uow.body.set_reminder(ANN, True)
        await uow.body.set_reminder(BOB, True)
        await uow.commit()
    async with body(units) as uow:
        await uow.body.set_reminder(BOB, False)
        await uow.commit()
    async with body(units) as uow:
        assert await uow.body.reminder(ANN)
        assert not await uow.body.reminder(BOB)
        assert await uow.body.reminded() == [(ANN, athlete(ANN).time_zone)]


async def test_nothing_is_kept_without_a_commit(units: Units) -> None:
    await _registered(units)
    async with body(units) as uow:
        await uow.body.record(ANN, DAY, [Measurement("weight", Decimal(80))], CLOCK.now())
    async with body(units) as uow:
        assert await uow.body.entries(ANN) == []
