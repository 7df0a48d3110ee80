"""Free slots: a coach's windows turned into moments on given days, less what is booked.

A slot's start is a wall-clock time in the coach's zone. A start that does not exist that day
(the spring-forward gap) has no slot; one that happens twice (the fall-back hour) is the first
of the two (domain.shared.time). A slot lasts its length in elapsed time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.bookings.model import Window
from domain.shared.time import occurrence


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    starts_at: datetime  # UTC
    ends_at: datetime
    capacity: int = 1
    price: int | None = None
    taken: int = 0  # active bookings in it

    @property
    def free(self) -> bool:
        return self.taken < self.capacity


def exists(day: date, at: time, zone: ZoneInfo) -> bool:
    """Whether the wall-clock time happens that day (not in a spring-forward gap)."""
    moment = datetime.combine(day, at, zone)
    return moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == datetime.combine(day, at)


def slots_on(windows: Iterable[Window], day: date, zone: ZoneInfo) -> list[Slot]:
    """Every slot of the windows on the coach's `day`, in time order (one per start: two
    windows offering the same start make one slot, the first window's)."""
    found: dict[datetime, Slot] = {}
    for window in windows:
        if not window.open_on(day):
            continue
        for at in window.slot_times():
            if not exists(day, at, zone):
                continue
            start = occurrence(day, at, zone)
            found.setdefault(start, Slot(start, start + window.slot, window.capacity, window.price))
    return sorted(found.values())


def free_slots(
    windows: Iterable[Window],
    zone: ZoneInfo,
    first: datetime,
    last: datetime,
    taken: Mapping[datetime, int],
) -> list[Slot]:
    """The slots starting in [first, last) with a place left; `taken` counts the active
    bookings by start."""
    windows = list(windows)
    day = first.astimezone(zone).date() - timedelta(days=1)
    end = last.astimezone(zone).date() + timedelta(days=1)
    result: list[Slot] = []
    while day <= end:
        for slot in slots_on(windows, day, zone):
            counted = taken.get(slot.starts_at, 0)
            if first <= slot.starts_at < last and counted < slot.capacity:
                result.append(replace(slot, taken=counted))
        day += timedelta(days=1)
    return sorted(result)


def slot_at(windows: Iterable[Window], zone: ZoneInfo, starts_at: datetime) -> Slot | None:
    """The coach's slot starting at that moment, if the windows have one."""
    local = starts_at.astimezone(zone).date()
    for day in (local - timedelta(days=1), local, local + timedelta(days=1)):
        for slot in slots_on(windows, day, zone):
            if slot.starts_at == starts_at:
                return slot
    return None
