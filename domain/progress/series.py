"""Progress as plain series for charts, and the facts of a weekly summary.

Rules (ours):
- An e1RM point is the day's best estimate of one main lift, from that exact lift's sets only
  (a variation is not the lift); failed sets (0 reps) estimate nothing, nor do sets beyond the
  Brzycki range when the athlete estimates by Brzycki.
- A point is a record when it beats the best of every earlier day, all history counted, as
  records.py says: the first day sets the baseline, and equalling is not beating.
- Every weight is shown in the athlete's unit. Volume (tonnage) is weight × reps.
- A set belongs to the day (and week) its workout started on, in the athlete's time zone, so a
  session that runs past midnight stays one day. Weeks start on Monday.
- A plan's days are one week's sessions: a 4-day plan plans four sessions a week.
- Charts read well with little data (#15): a rate a week is given only once the first day
  trained is three weeks back (one session is not "0.0 a week"), and weekly volume starts at
  the first week with any (four weeks at least).
- A conditioning result belongs to the local day it was logged (#12). In the weekly summary a
  day with conditioning results and no workout started counts as one session, however many
  results it holds; on a day a workout started, the conditioning is part of that session.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.body.trend import BodyTrend
from domain.conditioning.model import LoggedResult, SavedWorkout
from domain.conditioning.scores import Score
from domain.conditioning.workout import Workout as ConditioningWorkout
from domain.plans.model import Exercise
from domain.shared.e1rm import E1rmFormula, e1rm
from domain.shared.time import local_day, start_of
from domain.shared.weights import Unit, Weight
from domain.training.model import LoggedSet, TrainingMax
from domain.training.records import DatedSet, PersonalRecord, personal_records

MAIN = "main"  # the exercise library's category of lifts trained for their own training max
OTHER_GROUP = "other"  # the muscle group of an exercise the library does not know
CALENDAR_MONTHS = 12  # this month and the eleven before it
VOLUME_WEEKS = 16
MIN_VOLUME_WEEKS = 4
RATE_MIN_WEEKS = 3


@dataclass(frozen=True, slots=True)
class E1rmPoint:
    day: date
    e1rm: Decimal  # in the athlete's unit
    record: bool  # beat every earlier day's best


@dataclass(frozen=True, slots=True)
class TrainingMaxStep:
    since: date  # in the athlete's time zone; the window's first day for the TM held then
    weight: Decimal  # in the athlete's unit


@dataclass(frozen=True, slots=True)
class LiftProgress:
    exercise: str
    name: str
    points: tuple[E1rmPoint, ...]  # oldest first, within the window
    training_maxes: tuple[TrainingMaxStep, ...]  # oldest first, within the window


@dataclass(frozen=True, slots=True)
class WeeklyVolume:
    weeks: tuple[date, ...]  # Mondays, consecutive, oldest first
    groups: tuple[str, ...]  # muscle groups with any volume, the largest total first
    tonnage: tuple[tuple[Decimal, ...], ...]  # per group (as `groups`), per week (as `weeks`)

    @property
    def is_empty(self) -> bool:
        return not self.groups


@dataclass(frozen=True, slots=True)
class TrainingCalendar:
    first: date  # the first of a month
    last: date  # today
    sets_by_day: Mapping[date, int]  # days with sets done
    sessions: int  # workouts with a set done, plus days trained with no sets (below)
    planned_per_week: int | None  # None without an active plan
    metcon_days: frozenset[date] = frozenset()  # days with a conditioning result
    class_days: frozenset[date] = frozenset()  # days with a class attended (a team's, #13)

    def trained(self, day: date) -> bool:
        return day in self.sets_by_day or day in self.metcon_days or day in self.class_days

    @property
    def has_days(self) -> bool:
        return bool(self.sets_by_day or self.metcon_days or self.class_days)

    @property
    def weeks(self) -> Decimal:
        """How many weeks the calendar spans, today included."""
        return Decimal((self.last - self.first).days + 1) / 7

    @property
    def first_trained(self) -> date | None:
        days = self.sets_by_day.keys() | self.metcon_days | self.class_days
        return min(days) if days else None

    @property
    def sessions_per_week(self) -> Decimal | None:
        """Sessions a week since the first day trained; None until that is 3 weeks back."""
        first = self.first_trained
        if first is None:
            return None
        weeks = Decimal((self.last - first).days + 1) / 7
        return self.sessions / weeks if weeks >= RATE_MIN_WEEKS else None


@dataclass(frozen=True, slots=True)
class Progress:
    unit: Unit
    formula: E1rmFormula
    today: date
    lifts: tuple[LiftProgress, ...]  # the most trained first
    volume: WeeklyVolume
    calendar: TrainingCalendar
    body: BodyTrend | None = None  # body weight, when the athlete logs it (#15)

    @property
    def has_data(self) -> bool:
        return bool(self.calendar.sets_by_day)

    @property
    def span_start(self) -> date:
        """Where a time axis starts: the first day with data, at least four weeks back."""
        days = [p.day for lift in self.lifts for p in lift.points]
        if self.body is not None:
            days.append(self.body.points[0][0])
        earliest = self.today - timedelta(weeks=MIN_VOLUME_WEEKS)
        return max(self.calendar.first, min([*days, earliest]))


@dataclass(frozen=True, slots=True)
class LiftRecord:
    exercise: str
    name: str
    record: PersonalRecord


@dataclass(frozen=True, slots=True)
class TrainingMaxMove:
    exercise: str
    name: str
    before: Weight  # held when the week began (the first of the week if none was)
    after: Weight  # held when the week ended


@dataclass(frozen=True, slots=True)
class ConditioningDone:
    """One conditioning result of the week, as the summary lists it."""

    day: date  # the local day it was logged
    workout: ConditioningWorkout
    score: Score
    rx: bool


@dataclass(frozen=True, slots=True)
class WeeklySummary:
    week: date  # its Monday
    sessions_done: int  # workouts started, and days of conditioning only
    sessions_planned: int | None
    records: tuple[LiftRecord, ...]
    training_max_moves: tuple[TrainingMaxMove, ...]
    conditioning: tuple[ConditioningDone, ...] = ()  # oldest first
    unit: Unit = Unit.KG  # the athlete's, for scores that are loads


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def months_back(day: date, months: int) -> date:
    """The first of the month `months` months before `day`'s."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def lift_progress(
    exercise: Exercise,
    sets: Iterable[LoggedSet],
    training_maxes: Sequence[TrainingMax],
    *,
    unit: Unit,
    zone: ZoneInfo,
    since: date,
    formula: E1rmFormula = E1rmFormula.EPLEY,
) -> LiftProgress:
    """One lift's best e1RM per day from `since` on, records flagged against all of `sets`."""
    best: dict[date, Decimal] = {}
    day_of = _local_days(zone)
    for lifted in sets:
        estimate = e1rm(lifted.weight, lifted.reps, formula)
        if estimate is None:
            continue
        day = day_of(lifted)
        amount = estimate.to(unit).amount
        best[day] = max(best.get(day, amount), amount)
    points: list[E1rmPoint] = []
    before: Decimal | None = None
    for day in sorted(best):
        record = before is not None and best[day] > before
        if day >= since:
            points.append(E1rmPoint(day, best[day], record))
        before = best[day] if before is None else max(before, best[day])
    return LiftProgress(
        exercise.slug, exercise.name, tuple(points), _steps(training_maxes, unit, zone, since)
    )


def _steps(
    history: Sequence[TrainingMax], unit: Unit, zone: ZoneInfo, since: date
) -> tuple[TrainingMaxStep, ...]:
    by_day: dict[date, Decimal] = {}  # the day's last entry is what held at its end
    for entry in sorted(history, key=lambda tm: tm.effective_at):
        day = max(local_day(entry.effective_at, zone), since)
        by_day[day] = entry.weight.to(unit).amount
    steps: list[TrainingMaxStep] = []
    for day, weight in by_day.items():
        if not steps or steps[-1].weight != weight:
            steps.append(TrainingMaxStep(day, weight))
    return tuple(steps)


def weekly_volume(
    sets: Iterable[LoggedSet],
    exercises: Mapping[str, Exercise],
    *,
    unit: Unit,
    zone: ZoneInfo,
    today: date,
    weeks: int = VOLUME_WEEKS,
) -> WeeklyVolume:
    """Tonnage per muscle group per week, the last `weeks` weeks up to today's."""
    last = monday_of(today)
    mondays = tuple(last - timedelta(weeks=n) for n in reversed(range(weeks)))
    column = {monday: n for n, monday in enumerate(mondays)}
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * weeks)
    day_of = _local_days(zone)
    for lifted in sets:
        week = column.get(monday_of(day_of(lifted)))
        if week is None:
            continue
        known = exercises.get(lifted.exercise)
        group = known.muscle_group if known else OTHER_GROUP
        totals[group][week] += lifted.weight.to(unit).amount * lifted.reps
    groups = sorted((g for g in totals if sum(totals[g])), key=lambda g: (-sum(totals[g]), g))
    busy = [n for n in range(weeks) if any(totals[g][n] for g in groups)]
    start = max(0, min(busy[0] if busy else weeks, weeks - MIN_VOLUME_WEEKS))
    return WeeklyVolume(
        mondays[start:], tuple(groups), tuple(tuple(totals[g][start:]) for g in groups)
    )


def training_calendar(
    sets: Iterable[LoggedSet],
    *,
    zone: ZoneInfo,
    today: date,
    planned_per_week: int | None,
    months: int = CALENDAR_MONTHS,
    metcons: Iterable[datetime] = (),
    classes: Iterable[datetime] = (),
) -> TrainingCalendar:
    """Sets done per day, and the days of conditioning results and classes attended, from the
    first of the month `months` - 1 months back to today.

    A day trained with no sets (a MetCon, a class) is one session, as everywhere Spotter counts
    sessions; a MetCon or a class on a lifting day is part of that day's session.
    """
    first = months_back(today, months - 1)
    by_day: Counter[date] = Counter()
    sessions: set[int] = set()
    day_of = _local_days(zone)
    for lifted in sets:
        day = day_of(lifted)
        if first <= day <= today:
            by_day[day] += 1
            sessions.add(lifted.workout_id)

    def days(moments: Iterable[datetime]) -> frozenset[date]:
        local = (local_day(moment, zone) for moment in moments)
        return frozenset(day for day in local if first <= day <= today)

    metcon_days, class_days = days(metcons), days(classes)
    without_sets = (metcon_days | class_days) - by_day.keys()
    return TrainingCalendar(
        first,
        today,
        dict(by_day),
        len(sessions) + len(without_sets),
        planned_per_week,
        metcon_days,
        class_days,
    )


def _local_days(zone: ZoneInfo) -> Callable[[LoggedSet], date]:
    """The local day a set's workout started; worked out once per workout (a year is 4000 sets)."""
    days: dict[int, date] = {}

    def day_of(lifted: LoggedSet) -> date:
        day = days.get(lifted.workout_id)
        if day is None:
            day = days[lifted.workout_id] = local_day(lifted.workout_started_at, zone)
        return day

    return day_of


def weekly_summary(
    week: date,
    sets: Sequence[LoggedSet],
    history: Sequence[LoggedSet],
    training_maxes: Mapping[str, Sequence[TrainingMax]],
    exercises: Mapping[str, Exercise],
    *,
    zone: ZoneInfo,
    planned_per_week: int | None,
    formula: E1rmFormula = E1rmFormula.EPLEY,
    conditioning: Sequence[tuple[LoggedResult, SavedWorkout]] = (),
    unit: Unit = Unit.KG,
) -> WeeklySummary:
    """The week from Monday `week`: sessions done, records set, training maxes moved, and the
    conditioning results logged.

    `sets` may hold any sets; those of workouts started in the week count. `history` holds
    the earlier sets of the lifts trained (those of workouts started in the week or later are
    left out). `conditioning` may hold any results; those logged in the week count.
    """
    begins, ends = start_of(week, zone), start_of(week + timedelta(weeks=1), zone)
    done = [s for s in sets if begins <= s.workout_started_at < ends]
    wods = tuple(
        ConditioningDone(local_day(result.logged_at, zone), saved.workout, result.score, result.rx)
        for result, saved in sorted(conditioning, key=lambda pair: pair[0].logged_at)
        if begins <= result.logged_at < ends
    )
    lifting_days = {local_day(s.workout_started_at, zone) for s in done}
    conditioning_days = {wod.day for wod in wods} - lifting_days
    records: list[LiftRecord] = []
    for exercise in sorted({s.exercise for s in done}):
        before = [
            _dated(s) for s in history if s.exercise == exercise and s.workout_started_at < begins
        ]
        now = [_dated(s) for s in done if s.exercise == exercise]
        records.extend(
            LiftRecord(exercise, _name(exercise, exercises), record)
            for record in personal_records(before, now, formula)
        )
    moves: list[TrainingMaxMove] = []
    for exercise, entries in sorted(training_maxes.items()):
        held = [tm for tm in entries if tm.effective_at < begins]
        changed = [tm for tm in entries if begins <= tm.effective_at < ends]
        if not changed:
            continue
        start = held[-1].weight if held else changed[0].weight
        end = changed[-1].weight
        if end.to(Unit.KG).amount != start.to(Unit.KG).amount:
            moves.append(TrainingMaxMove(exercise, _name(exercise, exercises), start, end))
    return WeeklySummary(
        week,
        len({s.workout_id for s in done}) + len(conditioning_days),
        planned_per_week,
        tuple(records),
        tuple(moves),
        wods,
        unit,
    )


def _dated(lifted: LoggedSet) -> DatedSet:
    return DatedSet(lifted.weight, lifted.reps, lifted.logged_at)


def _name(exercise: str, exercises: Mapping[str, Exercise]) -> str:
    known = exercises.get(exercise)
    return known.name if known else exercise.replace("_", " ").capitalize()
