"""Logging what an athlete measured and photographed, and showing and comparing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.athletes.use_cases.registration import registered_user
from domain.body.entries import entry_day
from domain.body.model import Photo, Pose, ProgressEntry
from domain.body.parsing import parse_body_text
from domain.body.ports import BodyUnitOfWork
from domain.body.trend import BodyTrend, body_trend
from domain.shared.ports import Clock
from domain.shared.weights import Unit

TREND_DAYS = 90  # what the card and the coach see of the trend
PHOTO_DAYS_SHOWN = 8  # the latest days with photos, to compare


class NoPhotosError(LookupError):
    """One of the days to compare has no photos of the athlete's."""


@dataclass(frozen=True, slots=True)
class BodyCard:
    unit: Unit
    day: date  # today, on the athlete's calendar
    today: ProgressEntry | None
    latest: ProgressEntry | None  # the newest entry with measurements (today's, or earlier)
    trend: BodyTrend | None
    photo_days: tuple[date, ...]  # newest first
    reminder: bool


@dataclass(frozen=True, slots=True)
class Comparison:
    first: date
    second: date
    pairs: tuple[tuple[Photo, Photo], ...]  # the poses both days have, front first
    unpaired: tuple[Photo, ...]  # each day's photos of a pose the other day lacks


class LogBody:
    """`82.4`, `waist 81`, `bf 18`: kept in today's entry (BodyEntryError, nothing kept, if not)."""

    def __init__(self, uow: BodyUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, text: str) -> ProgressEntry:
        now = self._clock.now()
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            measurements = parse_body_text(text, athlete.unit)
            day = entry_day(now, athlete.zone)
            await self._uow.body.record(athlete_id, day, measurements, now)
            entry = await _entry_on(self._uow, athlete_id, day)
            await self._uow.commit()
        return entry


class AddPhoto:
    """A progress photo of a pose, kept by its Telegram file id in today's entry."""

    def __init__(self, uow: BodyUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, pose: Pose, file_id: str, file_unique_id: str
    ) -> ProgressEntry:
        now = self._clock.now()
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            day = entry_day(now, athlete.zone)
            photo = Photo(pose, file_id, file_unique_id)
            await self._uow.body.add_photo(athlete_id, day, photo, now)
            entry = await _entry_on(self._uow, athlete_id, day)
            await self._uow.commit()
        return entry


async def _entry_on(uow: BodyUnitOfWork, athlete_id: int, day: date) -> ProgressEntry:
    entries = await uow.body.entries(athlete_id, since=day)
    return next((e for e in entries if e.day == day), ProgressEntry(day))


class ShowBody:
    def __init__(self, uow: BodyUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int) -> BodyCard:
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            today = entry_day(self._clock.now(), athlete.zone)
            entries = await self._uow.body.entries(athlete_id)
            weights = await self._uow.body.weights(athlete_id, today - timedelta(TREND_DAYS))
            reminder = await self._uow.body.reminder(athlete_id)
        measured = [e for e in entries if e.measurements]
        photo_days = tuple(e.day for e in reversed(entries) if e.photos)
        return BodyCard(
            unit=athlete.unit,
            day=today,
            today=next((e for e in entries if e.day == today), None),
            latest=measured[-1] if measured else None,
            trend=body_trend(weights, athlete.unit),
            photo_days=photo_days[:PHOTO_DAYS_SHOWN],
            reminder=reminder,
        )


class ComparePhotos:
    """Two days' photos, pose by pose; NoPhotosError if either day has none of the athlete's."""

    def __init__(self, uow: BodyUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, first: date, second: date) -> Comparison:
        first, second = sorted((first, second))
        async with self._uow:
            entries = {e.day: e for e in await self._uow.body.entries(athlete_id, since=first)}
        before, after = entries.get(first), entries.get(second)
        if first == second or before is None or after is None:
            raise NoPhotosError(first, second)
        if not before.photos or not after.photos:
            raise NoPhotosError(first, second)
        theirs = {p.pose: p for p in after.photos}
        pairs = tuple((p, theirs[p.pose]) for p in before.photos if p.pose in theirs)
        paired = {a.pose for a, _ in pairs}
        unpaired = tuple(p for p in (*before.photos, *after.photos) if p.pose not in paired)
        return Comparison(first, second, pairs, unpaired)


class SwitchWeighInReminder:
    """Turns the weekly weigh-in reminder on or off; returns whether it is on now."""

    def __init__(self, uow: BodyUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int) -> bool:
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            on = not await self._uow.body.reminder(athlete_id)
            await self._uow.body.set_reminder(athlete_id, on)
            await self._uow.commit()
        return on


async def body_snapshot(uow: BodyUnitOfWork, athlete_id: int, today: date) -> BodyTrend | None:
    """The athlete's body-weight trend, for a coach whose client they are (the caller checks):
    read inside the caller's transaction."""
    athlete = await registered_user(uow, athlete_id)
    weights = await uow.body.weights(athlete_id, today - timedelta(TREND_DAYS))
    return body_trend(weights, athlete.unit)
