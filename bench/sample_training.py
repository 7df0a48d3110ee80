"""Sample progress for chart tests, visual checks and the chart benchmark."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from domain.plans.library import builtin_plans, load_exercises
from domain.plans.model import Plan
from domain.progress.series import (
    Progress,
    TrainingCalendar,
    WeeklyVolume,
    lift_progress,
    months_back,
    training_calendar,
    weekly_volume,
)
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Unit
from sandbox.history import PLAN, SampleYear, a_year_of_training

__all__ = ["PLAN", "a_year_of_training", "builtin_plan", "empty_progress", "progress_of"]


def sample_progress(
    today: date, *, unit: Unit = Unit.KG, seed: int = 5, weeks: int = 52
) -> Progress:
    """The series /progress would chart for a year like `a_year_of_training`."""
    year = a_year_of_training(1, today, seed=seed, weeks=weeks)
    return progress_of(year, today, unit=unit)


def progress_of(year: SampleYear, today: date, *, unit: Unit = Unit.KG) -> Progress:
    zone = ZoneInfo("UTC")
    exercises = load_exercises()
    sets = year.sets
    first = months_back(today, 11)
    main = [exercises[slug] for slug in ("squat", "bench", "deadlift", "ohp")]
    lifts = tuple(
        lift_progress(
            exercise,
            (s for s in sets if s.exercise == exercise.slug),
            year.training_maxes.get(exercise.slug, []),
            unit=unit,
            zone=zone,
            since=first,
        )
        for exercise in main
    )
    return Progress(
        unit=unit,
        formula=E1rmFormula.EPLEY,
        today=today,
        lifts=tuple(lift for lift in lifts if lift.points or lift.training_maxes),
        volume=weekly_volume(sets, exercises, unit=unit, zone=zone, today=today),
        calendar=training_calendar(sets, zone=zone, today=today, planned_per_week=4),
    )


def empty_progress(today: date, unit: Unit = Unit.KG) -> Progress:
    return Progress(
        unit=unit,
        formula=E1rmFormula.EPLEY,
        today=today,
        lifts=(),
        volume=WeeklyVolume((), (), ()),
        calendar=TrainingCalendar(months_back(today, 11), today, {}, 0, None),
    )


def builtin_plan(slug: str) -> Plan:
    """The built-in plan with this slug (the bot itself finds plans through the plan library)."""
    return next(plan for plan in builtin_plans() if plan.slug == slug)
