"""Reading Strong's and Hevy's CSV exports: header variants, units, notes, RPE, warm-ups, bad rows.

The files in tests/exports/ are written by hand in each app's format.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from domain.plans.library import load_exercises
from domain.shared.weights import Unit, Weight
from domain.training.imports.convert import to_workout
from domain.training.imports.files import read_export
from domain.training.imports.matching import match_exercises, own_exercise
from domain.training.imports.model import (
    MAX_FILE_BYTES,
    App,
    ImportedSet,
    ImportFileError,
    ImportProblem,
    ProblemKind,
)

EXPORTS = Path(__file__).parents[2] / "exports"
STRONG = (EXPORTS / "strong.csv").read_bytes()
STRONG_OLD = (EXPORTS / "strong-semicolons.csv").read_bytes()
HEVY = (EXPORTS / "hevy.csv").read_bytes()


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def problem_of(data: bytes) -> ImportProblem:
    with pytest.raises(ImportFileError) as raised:
        read_export(data, Unit.KG)
    return raised.value.problem


def test_a_strong_export_is_read_as_workouts_of_sets_with_notes_rpe_and_warm_ups() -> None:
    found = read_export(STRONG, Unit.KG)

    assert found.app == App.STRONG
    assert [(w.started_at, w.name) for w in found.workouts] == [
        (datetime(2024, 3, 4, 18, 30), "Evening Workout"),  # noqa: DTZ001
        (datetime(2024, 3, 6, 19, 0), "Push"),  # noqa: DTZ001
    ]
    assert found.workouts[0].sets == (
        ImportedSet("Squat (Barbell)", kg("60"), 5),
        ImportedSet("Squat (Barbell)", kg("100"), 5, Decimal("8.5"), "felt fast, belt on"),
        ImportedSet("Pull Up", kg("0"), 8),
    )
    assert found.workouts[1].sets == (
        ImportedSet("Bench Press (Barbell)", kg("40"), 10, warmup=True),
        ImportedSet("Bench Press (Barbell)", kg("80"), 5),
    )
    assert found.skipped_rows == 1  # the plank: seconds, no reps


def test_weights_are_stored_as_written_without_trailing_zeros_or_exponents() -> None:
    weights = [s.weight.amount for w in read_export(STRONG, Unit.KG).workouts for s in w.sets]

    assert [str(amount) for amount in weights] == ["60", "100", "0", "40", "80"]


def test_a_strong_export_without_a_unit_column_is_in_the_athletes_unit() -> None:
    found = read_export(STRONG, Unit.LB)

    assert found.workouts[0].sets[1].weight == lb("100")


def test_an_older_semicolon_strong_export_names_each_sets_unit_and_writes_decimal_commas() -> None:
    found = read_export(STRONG_OLD, Unit.KG)

    assert found.app == App.STRONG
    assert found.workouts[0].sets == (
        ImportedSet("Deadlift (Barbell)", lb("225"), 5),
        ImportedSet("Deadlift (Barbell)", kg("102.5"), 3, Decimal(9)),
    )
    assert found.skipped_rows == 1  # the rest timer


def test_a_byte_order_mark_is_no_part_of_the_header() -> None:
    assert read_export(b"\xef\xbb\xbf" + STRONG, Unit.KG).app == App.STRONG


def test_a_hevy_export_keeps_warm_ups_as_warm_ups_and_skips_cardio() -> None:
    found = read_export(HEVY, Unit.LB)

    assert found.app == App.HEVY
    (workout,) = found.workouts
    assert (workout.started_at, workout.name) == (datetime(2024, 3, 26, 18, 3), "Leg Day")  # noqa: DTZ001
    assert workout.sets == (
        ImportedSet("Squat (Barbell)", kg("60"), 5, warmup=True),
        ImportedSet("Squat (Barbell)", kg("110"), 5, Decimal(8), "belt on"),
        ImportedSet("Leg Extension (Machine)", kg("45.5"), 12),
    )
    assert found.skipped_rows == 1


def test_a_hevy_export_in_pounds_is_read_in_pounds() -> None:
    data = HEVY.replace(b'"weight_kg"', b'"weight_lbs"')

    assert read_export(data, Unit.KG).workouts[0].sets[1].weight == lb("110")


def test_a_row_that_does_not_read_stops_the_file_and_names_its_line_and_column() -> None:
    data = STRONG.replace(b"100.0,5,", b"100.0,five,")

    assert problem_of(data) == ImportProblem(ProblemKind.ROW, line=3, column="reps")


def test_an_rpe_above_ten_is_a_bad_row() -> None:
    data = HEVY.replace(b"110,5,,,8", b"110,5,,,11")

    assert problem_of(data) == ImportProblem(ProblemKind.ROW, line=3, column="rpe")


def test_a_date_that_does_not_read_is_a_bad_row() -> None:
    data = HEVY.replace(b'"26 Mar 2024, 18:03","26', b'"yesterday","26', 1)

    assert problem_of(data) == ImportProblem(ProblemKind.ROW, line=2, column="start_time")


def test_a_negative_weight_is_a_bad_row() -> None:
    assert problem_of(STRONG.replace(b",80,5,", b",-80,5,")).column == "weight"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"name,weight\nsquat,100\n", ProblemKind.HEADER),
        (b"", ProblemKind.HEADER),
        (
            "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
            "2024-01-01 10:00:00,Übung,Kniebeuge,1,100,5\n".encode("latin-1"),
            ProblemKind.ENCODING,
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ProblemKind.ENCODING),
        (STRONG.splitlines()[0] + b"\n" + STRONG.splitlines()[3] + b"\n", ProblemKind.EMPTY),
        (STRONG + b"#" * MAX_FILE_BYTES, ProblemKind.TOO_BIG),
    ],
    ids=["header", "nothing", "latin-1", "binary", "only a plank", "too big"],
)
def test_a_file_that_cannot_be_imported_says_why(data: bytes, kind: ProblemKind) -> None:
    assert problem_of(data).kind == kind


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Squat (Barbell)", "squat"),
        ("Bench Press (Barbell)", "bench"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Overhead Press (Barbell)", "ohp"),
        ("Bent Over Row (Barbell)", "barbell_row"),
        ("Pull Up", "pull_up"),
        ("Chin Up", "chin_up"),
        ("Romanian Deadlift (Barbell)", "romanian_deadlift"),
        ("squat", "squat"),
        ("Squat (Dumbbell)", None),
        ("Bench Press (Dumbbell)", None),
        ("Cable Fly", None),
    ],
)
def test_app_exercises_match_the_library_by_name_or_alias(name: str, slug: str | None) -> None:
    assert match_exercises([name], load_exercises()) == {name: slug}


def test_an_unmatched_exercise_becomes_the_athletes_own_under_a_slug_of_its_own() -> None:
    mine = own_exercise(42, "Leg Extension (Machine)")
    theirs = own_exercise(43, "Leg Extension (Machine)")

    assert mine.name == "Leg Extension (Machine)"
    assert mine.region.value == "lower"
    assert mine.slug != theirs.slug
    assert mine.slug not in load_exercises()
    assert len(mine.slug) <= 64
    assert match_exercises(["leg extension (machine)"], {mine.slug: mine}) == {
        "leg extension (machine)": mine.slug
    }


def test_an_imported_workout_starts_at_its_wall_clock_time_in_the_athletes_zone() -> None:
    imported = read_export(STRONG, Unit.KG).workouts[0]
    slugs = {"Squat (Barbell)": "squat", "Pull Up": "pull_up"}

    workout = to_workout(42, imported, ZoneInfo("Europe/Berlin"), slugs, {"squat": "Squat"})

    assert workout.started_at == datetime(2024, 3, 4, 17, 30, tzinfo=UTC)  # CET is UTC+1
    assert workout.finished_at is not None
    assert [
        (s.prescribed.exercise, s.prescribed.display_name, s.prescribed.set_number)
        for s in workout.sets
    ] == [
        ("squat", "Squat", 1),
        ("squat", "Squat", 2),
        ("pull_up", "Pull Up", 1),
    ]
    done = [s.done for s in workout.sets]
    assert all(d is not None for d in done)
    assert [d.logged_at for d in done if d] == sorted(d.logged_at for d in done if d)
