"""The weekly summary counts conditioning days as sessions and lists the week's results (#12)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.athletes.model import Language, User
from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import parse_score
from domain.conditioning.text import parse_workout
from domain.conditioning.workout import Workout as ConditioningWorkout
from domain.plans.model import BodyRegion, Exercise
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.series import weekly_summary
from domain.progress.use_cases.weekly_summary import SummariseWeek
from domain.shared.weights import Unit, Weight
from domain.training.model import LoggedSet
from handlers.common.i18n import Catalogue
from handlers.progress import texts
from tests.fakes import FixedClock, InMemoryUnitOfWork

UTC_ZONE = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")
EN = Catalogue.load().translator(Language.EN)
RU = Catalogue.load().translator(Language.RU)
SQUAT = Exercise("squat", "Squat", "legs", "main", BodyRegion.LOWER)
BENCH = Exercise("bench", "Bench press", "chest", "main", BodyRegion.UPPER)
LIBRARY = {e.slug: e for e in (SQUAT, BENCH)}
WEEK = date(2026, 3, 2)  # a Monday
ATHLETE = 1001


def at(day: int, hour: int = 18, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def named(name: str) -> ConditioningWorkout:
    workout = benchmark(name)
    assert workout is not None
    return workout


def lifted(exercise: str, amount: str, reps: int, started: datetime, workout: int) -> LoggedSet:
    weight = Weight(Decimal(amount), Unit.KG)
    return LoggedSet(workout, started, exercise, weight, reps, started + timedelta(minutes=10))


def result(
    workout: ConditioningWorkout, typed: str, when: datetime, *, rx: bool = True
) -> tuple[LoggedResult, SavedWorkout]:
    saved = SavedWorkout(1, ATHLETE, WorkoutSource.PASTED, workout, when)
    score = parse_score(workout.scheme, typed)
    return LoggedResult(1, ATHLETE, 1, score, rx, when), saved


AMRAP_12 = parse_workout("AMRAP 12: 5 pull-up, 10 push-up, 15 air-squat")
FOR_TIME = parse_workout("For time, 21-15-9: thruster 43/29kg, pull-up")
THREE_ROUNDS = parse_workout("3 rounds for time: 400 m run, 21 kb-swing 24/16kg, 12 pull-up")


def test_a_conditioning_only_day_is_a_session_and_a_metcon_after_lifting_is_not_a_second_one():
    sets = [
        lifted("squat", "100", 5, at(2), 10),  # Monday: lifting
        lifted("bench", "80", 5, at(5), 11),  # Thursday: lifting
    ]
    history = [  # heavier before: no PRs this week
        lifted("squat", "150", 1, at(20, month=2), 1),
        lifted("bench", "80", 5, at(21, month=2), 2),
    ]
    conditioning = [
        result(named("Cindy"), "20+5", at(1, 18)),  # the Sunday before: not this week
        result(named("Fran"), "4:22", at(4, 7)),  # Wednesday, nothing else: a session
        result(AMRAP_12, "7+3", at(5, 19, 30), rx=False),  # Thursday, after lifting: same session
        result(named("Grace"), "2:45", at(9, 7)),  # next Monday: not this week
    ]

    summary = weekly_summary(
        WEEK,
        sets,
        history,
        {},
        LIBRARY,
        zone=UTC_ZONE,
        planned_per_week=4,
        conditioning=conditioning,
    )

    # Monday's and Thursday's workouts, and Wednesday's Fran: 3 of 4
    assert (summary.sessions_done, summary.sessions_planned) == (3, 4)
    assert [(wod.day, wod.workout.name) for wod in summary.conditioning] == [
        (date(2026, 3, 4), "Fran"),
        (date(2026, 3, 5), ""),
    ]
    assert texts.weekly_summary_lines(EN, summary) == (
        "🗓 3 of 4 sessions this week",
        "🔥 2 conditioning workouts: Fran 4:22 Rx; AMRAP 12 7+3 scaled",
        "🏆 No PRs this week",
        "📈 Training maxes unchanged",
    )
    assert texts.weekly_summary_lines(RU, summary)[1] == (
        "🔥 Кондиция, 2 комплекса: Fran 4:22 Rx; AMRAP 12 7+3 scaled"
    )


def test_a_week_of_conditioning_only_counts_its_days_and_shows_three_results_and_how_many_more():
    conditioning = [
        result(named("Cindy"), "20+5", at(2, 7)),
        result(FOR_TIME, "6:30", at(2, 18), rx=False),  # Monday again: still one session
        result(THREE_ROUNDS, "11:02", at(3)),
        result(named("Grace"), "2:45", at(4)),
    ]

    summary = weekly_summary(
        WEEK, [], [], {}, LIBRARY, zone=UTC_ZONE, planned_per_week=None, conditioning=conditioning
    )

    assert summary.sessions_done == 3  # Monday, Tuesday, Wednesday
    assert texts.weekly_summary_lines(EN, summary) == (
        "🗓 3 sessions this week",
        "🔥 4 conditioning workouts: Cindy 20+5 Rx; For time, 21-15-9 6:30 scaled;"
        " 3 rounds for time 11:02 Rx and 1 more",
        "🏆 No PRs this week",
        "📈 Training maxes unchanged",
    )


def test_a_result_belongs_to_the_athletes_local_day_and_a_load_is_shown_in_their_unit():
    ladder = parse_workout("name: C&J ladder\nEMOM 10: 1 clean-and-jerk\nscore: load")
    # Sunday 23:30 UTC is Monday 00:30 in Berlin (UTC+1 in March before the 29th)
    conditioning = [result(ladder, "100 kg", at(1, 23, 30))]

    summary = weekly_summary(
        WEEK,
        [],
        [],
        {},
        LIBRARY,
        zone=BERLIN,
        planned_per_week=3,
        conditioning=conditioning,
        unit=Unit.LB,
    )

    assert [wod.day for wod in summary.conditioning] == [date(2026, 3, 2)]
    # 100 kg = 100 / 0.45359237 lb = 220.462 lb; the name is the athlete's, escaped
    assert texts.weekly_summary_lines(EN, summary)[:2] == (
        "🗓 1 of 3 sessions this week",
        "🔥 1 conditioning workout: C&amp;J ladder 220.462 lb Rx",
    )


async def test_summarise_week_reads_the_weeks_conditioning_results():
    clock = FixedClock(at(5, 9))
    uow = InMemoryUnitOfWork()
    await install_builtin_programs(uow)
    async with uow:
        await uow.users.add(
            User(ATHLETE, "Ann", None, None, Language.EN, "UTC", at(1, month=1), unit=Unit.LB)
        )
        fran = await uow.conditioning.add_workout(
            SavedWorkout(None, ATHLETE, WorkoutSource.BENCHMARK, named("Fran"), at(1, month=1))
        )
        for when, typed in ((at(27, month=2), "5:01"), (at(3), "4:22")):  # last week, this week
            score = parse_score(fran.workout.scheme, typed)
            await uow.conditioning.add_result(
                LoggedResult(None, ATHLETE, fran.id or 0, score, True, when)
            )
        await uow.commit()

    summary = await SummariseWeek(uow, clock)(ATHLETE)

    assert (summary.week, summary.sessions_done, summary.unit) == (WEEK, 1, Unit.LB)
    assert texts.weekly_summary_lines(EN, summary) == (
        "🗓 1 session this week",
        "🔥 1 conditioning workout: Fran 4:22 Rx",
        "🏆 No PRs this week",
        "📈 Training maxes unchanged",
    )
