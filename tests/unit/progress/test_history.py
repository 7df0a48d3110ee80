"""The history use cases: listing finished workouts and fixing a set, with in-memory storage."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.preferences import ChooseUnits
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.use_cases.history import (
    PAGE_SIZE,
    CorrectSet,
    ListHistory,
    NoSuchSetError,
    PastWorkout,
    PastWorkoutNotFoundError,
    ShowPastWorkout,
)
from domain.shared.errors import NotRegisteredError
from domain.shared.weights import Unit, Weight
from domain.training.model import SetResult, Workout
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout, SkipSet
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from handlers.common.i18n import Catalogue
from handlers.common.texts import day_text
from handlers.progress import history_texts as texts
from tests.fakes import FixedClock, InMemoryUnitOfWork

EN = Catalogue.load().translator(Language.EN)

ANN, BOB = 1001, 1002
Setup = tuple[InMemoryUnitOfWork, FixedClock]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


async def athlete_on_nsuns(uow: InMemoryUnitOfWork, clock: FixedClock, athlete: int) -> None:
    await RegisterUser(uow, clock)(Profile(athlete, f"Athlete {athlete}"))
    await ChooseUnits(uow)(athlete, Unit.KG)
    await StartPlan(uow, clock)(athlete, "nsuns-4day")
    await SetTrainingMaxes(uow, clock)(
        athlete,
        {"bench": kg("100"), "squat": kg("126"), "ohp": kg("60"), "deadlift": kg("180")},
        one_rep_maxes=False,
    )


async def train_a_day(
    uow: InMemoryUnitOfWork, clock: FixedClock, athlete: int = ANN, *, skip_last: bool = False
) -> Workout:
    """Logs the next day as prescribed (the last set skipped if asked), finished an hour later."""
    workout = await OpenWorkout(uow, clock)(athlete)
    workout_id = workout.id or 0
    for s in workout.sets[:-1] if skip_last else workout.sets:
        await LogSet(uow, clock)(athlete, workout_id, s.prescribed.position, SetResult())
    if skip_last:
        await SkipSet(uow)(athlete, workout_id, None)
    clock.current += timedelta(hours=1)
    summary = await FinishWorkout(uow, clock)(athlete, workout_id)
    clock.current += timedelta(days=1)
    async with uow:
        stored = await uow.workouts.get(workout_id)
    assert stored is not None
    assert stored.finished_at == summary.workout.finished_at
    return stored


@pytest.fixture
async def setup() -> Setup:
    uow, clock = InMemoryUnitOfWork(), FixedClock()
    await install_builtin_programs(uow)
    await athlete_on_nsuns(uow, clock, ANN)
    await athlete_on_nsuns(uow, clock, BOB)
    return uow, clock


async def stored(uow: InMemoryUnitOfWork, workout_id: int) -> Workout:
    async with uow:
        workout = await uow.workouts.get(workout_id)
    assert workout is not None
    return workout


async def test_history_lists_five_finished_workouts_a_page_newest_first(setup: Setup) -> None:
    uow, clock = setup
    days = [await train_a_day(uow, clock) for _ in range(7)]
    await OpenWorkout(uow, clock)(ANN)  # open, so not history yet

    first = await ListHistory(uow, clock)(ANN)
    second = await ListHistory(uow, clock)(ANN, page=1)

    assert [p.id for p in first.workouts] == [w.id for w in reversed(days[2:])]
    assert len(first.workouts) == PAGE_SIZE
    assert (first.has_previous, first.has_next) == (False, True)
    assert [p.id for p in second.workouts] == [days[1].id, days[0].id]
    assert (second.has_previous, second.has_next) == (True, False)


async def test_a_page_past_the_end_falls_back_to_the_first(setup: Setup) -> None:
    uow, clock = setup
    only = await train_a_day(uow, clock)

    page = await ListHistory(uow, clock)(ANN, page=3)

    assert page.page == 0
    assert [p.id for p in page.workouts] == [only.id]


async def test_history_holds_only_the_athletes_own_workouts(setup: Setup) -> None:
    uow, clock = setup
    await train_a_day(uow, clock, BOB)

    page = await ListHistory(uow, clock)(ANN)

    assert page.workouts == ()
    assert not page.has_next


async def test_the_day_of_a_workout_is_the_athletes_local_day(setup: Setup) -> None:
    uow, clock = setup
    await SetTimeZone(uow)(ANN, "Asia/Tokyo")
    clock.current = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 05:00 on 3 March in Tokyo
    await train_a_day(uow, clock)

    page = await ListHistory(uow, clock)(ANN)

    assert page.workouts[0].day == date(2026, 3, 3)
    assert page.workouts[0].sets_done == 17


async def test_history_of_someone_who_never_started_is_refused() -> None:
    uow, clock = InMemoryUnitOfWork(), FixedClock()

    with pytest.raises(NotRegisteredError):
        await ListHistory(uow, clock)(ANN)


async def test_fixing_a_set_changes_that_set_and_no_other(setup: Setup) -> None:
    uow, clock = setup
    workout = await train_a_day(uow, clock)
    before = workout.sets[2]

    correction = await CorrectSet(uow, clock)(ANN, workout.id or 0, 2, SetResult(kg("77.5"), 6))

    after = await stored(uow, workout.id or 0)
    assert after.sets[2].done is not None
    assert (after.sets[2].done.weight, after.sets[2].done.reps) == (kg("77.5"), 6)
    assert after.sets[2].done.logged_at == (before.done.logged_at if before.done else None)
    assert after.sets[:2] == workout.sets[:2]
    assert after.sets[3:] == workout.sets[3:]
    assert after.finished_at == workout.finished_at
    assert correction.before == before
    assert correction.after == after.sets[2]
    assert correction.past.workout == after


async def test_reps_alone_are_at_the_prescribed_weight(setup: Setup) -> None:
    uow, clock = setup
    workout = await train_a_day(uow, clock)
    prescribed = workout.sets[0].prescribed

    await CorrectSet(uow, clock)(ANN, workout.id or 0, 0, SetResult(kg("90"), 3))
    await CorrectSet(uow, clock)(ANN, workout.id or 0, 0, SetResult(reps=5))

    done = (await stored(uow, workout.id or 0)).sets[0].done
    assert done is not None
    assert (done.weight, done.reps) == (prescribed.weight, 5)


async def test_a_skipped_set_fixed_as_prescribed_is_logged_now(setup: Setup) -> None:
    uow, clock = setup
    workout = await train_a_day(uow, clock, skip_last=True)
    last = workout.sets[-1]
    assert last.skipped

    await CorrectSet(uow, clock)(ANN, workout.id or 0, last.prescribed.position, SetResult())

    fixed = (await stored(uow, workout.id or 0)).sets[-1]
    assert not fixed.skipped
    assert fixed.done is not None
    assert (fixed.done.weight, fixed.done.reps) == (last.prescribed.weight, last.prescribed.reps)
    assert fixed.done.logged_at == clock.now()


async def test_fixing_a_set_does_not_rerun_progression(setup: Setup) -> None:
    uow, clock = setup
    await train_a_day(uow, clock)
    day2 = await train_a_day(uow, clock)
    async with uow:
        maxes_before = await uow.training_maxes.current(ANN)
    amrap = next(s for s in day2.sets if s.prescribed.drives_progression)

    await CorrectSet(uow, clock)(ANN, day2.id or 0, amrap.prescribed.position, SetResult(reps=9))

    async with uow:
        assert await uow.training_maxes.current(ANN) == maxes_before


async def test_nobody_can_fix_or_see_another_athletes_workout(setup: Setup) -> None:
    uow, clock = setup
    bobs = await train_a_day(uow, clock, BOB)
    commits = uow.commits

    with pytest.raises(PastWorkoutNotFoundError):
        await CorrectSet(uow, clock)(ANN, bobs.id or 0, 0, SetResult(reps=1))
    with pytest.raises(PastWorkoutNotFoundError):
        await ShowPastWorkout(uow)(ANN, bobs.id or 0)

    assert uow.commits == commits
    assert await stored(uow, bobs.id or 0) == bobs


async def test_an_open_workout_is_not_fixed_through_history(setup: Setup) -> None:
    uow, clock = setup
    workout = await OpenWorkout(uow, clock)(ANN)

    with pytest.raises(PastWorkoutNotFoundError):
        await CorrectSet(uow, clock)(ANN, workout.id or 0, 0, SetResult(reps=1))

    assert (await stored(uow, workout.id or 0)).sets[0].is_open


async def test_a_workout_id_that_does_not_exist_is_not_found(setup: Setup) -> None:
    uow, clock = setup

    with pytest.raises(PastWorkoutNotFoundError):
        await CorrectSet(uow, clock)(ANN, 999, 0, SetResult())


@pytest.mark.parametrize("position", [-1, 17, 10_000])
async def test_a_set_the_workout_does_not_have_changes_nothing(setup: Setup, position: int) -> None:
    uow, clock = setup
    workout = await train_a_day(uow, clock)
    commits = uow.commits

    with pytest.raises(NoSuchSetError):
        await CorrectSet(uow, clock)(ANN, workout.id or 0, position, SetResult(reps=1))

    assert uow.commits == commits
    assert await stored(uow, workout.id or 0) == workout


async def test_showing_a_past_workout_gives_its_sets_and_local_day(setup: Setup) -> None:
    uow, clock = setup
    workout = await train_a_day(uow, clock, skip_last=True)

    past = await ShowPastWorkout(uow)(ANN, workout.id or 0)

    assert past.workout == workout
    assert past.day == date(2026, 3, 2)
    assert past.sets_done == 16


async def test_names_from_a_plan_are_escaped_in_the_workout_but_not_on_its_button(
    setup: Setup,
) -> None:
    uow, clock = setup
    workout = await train_a_day(uow, clock, skip_last=True)
    first = workout.sets[0]
    odd = replace(
        workout,
        day_name="Legs & <b>",
        sets=(replace(first, prescribed=replace(first.prescribed, display_name="<i>Bench")),),
    )
    past = PastWorkout(odd, date(2025, 12, 29))

    shown = texts.workout_text(EN, past)

    assert "Legs &amp; &lt;b&gt;" in shown
    assert "1. T1 &lt;i&gt;Bench 1/9: 65 kg × 8 → 65 kg × 8" in shown
    assert texts.entry_line(EN, past, today=date(2026, 3, 2)) == (
        "Mon 29 Dec 2025 · Day 1 · Legs & <b> · 1/1 sets"
    )
    assert day_text(EN, date(2026, 3, 2), today=date(2026, 12, 31)) == "Mon 2 Mar"
