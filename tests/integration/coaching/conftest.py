"""Coaches and athletes for coaching's storage tests, and the steps they share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile, User
from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.compliance import DigestLine
from domain.coaching.model import WeekLine
from domain.coaching.use_cases.invites import AcceptInvite, BecomeCoach, CreateInvite
from domain.coaching.videos import ShownSet, TimedNote
from domain.plans.use_cases.install import install_builtin_programs
from domain.shared.weights import Weight
from domain.training.model import Workout
from domain.training.progression import Proposal, ProposalDecision
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

SAM, KIM = 101, 102  # coaches
ALEX, MASHA = 201, 202  # athletes
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


class Words:
    def client_joined(self, coach: User, client: User) -> str:
        return f"{client.first_name} joined {coach.first_name}"

    def coaching_ended(self, recipient: User, other: User, *, by_client: bool) -> str:
        return f"{other.first_name} ended it ({'client' if by_client else 'coach'})"

    def plan_assigned(self, client: User, coach: User, plan_name: str) -> str:
        return f"{coach.first_name} assigned {plan_name}"

    def plan_edited(self, client: User, coach: User, plan_name: str) -> str:
        return f"{coach.first_name} edited {plan_name}"

    def maxes_set(self, client: User, coach: User, maxes: dict[str, Weight]) -> str:
        return f"{coach.first_name} set " + ", ".join(f"{k} {v}" for k, v in sorted(maxes.items()))

    def workout_done(self, coach: User, client: User, workout: Workout) -> str:
        done = sum(1 for s in workout.sets if s.done is not None)
        return f"{client.first_name} did {workout.day_name}: {done}/{len(workout.sets)}"

    def relayed(self, recipient: User, sender: User, text: str, *, from_coach: bool) -> str:
        return f"{sender.first_name}{' (coach)' if from_coach else ''}: {text}"

    def video_sent(self, coach: User, client: User, shown: ShownSet, *, again: bool) -> str:
        lift = shown.set.prescribed.display_name
        return f"video {client.first_name} {lift}{' again' if again else ''}"

    def feedback(self, athlete: User, coach: User, shown: ShownSet | None, remarks: str) -> str:
        return f"feedback {coach.first_name}: {remarks}"

    def timed_note(self, athlete: User, note: TimedNote) -> str:
        return f"{note.at} {note.text}"

    def revision_asked(self, athlete: User, coach: User, shown: ShownSet | None) -> str:
        return f"again {coach.first_name}"

    def proposed(self, coach: User, client: User, proposal: Proposal) -> str:
        change = proposal.change
        return f"{client.first_name}: {change.exercise} {change.old} -> {change.new}?"

    def decided(
        self, client: User, coach: User, proposal: Proposal, decision: ProposalDecision
    ) -> str:
        return f"{coach.first_name} {decision} {proposal.change.exercise}"

    def weekly_digest(self, coach: User, sunday: date, lines: Sequence[WeekLine]) -> list[str]:
        shown = [
            f"{line.number}. {line.client.first_name} {line.summary.sessions_done}"
            for line in lines
        ]
        return [f"week of {sunday}", *shown]  # a part per line: parts are tested too

    def morning_digest(self, coach: User, lines: Sequence[DigestLine]) -> list[str]:
        return [
            "; ".join(
                f"{line.client.first_name} dropped={line.attention.dropped} "
                f"quiet={line.attention.quiet} videos={line.videos_waiting} "
                f"unanswered={line.unanswered_since is not None}"
                for line in lines
            )
        ]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def uow(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> SqlUnitOfWork:
    work = SqlUnitOfWork(session_factory, clock)
    await install_builtin_programs(work)
    for user_id, name in ((SAM, "Sam"), (KIM, "Kim"), (ALEX, "Alex"), (MASHA, "Маша")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    await BecomeCoach(work, clock)(SAM)
    await BecomeCoach(work, clock)(KIM)
    return work


async def invite(uow: SqlUnitOfWork, clock: FixedClock, coach: int, *, multi: bool = False) -> str:
    _, payload = await CreateInvite(uow, clock)(coach, multi_use=multi)
    return payload


async def accept(
    uow: SqlUnitOfWork, clock: FixedClock, payload: str, athlete: int, *, replace: bool = False
) -> None:
    await AcceptInvite(uow, clock, Words())(payload, athlete, replace=replace)
