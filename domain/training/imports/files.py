"""One entry point for any export file: which app wrote it, and its workouts."""

from __future__ import annotations

from domain.shared.weights import Unit
from domain.training.imports.hevy import is_hevy, parse_hevy
from domain.training.imports.model import (
    ExportFile,
    ImportFileError,
    ImportProblem,
    ProblemKind,
)
from domain.training.imports.reading import read_table
from domain.training.imports.strong import is_strong, parse_strong


def read_export(data: bytes, unit: Unit) -> ExportFile:
    """The file's workouts, or an ImportFileError; `unit` for a Strong file that names none."""
    table = read_table(data)
    if is_hevy(table):
        parsed = parse_hevy(table)
    elif is_strong(table):
        parsed = parse_strong(table, unit)
    else:
        raise ImportFileError(ImportProblem(ProblemKind.HEADER))
    if not parsed.workouts:
        raise ImportFileError(ImportProblem(ProblemKind.EMPTY))
    return parsed
