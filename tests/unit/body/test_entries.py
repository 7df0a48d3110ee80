"""Progress entries: measurements and photos grouped by the athlete's local day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.body.entries import entry_day, group_entries
from domain.body.model import Measurement, Photo, Pose, ProgressEntry

MOSCOW = ZoneInfo("Europe/Moscow")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_a_late_evening_in_utc_is_the_next_morning_in_moscow_and_the_same_day_in_los_angeles():
    moment = datetime(2026, 12, 3, 22, 30, tzinfo=UTC)  # 01:30 on the 4th in Moscow (UTC+3)

    assert entry_day(moment, MOSCOW) == date(2026, 12, 4)
    assert entry_day(moment, LOS_ANGELES) == date(2026, 12, 3)


def test_one_entry_a_day_with_its_measurements_and_photos_front_first():
    first, second = date(2026, 12, 1), date(2026, 12, 4)
    back, front = Photo(Pose.BACK, "b", "ub"), Photo(Pose.FRONT, "f", "uf")

    entries = group_entries(
        [
            (second, Measurement("weight", Decimal(82))),
            (first, Measurement("weight", Decimal(83))),
            (second, Measurement("waist", Decimal(80))),
        ],
        [(second, back), (second, front)],
    )

    assert entries == [
        ProgressEntry(first, (Measurement("weight", Decimal(83)),), ()),
        ProgressEntry(
            second,
            (Measurement("weight", Decimal(82)), Measurement("waist", Decimal(80))),
            (front, back),
        ),
    ]
    assert entries[1].weight == Decimal(82)


def test_a_later_value_of_the_same_name_that_day_replaces_the_earlier():
    day = date(2026, 12, 1)
    entries = group_entries(
        [(day, Measurement("weight", Decimal(83))), (day, Measurement("weight", Decimal(82)))], []
    )

    assert entries[0].measurements == (Measurement("weight", Decimal(82)),)
