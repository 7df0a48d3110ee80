"""Billing's unasked messages, each once under its key: a subscription ending in 3 days, a
pack down to its last session; and the programs bought, assigned outside the payment."""

from __future__ import annotations

import logging
from datetime import timedelta

from domain.athletes.use_cases.registration import registered_user
from domain.billing.ports import BillingUnitOfWork, BillingWording
from domain.coaching.ports import CoachingWording
from domain.coaching.use_cases.invites import NotYourClientError
from domain.coaching.use_cases.programs import AssignPlan
from domain.outbox.model import OutgoingMessage
from domain.plans.model import UnknownPlanError
from domain.shared.ports import Clock
from domain.training.use_cases.logging import WorkoutInProgressError

logger = logging.getLogger(__name__)
EXPIRY_NOTICE = timedelta(days=3)


class SendBillingNotices:
    """Queues each notice due now; the outbox key makes a second run queue none again."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, wording: BillingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        uow, now = self._uow, self._clock.now()
        queued = 0
        async with uow:
            for sub in await uow.balances.expiring(now, now + EXPIRY_NOTICE):
                athlete = await registered_user(uow, sub.athlete_id)
                coach = await registered_user(uow, sub.coach_id)
                stamp = int(sub.paid_until.timestamp())
                queued += await uow.outbox.add(
                    OutgoingMessage(
                        key=f"billing:expiring:{sub.athlete_id}:{sub.coach_id}:{stamp}",
                        chat_id=athlete.telegram_id,
                        not_before=now,
                        text=self._wording.expiring(athlete, coach, sub),
                        language=athlete.language.value,
                        expires_at=sub.paid_until,
                    )
                )
            for balance, line in await uow.balances.one_left():
                athlete = await registered_user(uow, balance.athlete_id)
                coach = await registered_user(uow, balance.coach_id)
                queued += await uow.outbox.add(
                    OutgoingMessage(
                        key=f"billing:one-left:{balance.athlete_id}:{balance.coach_id}:{line}",
                        chat_id=athlete.telegram_id,
                        not_before=now,
                        text=self._wording.one_left(athlete, coach),
                        language=athlete.language.value,
                    )
                )
            await uow.commit()
        return queued


class GrantPrograms:
    """Assigns each paid program through coaching's AssignPlan; one the client cannot take yet
    (a workout in progress) waits for the next run, one that can never be (no longer a client,
    the plan gone) is marked done and left to the coach, who was told of the payment."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, limit: int = 50) -> int:
        async with self._uow:
            waiting = await self._uow.payments.ungranted_programs(limit)
        assigned = 0
        for payment in waiting:
            try:
                async with self._uow:
                    package = await self._uow.packages.get(payment.package_id)
                slug = (package.draft.program_slug if package else None) or ""
                await AssignPlan(self._uow, self._clock, self._wording)(
                    payment.coach_id, payment.athlete_id, slug
                )
                assigned += 1
            except WorkoutInProgressError:
                continue  # the next run, once the workout is finished
            except (NotYourClientError, UnknownPlanError):
                logger.warning("billing: payment %s's program cannot be assigned", payment.id)
            # Marked after AssignPlan commits (its own reads roll back anything written before
            # them): a crash in between assigns the same copy again next run, never none.
            async with self._uow:
                await self._uow.payments.mark_granted(payment.id or 0)
                await self._uow.commit()
        return assigned
