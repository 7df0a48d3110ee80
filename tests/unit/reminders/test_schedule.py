"""When reminders, follow-ups and summaries are due: time zones, DST and quiet hours (#5)."""

from __future__ import annotations

from datetime import date, time

from domain.reminders.model import QuietHours, Reminder
from domain.reminders.schedule import (
    missed_in_a_row,
    next_reminder,
    next_summary,
    outside_quiet,
    scheduled,
    summary_sunday,
)
from domain.shared.time import occurrence
from tests.unit.reminders.support import ADELAIDE, ANN, BERLIN, KOLKATA, MON_WED_FRI, UTC_ZONE, utc


def test_a_berlin_reminder_in_winter_is_due_at_its_local_time_on_the_next_chosen_day() -> None:
    monday_morning = utc("2026-03-02 09:30")  # a Monday

    due = next_reminder(MON_WED_FRI, time(18), BERLIN, monday_morning)

    assert due == utc("2026-03-02 17:00")  # 18:00 CET
    assert next_reminder(MON_WED_FRI, time(18), BERLIN, due) == utc("2026-03-04 17:00")
    assert next_reminder(frozenset({4}), time(18), BERLIN, due) == utc("2026-03-06 17:00")


def test_a_utc_reminder_keeps_its_wall_time_all_year() -> None:
    assert next_reminder({0}, time(7, 15), UTC_ZONE, utc("2026-03-29 12:00")) == utc(
        "2026-03-30 07:15"
    )
    assert next_reminder({0}, time(7, 15), UTC_ZONE, utc("2026-10-25 12:00")) == utc(
        "2026-10-26 07:15"
    )


def test_a_half_hour_zone_gets_its_half_hour() -> None:
    assert next_reminder({0}, time(18), KOLKATA, utc("2026-03-02 00:00")) == utc("2026-03-02 12:30")
    # Adelaide is +10:30 in summer and +9:30 in winter; DST starts on Sunday 4 October 2026
    assert occurrence(date(2026, 10, 3), time(18), ADELAIDE) == utc("2026-10-03 08:30")
    assert occurrence(date(2026, 10, 5), time(18), ADELAIDE) == utc("2026-10-05 07:30")


def test_a_time_lost_to_spring_forward_moves_forward_by_the_gap() -> None:
    """Berlin, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens."""
    sunday_0230 = next_reminder({6}, time(2, 30), BERLIN, utc("2026-03-28 12:00"))

    assert sunday_0230 == utc("2026-03-29 01:30")
    assert sunday_0230.astimezone(BERLIN).time() == time(3, 30)
    assert occurrence(date(2026, 10, 4), time(2, 30), ADELAIDE) == utc("2026-10-03 17:00")


def test_an_evening_reminder_follows_the_clock_change_in_berlin() -> None:
    saturday = next_reminder({5, 6}, time(18), BERLIN, utc("2026-03-28 12:00"))
    assert saturday == utc("2026-03-28 17:00")  # 18:00 CET

    assert next_reminder({5, 6}, time(18), BERLIN, saturday) == utc("2026-03-29 16:00")  # CEST


def test_a_time_that_happens_twice_at_fall_back_means_the_first_and_fires_once() -> None:
    """Berlin, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 is twice."""
    first = next_reminder({6}, time(2, 30), BERLIN, utc("2026-10-24 12:00"))

    assert first == utc("2026-10-25 00:30")  # 02:30 CEST, not 02:30 CET (01:30 UTC)
    assert next_reminder({6}, time(2, 30), BERLIN, first) == utc("2026-11-01 01:30")
    autumn_evening = next_reminder({6}, time(18), BERLIN, utc("2026-10-24 12:00"))
    assert autumn_evening == utc("2026-10-25 17:00")


def test_no_chosen_day_means_no_reminder() -> None:
    assert next_reminder(frozenset(), time(18), BERLIN, utc("2026-03-02 09:30")) is None


def test_quiet_hours_that_wrap_midnight_hold_the_night_and_release_the_morning() -> None:
    night = QuietHours(time(22), time(7))

    assert time(23, 30) in night
    assert time(6, 59) in night
    assert time(7) not in night
    assert time(21, 59) not in night


def test_a_message_in_quiet_hours_waits_for_them_to_end() -> None:
    night = QuietHours(time(22), time(7))
    late_evening = utc("2026-03-02 22:30")  # 23:30 in Berlin

    assert outside_quiet(late_evening, BERLIN, night) == utc("2026-03-03 06:00")  # 07:00 CET
    assert outside_quiet(utc("2026-03-03 04:00"), BERLIN, night) == utc("2026-03-03 06:00")
    assert outside_quiet(utc("2026-03-03 08:00"), BERLIN, night) == utc("2026-03-03 08:00")
    morning = QuietHours(time(8), time(10))
    assert outside_quiet(utc("2026-03-03 08:00"), BERLIN, morning) == utc("2026-03-03 09:00")


def test_the_weekly_summary_is_sunday_evening_and_a_quiet_evening_moves_it_to_monday() -> None:
    friday = utc("2026-03-06 12:00")

    assert next_summary(BERLIN, None, friday) == utc("2026-03-08 18:00")  # Sunday 19:00 CET
    quiet_evenings = QuietHours(time(18), time(8))
    delayed = next_summary(BERLIN, quiet_evenings, friday)
    assert delayed == utc("2026-03-09 07:00")  # Monday 08:00 CET
    assert summary_sunday(delayed, BERLIN) == date(2026, 3, 8)  # still that Sunday's week


def test_a_follow_up_waits_for_quiet_hours_that_cover_the_morning() -> None:
    reminder = Reminder(
        ANN, enabled=True, quiet=QuietHours(time(22), time(10)), since=utc("2026-03-01 00:00")
    )

    later = scheduled(reminder, "Europe/Berlin", utc("2026-03-02 09:30"))

    assert later.check_day == date(2026, 3, 2)
    assert later.check_due == utc("2026-03-03 09:00")  # Tuesday 10:00 CET, not 09:00


def test_missed_days_count_from_the_last_workout_and_not_before_reminders_began() -> None:
    reminder = Reminder(ANN, enabled=True, since=utc("2026-03-02 09:30"))

    assert missed_in_a_row(date(2026, 3, 6), reminder, BERLIN, [date(2026, 3, 3)]) == 2
    assert missed_in_a_row(date(2026, 3, 6), reminder, BERLIN, []) == 3
    later = Reminder(ANN, enabled=True, since=utc("2026-03-02 17:30"))  # after Monday's 18:00
    assert missed_in_a_row(date(2026, 3, 6), later, BERLIN, []) == 2
