"""Coach assessments: dated tests and notes a coach records for a client, and who sees them."""

from __future__ import annotations

from domain.athletes.use_cases.registration import registered_user
from domain.goals.model import Assessment, AssessmentPrompt
from domain.goals.ports import GoalsUnitOfWork
from domain.shared.ports import Clock
from domain.shared.time import local_day

TEXT_LIMIT = 500  # each of tests and notes: an entry is a card, not a file
SHOWN = 3  # the latest: they and a prompt fit in one message


class NotYourClientError(PermissionError):
    """The athlete is not this coach's current client."""


class EmptyAssessmentError(ValueError):
    """An assessment with no tests and no notes says nothing."""


async def _authorised(uow: GoalsUnitOfWork, coach_id: int, athlete_id: int) -> None:
    if await uow.coach_links.coach_of(athlete_id) != coach_id:
        raise NotYourClientError(athlete_id)


class RecordAssessment:
    """The coach records an entry for a client today (the coach's day)."""

    def __init__(self, uow: GoalsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, coach_id: int, athlete_id: int, tests: str, notes: str = ""
    ) -> Assessment:
        tests, notes = tests.strip()[:TEXT_LIMIT], notes.strip()[:TEXT_LIMIT]
        if not tests and not notes:
            raise EmptyAssessmentError
        now = self._clock.now()
        async with self._uow:
            await _authorised(self._uow, coach_id, athlete_id)
            coach = await registered_user(self._uow, coach_id)
            entry = await self._uow.assessments.add(
                Assessment(
                    None, athlete_id, coach_id, local_day(now, coach.zone), tests, notes, now
                )
            )
            await self._uow.commit()
            return entry


async def client_assessments(
    uow: GoalsUnitOfWork, coach_id: int, athlete_id: int
) -> list[Assessment]:
    """A client's assessments for their current coach; NotYourClientError for anyone else."""
    async with uow:
        await _authorised(uow, coach_id, athlete_id)
        return await uow.assessments.of_athlete(athlete_id, SHOWN)


async def my_assessments(uow: GoalsUnitOfWork, athlete_id: int) -> list[Assessment]:
    """The assessments coaches recorded for this athlete, newest first."""
    async with uow:
        return await uow.assessments.of_athlete(athlete_id, SHOWN)


async def remember_prompt(uow: GoalsUnitOfWork, clock: Clock, prompt: AssessmentPrompt) -> None:
    """The coach will reply to this message with an assessment of the client it names."""
    async with uow:
        await uow.assessments.add_prompt(prompt, clock.now())
        await uow.commit()


async def prompt_of(
    uow: GoalsUnitOfWork, coach_id: int, chat_id: int, message_id: int
) -> AssessmentPrompt | None:
    """The prompt a reply answers, if it is one of this coach's."""
    async with uow:
        prompt = await uow.assessments.prompt(chat_id, message_id)
    return prompt if prompt is not None and prompt.coach_id == coach_id else None
