"""A coach assigns plans and sets training maxes, for their own clients only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.use_cases.invites import NotYourClientError
from domain.coaching.use_cases.programs import (
    AssignPlan,
    EditClientPlan,
    NoClientCopyError,
    SetClientMaxes,
    client_plan_text,
    copy_slug,
    plans_to_assign,
)
from domain.plans.model import UnknownPlanError
from domain.plans.rules.reasons import ReasonKind
from domain.plans.text.problems import PlanTextError
from domain.shared.weights import Unit, Weight
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout, WorkoutInProgressError
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words, accept, invite


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


@pytest.fixture
async def alex_on_stronglifts(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await SetTrainingMaxes(uow, clock)(ALEX, {"squat": kg("120")}, one_rep_maxes=False)
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await accept(uow, clock, await invite(uow, clock, KIM), MASHA)


async def last_outbox(session_factory: async_sessionmaker[AsyncSession]) -> tuple[int, str]:
    async with session_factory() as session:
        row = (await session.scalars(select(OutboxRow).order_by(OutboxRow.id.desc()))).first()
    assert row is not None
    return row.chat_id, row.text or ""


def test_a_clients_copy_is_named_after_them_and_never_copied_again() -> None:
    assert copy_slug("nsuns-4day", ALEX) == "nsuns-4day-for-201"
    assert copy_slug("nsuns-4day-for-201", MASHA) == "nsuns-4day-for-202"
    assert len(copy_slug("x" * 64, 10**15)) <= 64


@pytest.mark.usefixtures("alex_on_stronglifts")
async def test_an_assigned_plan_is_the_clients_own_copy_and_their_maxes_come_along(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    plan = await AssignPlan(uow, clock, Words())(SAM, ALEX, "nsuns-4day")

    assert plan.slug == "nsuns-4day-for-201"
    async with uow:
        active = await uow.athlete_plans.active(ALEX)
        owner = await uow.plans.owner_of(plan.slug)
        maxes = await uow.training_maxes.current(ALEX)
        template = await uow.plans.get("nsuns-4day")
    assert active is not None
    assert (active.plan_slug, active.next_day) == (plan.slug, 1)
    assert owner == ALEX
    assert maxes["squat"].weight == kg("120")
    assert template is not None
    assert template.days == plan.days
    assert await last_outbox(session_factory) == (ALEX, f"Sam assigned {template.name}")
    assert plan.slug not in {info.slug for info in await plans_to_assign(uow, SAM)}


@pytest.mark.usefixtures("alex_on_stronglifts")
async def test_only_the_clients_coach_assigns_and_only_plans_they_can_see(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    assign = AssignPlan(uow, clock, Words())
    for coach, athlete in ((KIM, ALEX), (SAM, MASHA), (ALEX, ALEX)):
        with pytest.raises(NotYourClientError):
            await assign(coach, athlete, "nsuns-4day")
    for slug in ("no-such-plan", "stronglifts-for-201", ""):
        with pytest.raises(UnknownPlanError):
            await assign(SAM, ALEX, slug)
    async with uow:
        active = await uow.athlete_plans.active(ALEX)
    assert active is not None
    assert active.plan_slug == "stronglifts"


@pytest.mark.usefixtures("alex_on_stronglifts")
async def test_a_client_mid_workout_finishes_before_a_new_plan(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    workout = await OpenWorkout(uow, clock)(ALEX)
    await LogSet(uow, clock)(ALEX, workout.id or 0, 0, SetResult())

    with pytest.raises(WorkoutInProgressError):
        await AssignPlan(uow, clock, Words())(SAM, ALEX, "nsuns-4day")


@pytest.mark.usefixtures("alex_on_stronglifts")
async def test_training_maxes_set_by_the_coach_say_so(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await SetClientMaxes(uow, clock, Words())(SAM, ALEX, {"squat": kg("125"), "bench": kg("80")})

    async with uow:
        maxes = await uow.training_maxes.current(ALEX)
    assert (maxes["squat"].weight, maxes["bench"].weight) == (kg("125"), kg("80"))
    assert maxes["squat"].reason.kind == ReasonKind.SET_BY_COACH
    assert dict(maxes["squat"].reason.params) == {"coach": "Sam"}
    assert await last_outbox(session_factory) == (ALEX, "Sam set bench 80 kg, squat 125 kg")
    with pytest.raises(NotYourClientError):
        await SetClientMaxes(uow, clock, Words())(KIM, ALEX, {"squat": kg("200")})


@pytest.mark.usefixtures("alex_on_stronglifts")
async def test_an_assignment_refused_mid_workout_leaves_nothing_behind(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    workout = await OpenWorkout(uow, clock)(ALEX)
    await LogSet(uow, clock)(ALEX, workout.id or 0, 0, SetResult())

    with pytest.raises(WorkoutInProgressError):
        await AssignPlan(uow, clock, Words())(SAM, ALEX, "nsuns-4day")

    async with uow:
        assert await uow.plans.get("nsuns-4day-for-201") is None
    async with session_factory() as session:
        keys = list(await session.scalars(select(OutboxRow.idempotency_key)))
    assert not [key for key in keys if key.startswith("assigned:")]


@pytest.mark.usefixtures("alex_on_stronglifts")
async def test_the_coach_edits_the_clients_copy_and_never_the_template(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    with pytest.raises(NoClientCopyError):  # StrongLifts is the library's, not Alex's copy
        await client_plan_text(uow, SAM, ALEX)
    copy = await AssignPlan(uow, clock, Words())(SAM, ALEX, "stronglifts")
    text = await client_plan_text(uow, SAM, ALEX)
    with pytest.raises(NotYourClientError):
        await client_plan_text(uow, KIM, ALEX)
    name_line = text.splitlines()[0]  # "plan: StrongLifts 5×5"
    edited = text.replace(name_line, name_line + " (coached)", 1)
    editing = EditClientPlan(uow, clock, Words())

    broken = text + "\nsquat 3y5 @ 80%\n"
    with pytest.raises(PlanTextError) as wrong:
        await editing(SAM, ALEX, broken)
    assert wrong.value.errors[0].line == broken.splitlines().index("squat 3y5 @ 80%") + 1
    with pytest.raises(NotYourClientError):
        await editing(KIM, ALEX, edited)
    plan = await editing(SAM, ALEX, edited)

    assert plan.slug == copy.slug
    assert plan.name.endswith("(coached)")
    async with uow:
        template = await uow.plans.get("stronglifts")
        active = await uow.athlete_plans.active(ALEX)
    assert template is not None
    assert not template.name.endswith("(coached)")
    assert active is not None
    assert active.plan_slug == copy.slug
    assert await last_outbox(session_factory) == (ALEX, f"Sam edited {plan.name}")
