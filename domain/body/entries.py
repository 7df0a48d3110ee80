"""Grouping measurements and photos into progress entries, one per local day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from domain.body.model import Measurement, Photo, Pose, ProgressEntry
from domain.shared.time import local_day

POSE_ORDER = tuple(Pose)


def entry_day(moment: datetime, zone: ZoneInfo) -> date:
    """The day an entry logged at `moment` belongs to: the athlete's calendar day then."""
    return local_day(moment, zone)


def group_entries(
    measurements: Iterable[tuple[date, Measurement]], photos: Iterable[tuple[date, Photo]]
) -> list[ProgressEntry]:
    """One entry per day, oldest first; a later value of the same name or pose on a day wins."""
    values: dict[date, dict[str, Measurement]] = defaultdict(dict)
    pictures: dict[date, dict[str, Photo]] = defaultdict(dict)
    for day, measurement in measurements:
        values[day][measurement.name] = measurement
    for day, photo in photos:
        pictures[day][photo.pose] = photo
    return [
        ProgressEntry(
            day,
            tuple(values[day].values()),
            tuple(sorted(pictures[day].values(), key=lambda p: POSE_ORDER.index(p.pose))),
        )
        for day in sorted(values.keys() | pictures.keys())
    ]
