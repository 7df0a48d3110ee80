"""The weekly check-in: choosing its day, sending it, answering it, and who sees it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from domain.athletes.use_cases.registration import registered_user
from domain.checkins.model import HIGHEST, LOWEST, CheckIn, CheckInDay, Question
from domain.checkins.ports import CheckInRepository, CheckInsUnitOfWork, CheckInWording
from domain.checkins.readiness import is_low, readiness
from domain.checkins.schedule import last_due
from domain.outbox.model import Action, Button, Buttons, OutgoingMessage
from domain.shared.ports import Clock

logger = logging.getLogger(__name__)

GRACE = timedelta(hours=12)  # a check-in the bot was down for is still asked that day
EXPIRES = timedelta(hours=12)
CARD_LATEST = 3


class NotAllowedError(PermissionError):
    """Only the athlete and their current coach choose the check-in day."""


class UnknownCheckInError(LookupError):
    """No such check-in of this athlete's."""


class BadAnswerError(ValueError):
    """Not one of the questions, or not 1 to 5."""


def answer_buttons(check_in_id: int, question: Question) -> Buttons:
    """One row: the answers 1 to 5 to this question of this check-in."""
    return (
        tuple(
            Button(
                Action.CHECKIN_ANSWER,
                (("check_in", str(check_in_id)), ("question", question.value), ("answer", str(n))),
            )
            for n in range(LOWEST, HIGHEST + 1)
        ),
    )


class SetCheckInDay:
    """The athlete, or their current coach, picks the weekday (None: no check-in)."""

    def __init__(self, uow: CheckInsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, actor_id: int, athlete_id: int, weekday: int | None) -> CheckInDay:
        if weekday is not None and not 0 <= weekday <= 6:
            raise BadAnswerError(weekday)
        async with self._uow:
            if actor_id != athlete_id and await self._uow.coach_links.coach_of(athlete_id) != (
                actor_id
            ):
                raise NotAllowedError(athlete_id)
            await registered_user(self._uow, athlete_id)
            day = replace(await self._uow.checkins.day(athlete_id), weekday=weekday)
            await self._uow.checkins.set_day(day)
            await self._uow.commit()
            return day


async def check_in_day(uow: CheckInsUnitOfWork, actor_id: int, athlete_id: int) -> CheckInDay:
    """The day, for the athlete or their current coach; NotAllowedError for anyone else."""
    async with uow:
        if actor_id != athlete_id and await uow.coach_links.coach_of(athlete_id) != actor_id:
            raise NotAllowedError(athlete_id)
        return await uow.checkins.day(athlete_id)


class SendCheckIns:
    """Queues each asked athlete's check-in once a week, at their local time: the week's row
    and the outbox key both say it was sent. Returns how many were queued."""

    def __init__(self, uow: CheckInsUnitOfWork, clock: Clock, wording: CheckInWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        async with self._uow:
            asked = await self._uow.checkins.asked()
        queued = 0
        for setting in asked:
            try:
                queued += await self._send(setting, now)
            except Exception:  # one athlete's failure must not cost the others theirs
                logger.exception("the check-in of athlete %d failed", setting.athlete_id)
        return queued

    async def _send(self, setting: CheckInDay, now: datetime) -> int:
        async with self._uow:
            athlete = await registered_user(self._uow, setting.athlete_id)
            due = last_due(setting, athlete.zone, now)
            if due is None or now - due[1] > GRACE:
                return 0
            week, _ = due
            kept = await self._uow.checkins.add(CheckIn(None, athlete.telegram_id, week, now))
            if kept is None or kept.id is None:
                return 0
            first = Question.SLEEP
            added = await self._uow.outbox.add(
                OutgoingMessage(
                    key=f"checkin:{athlete.telegram_id}:{week}",
                    chat_id=athlete.telegram_id,
                    not_before=now,
                    text=self._wording.question(athlete, first),
                    buttons=answer_buttons(kept.id, first),
                    language=athlete.language.value,
                    expires_at=now + EXPIRES,
                )
            )
            await self._uow.commit()
            return int(added)


class AnswerCheckIn:
    """An answer tapped: kept on the athlete's own open check-in; the same tap again, or any
    tap on a completed check-in, changes nothing."""

    def __init__(self, uow: CheckInsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, check_in_id: int, question: str, answer: int
    ) -> CheckIn:
        try:
            asked = Question(question)
        except ValueError:
            raise BadAnswerError(question) from None
        if not LOWEST <= answer <= HIGHEST:
            raise BadAnswerError(answer)
        async with self._uow:
            check_in = await self._uow.checkins.get(check_in_id)
            if check_in is None or check_in.athlete_id != athlete_id:
                raise UnknownCheckInError(check_in_id)
            if check_in.completed_at is not None or check_in.answers.get(asked) == answer:
                return check_in
            answers = {**check_in.answers, asked: answer}
            done = all(q in answers for q in Question)
            check_in = replace(
                check_in, answers=answers, completed_at=self._clock.now() if done else None
            )
            await self._uow.checkins.save(check_in)
            await self._uow.commit()
            return check_in


async def latest_check_ins(checkins: CheckInRepository, athlete_id: int) -> list[CheckIn]:
    """The client card's check-ins: the latest few completed, newest first."""
    return await checkins.latest(athlete_id, CARD_LATEST)


async def low_readiness(
    checkins: CheckInRepository, athlete_ids: Sequence[int], since: datetime
) -> dict[int, int]:
    """Each athlete's latest readiness since `since`, if it is low (for the morning digest)."""
    latest: dict[int, int] = {}
    for check_in in await checkins.completed_since(athlete_ids, since):
        latest[check_in.athlete_id] = readiness(check_in.answers)
    return {athlete: score for athlete, score in latest.items() if is_low(score)}
