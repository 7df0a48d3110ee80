"""Progress series and the weekly summary, against numbers worked out by hand (Epley)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from domain.athletes.model import Language, User
from domain.plans.model import BodyRegion, Exercise, Tier
from domain.plans.rules.reasons import note
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.series import (
    Progress,
    TrainingCalendar,
    lift_progress,
    months_back,
    training_calendar,
    weekly_summary,
    weekly_volume,
)
from domain.progress.use_cases.progress import ShowProgress
from domain.progress.use_cases.weekly_summary import SummariseWeek
from domain.shared.e1rm import E1rmFormula
from domain.shared.errors import NotRegisteredError
from domain.shared.weights import Unit, Weight
from domain.training.model import (
    DoneSet,
    LoggedSet,
    PrescribedSet,
    TrainingMax,
    Workout,
    WorkoutSet,
)
from domain.training.records import RecordKind, WeightRecord
from handlers.common.i18n import Catalogue
from handlers.progress import texts
from tests.fakes import FixedClock, InMemoryUnitOfWork

UTC_ZONE = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")
EN = Catalogue.load().translator(Language.EN)
SQUAT = Exercise("squat", "Squat", "legs", "main", BodyRegion.LOWER)
BENCH = Exercise("bench", "Bench press", "chest", "main", BodyRegion.UPPER)
ROW = Exercise("dumbbell_row", "Dumbbell row", "back", "accessory", BodyRegion.UPPER)
LIBRARY = {e.slug: e for e in (SQUAT, BENCH, ROW)}


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def at(day: int, hour: int = 18, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def done(amount: str, reps: int, when: datetime, exercise: str = "squat") -> LoggedSet:
    """A set, alone in a workout that started when it was logged."""
    return LoggedSet(int(when.timestamp()), when, exercise, kg(amount), reps, when)


def logged(exercise: str, amount: str, reps: int, started: datetime, workout: int = 1) -> LoggedSet:
    return LoggedSet(workout, started, exercise, kg(amount), reps, started + timedelta(minutes=10))


def test_each_day_plots_its_best_epley_estimate_and_a_record_only_when_it_beats_every_earlier_day():
    sets = [
        done("100", 5, at(2)),  # 100 × 35/30 = 116.67
        done("110", 3, at(2)),  # 110 × 33/30 = 121: the day's best, the baseline
        done("120", 1, at(4)),  # 120: below 121, no record
        done("105", 8, at(6)),  # 105 × 38/30 = 133: a record
        done("133", 1, at(9)),  # equals 133: no record
    ]
    lift = lift_progress(SQUAT, sets, [], unit=Unit.KG, zone=UTC_ZONE, since=date(2026, 1, 1))
    assert [(p.day.day, p.e1rm, p.record) for p in lift.points] == [
        (2, Decimal(121), False),
        (4, Decimal(120), False),
        (6, Decimal(133), True),
        (9, Decimal(133), False),
    ]
    assert lift.name == "Squat"


def test_failed_sets_estimate_nothing_and_pounds_are_shown_in_the_athletes_kilograms():
    sets = [
        done("300", 0, at(2)),
        LoggedSet(1, at(3), "squat", Weight(Decimal(200), Unit.LB), 1, at(3)),
    ]
    lift = lift_progress(SQUAT, sets, [], unit=Unit.KG, zone=UTC_ZONE, since=date(2026, 1, 1))
    assert [(p.day.day, p.e1rm) for p in lift.points] == [(3, Decimal("90.718474"))]


def test_brzycki_athletes_get_brzycki_estimates_and_sets_past_its_range_are_left_out():
    sets = [done("100", 10, at(2)), done("50", 40, at(3))]  # 100 × 36/27 = 133.33
    lift = lift_progress(
        SQUAT, sets, [], unit=Unit.KG, zone=UTC_ZONE, since=date(2026, 1, 1),
        formula=E1rmFormula.BRZYCKI,
    )  # fmt: skip
    assert [p.day.day for p in lift.points] == [2]
    assert lift.points[0].e1rm.quantize(Decimal("0.01")) == Decimal("133.33")


def test_a_record_is_judged_against_history_from_before_the_chart_begins():
    sets = [done("150", 1, at(2, month=1)), done("140", 1, at(2)), done("151", 1, at(3))]
    lift = lift_progress(SQUAT, sets, [], unit=Unit.KG, zone=UTC_ZONE, since=date(2026, 3, 1))
    assert [(p.day.day, p.record) for p in lift.points] == [(2, False), (3, True)]


def test_an_e1rm_point_is_the_local_day_its_workout_started():
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # already the 3rd in Berlin
    lift = lift_progress(
        SQUAT, [done("100", 1, late)], [], unit=Unit.KG, zone=BERLIN, since=date(2026, 1, 1)
    )
    assert lift.points[0].day == date(2026, 3, 3)


def test_training_max_steps_start_with_the_one_held_when_the_chart_begins():
    history = [
        TrainingMax("squat", kg("120"), at(1, month=1), note("set")),
        TrainingMax("squat", kg("125"), at(1, month=2), note("+5 kg")),
        TrainingMax("squat", kg("130"), at(3, hour=9), note("+5 kg")),
        TrainingMax(
            "squat", kg("127.5"), at(3, hour=10), note("corrected")
        ),  # the day ends at 127.5
        TrainingMax("squat", kg("127.5"), at(5), note("kept")),
        TrainingMax("squat", kg("132.5"), at(9), note("+5 kg")),
    ]
    lift = lift_progress(SQUAT, [], history, unit=Unit.KG, zone=UTC_ZONE, since=date(2026, 3, 1))
    assert [(s.since, s.weight) for s in lift.training_maxes] == [
        (date(2026, 3, 1), Decimal(125)),
        (date(2026, 3, 3), Decimal("127.5")),
        (date(2026, 3, 9), Decimal("132.5")),
    ]


def test_weekly_volume_adds_weight_times_reps_per_muscle_group_from_monday_to_sunday():
    monday, sunday, next_monday = at(2), at(8), at(9)  # March 2026: the 2nd is a Monday
    sets = [
        logged("squat", "100", 5, monday),  # legs 500
        logged("squat", "100", 5, sunday, 2),  # legs 500 → 1000 that week
        logged("bench", "80", 10, next_monday, 3),  # chest 800
        logged("dumbbell_row", "30", 10, next_monday, 3),  # back 300
        logged("curl", "10", 10, next_monday, 3),  # not in the library: other, 100
        logged("squat", "100", 5, at(23, month=2), 4),  # the week before: outside the window
    ]
    volume = weekly_volume(
        sets, LIBRARY, unit=Unit.KG, zone=UTC_ZONE, today=date(2026, 3, 11), weeks=2
    )
    assert volume.weeks == (date(2026, 3, 2), date(2026, 3, 9))
    assert volume.groups == ("legs", "chest", "back", "other")
    assert volume.tonnage == (
        (Decimal(1000), Decimal(0)),
        (Decimal(0), Decimal(800)),
        (Decimal(0), Decimal(300)),
        (Decimal(0), Decimal(100)),
    )


def test_weekly_volume_is_in_the_athletes_unit():
    sets = [logged("squat", "100", 1, at(2))]
    volume = weekly_volume(
        sets, LIBRARY, unit=Unit.LB, zone=UTC_ZONE, today=date(2026, 3, 2), weeks=1
    )
    assert volume.tonnage[0][0].quantize(Decimal("0.01")) == Decimal("220.46")


def test_the_calendar_counts_sets_on_the_local_day_a_session_started_and_spans_twelve_months():
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # the 3rd in Berlin; runs past midnight
    sets = [
        logged("squat", "100", 5, late),
        LoggedSet(1, late, "squat", kg("100"), 5, late + timedelta(hours=1)),
        logged("bench", "80", 5, at(5), 2),
        logged("bench", "80", 5, at(5, month=1, hour=12) - timedelta(days=400), 3),  # too old
    ]
    calendar = training_calendar(sets, zone=BERLIN, today=date(2026, 3, 11), planned_per_week=4)
    assert calendar.first == date(2025, 4, 1)
    assert calendar.sets_by_day == {date(2026, 3, 3): 2, date(2026, 3, 5): 1}
    assert calendar.sessions == 2
    assert calendar.weeks == Decimal(345) / 7
    assert texts.calendar_subtitle(EN, 7, Decimal(7) / 2, 4) == "7 sessions · 3.5 a week (plan: 4)"


def test_metcon_and_class_days_are_training_days_and_each_alone_is_one_session():
    lifting = at(3, hour=18)
    sets = [logged("squat", "100", 5, lifting)]
    metcons = [at(3, hour=19), at(4, hour=7), at(4, hour=20)]  # the 3rd with the lifts
    late_class = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)  # the 6th in Berlin
    classes = [at(4, hour=18), late_class, at(5, month=1) - timedelta(days=400)]  # last: too old
    calendar = training_calendar(
        sets,
        zone=BERLIN,
        today=date(2026, 3, 11),
        planned_per_week=None,
        metcons=metcons,
        classes=classes,
    )
    assert calendar.sets_by_day == {date(2026, 3, 3): 1}
    assert calendar.metcon_days == {date(2026, 3, 3), date(2026, 3, 4)}
    assert calendar.class_days == {date(2026, 3, 4), date(2026, 3, 6)}
    # the 3rd: one lifting session; the 4th (a MetCon and a class) and the 6th: one each
    assert calendar.sessions == 3
    assert calendar.trained(date(2026, 3, 6))
    assert not calendar.trained(date(2026, 3, 5))
    caption = texts.captions(EN, _progress_with(calendar))[2]
    assert caption.endswith("· ● 2 classes attended")


def _progress_with(calendar: TrainingCalendar) -> Progress:
    volume = weekly_volume([], LIBRARY, unit=Unit.KG, zone=BERLIN, today=calendar.last, weeks=1)
    return Progress(Unit.KG, E1rmFormula.EPLEY, calendar.last, (), volume, calendar)


def test_months_back_crosses_years():
    assert months_back(date(2026, 3, 31), 11) == date(2025, 4, 1)
    assert months_back(date(2026, 12, 5), 0) == date(2026, 12, 1)


def test_the_weekly_summary_counts_sessions_records_and_training_max_moves_of_that_week_only():
    week = date(2026, 3, 2)
    sets = [
        logged("squat", "140", 3, at(2), 10),  # 140 × 33/30 = 154: beats 150
        logged("squat", "100", 5, at(4), 11),
        logged("bench", "80", 5, at(6), 12),  # matches history: no record
        logged("squat", "200", 1, at(9), 13),  # next week: not counted
    ]
    history = [done("150", 1, at(20, month=2)), done("80", 5, at(21, month=2), "bench")]
    maxes = {
        "squat": [
            TrainingMax("squat", kg("130"), at(1, month=2), note("set")),
            TrainingMax("squat", kg("135"), at(2, hour=20), note("+5 kg")),
            TrainingMax("squat", kg("137.5"), at(4, hour=20), note("+2.5 kg")),
        ],
        "bench": [TrainingMax("bench", kg("100"), at(1, month=2), note("set"))],
        "ohp": [  # raised and declined in the week: no move
            TrainingMax("ohp", kg("60"), at(1, month=2), note("set")),
            TrainingMax("ohp", kg("62.5"), at(6, hour=20), note("+2.5 kg")),
            TrainingMax("ohp", kg("60"), at(6, hour=21), note("change declined")),
        ],
    }
    summary = weekly_summary(week, sets, history, maxes, LIBRARY, zone=UTC_ZONE, planned_per_week=4)
    assert (summary.sessions_done, summary.sessions_planned) == (3, 4)
    kinds = [(r.exercise, r.record.kind) for r in summary.records]
    assert kinds == [("squat", RecordKind.E1RM)]  # 140 kg is not heavier than 150 kg
    e1rm = summary.records[0].record
    assert isinstance(e1rm, WeightRecord)
    assert (e1rm.new, e1rm.previous) == (kg("154"), kg("150"))
    assert [(m.name, m.before, m.after) for m in summary.training_max_moves] == [
        ("Squat", kg("130"), kg("137.5"))
    ]
    assert texts.weekly_summary_lines(EN, summary) == (
        "🗓 3 of 4 sessions this week",
        "🏆 1 PR: Squat best e1RM 154 kg (was 150 kg)",
        "📈 Training maxes: Squat 130 kg → 137.5 kg",
    )


def test_a_quiet_week_says_so_on_each_line():
    summary = weekly_summary(
        date(2026, 3, 2), [], [], {}, LIBRARY, zone=UTC_ZONE, planned_per_week=None
    )
    assert texts.weekly_summary_lines(EN, summary) == (
        "🗓 0 sessions this week",
        "🏆 No PRs this week",
        "📈 Training maxes unchanged",
    )


def athlete(unit: Unit = Unit.KG) -> User:
    return User(1001, "Ann", None, None, Language.EN, "UTC", at(1, month=1), unit=unit)


def workout(
    started: datetime, *sets: tuple[str, str, int], workout_id: int | None = None
) -> Workout:
    rows = tuple(
        WorkoutSet(
            PrescribedSet(
                n, 0, Tier.T1, lift, lift, lift, n + 1, len(sets), kg(w), r, False, False
            ),
            DoneSet(kg(w), r, started + timedelta(minutes=n)),
        )
        for n, (lift, w, r) in enumerate(sets)
    )
    return Workout(
        workout_id, 1001, "nsuns-4day", 1, "Day 1", started, rows, started + timedelta(hours=1)
    )


async def stocked(clock: FixedClock) -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    await install_builtin_programs(uow)
    async with uow:
        await uow.users.add(athlete())
        await uow.exercises.save_all(list(LIBRARY.values()))
        await uow.training_maxes.add(
            1001, TrainingMax("squat", kg("120"), at(1, month=1), note("set"))
        )
        await uow.workouts.add(workout(at(2), ("squat", "100", 5), ("dumbbell_row", "30", 10)))
        await uow.workouts.add(workout(at(4), ("squat", "110", 3), ("bench", "80", 5)))
        await uow.commit()
    return uow


async def test_show_progress_reads_the_athletes_finished_workouts_and_training_maxes():
    clock = FixedClock(at(5, hour=9))
    progress = await ShowProgress(await stocked(clock), clock)(1001)
    assert progress.has_data
    assert progress.today == date(2026, 3, 5)
    assert [lift.exercise for lift in progress.lifts] == ["squat", "bench"]  # most sets first
    squat = progress.lifts[0]
    assert [(p.e1rm.quantize(Decimal("0.01")), p.record) for p in squat.points] == [
        (Decimal("116.67"), False),
        (Decimal("121.00"), True),
    ]
    assert [s.weight for s in squat.training_maxes] == [Decimal(120)]
    assert progress.volume.groups == ("legs", "chest", "back")
    assert progress.calendar.sessions == 2
    assert progress.calendar.planned_per_week is None  # no active plan


async def test_summarise_week_covers_monday_to_now():
    clock = FixedClock(at(5, hour=9))
    summary = await SummariseWeek(await stocked(clock), clock)(1001)
    assert (summary.week, summary.sessions_done) == (date(2026, 3, 2), 2)
    assert summary.records == ()  # the first week of a lift sets its baseline


async def test_progress_of_someone_unregistered_is_refused():
    clock = FixedClock()
    with pytest.raises(NotRegisteredError):
        await ShowProgress(InMemoryUnitOfWork(), clock)(1001)


async def test_classes_attended_fill_the_calendar_of_an_athlete_who_never_lifted():
    clock = FixedClock(at(5, hour=9))
    uow = InMemoryUnitOfWork()
    async with uow:
        await uow.users.add(athlete())
        await uow.commit()
    uow.committed["class_days"] = {1001: [at(2, hour=7), at(4, hour=7)], 1002: [at(3, hour=7)]}
    await uow.rollback()  # the working copy takes what was committed
    progress = await ShowProgress(uow, clock)(1001)
    assert not progress.has_data  # nothing lifted: no lifting charts
    assert progress.calendar.has_days
    assert progress.calendar.class_days == {date(2026, 3, 2), date(2026, 3, 4)}
    assert progress.calendar.sessions == 2


async def test_an_athlete_without_workouts_has_no_data_yet():
    clock = FixedClock()
    uow = InMemoryUnitOfWork()
    async with uow:
        await uow.users.add(athlete())
        await uow.commit()
    assert not (await ShowProgress(uow, clock)(1001)).has_data
