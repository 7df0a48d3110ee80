"""An exercise typed in chat: "exercise: Cable fly, chest, accessory, upper".

The keywords are an input format, English in every language, like plan text. "shared
exercise: …" is a bot admin's, for the library everyone shares; "exercise for @ann: …" a
coach's, for a client of theirs. An athlete's own exercise gets a slug of its own, which no
shared slug (letters, digits and "_") nor plan text can take.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

from domain.plans.model import BodyRegion, Exercise

LINE = re.compile(
    r"\s*(?P<shared>shared\s+)?exercise(?:\s+for\s+(?P<client>[^:\n]{1,64}?))?\s*:\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
MUSCLE_GROUPS = ("legs", "chest", "back", "shoulders", "arms", "core", "full_body", "other")
CATEGORIES = ("main", "variation", "accessory")
NAME_LENGTH = (2, 60)
_NOT_WORD = re.compile(r"[^0-9a-zа-яё]+")


class LineProblem(StrEnum):
    PARTS = "parts"  # not four parts separated by commas
    NAME = "name"
    MUSCLE_GROUP = "muscle_group"
    CATEGORY = "category"
    REGION = "region"


@dataclass(frozen=True, slots=True)
class ExerciseLine:
    name: str
    muscle_group: str
    category: str
    region: BodyRegion
    shared: bool  # for the shared library: a bot admin's
    client: str | None = None  # "exercise for @ann: …": a coach's, for a client (as named)


def parse_exercise_line(text: str) -> ExerciseLine | LineProblem:
    match = LINE.fullmatch(text)
    parts = [part.strip() for part in match["rest"].split(",")] if match else []
    if match is None or len(parts) != 4 or (match["shared"] and match["client"]):
        return LineProblem.PARTS
    name = " ".join(parts[0].split())
    muscle_group = "_".join(parts[1].lower().split())
    category, region = parts[2].lower(), parts[3].lower()
    problems = (
        (NAME_LENGTH[0] <= len(name) <= NAME_LENGTH[1] and name.isprintable(), LineProblem.NAME),
        (muscle_group in MUSCLE_GROUPS, LineProblem.MUSCLE_GROUP),
        (category in CATEGORIES, LineProblem.CATEGORY),
        (region in {r.value for r in BodyRegion}, LineProblem.REGION),
    )
    problem = next((problem for fine, problem in problems if not fine), None)
    if problem is not None:
        return problem
    client = match["client"].strip() if match["client"] else None
    shared = bool(match["shared"])
    return ExerciseLine(name, muscle_group, category, BodyRegion(region), shared, client)


def words(name: str) -> str:
    """The name as a slug's words: "Cable fly (low)" → "cable_fly_low"."""
    return _NOT_WORD.sub("_", name.strip().lower()).strip("_") or "exercise"


def own_slug(athlete_id: int, name: str) -> str:
    """A slug only this athlete's exercise of this name has."""
    key = " ".join(_NOT_WORD.sub(" ", name.lower()).split())
    digest = hashlib.sha256(f"{athlete_id}:{key}".encode()).hexdigest()[:8]
    return f"u{athlete_id}_{words(name)[:32]}_{digest}"[:64]


def as_exercise(line: ExerciseLine, owner_id: int | None) -> Exercise:
    slug = own_slug(owner_id, line.name) if owner_id is not None else words(line.name)[:64]
    return Exercise(slug, line.name, line.muscle_group, line.category, line.region)
