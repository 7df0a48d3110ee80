"""What the athlete types on the reminder card: a time of day and quiet hours."""

from __future__ import annotations

import re
from datetime import time
from enum import StrEnum
from typing import TYPE_CHECKING

from domain.reminders.model import QuietHours

if TYPE_CHECKING:
    pass


class TimeProblem(StrEnum):
    UNREADABLE = "unreadable"
    HOUR = "hour"  # no such hour
    MINUTE = "minute"  # no such minute
    HALF_DAY = "half_day"  # 13pm: a 24-hour clock hour with am/pm


class TimeEntryError(ValueError):
    def __init__(self, problem: TimeProblem, text: str) -> None:
        super().__init__(problem.value, text)
        self.problem = problem
        self.text = text


class QuietHoursError(ValueError):
    """The text names no span, or one that starts when it ends."""

    def __init__(self, text: str, problem: TimeProblem | None = None) -> None:
        super().__init__(text, problem)
        self.text = text
        self.problem = problem  # None: the span itself is wrong, not one of its times


_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d+))?\s*(?:(?P<half>[ap])\.?(?:m\.?)?)?",
    re.IGNORECASE,
)
QUIET_OFF = frozenset({"off", "none", "no", "-"})
MAX_ENTRY = 40


def parse_time(text: str) -> time:
    """ "18:00", "18.30", "7:30" (a 24-hour clock), "6pm", "6:30 pm", "12am" (midnight)."""
    cleaned = text.strip()
    found = _TIME.fullmatch(cleaned) if len(cleaned) <= MAX_ENTRY else None
    if found is None:
        raise TimeEntryError(TimeProblem.UNREADABLE, text)
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    if found["minute"] is not None and len(found["minute"]) != 2:
        raise TimeEntryError(TimeProblem.UNREADABLE, text)
    if minute > 59:
        raise TimeEntryError(TimeProblem.MINUTE, text)
    half = (found["half"] or "").lower()
    if half:
        if hour == 0 or hour > 12:
            raise TimeEntryError(TimeProblem.HALF_DAY if hour > 12 else TimeProblem.HOUR, text)
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        raise TimeEntryError(TimeProblem.HOUR, text)
    return time(hour, minute)


def parse_quiet_hours(text: str) -> QuietHours | None:
    """ "22-7", "22:30–06:00", "10pm-7am"; "off" for none."""
    cleaned = text.strip()
    if cleaned.casefold() in QUIET_OFF:
        return None
    parts = (
        re.split(r"\s*(?:-|–|—|to)\s*", cleaned, maxsplit=1) if len(cleaned) <= MAX_ENTRY else []
    )
    if len(parts) != 2 or not all(parts):
        raise QuietHoursError(text)
    try:
        start, end = parse_time(parts[0]), parse_time(parts[1])
    except TimeEntryError as error:
        raise QuietHoursError(text, error.problem) from error
    if start == end:
        raise QuietHoursError(text)
    return QuietHours(start, end)
