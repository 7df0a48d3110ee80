"""A client's health record from the coach's side: who sees it, the PAR-Q flag and its
acknowledgement, and assigning a plan against it (#15), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from domain.coaching.use_cases.health import (
    AcknowledgeHealth,
    AvoidedLift,
    AvoidedLiftsError,
    HealthNotAcknowledgedError,
    client_health,
)
from domain.coaching.use_cases.invites import LeaveCoach, NotYourClientError
from domain.coaching.use_cases.programs import AssignPlan
from domain.health.model import FITNESS_STEP, PARQ_QUESTIONS
from domain.health.use_cases import AnswerIntake, StartIntake
from domain.training.use_cases.onboarding import active_plan
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words, accept, invite

EVERYONE = frozenset(range(PARQ_QUESTIONS))


async def answer_parq(
    uow: SqlUnitOfWork, clock: FixedClock, athlete: int, *yes: int, limitations: str = ""
) -> None:
    """The PAR-Q from the start, yes to `yes`, then the history with `limitations`."""
    await StartIntake(uow, clock)(athlete, resume=False)
    for question in range(PARQ_QUESTIONS):
        await AnswerIntake(uow, clock)(athlete, question, question in yes)
    for step in range(PARQ_QUESTIONS, FITNESS_STEP):
        text = limitations if step == FITNESS_STEP - 1 else None
        await AnswerIntake(uow, clock)(athlete, step, text)


@pytest.fixture
async def alex_coached_by_sam(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await accept(uow, clock, await invite(uow, clock, KIM), MASHA)


pytestmark = pytest.mark.usefixtures("alex_coached_by_sam")


async def test_the_current_coach_sees_the_answers_and_the_flag(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await answer_parq(uow, clock, ALEX, 4, limitations="no overhead press")

    health = await client_health(uow, SAM, ALEX)

    assert health.record is not None
    assert health.record.answers == (False, False, False, False, True, False, False)
    assert health.flagged == {4}
    assert health.avoided == {"ohp"}


@pytest.mark.parametrize(
    ("who", "whose"),
    [(KIM, ALEX), (ALEX, ALEX), (MASHA, ALEX), (SAM, MASHA)],
    ids=["another coach", "the athlete as a coach", "another athlete", "not sam's client"],
)
async def test_nobody_else_sees_a_clients_health(
    uow: SqlUnitOfWork, clock: FixedClock, who: int, whose: int
) -> None:
    await answer_parq(uow, clock, whose, 1)

    with pytest.raises(NotYourClientError):
        await client_health(uow, who, whose)
    with pytest.raises(NotYourClientError):
        await AcknowledgeHealth(uow, clock)(who, whose, EVERYONE)

    assert (await client_health(uow, SAM if whose == ALEX else KIM, whose)).flagged == {1}


async def test_a_former_coach_sees_nothing_after_the_client_leaves_or_moves_on(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await answer_parq(uow, clock, ALEX, 2)
    await LeaveCoach(uow, clock, Words())(ALEX)

    with pytest.raises(NotYourClientError):
        await client_health(uow, SAM, ALEX)

    await accept(uow, clock, await invite(uow, clock, KIM), ALEX)
    with pytest.raises(NotYourClientError):
        await client_health(uow, SAM, ALEX)


async def test_acknowledging_clears_the_flag_and_a_new_yes_flags_again(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await answer_parq(uow, clock, ALEX, 4)

    cleared = await AcknowledgeHealth(uow, clock)(SAM, ALEX, frozenset({4}))
    await answer_parq(uow, clock, ALEX, 4, 6)  # retaken: question 7 is yes now
    again = await client_health(uow, SAM, ALEX)

    assert cleared.flagged == frozenset()
    assert again.flagged == {6}


async def test_a_yes_answered_no_and_then_yes_again_flags_again(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    """The chest pain went away, then came back: the coach hears of it again."""
    await answer_parq(uow, clock, ALEX, 1)
    await AcknowledgeHealth(uow, clock)(SAM, ALEX, frozenset({1}))

    await answer_parq(uow, clock, ALEX, 1)  # retaken, the same yes: known already
    same = await client_health(uow, SAM, ALEX)
    await answer_parq(uow, clock, ALEX)  # no to everything
    gone = await client_health(uow, SAM, ALEX)
    await answer_parq(uow, clock, ALEX, 1)
    back = await client_health(uow, SAM, ALEX)

    assert same.flagged == frozenset()
    assert gone.flagged == frozenset()
    assert back.flagged == {1}


async def test_an_acknowledgement_covers_only_what_the_button_showed(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    """The card showed question 5's yes; question 7 was answered yes before the press."""
    await answer_parq(uow, clock, ALEX, 4, 6)

    health = await AcknowledgeHealth(uow, clock)(SAM, ALEX, frozenset({4}))

    assert health.flagged == {6}


async def test_a_new_coach_acknowledges_for_themselves(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await answer_parq(uow, clock, ALEX, 0)
    await AcknowledgeHealth(uow, clock)(SAM, ALEX, EVERYONE)

    await accept(uow, clock, await invite(uow, clock, KIM), ALEX, replace=True)

    assert (await client_health(uow, KIM, ALEX)).flagged == {0}


async def test_assigning_waits_for_the_acknowledgement(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await answer_parq(uow, clock, ALEX, 1)
    assign = AssignPlan(uow, clock, Words())

    with pytest.raises(HealthNotAcknowledgedError):
        await assign(SAM, ALEX, "stronglifts", avoided_ok=True)
    before = await active_plan(uow, ALEX)
    await AcknowledgeHealth(uow, clock)(SAM, ALEX, frozenset({1}))
    plan = await assign(SAM, ALEX, "stronglifts")

    assert before is None
    assert plan.slug == f"stronglifts-for-{ALEX}"


async def test_a_plan_with_avoided_lifts_needs_the_coachs_confirmation(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await answer_parq(uow, clock, ALEX, limitations="No overhead press, no deadlifts (back)")
    assign = AssignPlan(uow, clock, Words())

    with pytest.raises(AvoidedLiftsError) as warned:
        await assign(SAM, ALEX, "starting-strength-1")
    unassigned = await active_plan(uow, ALEX)
    plan = await assign(SAM, ALEX, "starting-strength-1", avoided_ok=True)

    # Starting Strength phase 1: day A squat, press, deadlift; day B squat, bench, deadlift
    assert warned.value.lifts == (AvoidedLift("ohp", (1,)), AvoidedLift("deadlift", (1, 2)))
    assert unassigned is None
    assert plan.slug == f"starting-strength-1-for-{ALEX}"


async def test_a_client_without_a_record_is_assigned_as_before(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    health = await client_health(uow, SAM, ALEX)
    plan = await AssignPlan(uow, clock, Words())(SAM, ALEX, "starting-strength-1")

    assert (health.record, health.flagged) == (None, frozenset())
    assert plan.slug == f"starting-strength-1-for-{ALEX}"
