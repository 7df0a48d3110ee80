"""The athlete's side of the health record: the intake, step by step, and emergency contacts.

Only the athlete reaches these (their own id is the acting user); the coach's view, which
needs the coaching to authorise it, lives in coaching.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from domain.athletes.use_cases.registration import registered_user
from domain.health.model import (
    CONTACTS_STEP,
    HISTORY_FIELDS,
    EmergencyContact,
    FitnessLevel,
    HealthRecord,
    Stage,
    stage_of,
)
from domain.health.ports import HealthUnitOfWork
from domain.health.rules import parse_phone
from domain.shared.ports import Clock

MAX_HISTORY_TEXT = 300  # each of four: the whole record, questions too, fits one message
MAX_CONTACT_TEXT = 64
MAX_CONTACTS = 5

Answer = bool | str | FitnessLevel | None  # yes/no, a history text (None: skipped), a level


class StaleStepError(LookupError):
    """The answer is for a step the intake is no longer at (an old button, pressed twice)."""


class WrongAnswerError(ValueError):
    """The answer does not fit the step (text for a yes/no question, a forged level)."""


class TooLongError(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class TooManyContactsError(ValueError):
    pass


class NotYourContactError(PermissionError):
    """The contact is not the acting athlete's (forged or already removed)."""


@dataclass(frozen=True, slots=True)
class HealthView:
    record: HealthRecord | None
    contacts: list[EmergencyContact]


async def health_of(uow: HealthUnitOfWork, athlete_id: int) -> HealthView:
    """The athlete's own record and contacts."""
    async with uow:
        return HealthView(
            await uow.health.record(athlete_id), await uow.health.contacts(athlete_id)
        )


class StartIntake:
    """Puts the intake at its first step, or (resuming) leaves it where it was."""

    def __init__(self, uow: HealthUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, *, resume: bool = True) -> HealthRecord:
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            record = await self._uow.health.record(athlete_id, lock=True)
            record = record or HealthRecord(athlete_id)
            if resume and record.intake_step is not None:
                return record
            record = replace(record, intake_step=0, updated_at=self._clock.now())
            await self._uow.health.save(record)
            await self._uow.commit()
            return record


def _answered(record: HealthRecord, step: int, answer: Answer) -> HealthRecord:
    stage, index = stage_of(step)
    if stage is Stage.PARQ and isinstance(answer, bool):
        return record.with_answer(index, answer)
    if stage is Stage.HISTORY and (answer is None or type(answer) is str):
        text = (answer or "").strip()
        if len(text) > MAX_HISTORY_TEXT:
            raise TooLongError(MAX_HISTORY_TEXT)
        return record.with_history(HISTORY_FIELDS[index], text)
    if stage is Stage.FITNESS and isinstance(answer, FitnessLevel):
        return replace(record, fitness=answer)
    raise WrongAnswerError(step)


class AnswerIntake:
    """Stores one answer of the intake and moves it to the next step; the contacts step is
    the last, left by FinishIntake."""

    def __init__(self, uow: HealthUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, step: int, answer: Answer) -> HealthRecord:
        async with self._uow:
            record = await self._uow.health.record(athlete_id, lock=True)
            if record is None or record.intake_step != step or step >= CONTACTS_STEP:
                raise StaleStepError(step)
            stage, index = stage_of(step)
            if stage is Stage.PARQ and answer is False and record.answers[index]:
                # A yes acknowledged lasts while it stays yes: one again later is news.
                await self._uow.health.withdraw(athlete_id, index)
            record = replace(
                _answered(record, step, answer), intake_step=step + 1, updated_at=self._clock.now()
            )
            await self._uow.health.save(record)
            await self._uow.commit()
            return record


class FinishIntake:
    def __init__(self, uow: HealthUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int) -> HealthRecord:
        async with self._uow:
            record = await self._uow.health.record(athlete_id, lock=True)
            if record is None or record.intake_step != CONTACTS_STEP:
                raise StaleStepError(CONTACTS_STEP)
            now = self._clock.now()
            record = replace(record, intake_step=None, completed_at=now, updated_at=now)
            await self._uow.health.save(record)
            await self._uow.commit()
            return record


def contact_text(text: str) -> str:
    """A contact's name or relation as it is kept; WrongAnswerError when empty, TooLongError
    past the limit (the dialog checks each as typed, before it asks for the next)."""
    text = " ".join(text.split())
    if not text:
        raise WrongAnswerError(text)
    if len(text) > MAX_CONTACT_TEXT:
        raise TooLongError(MAX_CONTACT_TEXT)
    return text


class AddContact:
    """A new emergency contact; the athlete's first one is their primary one.

    Raises PhoneError for a number that is not one, TooManyContactsError past the limit.
    """

    def __init__(self, uow: HealthUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, name: str, relation: str, phone: str
    ) -> EmergencyContact:
        contact = EmergencyContact(
            None,
            athlete_id,
            contact_text(name),
            contact_text(relation),
            parse_phone(phone),
            primary=False,
            created_at=self._clock.now(),
        )
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            await self._uow.health.record(athlete_id, lock=True)  # one writer per athlete
            known = await self._uow.health.contacts(athlete_id)
            if len(known) >= MAX_CONTACTS:
                raise TooManyContactsError(athlete_id)
            added = await self._uow.health.add_contact(replace(contact, primary=not known))
            await self._uow.commit()
            return added


async def _own_contact(
    uow: HealthUnitOfWork, athlete_id: int, contact_id: int
) -> tuple[EmergencyContact, list[EmergencyContact]]:
    contacts = await uow.health.contacts(athlete_id)
    for contact in contacts:
        if contact.id == contact_id:
            return contact, contacts
    raise NotYourContactError(contact_id)


class RemoveContact:
    """Removes one of the athlete's contacts; when it was the primary one, the oldest left
    becomes primary."""

    def __init__(self, uow: HealthUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, contact_id: int) -> None:
        async with self._uow:
            contact, contacts = await _own_contact(self._uow, athlete_id, contact_id)
            await self._uow.health.remove_contact(contact_id)
            rest = [other for other in contacts if other.id != contact_id]
            if contact.primary and rest and rest[0].id is not None:
                await self._uow.health.set_primary(athlete_id, rest[0].id)
            await self._uow.commit()


class MakePrimary:
    def __init__(self, uow: HealthUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, contact_id: int) -> None:
        async with self._uow:
            await _own_contact(self._uow, athlete_id, contact_id)
            await self._uow.health.set_primary(athlete_id, contact_id)
            await self._uow.commit()
