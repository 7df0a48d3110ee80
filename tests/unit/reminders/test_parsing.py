"""Reading the times and quiet hours athletes type on the reminder card."""

from __future__ import annotations

from datetime import time

import pytest

from domain.reminders.model import QuietHours
from domain.reminders.parsing import (
    QuietHoursError,
    TimeEntryError,
    TimeProblem,
    parse_quiet_hours,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00", time(18)),
        ("7:30", time(7, 30)),
        ("07.05", time(7, 5)),
        ("6pm", time(18)),
        ("6 PM", time(18)),
        ("6:30 p.m.", time(18, 30)),
        ("7a", time(7)),
        ("12am", time(0)),
        ("12pm", time(12)),
        (" 9 ", time(9)),
        ("0:00", time(0)),
    ],
)
def test_times_are_read_as_athletes_write_them(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("abc", TimeProblem.UNREADABLE),
        ("", TimeProblem.UNREADABLE),
        ("18:0", TimeProblem.UNREADABLE),
        ("1" * 500, TimeProblem.UNREADABLE),
        ("-5", TimeProblem.UNREADABLE),
        ("6m", TimeProblem.UNREADABLE),
        ("18h", TimeProblem.UNREADABLE),
        ("7.5", TimeProblem.UNREADABLE),
        ("25:00", TimeProblem.HOUR),
        ("0pm", TimeProblem.HOUR),
        ("18:75", TimeProblem.MINUTE),
        ("13pm", TimeProblem.HALF_DAY),
    ],
)
def test_a_time_that_cannot_be_read_names_its_problem(text: str, problem: TimeProblem) -> None:
    with pytest.raises(TimeEntryError) as raised:
        parse_time(text)

    assert raised.value.problem is problem


def test_quiet_hours_are_read_as_a_span_or_off() -> None:
    assert parse_quiet_hours("22-7") == QuietHours(time(22), time(7))
    assert parse_quiet_hours("22:30 – 06:00") == QuietHours(time(22, 30), time(6))
    assert parse_quiet_hours("10pm to 7am") == QuietHours(time(22), time(7))
    assert parse_quiet_hours("off") is None
    for bad in ("22", "22-22", "-7", "night", "22-25"):
        with pytest.raises(QuietHoursError):
            parse_quiet_hours(bad)
