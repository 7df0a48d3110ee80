"""Sending the weekly summary, due on Sunday evening, for the ISO week of that Sunday."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from domain.outbox.model import OutgoingMessage
from domain.progress.series import WeeklySummary
from domain.progress.use_cases.weekly_summary import SummariseWeek
from domain.reminders.model import BATCH, DEFAULT_GRACE, SUMMARY_AT, summary_key
from domain.reminders.schedule import in_quiet, iso_week, next_summary, summary_sunday
from domain.shared.time import occurrence

if TYPE_CHECKING:
    from domain.athletes.model import Language
    from domain.reminders.ports import RemindersUnitOfWork
    from domain.shared.ports import Clock

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SummaryMessage:
    caption: str  # HTML
    photo: bytes | None = None


class SummaryRenderer(Protocol):
    """Turns a summary into what is sent, in the athlete's language (a chart drawn off the loop)."""

    async def __call__(
        self, athlete_id: int, language: Language, summary: WeeklySummary, at: datetime
    ) -> SummaryMessage: ...


@dataclass(frozen=True, slots=True)
class FixedTime:
    """A clock stopped at one moment: a use case asked about then, not now."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment


def worth_sending(summary: WeeklySummary) -> bool:
    return summary.sessions_done > 0 or summary.sessions_planned is not None


class SendWeeklySummaries:
    """Queues each due weekly summary; the chart is drawn outside any transaction."""

    def __init__(
        self,
        uow: RemindersUnitOfWork,
        clock: Clock,
        render: SummaryRenderer,
        grace: timedelta = DEFAULT_GRACE,
        batch: int = BATCH,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._render = render
        self._grace = grace
        self._batch = batch

    async def __call__(self) -> list[str]:
        """The outbox keys queued."""
        async with self._uow:
            due = await self._uow.reminders.summaries_due(self._clock.now(), self._batch)
        queued: list[str] = []
        for athlete_id in due:
            try:
                key = await self._one(athlete_id)
            except Exception:
                logger.exception(
                    "the summary of athlete %d failed; retried on the next run", athlete_id
                )
                continue
            if key is not None:
                queued.append(key)
        return queued

    async def _one(self, athlete_id: int) -> str | None:
        async with self._uow:
            reminder = await self._uow.reminders.get(athlete_id)
            user = await self._uow.users.get(athlete_id)
        if reminder is None or user is None or reminder.time_zone != user.time_zone:
            return None  # the reminders job works a moved athlete's times out again first
        due = reminder.summary_due
        now = self._clock.now()
        if due is None or due > now:
            return None
        zone = user.zone
        message: OutgoingMessage | None = None
        if now - due > self._grace:
            logger.info(
                "dropped the weekly summary of athlete %d due %s (%s ago)",
                athlete_id,
                due,
                now - due,
            )
        elif in_quiet(now, zone, reminder.quiet):
            logger.info(
                "dropped the weekly summary of athlete %d due %s (caught up in quiet hours)",
                athlete_id,
                due,
            )
        else:
            sunday = summary_sunday(due, zone)
            week_ends = FixedTime(occurrence(sunday, SUMMARY_AT, zone))
            summary = await SummariseWeek(self._uow, week_ends)(athlete_id)
            if worth_sending(summary):
                shown = await self._render(athlete_id, user.language, summary, week_ends.moment)
                message = OutgoingMessage(
                    summary_key(athlete_id, iso_week(sunday)),
                    athlete_id,
                    now,
                    text=shown.caption,
                    photo=shown.photo,
                    language=user.language,
                    expires_at=due + self._grace,
                )
        async with self._uow:
            current = await self._uow.reminders.get(athlete_id, lock=True)
            if current is None or current.summary_due != due:
                return None  # changed meanwhile (switched off, or another run got there)
            added = message is not None and await self._uow.outbox.add(message)
            after = max(due, now - self._grace)
            await self._uow.reminders.save(
                replace(current, summary_due=next_summary(zone, current.quiet, after))
            )
            await self._uow.commit()
        return message.key if added and message is not None else None
