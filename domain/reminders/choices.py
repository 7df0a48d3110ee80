"""Changing the reminder choices, one change at a time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import TYPE_CHECKING

from domain.reminders.model import WEEK, QuietHours, Reminder

if TYPE_CHECKING:
    pass


class QuietConflictError(ValueError):
    """The reminder time would fall in the quiet hours."""

    def __init__(self, at: time, quiet: QuietHours) -> None:
        super().__init__(at, quiet)
        self.at = at
        self.quiet = quiet


@dataclass(frozen=True, slots=True)
class ToggleDay:
    weekday: int


@dataclass(frozen=True, slots=True)
class SetTime:
    at: time


@dataclass(frozen=True, slots=True)
class SetQuietHours:
    quiet: QuietHours | None


@dataclass(frozen=True, slots=True)
class SwitchReminders:
    pass


@dataclass(frozen=True, slots=True)
class SwitchWeeklySummary:
    pass


Change = ToggleDay | SetTime | SetQuietHours | SwitchReminders | SwitchWeeklySummary


def changed(reminder: Reminder, change: Change, now: datetime) -> Reminder:
    """The choices after one change; QuietConflictError if the time would fall in quiet hours."""
    match change:
        case ToggleDay(weekday):
            if weekday not in range(WEEK):
                raise ValueError(f"no weekday {weekday}")
            return replace(reminder, days=reminder.days ^ {weekday})
        case SetTime(at):
            if reminder.quiet is not None and at in reminder.quiet:
                raise QuietConflictError(at, reminder.quiet)
            return replace(reminder, at=at)
        case SetQuietHours(quiet):
            if quiet is not None and reminder.at in quiet:
                raise QuietConflictError(reminder.at, quiet)
            return replace(reminder, quiet=quiet)
        case SwitchReminders():
            on = not reminder.enabled
            return replace(reminder, enabled=on, since=now if on else reminder.since)
        case SwitchWeeklySummary():
            return replace(reminder, weekly_summary=not reminder.weekly_summary)
