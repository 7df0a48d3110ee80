"""The coach's morning digest: who needs a look today, in one message, once a morning."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from domain.athletes.model import User
from domain.checkins.use_cases.checkins import low_readiness
from domain.coaching.compliance import DigestLine
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.clients import clients_overview
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock

logger = logging.getLogger(__name__)

MORNING = range(7, 12)  # local hours: the first run after 7 sends it, none after noon
VIDEO_WAIT = timedelta(hours=48)
CHECK_IN_WINDOW = timedelta(days=7)  # a low check-in is news for the week after it
MESSAGE_WAIT = timedelta(hours=24)
EXPIRES = timedelta(hours=6)
LATEST_OFFSET = timedelta(
    hours=14
)  # the time zone furthest ahead of UTC  # a digest that could not go out by then is stale


def digest_key(coach_id: int, day: date) -> str:
    return f"digest:{coach_id}:{day.isoformat()}"


class MorningDigests:
    """Queues each coach's digest once, in their morning; a coach with nothing to see gets none.

    Returns how many coaches got one. A coach who turned it off is skipped.
    """

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        latest_day = (now + LATEST_OFFSET).date()  # the furthest-east coach's date
        async with self._uow:
            due = [
                coach
                for coach, last_sent in await self._uow.coaches.digest_due(latest_day)
                if now.astimezone(coach.zone).hour in MORNING
                and last_sent != now.astimezone(coach.zone).date()
            ]
        queued = 0
        for coach in due:
            try:
                queued += await self._digest(coach, now)
            except Exception:  # one coach's failure must not cost the others their morning
                logger.exception("the morning digest of coach %d failed", coach.telegram_id)
        return queued

    async def _digest(self, coach: User, now: datetime) -> int:
        today = now.astimezone(coach.zone).date()
        # Read first: a use case's own block rolls back what is not committed when it ends.
        lines = await digest_lines(self._uow, coach.telegram_id, now)
        async with self._uow:
            if not await self._uow.coaches.mark_digest(coach.telegram_id, today):
                return 0  # another run got there first
            parts = self._wording.morning_digest(coach, lines) if lines else []
            await self._uow.outbox.add_all(
                [
                    OutgoingMessage(
                        key=f"{digest_key(coach.telegram_id, today)}:{number}",
                        chat_id=coach.telegram_id,
                        not_before=now,
                        text=text,
                        language=coach.language.value,
                        expires_at=now + EXPIRES,
                    )
                    for number, text in enumerate(parts)
                ]
            )
            await self._uow.commit()
            return 1 if parts else 0


async def digest_lines(uow: CoachingUnitOfWork, coach_id: int, now: datetime) -> list[DigestLine]:
    """The coach's clients worth a look now, in the client list's order."""
    overview = await clients_overview(uow, coach_id, now)
    async with uow:
        videos = await uow.videos.waiting(coach_id)
        unanswered = await uow.threads.unanswered(coach_id, now - MESSAGE_WAIT)
        low = await low_readiness(
            uow.checkins, [line.client.telegram_id for line in overview], now - CHECK_IN_WINDOW
        )
    late_videos: dict[int, int] = {}
    for video in videos:
        if video.submitted_at is not None and now - video.submitted_at >= VIDEO_WAIT:
            late_videos[video.athlete_id] = late_videos.get(video.athlete_id, 0) + 1
    lines = [
        DigestLine(
            line.client,
            line.attention,
            late_videos.get(line.client.telegram_id, 0),
            unanswered.get(line.client.telegram_id),
            low.get(line.client.telegram_id),
        )
        for line in overview
    ]
    return [line for line in lines if line.worth_a_look]


class DigestSetting:
    """The coach turns the morning digest off, or back on."""

    def __init__(self, uow: CoachingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, *, on: bool) -> None:
        async with self._uow:
            await self._uow.coaches.set_digest(coach_id, on=on)
            await self._uow.commit()

    async def is_on(self, coach_id: int) -> bool:
        async with self._uow:
            return await self._uow.coaches.digest_on(coach_id)
