"""The export's CSV of sets is Strong's format: Spotter's own importer reads it back exactly."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.account.model import ExportedSet
from domain.account.strong_csv import strong_csv
from domain.shared.weights import Unit, Weight
from domain.training.imports.files import read_export
from domain.training.imports.model import App, ImportedSet

START = datetime(2026, 11, 2, 17, 0, tzinfo=UTC)


def test_the_sets_csv_reads_back_as_the_same_sets_at_the_athletes_wall_clock_time() -> None:
    sets = [
        ExportedSet(
            START, "Day 1", "Squat", 1, Weight.of("60", Unit.KG), 5, None, None, warmup=True
        ),
        ExportedSet(
            START,
            "Day 1",
            "Squat",
            1,
            Weight.of("102.5", Unit.KG),
            5,
            Decimal(9),
            'grind, "slow"',
            warmup=False,
        ),
        ExportedSet(
            START, "Day 1", "Curl", 1, Weight.of("45", Unit.LB), 12, None, None, warmup=False
        ),
    ]

    text = strong_csv(sets, ZoneInfo("Europe/Moscow"))
    found = read_export(text.encode(), Unit.KG)

    assert found.app == App.STRONG
    (workout,) = found.workouts
    assert workout.started_at == datetime(2026, 11, 2, 20, 0)  # noqa: DTZ001 (Moscow is UTC+3)
    assert workout.sets == (
        ImportedSet("Squat", Weight.of("60", Unit.KG), 5, warmup=True),
        ImportedSet("Squat", Weight.of("102.5", Unit.KG), 5, Decimal(9), 'grind, "slow"'),
        ImportedSet("Curl", Weight.of("45", Unit.LB), 12),
    )
