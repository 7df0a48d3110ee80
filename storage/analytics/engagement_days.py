"""Coaching's port to the recorded days (#16): the at-risk rules read analytics' rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.coaching.model import RecordedDays
from storage.analytics.tables import EngagementDayRow


class SqlEngagementDays:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def recorded(
        self, coach_id: int, athlete_ids: Sequence[int], first: date, last: date
    ) -> dict[int, RecordedDays]:
        if not athlete_ids or first > last:
            return {}
        rows = (
            EngagementDayRow.coach_id == coach_id,
            EngagementDayRow.athlete_id.in_(athlete_ids),
            EngagementDayRow.day >= first,
            EngagementDayRow.day <= last,
        )
        sessions: dict[int, dict[date, int]] = {}
        for athlete, day, done in await self._session.execute(
            select(
                EngagementDayRow.athlete_id, EngagementDayRow.day, EngagementDayRow.sessions_done
            ).where(*rows)
        ):
            sessions.setdefault(athlete, {})[day] = done
        # Only the newest moment matters: one a client, not one a row to convert.
        lasts = {
            athlete: _aware(last_session)
            for athlete, last_session in await self._session.execute(
                select(EngagementDayRow.athlete_id, func.max(EngagementDayRow.last_session))
                .where(*rows)
                .group_by(EngagementDayRow.athlete_id)
            )
        }
        return {
            athlete: RecordedDays(days, lasts.get(athlete)) for athlete, days in sessions.items()
        }


def _aware(moment: datetime | str | None) -> datetime | None:
    """An aggregate's time comes back as the driver gives it: text in storage order on SQLite."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
