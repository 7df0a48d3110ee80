"""The SQL adapter for the domain's AccountRepository: a walk of the metadata, not a list.

A row is the athlete's when a column that names a person (storage/account/people.py) holds
their id; a row of a table that names nobody is theirs when it belongs to one of theirs
through a foreign key (a workout's sets, a coaching's messages), however deep. New tables
that follow the rule (a foreign key to users.telegram_id) are exported and erased unseen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.account.model import Cell, ExportedSet, Rows
from storage.account.people import PEOPLE, SHARED_IF_USED, Action, person_columns
from storage.core.columns import to_weight
from storage.core.tables import FsmRecordRow
from storage.migrations.schema import metadata
from storage.plans.tables import ExerciseRow
from storage.training.tables import WorkoutRow, WorkoutSetRow

Key = tuple[Any, ...]
Found = dict[str, dict[Key, dict[str, Any]]]  # table → primary key → row
BATCH = 500
FSM = "fsm_records"


class SqlAccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._people = person_columns(metadata)

    async def rows(self, athlete_id: int) -> Rows:
        found: Found = {}
        for table in metadata.sorted_tables:
            columns = [column for column, _ in self._people.get(table.name, [])]
            if table.name == PEOPLE:
                await self._add(found, table, table.c.telegram_id == athlete_id)
            elif columns:
                await self._add(found, table, or_(*(c == athlete_id for c in columns)))
        await self._add_fsm(found, athlete_id)
        await self._add_belonging(found)
        return {
            name: [{k: _cell(v) for k, v in row.items()} for row in rows.values()]
            for name, rows in sorted(found.items())
            if rows
        }

    async def sets(self, athlete_id: int) -> list[ExportedSet]:
        rows = await self._session.execute(
            select(
                WorkoutRow.started_at,
                WorkoutRow.day_name,
                ExerciseRow.name,
                WorkoutSetRow.set_number,
                WorkoutSetRow.done_amount,
                WorkoutSetRow.done_unit,
                WorkoutSetRow.done_reps,
                WorkoutSetRow.rpe,
                WorkoutSetRow.note,
                WorkoutSetRow.warmup,
            )
            .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
            # the library's name, not the plan's label ("Bench press (volume)"): an app, or
            # Spotter's own import, matches it to the same exercise
            .join(ExerciseRow, ExerciseRow.slug == WorkoutSetRow.exercise)
            .where(
                WorkoutRow.user_id == athlete_id,
                WorkoutRow.finished_at.is_not(None),
                WorkoutSetRow.done_amount.is_not(None),
            )
            .order_by(WorkoutRow.started_at, WorkoutSetRow.position)
        )
        found = []
        for row in rows:
            if row.done_amount is None or row.done_unit is None or row.done_reps is None:
                continue
            found.append(
                ExportedSet(
                    workout_started_at=row.started_at,
                    workout_name=row.day_name,
                    exercise=row.name,
                    set_order=row.set_number,
                    weight=to_weight(row.done_amount, row.done_unit),
                    reps=row.done_reps,
                    rpe=row.rpe,
                    note=row.note,
                    warmup=row.warmup,
                )
            )
        return found

    async def erase(self, athlete_id: int) -> dict[str, int]:
        """Deletes the athlete's rows (and what belongs to them), then clears their id from
        the shared rows that named them, then the athlete."""
        doomed: Found = {}
        for table in metadata.sorted_tables:
            deleting = [
                c for c, action in self._people.get(table.name, []) if action == Action.DELETE
            ]
            if deleting:
                await self._add(doomed, table, or_(*(c == athlete_id for c in deleting)))
        await self._add_belonging(doomed)
        await self._add_unused_shared(doomed, athlete_id)
        counts: dict[str, int] = {}
        for table in reversed(metadata.sorted_tables):
            keys = list(doomed.get(table.name, {}))
            if keys and table.name != PEOPLE:
                counts[table.name] = await self._delete(table, keys)
        for table in metadata.sorted_tables:
            for column, action in self._people.get(table.name, []):
                if action == Action.DELETE:
                    continue
                value = None if action == Action.CLEAR else 0
                result = await self._session.execute(
                    update(table).where(column == athlete_id).values({column.name: value})
                )
                counts[table.name] = counts.get(table.name, 0) + _count(result)
        fsm: Found = {}
        await self._add_fsm(fsm, athlete_id)
        if fsm.get(FSM):
            keys = [key for (key,) in fsm[FSM]]
            await self._session.execute(delete(FsmRecordRow).where(FsmRecordRow.key.in_(keys)))
            counts[FSM] = len(keys)
        people = metadata.tables[PEOPLE]
        result = await self._session.execute(
            delete(people).where(people.c.telegram_id == athlete_id)
        )
        counts[PEOPLE] = _count(result)
        return counts

    async def _add(self, found: Found, table: Table, where: ColumnElement[bool]) -> int:
        """Adds the rows that match; returns how many were new."""
        rows = found.setdefault(table.name, {})
        added = 0
        for row in (await self._session.execute(select(table).where(where))).mappings():
            key = tuple(row[c.name] for c in table.primary_key.columns)
            if key not in rows:
                rows[key] = dict(row)
                added += 1
        return added

    async def _add_belonging(self, found: Found) -> None:
        """Adds the rows of tables that name nobody and belong to rows found, until none."""
        growing = True
        while growing:
            growing = False
            for table in metadata.sorted_tables:
                if table.name in self._people or table.name in (PEOPLE, FSM):
                    continue
                for key in table.foreign_keys:
                    parent = key.column.table
                    if parent.name == PEOPLE or not found.get(parent.name):
                        continue
                    values = list({row[key.column.name] for row in found[parent.name].values()})
                    for batch in _batches(values):
                        if await self._add(found, table, key.parent.in_(batch)):
                            growing = True

    async def _add_unused_shared(self, doomed: Found, athlete_id: int) -> None:
        """Adds the shared rows the athlete owns that no one else's row refers to."""
        for name in SHARED_IF_USED:
            table = metadata.tables[name]
            owners = [c for c, _ in self._people.get(name, [])]
            owned: Found = {}
            await self._add(owned, table, or_(*(c == athlete_id for c in owners)))
            for key, row in owned.get(name, {}).items():
                if not await self._used_by_others(table, row, doomed):
                    doomed.setdefault(name, {})[key] = row

    async def _used_by_others(self, table: Table, row: dict[str, Any], doomed: Found) -> bool:
        for other in metadata.sorted_tables:
            for key in other.foreign_keys:
                if key.column.table is not table:
                    continue
                referring = await self._session.execute(
                    select(*other.primary_key.columns).where(key.parent == row[key.column.name])
                )
                mine = doomed.get(other.name, {})
                if any(tuple(r) not in mine for r in referring):
                    return True
        return False

    async def _delete(self, table: Table, keys: Sequence[Key]) -> int:
        columns = list(table.primary_key.columns)
        removed = 0
        for batch in _batches(keys):
            if len(columns) == 1:
                where = columns[0].in_([key[0] for key in batch])
            else:
                where = tuple_(*columns).in_(batch)
            result = await self._session.execute(delete(table).where(where))
            removed += _count(result)
        return removed

    async def _add_fsm(self, found: Found, athlete_id: int) -> None:
        """Dialog state kept for their chat or under their user id (keys are JSON arrays)."""
        rows = found.setdefault(FSM, {})
        for row in (await self._session.execute(select(FsmRecordRow.__table__))).mappings():
            fields = json.loads(row["key"])
            if athlete_id in fields[1:3]:  # [bot_id, chat_id, user_id, …]
                rows[(row["key"],)] = dict(row)


def _count(result: object) -> int:
    """Rows an UPDATE or DELETE touched (a CursorResult's rowcount)."""
    return int(getattr(result, "rowcount", 0) or 0)


def _batches(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), BATCH):
        yield values[start : start + BATCH]


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)
