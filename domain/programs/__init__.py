"""The built-in exercise library and plans, read from the TOML data files beside this module."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from importlib import resources

from domain.plans import (
    AmrapProgression,
    BodyRegion,
    Exercise,
    Increment,
    Plan,
    PlanDay,
    SetTemplate,
    Slot,
    Tier,
    UnknownPlanError,
)

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


def load_plan(slug: str) -> Plan:
    """The built-in plan with this slug; UnknownPlanError if there is none."""
    for plan in _plans():
        if plan.slug == slug:
            return plan
    raise UnknownPlanError(slug)


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
        entry.name
        for entry in resources.files(__name__).iterdir()
        if entry.name.endswith(".toml") and entry.name != EXERCISES_FILE
    )
    plans = tuple(parse_plan(_read(name), exercises, name) for name in names)
    slugs = [plan.slug for plan in plans]
    if duplicated := sorted({slug for slug in slugs if slugs.count(slug) > 1}):
        raise PlanDataError(f"more than one plan is called {', '.join(duplicated)}")
    return plans


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


def parse_plan(document: Table, exercises: dict[str, Exercise], where: str) -> Plan:
    """A plan from its parsed TOML document, every exercise slug checked against the library."""
    table = _table(document, where, {"slug", "name", "training_max_percent", "days", "progression"})
    days = tuple(
        _day(number, value, exercises, f"{where}: days[{number - 1}]")
        for number, value in enumerate(_list(table, "days", where), start=1)
    )
    progression = tuple(
        _progression(value, exercises, f"{where}: progression[{index}]")
        for index, value in enumerate(_list(table, "progression", where))
    )
    percent = _decimal(table, "training_max_percent", where)
    if not 0 < percent <= 1:
        raise PlanDataError(f"{where}: training_max_percent is a fraction of the 1RM")
    return Plan(
        slug=_str(table, "slug", where),
        name=_str(table, "name", where),
        days=days,
        progression=progression,
        training_max_percent=percent,
    )


def _day(number: int, value: object, exercises: dict[str, Exercise], where: str) -> PlanDay:
    table = _table(value, where, {"name", "slots"})
    slots = tuple(
        _slot(order, slot, exercises, f"{where}.slots[{order - 1}]")
        for order, slot in enumerate(_list(table, "slots", where), start=1)
    )
    return PlanDay(number=number, name=_str(table, "name", where), slots=slots)


def _slot(order: int, value: object, exercises: dict[str, Exercise], where: str) -> Slot:
    table = _table(value, where, {"tier", "exercise", "training_max_of", "display_name", "sets"})
    return Slot(
        order=order,
        tier=_tier(table, "tier", where),
        exercise=_exercise(table, "exercise", exercises, where),
        training_max_of=_exercise(table, "training_max_of", exercises, where),
        display_name=_str(table, "display_name", where),
        sets=tuple(
            _set(item, f"{where}.sets[{index}]")
            for index, item in enumerate(_list(table, "sets", where))
        ),
    )


def _set(value: object, where: str) -> SetTemplate:
    table = _table(value, where, {"percent", "reps"}, {"amrap", "drives_progression"})
    template = SetTemplate(
        percent=_decimal(table, "percent", where),
        reps=_int(table, "reps", where),
        amrap=_bool(table, "amrap", where),
        drives_progression=_bool(table, "drives_progression", where),
    )
    if template.percent <= 0 or template.reps < 1:
        raise PlanDataError(f"{where}: a set has a positive percent and at least 1 rep")
    if template.drives_progression and not template.amrap:
        raise PlanDataError(f"{where}: a progression set is an AMRAP set")
    return template


def _progression(value: object, exercises: dict[str, Exercise], where: str) -> AmrapProgression:
    table = _table(value, where, {"brackets"}, {"exercise", "region"})
    if ("exercise" in table) == ("region" in table):
        raise PlanDataError(f"{where}: a rule names either an exercise or a region")
    brackets = tuple(
        _increment(item, f"{where}.brackets[{index}]")
        for index, item in enumerate(_list(table, "brackets", where))
    )
    starts = [bracket.min_reps for bracket in brackets]
    if not starts or starts != sorted(set(starts)):
        raise PlanDataError(f"{where}: brackets are listed by rising min_reps")
    return AmrapProgression(
        brackets=brackets,
        exercise=_exercise(table, "exercise", exercises, where) if "exercise" in table else None,
        region=_region(table, "region", where) if "region" in table else None,
    )


def _increment(value: object, where: str) -> Increment:
    table = _table(value, where, {"min_reps", "kg", "lb"})
    increment = Increment(
        min_reps=_int(table, "min_reps", where),
        kg=_decimal(table, "kg", where),
        lb=_decimal(table, "lb", where),
    )
    if increment.min_reps < 0 or increment.kg < 0 or increment.lb < 0:
        raise PlanDataError(f"{where}: reps and increments are not negative")
    return increment


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


def _int(table: Table, key: str, where: str) -> int:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanDataError(f"{where}: {key} is a whole number")
    return value


def _decimal(table: Table, key: str, where: str) -> Decimal:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise PlanDataError(f"{where}: {key} is a number")
    return Decimal(value)


def _bool(table: Table, key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise PlanDataError(f"{where}: {key} is true or false")
    return value


def _list(table: Table, key: str, where: str) -> list[object]:
    value = table[key]
    if not isinstance(value, list):
        raise PlanDataError(f"{where}: {key} is a list")
    return value


def _region(table: Table, key: str, where: str) -> BodyRegion:
    value = table[key]
    if not isinstance(value, str) or value not in set(BodyRegion):
        raise PlanDataError(f"{where}: {key} is upper or lower, not {value!r}")
    return BodyRegion(value)


def _tier(table: Table, key: str, where: str) -> Tier:
    value = table[key]
    if not isinstance(value, str) or value not in set(Tier):
        raise PlanDataError(f"{where}: {key} is T1, T2 or T3, not {value!r}")
    return Tier(value)


def _exercise(table: Table, key: str, exercises: dict[str, Exercise], where: str) -> str:
    slug = _str(table, key, where)
    if slug not in exercises:
        raise PlanDataError(f"{where}: {key} names an unknown exercise {slug!r}")
    return slug
