"""Session balances: what a pack added, drawn down one completed appointment at a time."""

from __future__ import annotations

from enum import StrEnum

from domain.billing.model import Balance
from domain.billing.ports import BillingUnitOfWork
from domain.shared.ports import Clock


class Draw(StrEnum):
    DRAWN = "drawn"  # one session taken for this appointment
    ALREADY = "already"  # this appointment took its session before: nothing more
    NONE_LEFT = "none-left"  # the athlete has no session left with this coach


class SessionBalance:
    """The port bookings uses: `draw_session` once per completed appointment, idempotently.

    The balance never goes below zero, even when two appointments complete at once: the
    ledger refuses a second draw for one appointment, and the balance row a draw from zero.
    """

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def draw_session(
        self, athlete_id: int, coach_id: int, appointment_id: int
    ) -> tuple[Draw, int]:
        """Takes one session for the appointment; the outcome and the sessions left."""
        async with self._uow:
            drawn = await self._uow.balances.add_sessions(
                athlete_id, coach_id, -1, self._clock.now(), appointment_id=appointment_id
            )
            left = await self._uow.balances.sessions(athlete_id, coach_id)
            if drawn:
                await self._uow.commit()
                return Draw.DRAWN, left
            await self._uow.rollback()
            already = await self._uow.balances.drawn_for(appointment_id)
            return (Draw.ALREADY if already else Draw.NONE_LEFT), left

    async def balance(self, athlete_id: int, coach_id: int) -> Balance:
        async with self._uow:
            sessions = await self._uow.balances.sessions(athlete_id, coach_id)
            return Balance(athlete_id, coach_id, sessions)
