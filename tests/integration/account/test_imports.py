"""Importing Strong and Hevy exports on SQLite and PostgreSQL: once only, into history and
records, and undone as a whole."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.account.use_cases.data import ExportAccount
from domain.training.records import RecordKind
from domain.training.use_cases.imports import (
    AlreadyImported,
    ImportDone,
    ImportPreview,
    ImportWorkouts,
    PreviewImport,
    UndoImport,
)
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, seed

EXPORTS = Path(__file__).parents[2] / "exports"
STRONG = (EXPORTS / "strong.csv").read_bytes()
HEVY = (EXPORTS / "hevy.csv").read_bytes()
OTHER = 5_000_000_002


async def preview(
    factory: async_sessionmaker[AsyncSession], data: bytes, athlete: int = ATHLETE
) -> ImportPreview | AlreadyImported:
    return await PreviewImport(SqlUnitOfWork(factory, CLOCK), CLOCK)(athlete, data, "file-id")


async def run(
    factory: async_sessionmaker[AsyncSession], import_id: int, data: bytes, athlete: int = ATHLETE
) -> ImportDone | AlreadyImported | None:
    return await ImportWorkouts(SqlUnitOfWork(factory, CLOCK), CLOCK)(athlete, import_id, data)


async def imported(factory: async_sessionmaker[AsyncSession], data: bytes) -> ImportDone:
    found = await preview(factory, data)
    assert isinstance(found, ImportPreview)
    done = await run(factory, found.import_id, data)
    assert isinstance(done, ImportDone)
    return done


async def history(factory: async_sessionmaker[AsyncSession]) -> list[tuple[str, int]]:
    async with SqlUnitOfWork(factory, CLOCK) as uow:
        workouts = await uow.workouts.finished(ATHLETE, 50)
    return [(w.day_name, len(w.sets)) for w in workouts]


async def test_the_preview_counts_workouts_and_sets_and_names_matched_and_new_exercises(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)

    found = await preview(session_factory, STRONG)

    assert isinstance(found, ImportPreview)
    assert (found.workouts, found.sets, found.warmups, found.duplicates) == (2, 5, 1, 0)
    assert (found.first.isoformat(), found.last.isoformat()) == ("2024-03-04", "2024-03-06")
    assert found.matched == (("Squat (Barbell)", "Squat"), ("Bench Press (Barbell)", "Bench press"))
    assert found.created == ("Pull Up",)  # not in this test's small library
    assert await history(session_factory) == []  # a preview imports nothing


async def test_imported_workouts_are_in_the_history_and_beat_records_in_date_order(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)

    strong = await imported(session_factory, STRONG)
    hevy = await imported(session_factory, HEVY)

    assert (strong.workouts, strong.sets, strong.records) == (2, 5, 0)  # firsts set baselines
    # 26 March: 110 kg x 5 beats 4 March's 100 kg x 5 by weight and by e1RM; the 60 kg
    # warm-up counts for nothing
    assert (hevy.workouts, hevy.sets, hevy.records) == (1, 3, 2)
    assert await history(session_factory) == [("Leg Day", 3), ("Push", 2), ("Evening Workout", 3)]
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        squats = await uow.workouts.done_sets(ATHLETE, ["squat"])
        own = await uow.exercises.visible_to(ATHLETE)
    # done_sets leaves warm-ups out: 60 kg (4 March, a first set, not a warm-up), 100, 110
    assert [d.weight.amount for _, d in squats] == [Decimal(60), Decimal(100), Decimal(110)]
    assert {e.name for e in own.values()} >= {"Pull Up", "Leg Extension (Machine)"}


async def test_the_same_file_twice_imports_nothing_twice(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    first = await imported(session_factory, STRONG)

    again = await preview(session_factory, STRONG)
    tapped_twice = await run(session_factory, first.import_id, STRONG)

    assert isinstance(again, AlreadyImported)
    assert again.workouts == 2
    assert isinstance(tapped_twice, AlreadyImported)
    assert await history(session_factory) == [("Push", 2), ("Evening Workout", 3)]


async def test_a_later_export_that_overlaps_adds_only_the_new_workouts(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    await imported(session_factory, STRONG)
    later = STRONG + b'2024-03-08 18:00:00,"Pull",40m,"Pull Up",1,10,6,,,,,\n'

    found = await preview(session_factory, later)
    assert isinstance(found, ImportPreview)
    assert (found.workouts, found.duplicates, found.sets) == (1, 2, 1)
    assert (found.first.isoformat(), found.last.isoformat()) == ("2024-03-08", "2024-03-08")
    await run(session_factory, found.import_id, later)

    assert await history(session_factory) == [("Pull", 1), ("Push", 2), ("Evening Workout", 3)]


async def test_undo_removes_the_import_whole_and_the_file_may_come_again(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    strong = await imported(session_factory, STRONG)
    hevy = await imported(session_factory, HEVY)

    removed = await UndoImport(SqlUnitOfWork(session_factory, CLOCK), CLOCK)(
        ATHLETE, hevy.import_id
    )

    assert removed == 1
    assert await history(session_factory) == [("Push", 2), ("Evening Workout", 3)]
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        squats = await uow.workouts.done_sets(ATHLETE, ["squat"])
    assert [d.weight.amount for _, d in squats] == [Decimal(60), Decimal(100)]
    again = await preview(session_factory, HEVY)
    assert isinstance(again, ImportPreview)
    assert again.workouts == 1
    assert strong.import_id != again.import_id


async def test_records_of_an_undone_import_go_with_it(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    await imported(session_factory, STRONG)
    hevy = await imported(session_factory, HEVY)
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        before = await uow.account.rows(ATHLETE)

    await UndoImport(SqlUnitOfWork(session_factory, CLOCK), CLOCK)(ATHLETE, hevy.import_id)

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        after = await uow.account.rows(ATHLETE)
    kinds = {row["kind"] for row in before["personal_records"]}
    assert kinds == {RecordKind.HEAVIEST.value, RecordKind.E1RM.value}
    assert "personal_records" not in after


async def test_another_athlete_can_neither_import_nor_undo_someone_elses_file(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, OTHER)
    found = await preview(session_factory, STRONG)
    assert isinstance(found, ImportPreview)

    forged = await run(session_factory, found.import_id, STRONG, athlete=OTHER)
    done = await run(session_factory, found.import_id, STRONG)
    assert isinstance(done, ImportDone)
    undo = UndoImport(SqlUnitOfWork(session_factory, CLOCK), CLOCK)
    forged_undo = await undo(OTHER, found.import_id)

    assert forged is None
    assert forged_undo is None
    assert await history(session_factory) == [("Push", 2), ("Evening Workout", 3)]


async def test_the_same_file_from_two_athletes_is_two_imports(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, OTHER)
    await imported(session_factory, STRONG)

    theirs = await preview(session_factory, STRONG, athlete=OTHER)

    assert isinstance(theirs, ImportPreview)
    assert theirs.workouts == 2


async def test_two_taps_on_import_at_once_import_the_file_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    found = await preview(session_factory, STRONG)
    assert isinstance(found, ImportPreview)

    results = await asyncio.gather(
        run(session_factory, found.import_id, STRONG), run(session_factory, found.import_id, STRONG)
    )

    assert sorted(type(r).__name__ for r in results) == ["AlreadyImported", "ImportDone"]
    assert await history(session_factory) == [("Push", 2), ("Evening Workout", 3)]


async def test_an_athletes_own_export_read_back_matches_every_exercise_and_adds_nothing(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    await imported(session_factory, STRONG)
    exported = await ExportAccount(SqlUnitOfWork(session_factory, CLOCK))(ATHLETE)

    found = await preview(session_factory, exported.sets_csv.encode())

    assert isinstance(found, ImportPreview)
    assert "(Barbell)" not in exported.sets_csv  # the library's names, which match back
    assert (found.workouts, found.duplicates, found.created) == (0, 2, ())
    assert {ours for _, ours in found.matched} == {"Squat", "Bench press", "Pull Up"}
