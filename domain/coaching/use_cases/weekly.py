"""The coach's Sunday digest: every client's week in one message (or a few, for many clients);
replying to a client's line comments on it, as a reply to the athlete's own summary."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time, timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import WeekLine, week_of_key, weekly_key
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.messages import Relay
from domain.outbox.model import OutgoingMessage
from domain.progress.use_cases.weekly_summary import SummariseWeek
from domain.reminders.model import SUMMARY_AT
from domain.reminders.schedule import iso_week
from domain.reminders.use_cases.summaries import FixedTime, worth_sending
from domain.shared.ports import Clock
from domain.shared.time import local_day, occurrence

logger = logging.getLogger(__name__)

DIGEST_AT = time(20, 0)  # the coach's Sunday evening, after their clients' 19:00 summaries
LATE_UNTIL = timedelta(hours=16)  # a digest missed while down still goes until Monday noon
SUNDAY = 6


def digest_sunday(now: datetime, coach: User) -> date | None:
    """The Sunday whose digest is due now for this coach, if one is."""
    today = local_day(now, coach.zone)
    sunday = today - timedelta(days=(today.weekday() - SUNDAY) % 7)
    due = occurrence(sunday, DIGEST_AT, coach.zone)
    return sunday if due <= now < due + LATE_UNTIL else None


class WeeklyDigests:
    """Queues each coach's Sunday digest once; returns how many coaches got one."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        async with self._uow:
            coaches = await self._uow.coaches.with_clients()
        sent = 0
        for coach, last_week in coaches:
            sunday = digest_sunday(now, coach)
            if sunday is None or last_week == iso_week(sunday):
                continue
            try:
                sent += await self._digest(coach, sunday, now)
            except Exception:  # one coach's failure must not cost the others their digest
                logger.exception("the Sunday digest of coach %d failed", coach.telegram_id)
        return sent

    async def _digest(self, coach: User, sunday: date, now: datetime) -> int:
        week = iso_week(sunday)
        lines = await self._lines(coach, sunday)  # read before the writing block: see digest.py
        async with self._uow:
            if not await self._uow.coaches.mark_weekly(coach.telegram_id, week):
                return 0  # another run got there first
            if lines:
                numbered = {line.number: line.client.telegram_id for line in lines}
                await self._uow.coaches.add_week_lines(coach.telegram_id, week, numbered)
                parts = self._wording.weekly_digest(coach, sunday, lines)
                await self._uow.outbox.add_all(
                    [
                        OutgoingMessage(
                            weekly_key(coach.telegram_id, week, number),
                            coach.telegram_id,
                            now,
                            text,
                            language=coach.language.value,
                        )
                        for number, text in enumerate(parts)
                    ]
                )
            await self._uow.commit()
            return 1 if lines else 0

    async def _lines(self, coach: User, sunday: date) -> list[WeekLine]:
        async with self._uow:
            coachings = await self._uow.coachings.clients(coach.telegram_id)
        lines: list[WeekLine] = []
        for coaching in coachings:
            client = await _user(self._uow, coaching.athlete_id)
            week_ends = FixedTime(occurrence(sunday, SUMMARY_AT, client.zone))
            summary = await SummariseWeek(self._uow, week_ends)(client.telegram_id)
            if worth_sending(summary):
                lines.append(WeekLine(len(lines) + 1, client, summary))
        return lines


async def _user(uow: CoachingUnitOfWork, user_id: int) -> User:
    async with uow:
        return await registered_user(uow, user_id)


class NoLineError(LookupError):
    """The reply names no client line of that digest."""


_NUMBERED = re.compile(r"^\s*[•·]?\s*(\d{1,4})[.):]?\s+(.*)$", re.DOTALL)


def line_number(quote: str | None, text: str) -> tuple[int, str] | None:
    """The line a reply comments on and the comment: from the quoted line ("3. Alex — …"),
    or from the number the reply starts with ("3 great week")."""
    if quote:
        quoted = _NUMBERED.match(quote)
        if quoted:
            return int(quoted[1]), text.strip()
    typed = _NUMBERED.match(text)
    return (int(typed[1]), typed[2].strip()) if typed else None


async def digest_week(uow: CoachingUnitOfWork, chat_id: int, message_id: int) -> str | None:
    """The week of the weekly digest that message is part of, in the coach's own chat."""
    async with uow:
        key = await uow.coaches.weekly_digest_key(chat_id, message_id)
    return None if key is None else week_of_key(key)


class CommentOnWeek:
    """The coach's reply to a client's line reaches the client, answering their own summary."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, week: str, number: int, comment: str) -> User:
        """The client commented on; NoLineError, or NotYourClientError once they left."""
        async with self._uow:
            athlete_id = await self._uow.coaches.week_line(coach_id, week, number)
            if athlete_id is None:
                raise NoLineError(number)
            summary = await self._uow.coaches.summary_message(athlete_id, week)
        relay = Relay(self._uow, self._clock, self._wording)
        return await relay.write_client(coach_id, athlete_id, comment, reply_to=summary)
