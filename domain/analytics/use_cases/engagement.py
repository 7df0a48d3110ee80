"""The daily job: each current client's ended days, recorded once as a row each."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from domain.analytics.engagement import (
    COMPLETION_DAYS,
    day_to_rewrite,
    days_to_record,
    engagement_day,
)
from domain.analytics.model import EngagementSubject
from domain.analytics.ports import AnalyticsUnitOfWork
from domain.shared.ports import Clock
from domain.shared.time import start_of

logger = logging.getLogger(__name__)


class RecordEngagement:
    """Writes the rows of each client's days that ended after their last recorded one (the last
    week at most), and that last one again.

    Returns how many new days it recorded. Each client is one transaction, and a row is keyed
    by client, coach and day, so a run that overlaps another rewrites the same rows.
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
        new = days_to_record(subject, now)
        if not new:
            return 0  # most runs, for most clients: their yesterday is recorded
        again = day_to_rewrite(subject, new)
        days = new if again is None else [again, *new]
        athlete, zone = subject.athlete_id, subject.zone
        uow = self._uow
        async with uow:
            slug = subject.plan_slug
            if slug is not None and slug not in planned:
                plan = await uow.plans.get(slug)
                planned[slug] = plan.sessions_per_week if plan else 0
            since = start_of(days[0], zone) - timedelta(days=COMPLETION_DAYS)
            until = start_of(days[-1] + timedelta(days=1), zone)
            activity = await uow.engagement.activity(athlete, subject.coach_id, since, until)
            sessions = (await uow.coachings.sessions([athlete], since))[athlete]
            if not any(moment < start_of(days[0] + timedelta(days=1), zone) for moment in sessions):
                earlier = await uow.coachings.last_sessions([athlete], before=since)
                sessions = [*earlier.values(), *sessions]
            activity = replace(activity, sessions=tuple(sessions))
            await uow.engagement.save(
                [engagement_day(subject, planned[slug], day, activity) for day in days]
            )
            await uow.commit()
            return len(new)
