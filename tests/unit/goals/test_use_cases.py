"""Goals' use cases on the in-memory fakes: the body's readings as the body context will give
them, a benchmark's times, and the one celebration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.athletes.model import Language, User
from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import parse_score
from domain.goals.model import Goal, GoalStatus
from domain.goals.use_cases.goals import CelebrateGoals, SetGoal, goals_of
from domain.shared.weights import Unit, Weight
from tests.fakes import FixedClock, InMemoryUnitOfWork

ANN = 7
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


class Cheers:
    def __init__(self) -> None:
        self.said: list[str] = []

    def goal_reached(
        self, athlete: User, goal: Goal, current: Decimal, subject_name: str | None
    ) -> str:
        self.said.append(f"{goal.kind} {current}")
        return self.said[-1]


async def athlete() -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    async with uow:
        await uow.users.add(User(ANN, "Ann", None, None, Language.EN, "UTC", NOW))
        await uow.commit()
    return uow


async def weigh(uow: InMemoryUnitOfWork, amount: str) -> None:
    async with uow:
        uow.body_readings.weights[ANN] = Weight(Decimal(amount), Unit.KG)
        await uow.commit()


async def test_a_body_weight_goal_moves_from_the_weight_it_was_set_at() -> None:
    uow, clock, cheers = await athlete(), FixedClock(NOW), Cheers()
    await weigh(uow, "90")
    view = await SetGoal(uow, clock)(ANN, "bodyweight 80 by 2026-06-01")
    assert (view.goal.start, view.progress.fraction) == (Decimal(90), Decimal(0))
    await weigh(uow, "86")
    [shown] = await goals_of(uow, clock, ANN)
    assert shown.progress.fraction == Decimal("0.4")  # (90 − 86) / (90 − 80)
    celebrate = CelebrateGoals(uow, clock, cheers)
    assert await celebrate() == 0
    await weigh(uow, "79.8")
    assert (await celebrate(), await celebrate()) == (1, 0)
    assert cheers.said == ["body_weight 79.8"]
    assert list(uow.outbox.messages) == [f"goal:{view.goal.id}:reached"]


async def test_a_measurement_set_before_any_reading_starts_from_the_first_one() -> None:
    uow, clock = await athlete(), FixedClock(NOW)
    view = await SetGoal(uow, clock)(ANN, "waist 80cm by 2026-06-01")
    assert view.progress.current is None
    async with uow:
        uow.body_readings.measured[(ANN, "waist")] = Decimal(90)
        await uow.commit()
    assert await CelebrateGoals(uow, clock, Cheers())() == 0
    async with uow:
        uow.body_readings.measured[(ANN, "waist")] = Decimal(85)
        await uow.commit()
    [shown] = await goals_of(uow, clock, ANN)
    assert (shown.goal.start, shown.progress.fraction) == (Decimal(90), Decimal("0.5"))


async def test_a_fran_goal_follows_the_fastest_rx_time() -> None:
    uow, clock = await athlete(), FixedClock(NOW)
    fran = benchmark("Fran")
    assert fran is not None

    async def log(typed: str, *, rx: bool, at: datetime) -> None:
        async with uow:
            saved = await uow.conditioning.add_workout(
                SavedWorkout(None, ANN, WorkoutSource.BENCHMARK, fran, at)
            )
            score = parse_score(fran.scheme, typed)
            await uow.conditioning.add_result(LoggedResult(None, ANN, saved.id or 0, score, rx, at))
            await uow.commit()

    await log("5:00", rx=True, at=NOW - timedelta(days=30))
    view = await SetGoal(uow, clock)(ANN, "fran 4:00 by 2026-06-01")
    assert view.goal.start == Decimal(300)
    await log("3:50", rx=False, at=NOW)  # scaled: not the goal's time
    await log("4:30", rx=True, at=NOW)
    [shown] = await goals_of(uow, clock, ANN)
    assert (shown.progress.current, shown.progress.fraction) == (Decimal(270), Decimal("0.5"))
    await log("3:59", rx=True, at=NOW)
    assert await CelebrateGoals(uow, clock, Cheers())() == 1
    [done] = await goals_of(uow, clock, ANN)
    assert done.goal.status == GoalStatus.COMPLETED
