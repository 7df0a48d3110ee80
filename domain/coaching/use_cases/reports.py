"""Each workout a client finishes, reported to their coach; replying to it comments."""

from __future__ import annotations

from datetime import timedelta

from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import note_key
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.invites import coaching_of
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock

LOOK_BACK = timedelta(days=1)  # well inside the outbox's retention, so a key never repeats
BATCH = 200


class ReportWorkouts:
    """Queues one report per finished workout of a current client; returns how many."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        async with self._uow:
            queued = 0
            for coaching, workout_id in await self._uow.coachings.unreported_workouts(
                now - LOOK_BACK, BATCH
            ):
                workout = await self._uow.workouts.get(workout_id)
                if workout is None:
                    continue
                coach = await registered_user(self._uow, coaching.coach_id)
                client = await registered_user(self._uow, coaching.athlete_id)
                queued += await self._uow.outbox.add(
                    OutgoingMessage(
                        key=note_key(coaching.id or 0, workout_id),
                        chat_id=coach.telegram_id,
                        not_before=now,
                        text=self._wording.workout_done(coach, client, workout),
                        language=coach.language.value,
                    )
                )
            await self._uow.commit()
            return queued


class MuteReports:
    """The coach stops (or resumes) hearing of one client's workouts."""

    def __init__(self, uow: CoachingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, athlete_id: int, *, muted: bool) -> None:
        async with self._uow:
            coaching = await coaching_of(self._uow, coach_id, athlete_id)
            await self._uow.coachings.mute_reports(coaching.id or 0, muted=muted)
            await self._uow.commit()
