import asyncio
from datetime import datetime, timedelta
from typing import Any

from domain.training.rest import Rest
from handlers.common.rest_timers import RestTimers
from tests.fakes import FixedClock


class Card:
    def __init__(self) -> None:
        self.refreshes = 0

    async def update(self, data: dict[str, Any], show_mode: Any = None) -> None:
        self.refreshes += 1


class Announcements:
    """What the timers queued: (athlete, rest key, text)."""

    def __init__(self) -> None:
        self.queued: list[tuple[int, str, str]] = []

    async def __call__(self, athlete_id: int, rest: Rest, text: str) -> None:
        self.queued.append((athlete_id, rest.key, text))


def rest_until(ends_at: datetime, after: int = 0) -> Rest:
    return Rest(ends_at, timedelta(minutes=3), 7, after)


def timers_on(clock: FixedClock, announce: Announcements) -> tuple[RestTimers, list[float]]:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.current += timedelta(seconds=seconds)
        await asyncio.sleep(0)

    return RestTimers(clock, announce, refresh_every=15, sleep=sleep), slept


async def test_a_rest_refreshes_the_card_every_15_seconds_then_queues_rest_is_over() -> None:
    clock, announce = FixedClock(), Announcements()
    timers, slept = timers_on(clock, announce)
    card = Card()
    rest = rest_until(clock.now() + timedelta(seconds=40))

    timers.start(1001, rest, card, "⏱ Rest is over — next set!")  # type: ignore[arg-type]
    await asyncio.sleep(0.05)

    assert slept == [15, 15, 10]
    assert card.refreshes == 3
    assert announce.queued == [(1001, rest.key, "⏱ Rest is over — next set!")]
    assert not timers.running(1001)


async def test_a_new_set_restarts_the_timer_and_only_the_last_rest_is_announced() -> None:
    clock = FixedClock()
    never = asyncio.Event()

    async def wait_forever(_: float) -> None:
        await never.wait()

    announce = Announcements()
    timers = RestTimers(clock, announce, sleep=wait_forever)
    timers.start(1001, rest_until(clock.now() + timedelta(minutes=3)), Card(), "over")  # type: ignore[arg-type]
    timers.start(1001, rest_until(clock.now() + timedelta(minutes=2), 1), Card(), "over")  # type: ignore[arg-type]
    await asyncio.sleep(0)

    await timers.close()

    assert announce.queued == []
    assert not timers.running(1001)
