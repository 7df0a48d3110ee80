"""Sending reminders and missed-session follow-ups.

The database is the source of truth: each athlete has one row (`Reminder`) holding their choices
and the next moment each kind of message is due (see `domain.reminders.schedule`). A periodic
job asks which rows are due, and for each, in one transaction, queues what is still worth saying
in the outbox (under a key per logical message) and moves the due time on. So a job that runs
twice, or a process killed halfway, never says anything twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from domain.outbox.model import Buttons, OutgoingMessage
from domain.reminders.model import BATCH, DEFAULT_GRACE, STREAK_LOOKBACK, WEEK, Reminder
from domain.reminders.schedule import (
    in_quiet,
    iso_week,
    missed_in_a_row,
    next_check,
    next_reminder,
    scheduled,
)
from domain.shared.time import local_day

if TYPE_CHECKING:
    from domain.athletes.model import Language
    from domain.plans.model import PlanDay
    from domain.reminders.ports import RemindersUnitOfWork
    from domain.shared.ports import Clock

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Wording:
    """A message as the athlete reads it: HTML text and, maybe, buttons under it."""

    text: str
    buttons: Buttons = ()


class ReminderTexts(Protocol):
    """The words of reminders in the recipient's language (implemented outside the domain)."""

    def reminder(self, language: Language, day: PlanDay | None) -> Wording: ...

    def missed(self, language: Language, day: PlanDay | None) -> Wording: ...

    def nudge(self, language: Language, missed: int, day: PlanDay | None) -> Wording: ...


@dataclass
class ReminderRun:
    """What one run of the job did, for its log line and for tests."""

    scheduled: int = 0  # rows created or worked out again
    queued: list[str] = field(default_factory=list)  # outbox keys added
    dropped: int = 0  # due longer ago than the grace window
    skipped: int = 0  # trained already, or already queued


@dataclass
class _Moment:
    """One athlete's run: their zone, the time, the days they trained, what to send."""

    zone: ZoneInfo
    language: Language
    now: datetime
    trained: set[date]
    run: ReminderRun
    messages: list[OutgoingMessage] = field(default_factory=list)


class SendReminders:
    """Queues the reminders and follow-ups that are due; moves each due time on, once."""

    def __init__(
        self,
        uow: RemindersUnitOfWork,
        clock: Clock,
        texts: ReminderTexts,
        grace: timedelta = DEFAULT_GRACE,
        batch: int = BATCH,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._texts = texts
        self._grace = grace
        self._batch = batch

    async def __call__(self) -> ReminderRun:
        run = ReminderRun()
        async with self._uow:
            now = self._clock.now()
            new = await self._uow.reminders.without_reminder(self._batch)
            due = await self._uow.reminders.due(now, self._batch)
        for athlete_id in (*new, *due):
            try:
                await self._one(athlete_id, run)
            except Exception:
                logger.exception(
                    "reminders of athlete %d failed; retried on the next run", athlete_id
                )
        return run

    async def _one(self, athlete_id: int, run: ReminderRun) -> None:
        async with self._uow:
            user = await self._uow.users.get(athlete_id)
            if user is None:
                return
            now = self._clock.now()
            reminder = await self._uow.reminders.get(athlete_id, lock=True)
            if reminder is None or reminder.time_zone != user.time_zone:
                # new, or the athlete moved: nothing from the old zone's clock is sent
                fresh = scheduled(reminder or Reminder(athlete_id, since=now), user.time_zone, now)
                await self._uow.reminders.save(fresh)
                await self._uow.commit()
                run.scheduled += 1
                return
            zone = user.zone
            trained = {
                local_day(moment, zone)
                for moment in await self._uow.reminders.trained_at(
                    athlete_id, now - STREAK_LOOKBACK - timedelta(days=WEEK)
                )
            }
            at = _Moment(zone, user.language, now, trained, run)
            reminder = await self._checks(await self._reminders(reminder, at), at)
            quiet = in_quiet(now, zone, reminder.quiet)  # due times never are: this is a catch-up
            for message in at.messages:
                if quiet:
                    logger.info("dropped %s (caught up in the athlete's quiet hours)", message.key)
                    run.dropped += 1
                elif await self._uow.outbox.add(message):
                    run.queued.append(message.key)
                else:
                    run.skipped += 1
            await self._uow.reminders.save(reminder)
            await self._uow.commit()

    async def _reminders(self, reminder: Reminder, at: _Moment) -> Reminder:
        zone, now, run = at.zone, at.now, at.run
        due = reminder.next_due
        while due is not None and due <= now:
            day = local_day(due, zone)
            if now - due > self._grace:
                logger.info(
                    "dropped the reminder of athlete %d due %s (%s ago, past the grace window)",
                    reminder.athlete_id,
                    due.isoformat(),
                    now - due,
                )
                run.dropped += 1
                after = max(due, now - self._grace)
            else:
                if day in at.trained:
                    run.skipped += 1
                else:
                    wording = self._texts.reminder(
                        at.language, await self._plan_day(reminder.athlete_id)
                    )
                    key = f"reminder:{reminder.athlete_id}:{day.isoformat()}"
                    at.messages.append(self._message(key, reminder.athlete_id, due, at, wording))
                after = due
            due = next_reminder(reminder.days, reminder.at, zone, after)
        return replace(reminder, next_due=due)

    async def _checks(self, reminder: Reminder, at: _Moment) -> Reminder:
        zone, now, run = at.zone, at.now, at.run
        day, due = reminder.check_day, reminder.check_due
        while day is not None and due is not None and due <= now:
            if now - due > self._grace:
                logger.info(
                    "dropped the follow-up of athlete %d for %s (due %s ago)",
                    reminder.athlete_id,
                    day.isoformat(),
                    now - due,
                )
                run.dropped += 1
                after = max(due, now - self._grace)
            else:
                if day not in at.trained:
                    at.messages.append(await self._follow_up(reminder, day, due, at))
                after = due
            check = next_check(reminder, zone, after)
            day, due = check if check else (None, None)
        return replace(reminder, check_day=day, check_due=due)

    async def _follow_up(
        self, reminder: Reminder, day: date, due: datetime, at: _Moment
    ) -> OutgoingMessage:
        zone, now = at.zone, at.now
        missed = missed_in_a_row(day, reminder, zone, at.trained)
        plan_day = await self._plan_day(reminder.athlete_id)
        if missed <= 1:
            key = f"missed:{reminder.athlete_id}:{day.isoformat()}"
            wording = self._texts.missed(at.language, plan_day)
        else:
            key = f"nudge:{reminder.athlete_id}:{iso_week(local_day(now, zone))}"
            wording = self._texts.nudge(at.language, missed, plan_day)
        return self._message(key, reminder.athlete_id, due, at, wording)

    async def _plan_day(self, athlete_id: int) -> PlanDay | None:
        active = await self._uow.athlete_plans.active(athlete_id)
        plan = await self._uow.plans.get(active.plan_slug) if active else None
        if active is None or plan is None:
            return None
        return next((d for d in plan.days if d.number == active.next_day), plan.days[0])

    def _message(
        self, key: str, chat_id: int, due: datetime, at: _Moment, wording: Wording
    ) -> OutgoingMessage:
        """Sent now, or not at all once the grace window after its due time has passed."""
        return OutgoingMessage(
            key,
            chat_id,
            at.now,
            text=wording.text,
            buttons=wording.buttons,
            language=at.language,
            expires_at=due + self._grace,
        )
