"""The health repository's contract and the athlete's intake, on the fake and on SQL (#15)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import cast

import pytest

from domain.health.model import (
    CONTACTS_STEP,
    FITNESS_STEP,
    PARQ_QUESTIONS,
    EmergencyContact,
    FitnessLevel,
    HealthRecord,
    HistoryField,
)
from domain.health.ports import HealthUnitOfWork
from domain.health.rules import PhoneError, PhoneProblem
from domain.health.use_cases import (
    MAX_CONTACTS,
    MAX_HISTORY_TEXT,
    AddContact,
    Answer,
    AnswerIntake,
    FinishIntake,
    MakePrimary,
    NotYourContactError,
    RemoveContact,
    StaleStepError,
    StartIntake,
    TooLongError,
    TooManyContactsError,
    WrongAnswerError,
    health_of,
)
from domain.shared.errors import NotRegisteredError
from tests.integration.catalog import CLOCK, seed_into
from tests.integration.contracts.conftest import Units

NOW = CLOCK.now()
ANNA, BORIS = 11, 12
HealthUnits = Callable[[], HealthUnitOfWork]


@pytest.fixture
async def health(units: Units) -> HealthUnits:
    await seed_into(units(), ANNA, BORIS)
    return lambda: cast("HealthUnitOfWork", units())


async def test_a_record_comes_back_as_saved_and_as_changed(health: HealthUnits) -> None:
    saved = HealthRecord(
        ANNA,
        answers=(True, False, None, False, True, False, None),
        history=("asthma", "", None, "no deadlifts"),
        fitness=FitnessLevel.BEGINNER,
        intake_step=CONTACTS_STEP,
        completed_at=None,
        updated_at=NOW,
    )
    changed = replace(
        saved, answers=(False,) * PARQ_QUESTIONS, fitness=None, intake_step=None, completed_at=NOW
    )
    async with health() as uow:
        before = await uow.health.record(ANNA)
        await uow.health.save(saved)
        await uow.commit()
    async with health() as uow:
        first = await uow.health.record(ANNA, lock=True)
        await uow.health.save(changed)
        await uow.commit()
    async with health() as uow:
        second = await uow.health.record(ANNA)
        other = await uow.health.record(BORIS)

    assert (before, first, second, other) == (None, saved, changed, None)


async def test_contacts_come_oldest_first_and_one_is_primary(health: HealthUnits) -> None:
    def contact(name: str, minutes: int, athlete: int = ANNA) -> EmergencyContact:
        return EmergencyContact(
            None, athlete, name, "friend", "+4420", False, NOW + timedelta(minutes=minutes)
        )

    async with health() as uow:
        second = await uow.health.add_contact(contact("Second", 2))
        first = await uow.health.add_contact(contact("First", 1))
        await uow.health.add_contact(contact("Not Anna's", 0, BORIS))
        await uow.health.set_primary(ANNA, second.id or 0)
        await uow.commit()
    async with health() as uow:
        await uow.health.set_primary(ANNA, first.id or 0)
        await uow.health.remove_contact(second.id or 0)
        await uow.commit()
    async with health() as uow:
        left = await uow.health.contacts(ANNA)

    assert [(c.name, c.primary) for c in left] == [("First", True)]


async def test_an_acknowledgement_is_per_coach_and_replaced(health: HealthUnits) -> None:
    async with health() as uow:
        await uow.health.acknowledge(ANNA, BORIS, frozenset({1}), NOW)
        await uow.commit()
    async with health() as uow:
        await uow.health.acknowledge(ANNA, BORIS, frozenset({1, 4}), NOW)
        await uow.commit()
    async with health() as uow:
        mine = await uow.health.acknowledged(ANNA, BORIS)
        reversed_pair = await uow.health.acknowledged(BORIS, ANNA)

    assert mine == {1, 4}
    assert reversed_pair == frozenset()


async def test_withdrawing_a_question_leaves_the_others_and_other_athletes(
    health: HealthUnits,
) -> None:
    async with health() as uow:
        await uow.health.acknowledge(ANNA, BORIS, frozenset({1, 4}), NOW)
        await uow.health.acknowledge(BORIS, ANNA, frozenset({4}), NOW)
        await uow.commit()
    async with health() as uow:
        await uow.health.withdraw(ANNA, 4)
        await uow.commit()
    async with health() as uow:
        annas = await uow.health.acknowledged(ANNA, BORIS)
        boriss = await uow.health.acknowledged(BORIS, ANNA)

    assert annas == {1}
    assert boriss == {4}


async def _walk_to(health: HealthUnits, athlete: int, step: int) -> HealthRecord:
    """Starts the intake and answers no / skips up to `step`."""
    record = await StartIntake(health(), CLOCK)(athlete)
    for at in range(step):
        answer: Answer = False if at < PARQ_QUESTIONS else None
        if at == FITNESS_STEP:
            answer = FitnessLevel.INTERMEDIATE
        record = await AnswerIntake(health(), CLOCK)(athlete, at, answer)
    return record


async def test_the_intake_stores_each_answer_and_ends_after_the_contacts(
    health: HealthUnits,
) -> None:
    await StartIntake(health(), CLOCK)(ANNA)
    for question in range(PARQ_QUESTIONS):
        await AnswerIntake(health(), CLOCK)(ANNA, question, question == 4)
    for step, text in enumerate(("  asthma ", None, "salbutamol", "no deadlifts")):
        await AnswerIntake(health(), CLOCK)(ANNA, PARQ_QUESTIONS + step, text)
    await AnswerIntake(health(), CLOCK)(ANNA, FITNESS_STEP, FitnessLevel.BEGINNER)
    await AddContact(health(), CLOCK)(ANNA, "Maria", "mother", "+7 912 345-67-89")
    finished = await FinishIntake(health(), CLOCK)(ANNA)

    view = await health_of(health(), ANNA)
    assert view.record == finished
    assert finished.answers == (False, False, False, False, True, False, False)
    assert finished.history == ("asthma", "", "salbutamol", "no deadlifts")
    assert finished.text_of(HistoryField.LIMITATIONS) == "no deadlifts"
    assert (finished.fitness, finished.intake_step, finished.completed_at) == (
        FitnessLevel.BEGINNER,
        None,
        NOW,
    )
    assert [(c.name, c.relation, c.phone, c.primary) for c in view.contacts] == [
        ("Maria", "mother", "+79123456789", True)
    ]


async def test_an_intake_left_midway_resumes_where_it_stopped(health: HealthUnits) -> None:
    await _walk_to(health, ANNA, 9)

    resumed = await StartIntake(health(), CLOCK)(ANNA)
    restarted = await StartIntake(health(), CLOCK)(ANNA, resume=False)

    assert resumed.intake_step == 9
    assert restarted.intake_step == 0
    assert restarted.answers == (False,) * PARQ_QUESTIONS  # kept until answered again


async def test_an_answer_for_another_step_changes_nothing(health: HealthUnits) -> None:
    await _walk_to(health, ANNA, 2)

    with pytest.raises(StaleStepError):
        await AnswerIntake(health(), CLOCK)(ANNA, 1, True)  # question 2 again: pressed twice
    with pytest.raises(StaleStepError):
        await AnswerIntake(health(), CLOCK)(BORIS, 0, True)  # no intake begun
    with pytest.raises(WrongAnswerError):
        await AnswerIntake(health(), CLOCK)(ANNA, 2, "yes")  # text for a yes/no question

    record = (await health_of(health(), ANNA)).record
    assert record is not None
    assert (record.intake_step, record.answers[:3]) == (2, (False, False, None))


async def test_a_history_text_past_the_limit_is_refused(health: HealthUnits) -> None:
    await _walk_to(health, ANNA, PARQ_QUESTIONS)

    with pytest.raises(TooLongError):
        await AnswerIntake(health(), CLOCK)(ANNA, PARQ_QUESTIONS, "x" * (MAX_HISTORY_TEXT + 1))

    record = (await health_of(health(), ANNA)).record
    assert record is not None
    assert (record.intake_step, record.text_of(HistoryField.CONDITIONS)) == (PARQ_QUESTIONS, None)


async def test_the_intake_needs_a_registered_athlete(health: HealthUnits) -> None:
    with pytest.raises(NotRegisteredError):
        await StartIntake(health(), CLOCK)(999)


async def test_a_bad_phone_adds_no_contact(health: HealthUnits) -> None:
    with pytest.raises(PhoneError) as error:
        await AddContact(health(), CLOCK)(ANNA, "Maria", "mother", "12-34")

    assert error.value.problem is PhoneProblem.TOO_SHORT
    assert (await health_of(health(), ANNA)).contacts == []


async def test_removing_the_primary_contact_makes_the_oldest_left_primary(
    health: HealthUnits,
) -> None:
    maria = await AddContact(health(), CLOCK)(ANNA, "Maria", "mother", "+79123456789")
    await AddContact(health(), CLOCK)(ANNA, "Oleg", "brother", "+79123456780")
    await AddContact(health(), CLOCK)(ANNA, "Ira", "friend", "+79123456781")

    await RemoveContact(health())(ANNA, maria.id or 0)

    contacts = (await health_of(health(), ANNA)).contacts
    assert [(c.name, c.primary) for c in contacts] == [("Oleg", True), ("Ira", False)]


async def test_another_athletes_contact_cannot_be_touched(health: HealthUnits) -> None:
    borises = await AddContact(health(), CLOCK)(BORIS, "Vera", "wife", "+79123456789")

    with pytest.raises(NotYourContactError):
        await RemoveContact(health())(ANNA, borises.id or 0)
    with pytest.raises(NotYourContactError):
        await MakePrimary(health())(ANNA, borises.id or 0)

    assert [c.name for c in (await health_of(health(), BORIS)).contacts] == ["Vera"]


async def test_an_athlete_keeps_five_contacts_at_most(health: HealthUnits) -> None:
    for number in range(MAX_CONTACTS):
        await AddContact(health(), CLOCK)(ANNA, f"C{number}", "friend", f"+7912345678{number}")

    with pytest.raises(TooManyContactsError):
        await AddContact(health(), CLOCK)(ANNA, "One more", "friend", "+79123456799")

    assert len((await health_of(health(), ANNA)).contacts) == MAX_CONTACTS
