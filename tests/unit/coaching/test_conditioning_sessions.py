"""Conditioning days as coaching's sessions (#12): one a local day, none on a lifting day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.coaching.compliance import (
    attention,
    conditioning_sessions,
    last_session,
    session_days,
)

NEW_YORK = ZoneInfo("America/New_York")  # UTC-5 until 8 March 2026
MOSCOW = ZoneInfo("Europe/Moscow")  # UTC+3


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_a_day_of_conditioning_only_is_one_session_at_its_last_result() -> None:
    # Monday 2 March: a Fran at 07:00 and an AMRAP at 18:00; Wednesday: one more
    results = [utc(2, 18), utc(4, 12), utc(2, 7)]

    assert conditioning_sessions(results, [], ZoneInfo("UTC")) == [utc(2, 18), utc(4, 12)]


def test_a_metcon_on_a_lifting_day_is_that_days_session() -> None:
    assert conditioning_sessions([utc(2, 19)], [utc(2, 8)], ZoneInfo("UTC")) == []
    assert conditioning_sessions([utc(3, 7)], [utc(2, 8)], ZoneInfo("UTC")) == [utc(3, 7)]


def test_the_days_are_the_athletes_own() -> None:
    # 14:00 UTC Monday is 09:00 in New York; 02:00 UTC Tuesday is still Monday there, 21:00
    assert conditioning_sessions([utc(3, 2)], [utc(2, 14)], NEW_YORK) == []
    assert conditioning_sessions([utc(3, 2)], [utc(2, 14)], ZoneInfo("UTC")) == [utc(3, 2)]
    # 21:30 UTC Sunday is 00:30 Monday in Moscow, the day of a 15:00 UTC metcon
    assert conditioning_sessions([utc(2, 15)], [utc(1, 21, 30)], MOSCOW) == []


def test_the_last_session_is_a_later_day_of_conditioning_or_the_last_workout() -> None:
    assert last_session(None, utc(2, 7), ZoneInfo("UTC")) == utc(2, 7)
    assert last_session(utc(2, 8), utc(4, 12), ZoneInfo("UTC")) == utc(4, 12)
    assert last_session(utc(2, 8), utc(2, 19), ZoneInfo("UTC")) == utc(2, 8)  # the same day
    assert last_session(utc(4, 8), utc(2, 19), ZoneInfo("UTC")) == utc(4, 8)
    assert last_session(utc(2, 14), utc(3, 2), NEW_YORK) == utc(2, 14)  # Monday in New York
    assert last_session(utc(2, 14), utc(3, 2), ZoneInfo("UTC")) == utc(3, 2)


def test_a_client_who_only_does_metcons_is_not_quiet() -> None:
    """A Fran on Monday, nothing else: two days later not 7 days without a session (#12)."""
    now, since = utc(4, 12), utc(1, 0) - timedelta(days=14)
    sessions = conditioning_sessions([utc(2, 7)], [], ZoneInfo("UTC"))
    days = session_days(None, sessions, zone=ZoneInfo("UTC"), now=now, since=since, window=30)

    shown = attention(days, 3, now=now, since=since)

    assert not shown.quiet
    assert not shown.missed  # 2 days 5 hours since, two of three a week fall due in 4⅔ days
