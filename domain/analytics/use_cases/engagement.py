"""The daily job: each current client's ended days, recorded once as a row each."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from domain.analytics.engagement import COMPLETION_DAYS, days_to_record, engagement_day
from domain.analytics.model import EngagementSubject
from domain.analytics.ports import AnalyticsUnitOfWork
from domain.shared.ports import Clock
from domain.shared.time import start_of

logger = logging.getLogger(__name__)


class RecordEngagement:
    """Writes the rows of each client's days that ended after their last recorded one (the last
    week at most).

    Returns how many rows it wrote. Each client is one transaction, and a row is keyed by
    client, coach and day, so a run that overlaps another rewrites the same rows.
    """

    def __init__(self, uow: AnalyticsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self) -> int:
        now = self._clock.now()
        async with self._uow:
            subjects = await self._uow.engagement.subjects()
        written = 0
        planned: dict[str | None, int] = {None: 0}
        for subject in subjects:
            try:
                written += await self._record(subject, now, planned)
            except Exception:  # one client's failure must not cost the others their day
                logger.exception(
                    "engagement of athlete %d with coach %d failed",
                    subject.athlete_id,
                    subject.coach_id,
                )
        return written

    async def _record(
        self, subject: EngagementSubject, now: datetime, planned: dict[str | None, int]
    ) -> int:
        days = days_to_record(subject, now)
        if not days:
            return 0  # most runs, for most clients: their yesterday is recorded
        uow = self._uow
        async with uow:
            slug = subject.plan_slug
            if slug is not None and slug not in planned:
                plan = await uow.plans.get(slug)
                planned[slug] = plan.sessions_per_week if plan else 0
            since = start_of(days[0], subject.zone) - timedelta(days=COMPLETION_DAYS)
            until = start_of(days[-1] + timedelta(days=1), subject.zone)
            activity = await uow.engagement.activity(
                subject.athlete_id, subject.coach_id, since, until
            )
            sessions = await uow.coachings.sessions([subject.athlete_id], since)
            activity = replace(activity, sessions=tuple(sessions[subject.athlete_id]))
            await uow.engagement.save(
                [engagement_day(subject, planned[slug], day, activity) for day in days]
            )
            await uow.commit()
            return len(days)
