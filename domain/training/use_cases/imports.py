"""Importing another app's export: a preview, the import on the athlete's tap, and its undo.

The same file twice is one import (its SHA-256 is kept per athlete); a workout that starts when
one of the athlete's already did is never added twice, so an export that overlaps an earlier
one adds only what is new. Warm-up sets come in as warm-ups: in the history, never a record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from domain.athletes.use_cases.registration import registered_user
from domain.plans.model import Exercise
from domain.shared.e1rm import E1rmFormula
from domain.shared.ports import Clock
from domain.training.imports.convert import started_at, to_workout
from domain.training.imports.files import read_export
from domain.training.imports.matching import match_exercises, own_exercise
from domain.training.imports.model import App, ExportFile, StoredImport
from domain.training.model import DoneSet, Workout
from domain.training.ports import TrainingUnitOfWork
from domain.training.records import DatedSet, personal_records


@dataclass(frozen=True, slots=True)
class ImportPreview:
    import_id: int
    app: App
    workouts: int  # to add
    duplicates: int  # in the file and in the history already
    sets: int  # to add
    warmups: int  # of those sets
    first: date  # of the workouts to add (of the file's, when none is new)
    last: date
    matched: tuple[tuple[str, str], ...]  # (the app's name, the library's name)
    created: tuple[str, ...]  # names that will be the athlete's own exercises
    skipped_rows: int  # no weight-and-reps set: cardio, timed holds, rest timers


@dataclass(frozen=True, slots=True)
class AlreadyImported:
    import_id: int
    at: datetime
    workouts: int


@dataclass(frozen=True, slots=True)
class ImportDone:
    import_id: int
    workouts: int
    sets: int
    records: int


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PreviewImport:
    """Reads a file the athlete sent and says what importing it would do; imports nothing."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, data: bytes, file_id: str
    ) -> ImportPreview | AlreadyImported:
        """Raises ImportFileError for a file that cannot be imported."""
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            parsed = read_export(data, user.unit)
            digest = content_hash(data)
            stored = await self._uow.imports.find(athlete_id, digest)
            if stored is not None and stored.imported_at is not None:
                return AlreadyImported(stored.id, stored.imported_at, stored.workouts)
            if stored is None:
                stored = await self._uow.imports.add(
                    athlete_id, parsed.app, digest, file_id[:255], self._clock.now()
                )
            library = await self._uow.exercises.visible_to(athlete_id)
            history = await self._uow.imports.started_at(athlete_id)
            preview = _preview(stored, parsed, library, history, user.zone)
            await self._uow.commit()
        return preview


def _preview(
    stored: StoredImport,
    parsed: ExportFile,
    library: dict[str, Exercise],
    history: set[datetime],
    zone: ZoneInfo,
) -> ImportPreview:
    new = [w for w in parsed.workouts if started_at(w, zone) not in history]
    matched = match_exercises(parsed.exercises, library)
    return ImportPreview(
        import_id=stored.id,
        app=parsed.app,
        workouts=len(new),
        duplicates=len(parsed.workouts) - len(new),
        sets=sum(len(w.sets) for w in new),
        warmups=sum(1 for w in new for s in w.sets if s.warmup),
        first=(new or parsed.workouts)[0].started_at.date(),
        last=(new or parsed.workouts)[-1].started_at.date(),
        matched=tuple((name, library[slug].name) for name, slug in matched.items() if slug),
        created=tuple(name for name, slug in matched.items() if slug is None),
        skipped_rows=parsed.skipped_rows,
    )


async def pending_file(uow: TrainingUnitOfWork, athlete_id: int, import_id: int) -> str | None:
    """The Telegram file id of the athlete's own import waiting for their tap, if it is one."""
    async with uow:
        stored = await uow.imports.get(import_id)
    if stored is None or stored.athlete_id != athlete_id or stored.imported_at is not None:
        return None
    return stored.file_id


class ImportWorkouts:
    """Adds the workouts of a previewed file: the athlete's own exercises, sets and records."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, import_id: int, data: bytes
    ) -> ImportDone | AlreadyImported | None:
        """None when the import is not the athlete's, is gone, or the file is not the one seen."""
        async with self._uow:
            stored = await self._uow.imports.get(import_id, lock=True)
            if stored is None or stored.athlete_id != athlete_id:
                return None
            if stored.imported_at is not None:
                return AlreadyImported(stored.id, stored.imported_at, stored.workouts)
            if content_hash(data) != stored.content_hash:
                return None
            user = await registered_user(self._uow, athlete_id)
            parsed = read_export(data, user.unit)
            library = await self._uow.exercises.visible_to(athlete_id)
            slugs: dict[str, str] = {}
            for name, found in match_exercises(parsed.exercises, library).items():
                slugs[name] = found or await self._own(athlete_id, name, library)
            names = {slug: exercise.name for slug, exercise in library.items()}
            history = await self._uow.imports.started_at(athlete_id)
            workouts = [
                to_workout(athlete_id, w, user.zone, slugs, names)
                for w in parsed.workouts
                if started_at(w, user.zone) not in history
            ]
            done = await self._uow.workouts.done_sets(athlete_id, sorted(set(slugs.values())))
            records = 0
            for workout in workouts:
                workout_id = await self._uow.imports.add_workout(import_id, workout)
                records += await self._records(
                    athlete_id, workout_id, workout, done, user.e1rm_formula
                )
            await self._uow.imports.mark_imported(import_id, self._clock.now(), len(workouts))
            await self._uow.commit()
        sets = sum(len(w.sets) for w in workouts)
        return ImportDone(import_id, len(workouts), sets, records)

    async def _own(self, athlete_id: int, name: str, library: dict[str, Exercise]) -> str:
        """Makes the name an exercise of the athlete's own; returns its slug."""
        exercise = own_exercise(athlete_id, name)
        await self._uow.exercises.add_own(athlete_id, exercise)
        library[exercise.slug] = exercise
        return exercise.slug

    async def _records(
        self,
        athlete_id: int,
        workout_id: int,
        workout: Workout,
        history: list[tuple[str, DoneSet]],
        formula: E1rmFormula,
    ) -> int:
        """Stores what the workout beat in the sets before it, then counts it as history."""
        found = 0
        work = [
            (s.prescribed.exercise, s.done)
            for s in workout.sets
            if s.done is not None and s.prescribed.counts
        ]
        for exercise in dict.fromkeys(lift for lift, _ in work):
            before = [
                DatedSet.of(d)
                for lift, d in history
                if lift == exercise and d.logged_at < workout.started_at
            ]
            now = [DatedSet.of(d) for lift, d in work if lift == exercise]
            kinds = {r.kind: r for r in reversed(personal_records(before, now, formula))}
            for record in kinds.values():
                await self._uow.records.add(athlete_id, workout_id, exercise, record)
                found += 1
        history.extend(work)
        return found


class UndoImport:
    """Removes an import and everything it added; the file may then be imported again."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, import_id: int) -> int | None:
        """How many workouts went; None when there is no such import of the athlete's."""
        async with self._uow:
            stored = await self._uow.imports.get(import_id, lock=True)
            if stored is None or stored.athlete_id != athlete_id or stored.imported_at is None:
                return None
            await self._uow.imports.remove(import_id)
            await self._uow.commit()
        return stored.workouts
