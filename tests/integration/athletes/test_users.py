from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language, Profile, User
from domain.athletes.use_cases.registration import RegisterUser
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Rounding, Unit, Weight
from storage.athletes.users import SqlUserRepository
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

ZURICH_NOON = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=1)))


ZOE = User(
    telegram_id=5_000_000_001,
    first_name="Zoë",
    last_name="Łukasiewicz-Привет",
    username="zoe_lifts",
    language=Language.RU,
    time_zone="Europe/Zurich",
    registered_at=ZURICH_NOON,
)


async def test_a_user_comes_back_as_saved_with_an_aware_utc_registration_time(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session:
        await SqlUserRepository(session).add(ZOE)
        await session.commit()

    async with session_factory() as session:
        loaded = await SqlUserRepository(session).get(5_000_000_001)

    assert loaded == ZOE
    assert loaded is not None
    assert loaded.registered_at.tzinfo == UTC
    assert loaded.registered_at == datetime(2026, 3, 1, 11, 0, 0, 123456, tzinfo=UTC)


async def test_an_update_changes_the_profile_but_not_the_registration_time(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session:
        await SqlUserRepository(session).add(ZOE)
        await session.commit()
        await SqlUserRepository(session).update(
            replace(ZOE, first_name="Анна", username=None, registered_at=datetime.now(UTC))
        )
        await session.commit()

    async with session_factory() as session:
        loaded = await SqlUserRepository(session).get(5_000_000_001)

    assert loaded == replace(ZOE, first_name="Анна", username=None)


async def test_a_naive_datetime_is_refused(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session:
        await SqlUserRepository(session).add(replace(ZOE, registered_at=datetime(2026, 1, 1)))  # noqa: DTZ001
        with pytest.raises(Exception, match="naive datetime"):
            await session.flush()


async def test_registering_a_new_user_then_again_refreshes_the_profile_and_keeps_the_time_zone(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock = FixedClock(ZURICH_NOON)
    async with SqlUnitOfWork(session_factory, clock) as uow:
        first = await RegisterUser(uow, clock)(Profile(7, "Ана", language_code="sr"))
    async with SqlUnitOfWork(session_factory, clock) as uow:
        await uow.users.update(
            User(7, "Ана", None, None, Language.EN, "Europe/Belgrade", first.user.registered_at)
        )
        await uow.commit()
    async with SqlUnitOfWork(session_factory, clock) as uow:
        second = await RegisterUser(uow, clock)(Profile(7, "Ана", "Петровић", "ana", "sr"))
    async with SqlUnitOfWork(session_factory, clock) as uow:
        stored = await uow.users.get(7)

    assert first.is_new
    assert not second.is_new
    assert stored == User(7, "Ана", "Петровић", "ana", Language.EN, "Europe/Belgrade", ZURICH_NOON)


async def test_a_users_unit_and_rounding_come_back_as_saved(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    in_pounds = replace(
        ZOE,
        unit=Unit.LB,
        rounding_step=Decimal("2.50"),
        rounding=Rounding.DOWN,
        warmups=False,
        e1rm_formula=E1rmFormula.BRZYCKI,
        bar=Weight(Decimal("35"), Unit.LB),
    )
    async with session_factory() as session:
        await SqlUserRepository(session).add(ZOE)
        await session.commit()
        assert await SqlUserRepository(session).get(ZOE.telegram_id) == ZOE
        await SqlUserRepository(session).update(in_pounds)
        await session.commit()

    async with session_factory() as session:
        loaded = await SqlUserRepository(session).get(ZOE.telegram_id)

    assert loaded == in_pounds
    assert loaded is not None
    assert (loaded.unit, str(loaded.rounding_step), loaded.rounding) == (
        Unit.LB,
        "2.50",
        Rounding.DOWN,
    )
