"""The sender's flood control, driven by plain numbers for time, against Telegram's windows."""

from __future__ import annotations

import random

import pytest

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
