"""/export and /delete: everything Spotter holds about an athlete, to take away or to erase."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.account.model import CONFIRM_WINDOW_SECONDS, AccountExport, Erased
from domain.account.ports import AccountUnitOfWork
from domain.account.strong_csv import strong_csv
from domain.athletes.use_cases.registration import registered_user
from domain.plans.text.render import plan_to_text
from domain.shared.ports import Clock


class ExportAccount:
    """Reads every row that names the athlete, their sets, and the plans they wrote."""

    def __init__(self, uow: AccountUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int) -> AccountExport:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            rows = await self._uow.account.rows(athlete_id)
            sets = await self._uow.account.sets(athlete_id)
            library = await self._uow.exercises.all()
            plans = []
            for info in await self._uow.plans.available(athlete_id):
                plan = await self._uow.plans.get(info.slug) if info.owner_id == athlete_id else None
                if plan is not None:
                    plans.append((plan.slug, plan_to_text(plan, library)))
        return AccountExport(rows, strong_csv(sets, user.zone), tuple(plans))


def confirmation_valid(asked_at: datetime, now: datetime) -> bool:
    """The last step of /delete counts within its window, and never from the future."""
    return asked_at <= now < asked_at + timedelta(seconds=CONFIRM_WINDOW_SECONDS)


class EraseAccount:
    """Erases the athlete everywhere, in one transaction.

    Their clients, if they coach, train on without a coach: training-max changes apply as they
    come again and those waiting are declined, as when a coaching ends. Nobody is told: a
    message about them would name them.
    """

    def __init__(self, uow: AccountUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int) -> Erased | None:
        """None if there is nobody to erase (erased already, or never registered)."""
        now = self._clock.now()
        async with self._uow:
            if await self._uow.users.get(athlete_id) is None:
                return None
            for coaching in await self._uow.coachings.clients(athlete_id):
                await self._uow.proposals.require_approval(
                    coaching.athlete_id, required=False, at=now
                )
                await self._uow.proposals.decline_waiting(coaching.athlete_id, now)
            erased = await self._uow.account.erase(athlete_id)
            await self._uow.commit()
        return Erased(rows=sum(erased.values()), tables=sum(1 for n in erased.values() if n))
