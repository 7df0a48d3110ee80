"""What an export file holds once read: workouts of sets, or the one problem that stops it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.shared.weights import Weight

MAX_FILE_BYTES = 2_000_000  # years of daily training in Strong's format are well under 1 MB
MAX_REPS = 1000
MAX_WEIGHT_AMOUNT = Decimal(2500)


class App(StrEnum):
    STRONG = "strong"
    HEVY = "hevy"


class ProblemKind(StrEnum):
    TOO_BIG = "too_big"
    ENCODING = "encoding"  # not UTF-8 text
    HEADER = "header"  # neither Strong's nor Hevy's columns
    ROW = "row"  # a row whose date, weight, reps or RPE does not read
    EMPTY = "empty"  # no strength set at all


@dataclass(frozen=True, slots=True)
class ImportProblem:
    kind: ProblemKind
    line: int | None = None  # the file's line, 1-based, for ROW
    column: str | None = None  # the column that did not read, for ROW


class ImportFileError(ValueError):
    """The file cannot be imported; `problem` says why, for the reply."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.kind.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ImportedSet:
    exercise: str  # the app's name for it: "Squat (Barbell)"
    weight: Weight  # 0 for a body-weight set
    reps: int
    rpe: Decimal | None = None
    note: str | None = None
    warmup: bool = False


@dataclass(frozen=True, slots=True)
class ImportedWorkout:
    started_at: datetime  # naive: the wall-clock time the app wrote, in the athlete's zone
    name: str
    sets: tuple[ImportedSet, ...]

    @property
    def exercises(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.exercise for s in self.sets))


@dataclass(frozen=True, slots=True)
class ExportFile:
    app: App
    workouts: tuple[ImportedWorkout, ...]  # oldest first
    skipped_rows: int  # rows with no weight-and-reps set: cardio, timed holds, rest timers

    @property
    def exercises(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for w in self.workouts for e in w.exercises))


@dataclass(frozen=True, slots=True)
class StoredImport:
    """A file an athlete sent: waiting for their tap, or imported (`imported_at`)."""

    id: int
    athlete_id: int
    app: App
    content_hash: str
    file_id: str
    created_at: datetime
    imported_at: datetime | None = None
    workouts: int = 0  # how many workouts it added
