"""A coach's availability: the windows, a new one, one removed, days off."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from domain.athletes.model import User
from domain.bookings.model import Window, without_vacation
from domain.bookings.parsing import Vacation, WindowSpec
from domain.bookings.ports import BookingsUnitOfWork
from domain.bookings.use_cases.access import NoSuchWindowError, coach_user, zone_of


@dataclass(frozen=True, slots=True)
class Availability:
    coach: User
    windows: list[Window]

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.coach)


async def availability(uow: BookingsUnitOfWork, coach_id: int) -> Availability:
    """The coach's windows. NotACoachError for anyone else."""
    async with uow:
        return Availability(await coach_user(uow, coach_id), await uow.bookings.windows(coach_id))


class AddWindow:
    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, spec: WindowSpec) -> Availability:
        async with self._uow:
            coach = await coach_user(self._uow, coach_id)
            await self._uow.bookings.add_window(
                Window(
                    None,
                    coach_id,
                    spec.weekdays,
                    spec.start,
                    spec.end,
                    spec.slot,
                    spec.buffer,
                    spec.valid_from,
                    spec.valid_until,
                    spec.capacity,
                    spec.price,
                )
            )
            windows = await self._uow.bookings.windows(coach_id)
            await self._uow.commit()
            return Availability(coach, windows)


class RemoveWindow:
    """❌ beside a window: the coach's own windows only (the id comes from callback data).
    Bookings made in it stay: removing availability cancels nobody."""

    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, window_id: int) -> Availability:
        async with self._uow:
            coach = await coach_user(self._uow, coach_id)
            windows = await self._uow.bookings.windows(coach_id)
            if window_id not in {w.id for w in windows}:
                raise NoSuchWindowError(window_id)
            await self._uow.bookings.remove_window(window_id)
            await self._uow.commit()
            return Availability(coach, [w for w in windows if w.id != window_id])


class TakeVacation:
    """Days off: every window ends before them and resumes after them."""

    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, vacation: Vacation) -> Availability:
        async with self._uow:
            coach = await coach_user(self._uow, coach_id)
            for window in await self._uow.bookings.windows(coach_id):
                kept = without_vacation(window, vacation.first, vacation.last)
                if kept == [window]:
                    continue
                same = [w for w in kept if w.id == window.id]
                if same:
                    await self._uow.bookings.save_window(same[0])
                else:
                    await self._uow.bookings.remove_window(window.id or 0)
                for added in kept:
                    if added.id is None:
                        await self._uow.bookings.add_window(added)
            windows = await self._uow.bookings.windows(coach_id)
            await self._uow.commit()
            return Availability(coach, windows)
