import asyncio
from datetime import timedelta
from typing import Any

from handlers.common.rest_timers import RestTimers
from tests.fakes import FixedClock


class Card:
    def __init__(self) -> None:
        self.refreshes = 0

    async def update(self, data: dict[str, Any], show_mode: Any = None) -> None:
        self.refreshes += 1


class Bot:
    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id: int, text: str) -> None:
        self.sent.append((chat_id, text))


def timers_on(clock: FixedClock) -> tuple[RestTimers, list[float]]:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.current += timedelta(seconds=seconds)
        await asyncio.sleep(0)

    return RestTimers(clock, refresh_every=15, sleep=sleep), slept


async def test_a_rest_refreshes_the_card_every_15_seconds_then_says_rest_is_over() -> None:
    clock = FixedClock()
    timers, slept = timers_on(clock)
    card, bot = Card(), Bot()

    timers.start(1001, clock.now() + timedelta(seconds=40), card, bot, "⏱ Rest is over — next set!")  # type: ignore[arg-type]
    await asyncio.sleep(0.05)

    assert slept == [15, 15, 10]
    assert card.refreshes == 3
    assert bot.sent == [(1001, "⏱ Rest is over — next set!")]
    assert not timers.running(1001)


async def test_a_new_set_restarts_the_timer_and_only_the_last_rest_is_announced() -> None:
    clock = FixedClock()
    never = asyncio.Event()

    async def wait_forever(_: float) -> None:
        await never.wait()

    timers = RestTimers(clock, sleep=wait_forever)
    bot = Bot()
    timers.start(1001, clock.now() + timedelta(minutes=3), Card(), bot, "over")  # type: ignore[arg-type]
    timers.start(1001, clock.now() + timedelta(minutes=2), Card(), bot, "over")  # type: ignore[arg-type]
    await asyncio.sleep(0)

    await timers.close()

    assert bot.sent == []
    assert not timers.running(1001)
