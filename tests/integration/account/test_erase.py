"""/delete erases an athlete everywhere, and /export reads the same rows, on SQLite and
PostgreSQL: every table in the metadata is scanned for their id afterwards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.account.use_cases.data import EraseAccount, ExportAccount
from domain.training.use_cases.imports import ImportPreview, ImportWorkouts, PreviewImport
from storage.migrations.schema import metadata
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, PLAN, seed

EXPORTS = Path(__file__).parents[2] / "exports"
GONE = ATHLETE  # the athlete who asks to be erased
STAYS = 5_000_000_002  # their client, teammate and coach's other client
THIRD = 5_000_000_003
NOW = CLOCK.now()
TODAY = date(2026, 3, 2)

Row = tuple[str, tuple[Any, ...]]


async def import_file(factory: async_sessionmaker[AsyncSession], athlete: int, name: str) -> None:
    data = (EXPORTS / name).read_bytes()
    found = await PreviewImport(SqlUnitOfWork(factory, CLOCK), CLOCK)(athlete, data, "f")
    assert isinstance(found, ImportPreview)
    await ImportWorkouts(SqlUnitOfWork(factory, CLOCK), CLOCK)(athlete, found.import_id, data)


async def put(session: AsyncSession, table: str, *rows: dict[str, Any]) -> None:
    for row in rows:  # one at a time: rows may leave different columns to their defaults
        await session.execute(insert(metadata.tables[table]).values(row))


async def seed_everything(factory: async_sessionmaker[AsyncSession]) -> None:
    """Both athletes in nearly every context, and rows that name them both."""
    await seed(factory, GONE, STAYS, THIRD)
    for athlete in (GONE, STAYS):
        await import_file(factory, athlete, "strong.csv")
        await import_file(factory, athlete, "hevy.csv")
    async with SqlUnitOfWork(factory, CLOCK) as uow:
        mine = replace(PLAN, slug="gone-private", name="Mine")
        shared = replace(PLAN, slug="gone-published", name="Shared")
        await uow.plans.save(mine, builtin=False, owner_id=GONE)
        await uow.plans.save(shared, builtin=False, owner_id=GONE)
        await uow.plans.publish("gone-published", published=True)
        await uow.athlete_plans.start(STAYS, "gone-published", NOW)
        await uow.athlete_plans.start(GONE, "gone-private", NOW)
        await uow.commit()
    async with factory.begin() as session:
        await put(
            session, "coaches", {"user_id": GONE, "since": NOW}, {"user_id": THIRD, "since": NOW}
        )
        await put(
            session,
            "coachings",
            {"id": 1, "coach_id": GONE, "athlete_id": STAYS, "started_at": NOW, "ended_at": None},
            {"id": 2, "coach_id": THIRD, "athlete_id": GONE, "started_at": NOW, "ended_at": None},
            {"id": 3, "coach_id": THIRD, "athlete_id": STAYS, "started_at": NOW, "ended_at": NOW},
        )
        await put(
            session,
            "coaching_messages",
            *(
                {"coaching_id": c, "sender_id": s, "recipient_id": r, "text": "hi", "sent_at": NOW}
                for c, s, r in (
                    (1, GONE, STAYS),
                    (1, STAYS, GONE),
                    (2, THIRD, GONE),
                    (3, THIRD, STAYS),
                )
            ),
        )
        await put(session, "tm_approvals", {"user_id": STAYS, "since": NOW})
        await put(
            session,
            "coach_week_lines",
            {"coach_id": THIRD, "week": "2026-W10", "number": 1, "athlete_id": GONE},
            {"coach_id": THIRD, "week": "2026-W10", "number": 2, "athlete_id": STAYS},
        )
        await put(
            session,
            "teams",
            {"id": 1, "chat_id": -1001, "title": "Gone's box", "owner_id": GONE, "created_at": NOW},
            {
                "id": 2,
                "chat_id": -1002,
                "title": "Stays' box",
                "owner_id": STAYS,
                "created_at": NOW,
            },
        )
        await put(
            session,
            "team_members",
            *(
                {"team_id": team, "user_id": user, "role": role, "joined_at": NOW}
                for team, user, role in (
                    (1, GONE, "owner"),
                    (1, STAYS, "member"),
                    (2, STAYS, "owner"),
                    (2, GONE, "coach"),
                )
            ),
        )
        await put(
            session,
            "tracks",
            {
                "id": 1,
                "kind": "team",
                "name": "Box",
                "text": "x",
                "team_id": 2,
                "created_by": GONE,
                "created_at": NOW,
            },
            {
                "id": 2,
                "kind": "personal",
                "name": "Mine",
                "text": "x",
                "owner_id": GONE,
                "created_by": GONE,
                "created_at": NOW,
            },
        )
        await put(
            session,
            "track_subscriptions",
            {
                "id": 1,
                "track_id": 1,
                "team_id": 2,
                "start": TODAY,
                "day_offset": 0,
                "active": True,
                "changed_at": NOW,
            },
            {
                "id": 2,
                "track_id": 2,
                "user_id": GONE,
                "start": TODAY,
                "day_offset": 0,
                "active": True,
                "changed_at": NOW,
            },
        )
        await put(
            session,
            "team_wod_posts",
            {
                "id": 1,
                "team_id": 2,
                "subscription_id": 1,
                "track_id": 1,
                "on_date": TODAY,
                "day_number": 1,
                "outbox_key": "wod:2",
                "chat_id": -1002,
            },
        )
        score = {
            "post_id": 1,
            "scheme": "reps",
            "value": 100,
            "status": "scored",
            "reps_at_cap": 0,
            "tiebreak_reps": False,
            "capped_sets": 0,
            "rx": True,
            "note": "",
            "removed": False,
            "logged_at": NOW,
            "chat_id": -1002,
        }
        await put(
            session,
            "team_board_scores",
            score | {"user_id": GONE},
            score | {"user_id": STAYS, "entered_by": GONE},
        )
        await put(
            session,
            "reminders",
            *(
                {
                    "athlete_id": a,
                    "enabled": True,
                    "days": 21,
                    "at_minute": 420,
                    "weekly_summary": True,
                }
                for a in (GONE, STAYS)
            ),
        )
        await put(
            session,
            "outbox",
            *(
                {
                    "idempotency_key": f"k:{n}",
                    "chat_id": a,
                    "kind": "text",
                    "text": "hi",
                    "not_before": NOW,
                    "state": "queued",
                }
                for n, a in ((1, GONE), (2, STAYS))
            ),
        )
        await put(
            session,
            "fsm_records",
            *(
                {
                    "key": json.dumps([1, a, a, None, None, "default"], separators=(",", ":")),
                    "data": "{}",
                    "updated_at": NOW,
                }
                for a in (GONE, STAYS)
            ),
        )
        await put(session, "inactive_chats", {"chat_id": GONE, "since": NOW, "reason": "blocked"})


async def rows_naming(factory: async_sessionmaker[AsyncSession], person: int) -> set[Row]:
    """Every row of every table in the metadata with the person's id in a column (or in text)."""
    found: set[Row] = set()
    async with factory() as session:
        for table in metadata.sorted_tables:
            for row in (await session.execute(select(table))).all():
                if any(_names(value, person) for value in row):
                    found.add((table.name, tuple(row)))
    return found


def _names(value: object, person: int) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value == person
    return isinstance(value, str) and str(person) in value


def tables(rows: Sequence[Row] | set[Row]) -> set[str]:
    return {table for table, _ in rows}


async def test_erasing_leaves_no_row_in_any_table_that_names_the_athlete(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed_everything(session_factory)
    before = await rows_naming(session_factory, GONE)
    assert tables(before) >= {
        "users", "workouts", "workout_imports", "personal_records", "exercises", "plans",
        "athlete_plans", "coaches", "coachings", "coaching_messages", "coach_week_lines",
        "teams", "team_members", "tracks", "track_subscriptions", "team_board_scores",
        "reminders", "outbox", "fsm_records", "inactive_chats",
    }  # fmt: skip

    erased = await EraseAccount(SqlUnitOfWork(session_factory, CLOCK), CLOCK)(GONE)

    assert erased is not None
    assert await rows_naming(session_factory, GONE) == set()


async def test_erasing_one_athlete_leaves_everyone_elses_rows_as_they_were(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed_everything(session_factory)
    theirs_before = await rows_naming(session_factory, STAYS)
    gone_before = await rows_naming(session_factory, GONE)

    await EraseAccount(SqlUnitOfWork(session_factory, CLOCK), CLOCK)(GONE)

    theirs_after = await rows_naming(session_factory, STAYS)
    # rows that named both changed (their coaching with the one gone, the score they entered,
    # the published plan now nobody's): the rest are untouched
    untouched = {row for row in theirs_before if row not in gone_before}
    # their coach is gone: their training-max changes no longer wait for approval
    expected = {row for row in untouched if row[0] != "tm_approvals"}
    assert expected <= theirs_after
    assert "tm_approvals" not in tables(theirs_after)
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert (await uow.athlete_plans.active(STAYS)) is not None
        assert await uow.plans.get("gone-published") is not None  # they still follow it
        assert await uow.plans.get("gone-private") is None
        assert len(await uow.workouts.finished(STAYS, 10)) == 3


async def test_the_export_holds_every_row_that_names_the_athlete_and_no_one_elses(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed_everything(session_factory)

    found = await ExportAccount(SqlUnitOfWork(session_factory, CLOCK))(GONE)

    naming = await rows_naming(session_factory, GONE)
    for table in tables(naming):
        assert table in found.rows, table
    assert len(found.rows["workouts"]) == 3
    assert len(found.rows["workout_sets"]) == 8  # reached through their workouts
    assert {m["coaching_id"] for m in found.rows["coaching_messages"]} == {1, 2}
    assert {r["user_id"] for r in found.rows["team_members"]} == {GONE}
    assert all(row["chat_id"] == GONE for row in found.rows["outbox"])
    assert json.loads(json.dumps(found.rows)) == found.rows  # JSON as it is
    assert found.sets_csv.count("\n") == 1 + 8
    assert [slug for slug, _ in found.plans] == ["gone-private", "gone-published"]


async def test_erasing_twice_erases_nothing_the_second_time(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, GONE)
    erase = EraseAccount(SqlUnitOfWork(session_factory, CLOCK), CLOCK)

    assert await erase(GONE) is not None
    assert await erase(GONE) is None
