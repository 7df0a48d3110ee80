"""The coach's morning digest: once a morning in their time zone, only the clients worth a look,
and never to a coach who turned it off (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.use_cases.digest import DigestSetting, MorningDigests
from domain.coaching.use_cases.messages import Relay
from domain.coaching.use_cases.reviews import AttachVideo, ReceiveVideo
from domain.coaching.videos import Clip, ClipKind, SetRef
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.coaching.tables import CoachRow
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words, accept, invite


async def digests(session_factory: async_sessionmaker[AsyncSession]) -> list[tuple[int, str]]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(OutboxRow)
            .where(OutboxRow.idempotency_key.startswith("digest:"))
            .order_by(OutboxRow.id)
        )
        return [(row.chat_id, row.text or "") for row in rows]


async def test_the_digest_names_who_waits_once_a_morning_and_can_be_turned_off(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    clock.current = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # the coaches live in UTC
    for athlete in (ALEX, MASHA):
        await StartPlan(uow, clock)(athlete, "stronglifts")
        await accept(uow, clock, await invite(uow, clock, SAM), athlete)
    workout = await OpenWorkout(uow, clock)(MASHA)
    await LogSet(uow, clock)(MASHA, workout.id or 0, 0, SetResult())
    video, _ = await ReceiveVideo(uow, clock)(MASHA, Clip("BAAC", ClipKind.VIDEO, MASHA, 7, 9))
    await AttachVideo(uow, clock, Words())(MASHA, video.id or 0, SetRef(workout.id or 0, 0))
    await Relay(uow, clock, Words()).ask_coach(ALEX, "Deload this week?")
    digest = MorningDigests(uow, clock, Words())

    assert await digest() == 0  # 6:00: not yet morning
    clock.current += timedelta(days=2, hours=2)  # 8:00 two days on: the clip waited 50 h
    assert await digest() == 1
    assert await digest() == 0  # once a morning
    async with session_factory() as session:  # marked, so later runs need not look again
        marked = await session.scalar(
            select(CoachRow.digest_sent_on).where(CoachRow.user_id == SAM)
        )
    assert marked == date(2026, 3, 4)
    [(chat, text)] = await digests(session_factory)
    assert chat == SAM
    assert "Alex dropped=False quiet=False videos=0 unanswered=True" in text
    assert "Маша dropped=False quiet=False videos=1 unanswered=False" in text

    await Relay(uow, clock, Words()).write_client(SAM, ALEX, "Yes, 60%.")
    clock.current += timedelta(days=1, hours=5)  # 13:00 the next day: past the morning
    assert await digest() == 0
    clock.current += timedelta(hours=19)  # 8:00 the day after
    assert await digest() == 1
    [_, (_, second)] = await digests(session_factory)
    assert "Alex" not in second  # answered
    assert "Маша" in second

    await DigestSetting(uow)(SAM, on=False)
    await DigestSetting(uow)(KIM, on=True)  # a coach without clients gets none either
    clock.current += timedelta(days=1)
    assert await digest() == 0
    assert not await DigestSetting(uow).is_on(SAM)
