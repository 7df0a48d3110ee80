"""'Rest is over' goes through the outbox, once per rest (issue 14)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.outbox.lanes import Lane, lane_of
from domain.outbox.model import DeliveryState
from domain.training.model import SetResult
from domain.training.rest import Rest, current_rest
from domain.training.use_cases.logging import LogSet, OpenWorkout, ReopenSet
from domain.training.use_cases.resting import AnnounceRestOver
from tests.unit.training.nsuns import ANN, Setup

OVER = "⏱ Rest is over — next set!"


async def log_first_set(setup: Setup) -> tuple[int, Rest]:
    uow, clock = setup
    workout = await OpenWorkout(uow, clock)(ANN)
    assert workout.id is not None
    logged = await LogSet(uow, clock)(ANN, workout.id, 0, SetResult())
    rest = current_rest(logged, clock.now())
    assert rest is not None
    return workout.id, rest


async def test_a_rest_that_ran_out_is_announced_once_however_often_its_timer_fires(
    setup: Setup,
) -> None:
    uow, clock = setup
    _, rest = await log_first_set(setup)
    clock.current = rest.ends_at

    first = await AnnounceRestOver(uow, clock)(ANN, rest, OVER)
    again = await AnnounceRestOver(uow, clock)(ANN, rest, OVER)  # a restart, another worker

    assert (first, again) == (True, False)
    queued = uow.committed["outbox"]
    assert list(queued) == [rest.key]
    message, state = queued[rest.key]
    assert (message.chat_id, message.text, state) == (ANN, OVER, DeliveryState.QUEUED)
    assert message.not_before == rest.ends_at
    assert message.expires_at == rest.ends_at + timedelta(minutes=2)
    assert lane_of(message.key) is Lane.TIMELY  # never behind a fan-out


async def test_a_rest_a_later_set_replaced_is_not_announced(setup: Setup) -> None:
    uow, clock = setup
    workout_id, first_rest = await log_first_set(setup)
    clock.current += timedelta(seconds=30)
    await LogSet(uow, clock)(ANN, workout_id, 1, SetResult())
    clock.current = first_rest.ends_at

    assert await AnnounceRestOver(uow, clock)(ANN, first_rest, OVER) is False
    assert uow.committed.get("outbox", {}) == {}


async def test_the_rest_of_a_set_undone_is_not_announced(setup: Setup) -> None:
    uow, clock = setup
    workout_id, rest = await log_first_set(setup)
    await ReopenSet(uow)(ANN, workout_id, 0)
    clock.current = rest.ends_at

    assert await AnnounceRestOver(uow, clock)(ANN, rest, OVER) is False


async def test_each_rest_has_its_own_key_even_for_a_set_logged_again() -> None:
    rest = Rest(datetime(2026, 3, 2, 18, 3, tzinfo=UTC), timedelta(minutes=3), 7, 0)
    relogged = Rest(rest.ends_at + timedelta(seconds=20), rest.length, 7, 0)

    assert len({rest.key, relogged.key, Rest(rest.ends_at, rest.length, 7, 1).key}) == 3
