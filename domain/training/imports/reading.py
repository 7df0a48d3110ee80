"""Reads an export file: which app wrote it, its rows by column name, and its numbers and dates.

Both apps write UTF-8 CSV with a header row (a BOM allowed). Strong's older exports separate
columns with ";" and write decimals with a comma ("82,5"); a file is read with whichever of
"," and ";" its header uses more.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from domain.training.imports.model import (
    MAX_FILE_BYTES,
    MAX_REPS,
    MAX_WEIGHT_AMOUNT,
    ImportFileError,
    ImportProblem,
    ProblemKind,
)


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]  # lower case, trimmed
    rows: tuple[tuple[int, dict[str, str]], ...]  # (line, cells by header name)
    delimiter: str


def read_table(data: bytes) -> Table:
    """The file's rows by column name, or an ImportFileError for its size or encoding."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(ImportProblem(ProblemKind.TOO_BIG))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(ImportProblem(ProblemKind.ENCODING)) from None
    if "\x00" in text:
        raise ImportFileError(ImportProblem(ProblemKind.ENCODING))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = tuple(cell.strip().lower() for cell in next(reader))
        rows = tuple(_rows(reader, header))
    except (StopIteration, csv.Error):
        raise ImportFileError(ImportProblem(ProblemKind.HEADER)) from None
    return Table(header, rows, delimiter)


def _rows(
    reader: Iterator[list[str]], header: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num  # type: ignore[attr-defined]
        yield line, {name: cell.strip() for name, cell in zip(header, cells, strict=False)}


def row_error(line: int, column: str) -> ImportFileError:
    return ImportFileError(ImportProblem(ProblemKind.ROW, line=line, column=column))


def decimal_in(cells: dict[str, str], column: str, line: int, *, comma: bool) -> Decimal | None:
    """The column's number (None if empty); a comma is the decimal mark in ";" files."""
    raw = cells.get(column, "")
    if not raw:
        return None
    if comma:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise row_error(line, column) from None
    if not value.is_finite() or value < 0:
        raise row_error(line, column)
    return value


def weight_in(cells: dict[str, str], column: str, line: int, *, comma: bool) -> Decimal | None:
    amount = decimal_in(cells, column, line, comma=comma)
    if amount is not None and amount > MAX_WEIGHT_AMOUNT:
        raise row_error(line, column)
    return None if amount is None else plain(amount)


def reps_in(cells: dict[str, str], column: str, line: int, *, comma: bool) -> int:
    """Whole reps; 0 for an empty cell (a timed or cardio row)."""
    value = decimal_in(cells, column, line, comma=comma)
    if value is None:
        return 0
    if value != value.to_integral_value() or value > MAX_REPS:
        raise row_error(line, column)
    return int(value)


def rpe_in(cells: dict[str, str], column: str, line: int, *, comma: bool) -> Decimal | None:
    value = decimal_in(cells, column, line, comma=comma)
    if value is None or value == 0:  # Hevy writes nothing, some exports write 0: not rated
        return None
    if value > 10:
        raise row_error(line, column)
    return plain(value)


def plain(value: Decimal) -> Decimal:
    """Without trailing zeros and never in exponent form: 60.0 → 60, 102.50 → 102.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",  # Strong
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d %b %Y, %H:%M",  # Hevy: "26 Mar 2024, 18:03"
    "%d %B %Y, %H:%M",
)
_SPACES = re.compile(r"\s+")


def moment_in(cells: dict[str, str], column: str, line: int) -> datetime:
    """The wall-clock moment the app wrote, naive; seconds and zone suffixes are not expected."""
    raw = _SPACES.sub(" ", cells.get(column, ""))
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, form)  # noqa: DTZ007 (wall-clock time, zoned later)
        except ValueError:
            continue
    raise row_error(line, column)


def text_in(cells: dict[str, str], column: str, limit: int = 500) -> str | None:
    raw = cells.get(column, "")
    return raw[:limit] if raw else None
