from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from domain.athletes.model import (
    Language,
    Profile,
    UnknownTimeZoneError,
    User,
    find_time_zone,
    language_for,
)
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.shared.weights import Unit, Weight
from tests.fakes import FixedClock, InMemoryUnitOfWork

ANN = Profile(telegram_id=1001, first_name="Ann", username="ann", language_code="de")


async def test_a_first_start_registers_the_user_in_utc() -> None:
    uow, clock = InMemoryUnitOfWork(), FixedClock()

    registration = await RegisterUser(uow, clock)(ANN)

    assert registration.is_new
    assert uow.committed_users[1001].time_zone == "UTC"
    assert uow.committed_users[1001].language == Language.EN
    assert uow.committed_users[1001].registered_at == clock.now()


async def test_a_second_start_refreshes_the_profile_but_keeps_settings_language_and_join_date() -> (
    None
):
    uow, clock = InMemoryUnitOfWork(), FixedClock()
    await RegisterUser(uow, clock)(ANN)
    await SetTimeZone(uow)(1001, "Berlin")
    joined = clock.now()
    clock.current += timedelta(days=3)

    again = await RegisterUser(uow, clock)(Profile(1001, "Anna", username=None, language_code="ru"))

    assert not again.is_new
    user = uow.committed_users[1001]
    assert (user.first_name, user.username, user.language) == ("Anna", None, Language.EN)
    assert user.time_zone == "Europe/Berlin"
    assert user.registered_at == joined


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("  berlin ", "Europe/Berlin"),
        ("New York", "America/New_York"),
        ("new_york", "America/New_York"),
        ("Kolkata", "Asia/Kolkata"),
        ("UTC", "UTC"),
    ],
)
def test_time_zones_are_found_by_name_or_city(typed: str, zone: str) -> None:
    assert find_time_zone(typed) == zone


@pytest.mark.parametrize(
    "typed", ["", "   ", "Atlantis", "Europe/Nowhere", "x" * 500, "💪", "../etc"]
)
def test_unknown_time_zones_are_refused(typed: str) -> None:
    with pytest.raises(UnknownTimeZoneError):
        find_time_zone(typed)


async def test_a_refused_time_zone_changes_nothing() -> None:
    uow = InMemoryUnitOfWork()
    await RegisterUser(uow, FixedClock())(ANN)

    with pytest.raises(UnknownTimeZoneError):
        await SetTimeZone(uow)(1001, "Atlantis")

    assert uow.committed_users[1001].time_zone == "UTC"


def test_a_weight_the_athletes_bar_cannot_take_exactly_becomes_the_nearest_loadable() -> None:
    ann = User(
        1,
        "Ann",
        None,
        None,
        Language.EN,
        "UTC",
        datetime(2026, 1, 1, tzinfo=UTC),
        unit=Unit.LB,
        rounding_step=Decimal(5),
        bar=Weight(Decimal(33), Unit.LB),
    )

    load = ann.loads(Weight(Decimal(135), Unit.LB))

    # 135 on a 33 lb bar needs 51 lb a side: 45 + 5 gives 133, 45 + 5 + 2.5 gives 138.
    assert (load.total, load.exact) == (Weight(Decimal(133), Unit.LB), False)
    assert load.per_side == (Decimal(45), Decimal(5))


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("ru", Language.RU),
        ("uk", Language.RU),
        ("be", Language.RU),
        ("kk", Language.RU),
        ("ru-RU", Language.RU),
        ("en", Language.EN),
        ("de", Language.EN),
        ("pt-br", Language.EN),
        ("", Language.EN),
        (None, Language.EN),
    ],
)
def test_russian_readers_get_russian_and_everyone_else_english(
    code: str | None, language: Language
) -> None:
    assert language_for(code) == language


async def test_a_ukrainian_client_registers_in_russian() -> None:
    uow = InMemoryUnitOfWork()

    await RegisterUser(uow, FixedClock())(Profile(7, "Олена", language_code="uk"))

    assert uow.committed_users[7].language == Language.RU
