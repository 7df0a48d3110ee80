"""The benchmark workouts, shipped as text (benchmarks.txt), with the medians of §5."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from domain.conditioning.text import parse_workout
from domain.conditioning.workout import Workout

_ENTRY_BREAK = "\n---\n"


@dataclass(frozen=True, slots=True)
class Median:
    """A benchmark's estimated median Rx result (CONDITIONING.md §5): seconds, or rounds."""

    men: float
    women: float


# Times in seconds, Cindy in rounds; the reference's estimates, basis given there.
MEDIANS = {
    "Fran": Median(5 * 60 + 30, 6 * 60 + 20),
    "Grace": Median(4 * 60 + 30, 5 * 60 + 10),
    "Isabel": Median(4 * 60, 4 * 60 + 36),
    "Diane": Median(6 * 60, 6 * 60 + 54),
    "Karen": Median(8 * 60, 9 * 60 + 12),
    "Helen": Median(11 * 60, 12 * 60 + 39),
    "Cindy": Median(16, 14),
    "Murph": Median(45 * 60, 51 * 60 + 45),
}


@cache
def benchmarks() -> tuple[Workout, ...]:
    """Every benchmark, in the order of the reference's table."""
    text = (Path(__file__).parent / "benchmarks.txt").read_text(encoding="utf-8")
    return tuple(parse_workout(entry) for entry in text.split(_ENTRY_BREAK))


def benchmark(name: str) -> Workout | None:
    wanted = name.strip().casefold()
    return next((w for w in benchmarks() if w.name.casefold() == wanted), None)
