"""A Russian-speaking athlete gets Spotter in Russian: onboarding and a day-1 set (issue #9)."""

from __future__ import annotations

from emulator import BotApiEmulator
from tests.e2e.conftest import Spotter
from tests.e2e.steps import card_position, onboard


async def test_a_russian_client_onboards_and_logs_a_day_one_set_in_russian(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    olga = emulator.user(2001, first_name="Оля", language_code="ru")

    done = await onboard(olga)
    await olga.send("/today")
    card = await olga.wait_for_message()
    await olga.send("+")
    after = await olga.wait_for_message()

    assert "Всё готово!" in done.content
    assert "Squat 126 kg" in done.content
    assert "День 1" in card.content
    assert "Блины на сторону" in card.content
    assert card_position(after) == (1, 17)
    assert "⏱ Отдых" in after.content
