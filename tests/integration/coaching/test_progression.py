"""Progression the coach approves (SQLite and PostgreSQL): a client's training-max change waits
for their coach, who alone keeps, declines or replaces it."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.use_cases.invites import LeaveCoach, NotYourClientError
from domain.coaching.use_cases.progression import (
    AlreadyDecidedError,
    DecideProposal,
    OutOfDateError,
    ProposeChanges,
    SetProgressionMode,
)
from domain.plans.rules.reasons import PLAN_START, Reason, ReasonKind
from domain.shared.weights import Unit, Weight
from domain.training.model import TrainingMax
from domain.training.progression import Proposal, ProposalDecision, TrainingMaxChange
from domain.training.use_cases.logging import OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, SAM, Words, accept, invite


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


async def proposed(uow: SqlUnitOfWork, clock: FixedClock, exercise: str, new: str) -> int:
    """A change progression proposed for Alex after a workout, as FinishWorkout stores it."""
    workout = await OpenWorkout(uow, clock)(ALEX)
    async with uow:
        old = (await uow.training_maxes.current(ALEX))[exercise].weight
        change = TrainingMaxChange(
            exercise,
            exercise.title(),
            old,
            kg(new),
            kg(new).amount - old.amount,
            Reason.of(ReasonKind.SET_BY_COACH, coach="plan"),
        )
        stored = await uow.proposals.add(
            Proposal(None, ALEX, workout.id or 0, change, clock.current)
        )
        await uow.workouts.finish(workout.id or 0, clock.current)
        await uow.commit()
    return stored.id or 0


async def queued(
    session_factory: async_sessionmaker[AsyncSession], chat: int
) -> list[tuple[str, str | None, object]]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(OutboxRow).where(OutboxRow.chat_id == chat).order_by(OutboxRow.id)
        )
        return [
            (r.idempotency_key, r.text, json.loads(r.buttons) if r.buttons else None)
            for r in rows
            if r.idempotency_key.startswith("proposal:")
        ]


async def test_a_proposed_change_reaches_the_coach_once_and_only_they_decide_it(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    async with uow:
        await uow.training_maxes.add(ALEX, _tm("squat", "100", clock))
        await uow.training_maxes.add(ALEX, _tm("bench", "80", clock))
        await uow.commit()
    with pytest.raises(NotYourClientError):
        await SetProgressionMode(uow, clock)(KIM, ALEX, approve=True)
    await SetProgressionMode(uow, clock)(SAM, ALEX, approve=True)
    squat = await proposed(uow, clock, "squat", "105")
    bench = await proposed(uow, clock, "bench", "82.5")

    assert await ProposeChanges(uow, clock, Words())() == 2
    assert await ProposeChanges(uow, clock, Words())() == 0  # once
    [(key, text, buttons), _] = await queued(session_factory, SAM)
    assert (key, text) == (f"proposal:{squat}", "Alex: squat 100 kg -> 105 kg?")
    assert [b["action"] for b in buttons[0]] == [  # type: ignore[index]
        "keep_proposal",
        "decline_proposal",
        "edit_proposal",
    ]

    deciding = DecideProposal(uow, clock, Words())
    with pytest.raises(NotYourClientError):  # another coach, by a forged button
        await deciding(KIM, squat, ProposalDecision.KEPT)
    with pytest.raises(NotYourClientError):  # no such proposal
        await deciding(SAM, 999_999, ProposalDecision.KEPT)
    await deciding(SAM, squat, ProposalDecision.KEPT)
    await deciding(SAM, bench, ProposalDecision.DECLINED)
    with pytest.raises(AlreadyDecidedError):  # pressed again
        await deciding(SAM, squat, ProposalDecision.DECLINED)

    async with uow:
        maxes = await uow.training_maxes.current(ALEX)
    assert (maxes["squat"].weight, maxes["bench"].weight) == (kg("105"), kg("80"))
    told = [text for key, text, _ in await queued(session_factory, ALEX)]
    assert told == ["Sam kept squat", "Sam declined bench"]


async def test_a_change_the_training_max_has_moved_past_is_never_kept(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    async with uow:
        await uow.training_maxes.add(ALEX, _tm("bench", "100", clock))
        await uow.commit()
    await SetProgressionMode(uow, clock)(SAM, ALEX, approve=True)
    older = await proposed(uow, clock, "bench", "102.5")
    newer = await proposed(uow, clock, "bench", "102.5")
    deciding = DecideProposal(uow, clock, Words())
    await deciding(SAM, newer, ProposalDecision.KEPT)  # 100 → 102.5

    with pytest.raises(OutOfDateError) as stale:  # 100 → 102.5, proposed when it was 100
        await deciding(SAM, older, ProposalDecision.KEPT)

    assert stale.value.current is not None
    assert stale.value.current.weight == kg("102.5")
    async with uow:
        assert (await uow.training_maxes.current(ALEX))["bench"].weight == kg("102.5")
        waiting = await uow.proposals.get(older)
    assert waiting is not None
    assert waiting.decision == ProposalDecision.DECLINED


async def test_when_the_coaching_ends_changes_are_made_as_they_come_again(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    async with uow:
        await uow.training_maxes.add(ALEX, _tm("squat", "100", clock))
        await uow.commit()
    await SetProgressionMode(uow, clock)(SAM, ALEX, approve=True)
    waiting = await proposed(uow, clock, "squat", "105")

    await LeaveCoach(uow, clock, Words())(ALEX)

    async with uow:
        assert not await uow.proposals.approval_required(ALEX)
        left = await uow.proposals.get(waiting)
    assert left is not None
    assert left.decision == ProposalDecision.DECLINED  # nobody is left to decide it
    with pytest.raises(NotYourClientError):  # the former coach decides nothing any more
        await DecideProposal(uow, clock, Words())(SAM, waiting, ProposalDecision.KEPT)
    clock.current += timedelta(minutes=1)
    await accept(uow, clock, await invite(uow, clock, KIM), ALEX)
    with pytest.raises(NotYourClientError):  # nor does the next one, of a change before them
        await DecideProposal(uow, clock, Words())(KIM, waiting, ProposalDecision.KEPT)
    assert await ProposeChanges(uow, clock, Words())() == 0


def _tm(exercise: str, amount: str, clock: FixedClock) -> TrainingMax:
    return TrainingMax(exercise, kg(amount), clock.current, PLAN_START)
