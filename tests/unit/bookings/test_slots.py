"""Slots from a coach's weekly windows: the buffer between slots, the dates a window is valid,
what is booked, and DST changes in Berlin and New York (a start that does not exist that day
has no slot; one that happens twice is the first)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.bookings.model import Window, without_vacation
from domain.bookings.slots import free_slots, slot_at, slots_on

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SUN, MON, WED = 6, 0, 2


def window(
    days: set[int], start: str, end: str, minutes: int, buffer: int = 0, **extra: object
) -> Window:
    return Window(
        None,
        7,
        frozenset(days),
        time.fromisoformat(start),
        time.fromisoformat(end),
        timedelta(minutes=minutes),
        timedelta(minutes=buffer),
        **extra,  # type: ignore[arg-type]
    )


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[arg-type, misc]


def test_a_morning_window_of_hour_slots_with_a_quarter_hour_buffer_has_four_slots() -> None:
    # 07:00, 08:15, 09:30, 10:45 (ends 11:45); 12:00 would end past the window.
    morning = window({MON, WED}, "07:00", "12:00", 60, 15)

    assert morning.slot_times() == [time(7), time(8, 15), time(9, 30), time(10, 45)]


def test_slots_fall_on_the_window_s_weekdays_only() -> None:
    morning = window({MON, WED}, "07:00", "08:00", 60)

    assert [s.starts_at for s in slots_on([morning], date(2026, 1, 12), BERLIN)] == [
        utc(2026, 1, 12, 6)  # Monday 07:00 CET
    ]
    assert slots_on([morning], date(2026, 1, 13), BERLIN) == []  # a Tuesday


def test_the_spring_forward_gap_in_berlin_has_no_slot_and_the_rest_move_an_hour_in_utc() -> None:
    # Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST. 01:00 CET is 00:00 UTC, 02:00 does not
    # exist, 03:00 CEST is 01:00 UTC.
    night = window({SUN}, "01:00", "04:00", 60)

    slots = slots_on([night], date(2026, 3, 29), BERLIN)

    assert [(s.starts_at, s.ends_at) for s in slots] == [
        (utc(2026, 3, 29, 0), utc(2026, 3, 29, 1)),
        (utc(2026, 3, 29, 1), utc(2026, 3, 29, 2)),
    ]


def test_the_fall_back_hour_in_berlin_has_its_first_0200_only() -> None:
    # Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET. 01:00 CEST is 23:00 UTC the day
    # before, 02:00 (the first) 00:00 UTC, 03:00 CET 02:00 UTC.
    night = window({SUN}, "01:00", "04:00", 60)

    slots = slots_on([night], date(2026, 10, 25), BERLIN)

    assert [s.starts_at for s in slots] == [
        utc(2026, 10, 24, 23),
        utc(2026, 10, 25, 0),
        utc(2026, 10, 25, 2),
    ]


def test_new_york_slots_keep_their_wall_clock_across_its_dst_start() -> None:
    # 08:00 and 09:30 (an hour each, 30 min buffer). 1 March 2026 is EST (UTC-5), 8 March EDT
    # (UTC-4), New York's change that year.
    morning = window({SUN}, "08:00", "11:00", 60, 30)

    before = slots_on([morning], date(2026, 3, 1), NEW_YORK)
    after = slots_on([morning], date(2026, 3, 8), NEW_YORK)

    assert [s.starts_at for s in before] == [utc(2026, 3, 1, 13), utc(2026, 3, 1, 14, 30)]
    assert [s.starts_at for s in after] == [utc(2026, 3, 8, 12), utc(2026, 3, 8, 13, 30)]


def test_free_slots_leave_out_what_is_booked_and_keep_a_group_slot_with_places_left() -> None:
    one = window({MON}, "07:00", "09:00", 60)
    group = window({MON}, "18:00", "19:00", 60, capacity=3, price=250)
    monday = utc(2026, 1, 12)  # 07:00 CET is 06:00 UTC, 08:00 is 07:00, 18:00 is 17:00
    taken = {utc(2026, 1, 12, 6): 1, utc(2026, 1, 12, 17): 2}

    free = free_slots([one, group], BERLIN, monday, monday + timedelta(days=1), taken)

    assert [(s.starts_at, s.capacity, s.taken, s.price) for s in free] == [
        (utc(2026, 1, 12, 7), 1, 0, None),
        (utc(2026, 1, 12, 17), 3, 2, 250),
    ]


def test_free_slots_start_no_earlier_than_asked() -> None:
    one = window({MON}, "07:00", "09:00", 60)

    free = free_slots([one], BERLIN, utc(2026, 1, 12, 6, 30), utc(2026, 1, 13), {})

    assert [s.starts_at for s in free] == [utc(2026, 1, 12, 7)]


def test_a_window_is_closed_outside_its_dates() -> None:
    winter = window(
        {MON}, "07:00", "08:00", 60, valid_from=date(2026, 1, 5), valid_until=date(2026, 1, 12)
    )

    assert slots_on([winter], date(2025, 12, 29), BERLIN) == []
    assert len(slots_on([winter], date(2026, 1, 5), BERLIN)) == 1
    assert len(slots_on([winter], date(2026, 1, 12), BERLIN)) == 1
    assert slots_on([winter], date(2026, 1, 19), BERLIN) == []


def test_slot_at_finds_a_slot_by_its_start_and_nothing_between_slots() -> None:
    morning = window({MON}, "07:00", "12:00", 60, 15)

    assert slot_at([morning], BERLIN, utc(2026, 1, 12, 7, 15)) is not None  # 08:15 CET
    assert slot_at([morning], BERLIN, utc(2026, 1, 12, 7)) is None  # 08:00: not a start


def test_a_vacation_splits_an_open_window_into_before_and_after() -> None:
    morning = Window(1, 7, frozenset({MON}), time(7), time(12), timedelta(hours=1))

    before, after = without_vacation(morning, date(2026, 12, 24), date(2027, 1, 2))

    assert (before.id, before.valid_from, before.valid_until) == (1, None, date(2026, 12, 23))
    assert (after.id, after.valid_from, after.valid_until) == (None, date(2027, 1, 3), None)


def test_a_vacation_ends_a_window_that_would_end_during_it_and_removes_one_inside_it() -> None:
    ending = Window(
        1,
        7,
        frozenset({MON}),
        time(7),
        time(12),
        timedelta(hours=1),
        valid_until=date(2026, 12, 28),
    )
    inside = Window(
        2,
        7,
        frozenset({MON}),
        time(7),
        time(12),
        timedelta(hours=1),
        valid_from=date(2026, 12, 25),
        valid_until=date(2026, 12, 30),
    )

    [ended] = without_vacation(ending, date(2026, 12, 24), date(2027, 1, 2))

    assert ended.valid_until == date(2026, 12, 23)
    assert without_vacation(inside, date(2026, 12, 24), date(2027, 1, 2)) == []


def test_a_vacation_starting_before_a_window_opens_moves_its_start_and_keeps_its_id() -> None:
    later = Window(
        3, 7, frozenset({MON}), time(7), time(12), timedelta(hours=1), valid_from=date(2026, 12, 26)
    )

    [moved] = without_vacation(later, date(2026, 12, 24), date(2027, 1, 2))

    assert (moved.id, moved.valid_from) == (3, date(2027, 1, 3))
