"""The /availability line, the vacation line and the typed series: what they mean, and the
word a bad one stopped at."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from domain.bookings.parsing import (
    AvailabilityProblem,
    Problem,
    SeriesMistake,
    SeriesProblem,
    SeriesSpec,
    Vacation,
    WindowSpec,
    parse_series,
    parse_vacation,
    parse_window,
)
from domain.bookings.recurrence import Frequency

P = AvailabilityProblem


def test_the_example_line() -> None:
    assert parse_window("Mon Wed 07:00-12:00 60min buffer 15") == WindowSpec(
        frozenset({0, 2}), time(7), time(12), timedelta(minutes=60), timedelta(minutes=15)
    )


def test_russian_days_hours_dates_and_a_group_with_a_price() -> None:
    assert parse_window("пт сб 18.00-20:00 1ч группа 6 цена 300 с 2026-01-05 по 2026-06-30") == (
        WindowSpec(
            frozenset({4, 5}),
            time(18),
            time(20),
            timedelta(hours=1),
            timedelta(0),
            date(2026, 1, 5),
            date(2026, 6, 30),
            6,
            300,
        )
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("", Problem(P.EMPTY)),
        ("07:00-12:00 60min", Problem(P.DAY, "07:00-12:00")),
        ("Mon", Problem(P.RANGE)),
        ("Mon 7-12 60min", Problem(P.RANGE, "7-12")),
        ("Mon 12:00-07:00 60min", Problem(P.RANGE, "12:00-07:00")),
        ("Mon 07:00-12:00", Problem(P.SLOT)),
        ("Mon 07:00-12:00 60", Problem(P.SLOT, "60")),
        ("Mon 07:00-12:00 0min", Problem(P.SLOT, "0min")),
        ("Mon 07:00-07:30 60min", Problem(P.SHORT, "60min")),
        ("Mon 07:00-12:00 60min buffer 999", Problem(P.BUFFER, "999")),
        ("Mon 07:00-12:00 60min buffer", Problem(P.BUFFER, "")),
        ("Mon 07:00-12:00 60min group 0", Problem(P.CAPACITY, "0")),
        ("Mon 07:00-12:00 60min price many", Problem(P.PRICE, "many")),
        ("Mon 07:00-12:00 60min from 2026-02-30", Problem(P.DATE, "2026-02-30")),
        ("Mon 07:00-12:00 60min from 2026-03-01 until 2026-02-01", Problem(P.DATES, "2026-02-01")),
        ("Mon 07:00-12:00 60min buffer 5 buffer 5", Problem(P.UNKNOWN, "buffer")),
        ("Mon 07:00-12:00 60min please", Problem(P.UNKNOWN, "please")),
    ],
)
def test_a_bad_line_names_its_problem_and_word(line: str, problem: Problem) -> None:
    assert parse_window(line) == problem


def test_a_vacation_of_one_day_or_a_range() -> None:
    assert parse_vacation(["2026-12-24"]) == Vacation(date(2026, 12, 24), date(2026, 12, 24))
    assert parse_vacation(["2026-12-24", "2027-01-02"]) == Vacation(
        date(2026, 12, 24), date(2027, 1, 2)
    )


def test_a_bad_vacation_names_its_word() -> None:
    assert parse_vacation(["24.12"]) == Problem(P.DATE, "24.12")
    assert parse_vacation(["2027-01-02", "2026-12-24"]) == Problem(P.DATES, "2026-12-24")
    assert parse_vacation([]) == Problem(P.DATE, "")


def test_a_series_by_count_with_exceptions() -> None:
    assert parse_series(
        ["2026-03-04", "07:00", "weekly", "count", "8", "except", "2026-03-18", "2026-04-01"]
    ) == (
        SeriesSpec(
            date(2026, 3, 4),
            time(7),
            Frequency.WEEKLY,
            count=8,
            exceptions=frozenset({date(2026, 3, 18), date(2026, 4, 1)}),
        )
    )


def test_a_monthly_series_until_a_date() -> None:
    assert parse_series(["2026-01-31", "18.30", "monthly", "until", "2026-12-31"]) == SeriesSpec(
        date(2026, 1, 31), time(18, 30), Frequency.MONTHLY, until=date(2026, 12, 31)
    )


@pytest.mark.parametrize(
    ("typed", "mistake"),
    [
        ("", SeriesMistake(SeriesProblem.START, "")),
        ("tomorrow 07:00 weekly count 2", SeriesMistake(SeriesProblem.START, "tomorrow 07:00")),
        ("2026-03-04 7am weekly count 2", SeriesMistake(SeriesProblem.START, "2026-03-04 7am")),
        ("2026-03-04 07:00 daily count 2", SeriesMistake(SeriesProblem.FREQUENCY, "daily")),
        ("2026-03-04 07:00 weekly", SeriesMistake(SeriesProblem.END)),
        (
            "2026-03-04 07:00 weekly count 2 until 2026-04-01",
            SeriesMistake(SeriesProblem.END),
        ),
        ("2026-03-04 07:00 weekly count 53", SeriesMistake(SeriesProblem.COUNT, "53")),
        (
            "2026-03-04 07:00 weekly until 2026-03-01",
            SeriesMistake(SeriesProblem.DATE, "2026-03-01"),
        ),
        ("2026-03-04 07:00 weekly count 2 except soon", SeriesMistake(SeriesProblem.DATE, "soon")),
        ("2026-03-04 07:00 weekly count 2 please", SeriesMistake(SeriesProblem.UNKNOWN, "please")),
    ],
)
def test_a_bad_series_names_its_problem(typed: str, mistake: SeriesMistake) -> None:
    assert parse_series(typed.split()) == mistake
