"""What the bot owes each coach: Stars land on the bot's balance, and an admin pays coaches
outside Telegram and records it here (docs/billing.md)."""

from __future__ import annotations

from domain.billing.model import LedgerKind, Owed
from domain.billing.ports import BillingUnitOfWork
from domain.coaching.use_cases.invites import NotACoachError
from domain.shared.ports import Clock


class NotAnAdminError(PermissionError):
    """Only a bot admin records payouts."""


class MoreThanOwedError(ValueError):
    """A payout larger than what the bot owes the coach."""

    def __init__(self, owed: int) -> None:
        super().__init__(owed)
        self.owed = owed


class RecordPayout:
    """An admin records Stars paid to a coach (outside Telegram); never more than is owed."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, admins: frozenset[int]) -> None:
        self._uow = uow
        self._clock = clock
        self._admins = admins

    async def __call__(self, admin_id: int, coach_id: int, stars: int) -> Owed:
        if admin_id not in self._admins:
            raise NotAnAdminError(admin_id)
        async with self._uow:
            if not await self._uow.coaches.is_coach(coach_id):
                raise NotACoachError(coach_id)
            owed = await self._uow.balances.owed(coach_id)
            if stars < 1 or stars > owed.owed:
                raise MoreThanOwedError(owed.owed)
            await self._uow.balances.credit(
                coach_id, LedgerKind.PAID_OUT, stars, self._clock.now(), by=admin_id
            )
            await self._uow.commit()
            return Owed(owed.earned, owed.refunded, owed.paid_out + stars)


async def owed_to_coaches(
    uow: BillingUnitOfWork, admin_id: int, admins: frozenset[int]
) -> dict[int, Owed]:
    if admin_id not in admins:
        raise NotAnAdminError(admin_id)
    async with uow:
        return await uow.balances.owed_all()
