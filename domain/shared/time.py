"""Local time in an athlete's time zone, across DST changes.

Local times that do not exist (the spring-forward gap) move forward by the gap's length: 02:30 on
Berlin's 29 March 2026 is 03:30 CEST. Local times that happen twice (the fall-back hour) mean the
first of the two: 02:30 on Berlin's 25 October 2026 is 02:30 CEST. That is what PEP 495's fold=0
gives.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The date on the athlete's calendar at `moment`."""
    return moment.astimezone(zone).date()


def occurrence(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC moment a local wall-clock time happens on a day (see the module's DST rules)."""
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def start_of(day: date, zone: ZoneInfo) -> datetime:
    """The first moment of a local day."""
    return datetime.combine(day, time(), zone)
