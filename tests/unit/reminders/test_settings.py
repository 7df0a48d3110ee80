"""Changing reminder choices on the card."""

from __future__ import annotations

from datetime import time

import pytest

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.reminders.choices import QuietConflictError, SetQuietHours, SetTime, ToggleDay
from domain.reminders.model import QuietHours
from domain.reminders.use_cases.settings import ChangeReminders
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.reminders.support import ANN, Athlete, utc


async def test_a_reminder_time_in_quiet_hours_is_refused_and_the_refusal_changes_nothing() -> None:
    uow, clock = InMemoryUnitOfWork(), FixedClock(utc("2026-03-02 09:30"))
    await RegisterUser(uow, clock)(Profile(ANN, "Ann"))
    change = ChangeReminders(uow, clock)
    await change(ANN, SetQuietHours(QuietHours(time(22), time(7))))
    with pytest.raises(QuietConflictError):
        await change(ANN, SetTime(time(23)))
    await change(ANN, SetTime(time(19)))
    with pytest.raises(QuietConflictError):
        await change(ANN, SetQuietHours(QuietHours(time(18), time(20))))

    saved = uow.committed["reminders"][ANN]
    assert (saved.at, saved.quiet) == (time(19), QuietHours(time(22), time(7)))


async def test_toggling_days_reschedules_from_now() -> None:
    ann = await Athlete().set_up(ToggleDay(0), ToggleDay(1))  # Monday off, Tuesday on

    assert ann.reminder.days == frozenset({1, 2, 4})
    assert ann.reminder.next_due == utc("2026-03-03 17:00")
