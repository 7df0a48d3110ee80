"""The sender's flood control, driven by plain numbers for time, against Telegram's windows."""

from __future__ import annotations

import asyncio
import random
from functools import partial

import pytest

from domain.outbox.lanes import Lane
from emulator.flood import FloodLimiter, FloodLimits
from scheduler.delivery.limits import DeliveryLimits, FloodControl, Spacing


def test_a_spacing_allows_one_event_per_interval() -> None:
    spacing = Spacing(0.5)
    spacing.take(10.0)
    assert spacing.ready_at == 10.5
    spacing.take(10.5)
    assert spacing.ready_at == 11.0


def test_a_slightly_late_event_keeps_the_rate_and_a_very_late_one_restarts_it() -> None:
    spacing = Spacing(1.0, tolerance=0.5)
    spacing.take(0.0)
    spacing.take(1.3)
    assert spacing.ready_at == 2.0
    spacing.take(2.7)
    assert spacing.ready_at == 3.7


def test_an_idle_spacing_does_not_save_up_a_burst() -> None:
    spacing = Spacing(1.0)
    spacing.take(0.0)
    spacing.take(100.0)

    assert spacing.ready_at == 101.0


def test_a_pause_only_ever_pushes_the_next_event_later() -> None:
    spacing = Spacing(1.0)
    spacing.take(0.0)
    spacing.pause_until(5.0)
    spacing.pause_until(2.0)

    assert spacing.ready_at == 5.0


def test_the_limits_leave_their_headroom_unused() -> None:
    limits = DeliveryLimits(global_per_second=30, headroom=0.1)

    assert limits.global_spacing == pytest.approx(1 / 27)
    assert limits.chat_spacing == pytest.approx(1 / 0.9)
    assert limits.group_spacing == pytest.approx(3 / 0.9)


@pytest.mark.parametrize("limits", [{"global_per_second": 0}, {"headroom": 1.0}])
def test_nonsense_limits_are_refused(limits: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"positive|fraction"):
        DeliveryLimits(**limits)


def test_a_chat_waits_for_its_own_limit_and_for_everyone_s() -> None:
    control = FloodControl(DeliveryLimits(global_per_second=10, headroom=0))
    control.take(1, 0.0)

    assert control.ready_at(1) == pytest.approx(1.0)
    assert control.ready_at(2) == pytest.approx(0.1)


def test_a_group_gets_twenty_a_minute() -> None:
    control = FloodControl(DeliveryLimits(headroom=0))
    control.take(-100, 0.0)

    assert control.chat_ready_at(-100) == pytest.approx(3.0)


def test_a_paused_chat_waits_and_others_do_not() -> None:
    control = FloodControl(DeliveryLimits(headroom=0))
    control.pause_chat(5, 30.0)

    assert (control.ready_at(5), control.ready_at(6)) == (30.0, -float("inf"))
    control.pause_all(40.0)
    assert control.ready_at(6) == 40.0


def test_forgetting_idle_chats_keeps_the_ones_still_waiting() -> None:
    control = FloodControl(DeliveryLimits(headroom=0))
    control.take(1, 0.0)
    control.take(2, 5.0)

    control.forget_idle(5.5)

    assert len(control) == 1
    assert control.chat_ready_at(2) == pytest.approx(6.0)


@pytest.mark.parametrize("seed", range(5))
def test_sending_whenever_allowed_never_trips_telegram_s_windows_even_with_jitter(
    seed: int,
) -> None:
    """Greedy sends to private chats and groups, each sent and arriving up to 10 ms late."""
    rng = random.Random(seed)
    control = FloodControl(DeliveryLimits())
    telegram = FloodLimiter(FloodLimits())
    chats = [*range(1, 40), -1001, -1002]
    queue = [rng.choice(chats) for _ in range(3000)]
    now = 0.0
    violations = []
    pending = list(queue)
    while pending:
        chat = min(pending[:50], key=control.ready_at)  # the earliest of the next few
        pending.remove(chat)
        now = max(now, control.ready_at(chat)) + rng.uniform(0, 0.01)  # a little late
        control.take(chat, now)
        verdict = telegram.check(chat, now + rng.uniform(0, 0.01))
        if verdict is not None:
            violations.append((chat, now, verdict))

    assert violations == []


class Clock:
    """Monotonic seconds the test sets."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(served: list[Lane], lane: Lane, _: object) -> None:
    served.append(lane)


async def waiting(control: FloodControl, chat_id: int | None, lane: Lane) -> asyncio.Task[None]:
    """An acquire() in line: started, and waiting for its slot."""
    task = asyncio.create_task(control.acquire(chat_id, lane))
    await asyncio.sleep(0)
    return task


async def test_a_reply_with_room_goes_at_once() -> None:
    clock = Clock()
    control = FloodControl(DeliveryLimits(global_per_second=10, headroom=0), clock)

    await control.acquire(1, Lane.REPLY)

    assert control.waiting() == 0
    assert control.ready_at(1) == pytest.approx(1.0)


async def test_a_bulk_message_never_takes_the_slot_a_reply_waits_for() -> None:
    """#14: the outbox's bulk row and a reply want the same overall slot; the reply gets it."""
    clock = Clock()
    control = FloodControl(DeliveryLimits(global_per_second=10, headroom=0), clock)
    control.take(1, 0.0)  # the next overall slot is at 0.1
    clock.now = 0.05
    reply = await waiting(control, 2, Lane.REPLY)

    assert control.ready_at(3, Lane.BULK) == pytest.approx(0.2)  # after the reply's
    clock.now = 0.1
    assert control.serve(0.1) == 1
    await reply
    assert control.ready_at(3, Lane.BULK) == pytest.approx(0.2)


async def test_waiters_are_served_in_lane_order_not_in_order_of_arrival() -> None:
    clock = Clock()
    control = FloodControl(DeliveryLimits(global_per_second=8, headroom=0), clock)
    control.take(9, 0.0)
    served: list[Lane] = []
    tasks = []
    for chat, lane in [(1, Lane.BULK), (2, Lane.TIMELY), (3, Lane.REPLY)]:  # in this order
        tasks.append(await waiting(control, chat, lane))
        tasks[-1].add_done_callback(partial(record, served, lane))

    for step in range(1, 4):
        clock.now = step / 8
        control.serve(clock.now)
    await asyncio.gather(*tasks)

    assert served == [Lane.REPLY, Lane.TIMELY, Lane.BULK]


async def test_a_waiter_whose_chat_is_not_free_lets_a_lower_lane_use_the_overall_slot() -> None:
    clock = Clock()
    control = FloodControl(DeliveryLimits(global_per_second=10, headroom=0), clock)
    control.take(-100, 0.0)  # the group's next message is 3 s away
    reply = await waiting(control, -100, Lane.REPLY)
    clock.now = 0.1

    assert control.ready_at(5, Lane.BULK) == pytest.approx(0.1)  # an unused slot helps nobody
    assert control.chat_ready_at(-100, Lane.BULK) == pytest.approx(6.0)  # but not its chat
    reply.cancel()
    await asyncio.gather(reply, return_exceptions=True)
    assert control.waiting() == 0


async def test_a_waiter_is_woken_when_its_slot_comes() -> None:
    control = FloodControl(DeliveryLimits(global_per_second=20, per_chat_per_second=20))
    started = asyncio.get_running_loop().time()

    for _ in range(3):
        await control.acquire(1, Lane.REPLY)

    assert asyncio.get_running_loop().time() - started == pytest.approx(2 / 19, abs=0.05)


async def test_try_acquire_counts_only_a_message_that_may_go_now() -> None:
    clock = Clock()
    control = FloodControl(DeliveryLimits(global_per_second=10, headroom=0), clock)

    assert await control.try_acquire(1, Lane.TIMELY)
    assert not await control.try_acquire(2, Lane.TIMELY)
    clock.now = 0.1
    assert await control.try_acquire(2, Lane.TIMELY)


@pytest.mark.parametrize("seed", range(3))
async def test_replies_in_line_and_a_greedy_bulk_sender_never_trip_telegram_s_windows(
    seed: int,
) -> None:
    """Replies come in at random, to private chats and groups, and wait in line; a sender takes
    every slot they leave to bulk messages; each arrives up to 10 ms late."""
    rng = random.Random(seed)
    clock = Clock()
    control = FloodControl(DeliveryLimits(), clock)
    telegram = FloodLimiter(FloodLimits())
    chats = [*range(1, 40), -1001, -1002]
    sent: list[tuple[str, int, float]] = []
    violations = []

    async def reply(chat: int) -> None:
        await control.acquire(chat, Lane.REPLY)
        sent.append(("reply", chat, clock.now))

    replies = []
    while clock.now < 10.0:
        clock.now += 0.002
        if rng.random() < 0.02:  # about 10 replies a second
            replies.append(asyncio.create_task(reply(rng.choice(chats))))
            await asyncio.sleep(0)
        control.serve(clock.now)
        await asyncio.sleep(0)
        bulk = min(chats, key=lambda chat: control.ready_at(chat, Lane.BULK))
        if control.ready_at(bulk, Lane.BULK) <= clock.now:
            control.take(bulk, clock.now)
            sent.append(("bulk", bulk, clock.now))
    for task in replies:
        task.cancel()
    await asyncio.gather(*replies, return_exceptions=True)

    for _, chat, at in sent:
        if (verdict := telegram.check(chat, at + rng.uniform(0, 0.01))) is not None:
            violations.append((chat, at, verdict))
    assert violations == []
    replied = sum(1 for lane, _, _ in sent if lane == "reply")
    assert replied > 60
    assert len(sent) > 10 * 27  # the bulk sender used what the replies left


async def test_within_a_lane_the_line_holds_back_newcomers_to_it_but_not_the_outbox() -> None:
    """A WOD post due before a run of card edits is not held back by every edit after it."""
    clock = Clock()
    control = FloodControl(DeliveryLimits(global_per_second=10, headroom=0), clock)
    control.take(1, 0.0)
    edit = await waiting(control, 2, Lane.TIMELY)
    second = await waiting(control, 4, Lane.TIMELY)  # it did not jump the line

    assert control.waiting() == 2
    assert control.ready_at(3, Lane.TIMELY) == pytest.approx(0.1)  # the sender may ask too
    assert control.ready_at(3, Lane.BULK) == pytest.approx(0.3)
    for task in (edit, second):
        task.cancel()
    await asyncio.gather(edit, second, return_exceptions=True)
