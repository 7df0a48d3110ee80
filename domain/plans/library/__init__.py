"""The built-in exercise library (TOML) and plans (the plan text format), in files beside this."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from importlib import resources

from domain.plans.model import BodyRegion, Exercise, Plan
from domain.plans.text.parse import parse_plan_text
from domain.plans.text.problems import PlanTextError

EXERCISES_FILE = "exercises.toml"


class PlanDataError(ValueError):
    """A data file that does not describe a valid exercise library or plan."""


Table = dict[str, object]


def load_exercises() -> dict[str, Exercise]:
    """The exercise library by slug."""
    return dict(_exercises())


def builtin_plans() -> tuple[Plan, ...]:
    """Every plan shipped in this package, in file-name order."""
    return _plans()


@cache
def _exercises() -> dict[str, Exercise]:
    document = _read(EXERCISES_FILE)
    return {
        slug: parse_exercise(slug, fields, f"{EXERCISES_FILE}: {slug}")
        for slug, fields in document.items()
    }


@cache
def _plans() -> tuple[Plan, ...]:
    exercises = _exercises()
    names = sorted(
        entry.name for entry in resources.files(__name__).iterdir() if entry.name.endswith(".txt")
    )
    plans = tuple(_plan(name, exercises) for name in names)
    slugs = [plan.slug for plan in plans]
    if duplicated := sorted({slug for slug in slugs if slugs.count(slug) > 1}):
        raise PlanDataError(f"more than one plan is called {', '.join(duplicated)}")
    return plans


def _plan(name: str, exercises: dict[str, Exercise]) -> Plan:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    try:
        return parse_plan_text(text, exercises)
    except PlanTextError as error:
        raise PlanDataError(f"{name}: {error}") from error


def _read(name: str) -> Table:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    try:
        # Decimal, not float: percentages and increments are exact in the file and stay so
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise PlanDataError(f"{name}: {error}") from error


def parse_exercise(slug: str, value: object, where: str) -> Exercise:
    """One exercise from its table in the library."""
    table = _table(value, where, {"name", "muscle_group", "category", "region"})
    return Exercise(
        slug=slug,
        name=_str(table, "name", where),
        muscle_group=_str(table, "muscle_group", where),
        category=_str(table, "category", where),
        region=_region(table, "region", where),
    )


def _table(
    value: object, where: str, required: set[str], optional: set[str] | None = None
) -> Table:
    if not isinstance(value, dict):
        raise PlanDataError(f"{where}: expected a table")
    keys = set(value)
    # an unknown key is most likely a misspelt optional one, which would otherwise vanish
    if unknown := keys - required - (optional or set()):
        raise PlanDataError(f"{where}: unknown key {', '.join(sorted(unknown))}")
    if missing := required - keys:
        raise PlanDataError(f"{where}: missing {', '.join(sorted(missing))}")
    return value


def _str(table: Table, key: str, where: str) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise PlanDataError(f"{where}: {key} is a non-empty string")
    return value


def _region(table: Table, key: str, where: str) -> BodyRegion:
    value = table[key]
    if not isinstance(value, str) or value not in set(BodyRegion):
        raise PlanDataError(f"{where}: {key} is upper or lower, not {value!r}")
    return BodyRegion(value)
