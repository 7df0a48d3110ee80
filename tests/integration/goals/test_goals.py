"""Goals follow what is logged, are celebrated once; assessments only for the current coach."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from domain.athletes.model import User
from domain.body.use_cases.entries import LogBody
from domain.goals.model import AssessmentPrompt, Goal, GoalKind, GoalStatus
from domain.goals.text import GoalError, GoalProblem
from domain.goals.use_cases.assessments import (
    NotYourClientError,
    RecordAssessment,
    client_assessments,
    my_assessments,
    prompt_of,
    remember_prompt,
)
from domain.goals.use_cases.goals import (
    CelebrateGoals,
    ChangeGoal,
    SetGoal,
    UnknownGoalError,
    goals_of,
)
from domain.shared.weights import Unit, Weight
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.core.tables import Base
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, accept, invite


class Cheers:
    def goal_reached(
        self, athlete: User, goal: Goal, current: Decimal, subject_name: str | None
    ) -> str:
        return f"{athlete.first_name} reached {subject_name} {current}"


async def squat(uow: SqlUnitOfWork, clock: FixedClock, amount: str, reps: int) -> None:
    """Logs one squat work set in the open workout (opening one if needed)."""
    workout = await OpenWorkout(uow, clock)(ALEX)
    position = next(
        s.prescribed.position
        for s in workout.sets
        if s.prescribed.exercise == "squat" and not s.prescribed.warmup and s.done is None
    )
    weight = Weight(Decimal(amount), Unit.KG)
    await LogSet(uow, clock)(ALEX, workout.id or 0, position, SetResult(weight, reps))


async def outbox_keys(uow: SqlUnitOfWork) -> list[str]:
    async with uow:
        session = uow._active_session
        return list(
            await session.scalars(
                text("SELECT idempotency_key FROM outbox ORDER BY idempotency_key")
            )
        )


async def test_a_squat_e1rm_goal_follows_the_sets_and_is_celebrated_once(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await squat(uow, clock, "100", 5)  # Epley: 100 × (1 + 5/30) = 116.67
    view = await SetGoal(uow, clock)(ALEX, "squat e1rm 130 by 2026-06-01")
    assert (view.goal.kind, view.progress.current) == (GoalKind.E1RM, Decimal(100) * 35 / 30)
    celebrate = CelebrateGoals(uow, clock, Cheers())
    assert await celebrate() == 0

    await squat(uow, clock, "120", 3)  # 120 × (1 + 3/30) = 132: past 130
    assert await celebrate() == 1
    assert await celebrate() == 0  # once
    [shown] = await goals_of(uow, clock, ALEX)
    assert (shown.goal.status, shown.progress.reached) == (GoalStatus.COMPLETED, True)
    assert await outbox_keys(uow) == [f"goal:{shown.goal.id}:reached"]


async def test_a_goal_already_met_is_refused_and_nothing_is_kept(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await squat(uow, clock, "100", 1)
    with pytest.raises(GoalError) as raised:
        await SetGoal(uow, clock)(ALEX, "squat 90 by 2026-06-01")
    assert raised.value.problem == GoalProblem.REACHED
    assert await goals_of(uow, clock, ALEX) == []


async def test_an_unknown_lift_and_a_past_date_are_named(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    for typed, problem in (
        ("curtsy lunge 90 by 2026-06-01", GoalProblem.UNKNOWN_LIFT),
        ("squat 90 by 2026-03-01", GoalProblem.PAST),
    ):
        with pytest.raises(GoalError) as raised:
            await SetGoal(uow, clock)(ALEX, typed)
        assert raised.value.problem == problem


async def test_twenty_open_goals_are_the_most_an_athlete_keeps(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    for _ in range(20):
        await SetGoal(uow, clock)(ALEX, "sessions 3 by 2026-06-01")
    with pytest.raises(GoalError) as raised:
        await SetGoal(uow, clock)(ALEX, "sessions 4 by 2026-06-01")
    assert raised.value.problem == GoalProblem.TOO_MANY
    assert len(await goals_of(uow, clock, ALEX)) == 20


async def test_a_paused_goal_is_not_celebrated_and_only_its_athlete_may_pause_it(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    view = await SetGoal(uow, clock)(ALEX, "squat 110 by 2026-06-01")
    goal_id = view.goal.id or 0
    with pytest.raises(UnknownGoalError):
        await ChangeGoal(uow, clock)(MASHA, goal_id, paused=True)
    await ChangeGoal(uow, clock)(ALEX, goal_id, paused=True)
    await squat(uow, clock, "115", 1)
    assert await CelebrateGoals(uow, clock, Cheers())() == 0
    resumed = await ChangeGoal(uow, clock)(ALEX, goal_id, paused=False)
    assert resumed.progress.reached
    assert await CelebrateGoals(uow, clock, Cheers())() == 1


async def test_sessions_this_week_count_training_days(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    view = await SetGoal(uow, clock)(ALEX, "sessions 2 by 2026-06-01")
    assert view.progress.current == 0
    await squat(uow, clock, "60", 5)
    [shown] = await goals_of(uow, clock, ALEX)
    assert (shown.progress.current, shown.progress.fraction) == (Decimal(1), Decimal("0.5"))


async def test_a_body_weight_goal_follows_the_weights_logged_in_body(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    view = await SetGoal(uow, clock)(ALEX, "bodyweight 80 by 2026-06-01")
    assert (view.progress.current, view.goal.start) == (None, None)  # nothing weighed yet
    await LogBody(uow, clock)(ALEX, "90")
    [shown] = await goals_of(uow, clock, ALEX)
    assert shown.progress.current == Decimal(90)
    await CelebrateGoals(uow, clock, Cheers())()  # the minute's job keeps 90 kg as the start
    clock.current += timedelta(days=1)
    await LogBody(uow, clock)(ALEX, "86\nwaist 81")
    [shown] = await goals_of(uow, clock, ALEX)
    # from the first reading, 90 kg, towards 80 kg: 4 of the 10 kg are gone
    assert (shown.progress.current, shown.progress.fraction) == (Decimal(86), Decimal("0.4"))


async def test_a_waist_goal_reads_the_latest_waist_logged(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await LogBody(uow, clock)(ALEX, "waist 84")
    view = await SetGoal(uow, clock)(ALEX, "waist 80cm by 2026-06-01")
    assert (view.goal.start, view.progress.current) == (Decimal(84), Decimal(84))


async def test_assessments_reach_the_client_and_their_coach_and_no_other_coach(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    entry = await RecordAssessment(uow, clock)(SAM, ALEX, "squat 5RM 100", "knees cave")
    assert entry.day == clock.now().date()
    with pytest.raises(NotYourClientError):
        await RecordAssessment(uow, clock)(KIM, ALEX, "forged")
    with pytest.raises(NotYourClientError):
        await client_assessments(uow, KIM, ALEX)
    assert [a.tests for a in await client_assessments(uow, SAM, ALEX)] == ["squat 5RM 100"]
    assert [a.notes for a in await my_assessments(uow, ALEX)] == ["knees cave"]
    assert await my_assessments(uow, MASHA) == []

    prompt = AssessmentPrompt(SAM, 77, SAM, ALEX)
    await remember_prompt(uow, clock, prompt)
    assert await prompt_of(uow, SAM, SAM, 77) == prompt
    assert await prompt_of(uow, KIM, SAM, 77) is None  # a reply is the prompted coach's only


def test_every_new_table_names_its_athlete_for_export_and_erasure() -> None:
    for name in ("goals", "assessments", "assessment_prompts", "checkins", "checkin_days"):
        column = Base.metadata.tables[name].c.athlete_id
        [key] = column.foreign_keys
        assert (key.target_fullname, key.ondelete) == ("users.telegram_id", "CASCADE")
