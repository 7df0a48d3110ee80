"""The coach's Sunday digest: every client's week once, numbered; a reply to a line reaches
that client under their own summary, and no one else's (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.use_cases.invites import LeaveCoach, NotYourClientError
from domain.coaching.use_cases.weekly import (
    CommentOnWeek,
    NoLineError,
    WeeklyDigests,
    digest_week,
    line_number,
)
from domain.outbox.model import OutgoingMessage
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words, accept, invite

WEEK = "2026-W10"  # Monday 2 March to Sunday 8 March 2026


async def outbox(
    session_factory: async_sessionmaker[AsyncSession], prefix: str
) -> list[tuple[str, int, str | None, int | None]]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(OutboxRow)
            .where(OutboxRow.idempotency_key.startswith(prefix))
            .order_by(OutboxRow.id)
        )
        return [(r.idempotency_key, r.chat_id, r.text, r.reply_to) for r in rows]


async def delivered(
    session_factory: async_sessionmaker[AsyncSession], key: str, message_id: int
) -> None:
    """As the sender records it: the message reached the chat with this id."""
    async with session_factory.begin() as session:
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.idempotency_key == key)
            .values(state="sent", message_id=message_id)
        )


def test_a_line_is_named_by_the_quote_or_by_the_number_the_reply_starts_with() -> None:
    assert line_number("2. Маша — 3/3 sessions", "Strong week") == (2, "Strong week")
    assert line_number(None, "3 great week") == (3, "great week")
    assert line_number(None, "3. great week") == (3, "great week")
    assert line_number("📅 Your clients' week", "great week") is None
    assert line_number(None, "great week") is None


async def test_each_coach_gets_the_week_once_and_a_reply_to_a_line_answers_that_summary(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    for athlete in (ALEX, MASHA):
        await StartPlan(uow, clock)(athlete, "stronglifts")
        await accept(uow, clock, await invite(uow, clock, SAM), athlete)
    workout = await OpenWorkout(uow, clock)(ALEX)
    await LogSet(uow, clock)(ALEX, workout.id or 0, 0, SetResult())
    async with uow:
        await uow.workouts.finish(workout.id or 0, clock.current + timedelta(hours=1))
        await uow.commit()
    digests = WeeklyDigests(uow, clock, Words())

    clock.current = datetime(2026, 3, 8, 19, 59, tzinfo=UTC)  # Sunday, the coach in UTC
    assert await digests() == 0
    clock.current += timedelta(minutes=1)
    assert await digests() == 1
    assert await digests() == 0  # once a week
    parts = await outbox(session_factory, "weekly:")
    assert [(key, chat, text) for key, chat, text, _ in parts] == [
        (f"weekly:{SAM}:{WEEK}:0", SAM, "week of 2026-03-08"),
        (f"weekly:{SAM}:{WEEK}:1", SAM, "1. Alex 1"),
        (f"weekly:{SAM}:{WEEK}:2", SAM, "2. Маша 0"),  # planned sessions: worth a line
    ]

    await delivered(session_factory, f"weekly:{SAM}:{WEEK}:1", 500)
    assert await digest_week(uow, SAM, 500) == WEEK
    assert await digest_week(uow, KIM, 500) is None  # another chat's message 500
    alexs_summary = OutgoingMessage(f"summary:{ALEX}:{WEEK}", ALEX, clock.current, "your week")
    async with uow:
        await uow.outbox.add(alexs_summary)
        await uow.commit()
    await delivered(session_factory, alexs_summary.key, 77)

    commenting = CommentOnWeek(uow, clock, Words())
    assert (await commenting(SAM, WEEK, 1, "Great week")).first_name == "Alex"
    [(_, chat, text, reply_to)] = await outbox(session_factory, "relay:")
    assert (chat, text, reply_to) == (ALEX, "Sam (coach): Great week", 77)
    await commenting(SAM, WEEK, 2, "Where were you?")  # no summary sent: no reply_to
    assert (await outbox(session_factory, "relay:"))[-1][1:] == (
        MASHA,
        "Sam (coach): Where were you?",
        None,
    )
    for coach, number in ((SAM, 3), (KIM, 1)):  # no such line; another coach's line
        with pytest.raises(NoLineError):
            await commenting(coach, WEEK, number, "forged")
    await LeaveCoach(uow, clock, Words())(ALEX)
    with pytest.raises(NotYourClientError):
        await commenting(SAM, WEEK, 1, "after the end")
    assert len(await outbox(session_factory, "relay:")) == 2
