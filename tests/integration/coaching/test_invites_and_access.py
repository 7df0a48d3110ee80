"""Coaching on both databases: invite links, one coach at a time, and who may see whom."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.model import payload_hash
from domain.coaching.use_cases.clients import client_card, clients_overview
from domain.coaching.use_cases.invites import (
    AnotherCoachError,
    CreateInvite,
    EndClient,
    InvalidInviteError,
    LeaveCoach,
    NotACoachError,
    NotYourClientError,
    OwnInviteError,
    RevokeInvite,
    coaching_status,
    open_invite,
)
from storage.coaching.tables import CoachingRow, InviteRow
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, NOW, SAM, Words, accept, invite


async def outbox_texts(session_factory: async_sessionmaker[AsyncSession]) -> list[tuple[int, str]]:
    async with session_factory() as session:
        rows = await session.scalars(select(OutboxRow).order_by(OutboxRow.id))
        return [(row.chat_id, row.text or "") for row in rows]


async def test_an_invite_link_makes_a_client_and_the_coach_hears_of_it(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    payload = await invite(uow, clock, SAM)
    offer = await open_invite(uow, clock, payload, ALEX)
    assert (offer.coach.first_name, offer.current_coach) == ("Sam", None)

    await accept(uow, clock, payload, ALEX)

    assert [line.client.first_name for line in await clients_overview(uow, SAM, NOW)] == ["Alex"]
    assert (await coaching_status(uow, ALEX)).coach is not None
    assert await outbox_texts(session_factory) == [(SAM, "Alex joined Sam")]


async def test_only_the_payloads_hash_is_stored(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    payload = await invite(uow, clock, SAM)

    async with session_factory() as session:
        [row] = await session.scalars(select(InviteRow))
    assert row.payload_hash == payload_hash(payload)
    assert payload not in row.payload_hash


async def test_every_bad_link_gets_the_same_answer_and_changes_nothing(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    used = await invite(uow, clock, SAM)
    await accept(uow, clock, used, ALEX)
    revoked_invite, revoked = await CreateInvite(uow, clock)(SAM)
    await RevokeInvite(uow, clock)(SAM, revoked_invite.id or 0)
    expired = await invite(uow, clock, KIM)
    clock.current = NOW + timedelta(days=7)  # an invite lives seven days, no longer
    before = await outbox_texts(session_factory)

    for payload in (used, revoked, expired, "c" + "A" * 32, "cX", "group", "c" + "€" * 3, ""):
        with pytest.raises(InvalidInviteError):
            await open_invite(uow, clock, payload, MASHA)
        with pytest.raises(InvalidInviteError):
            await accept(uow, clock, payload, MASHA)

    assert (await coaching_status(uow, MASHA)).coach is None
    assert await outbox_texts(session_factory) == before


async def test_a_multi_use_link_takes_several_clients_until_it_expires(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    payload = await invite(uow, clock, SAM, multi=True)
    await accept(uow, clock, payload, ALEX)
    clock.current = NOW + timedelta(days=6, hours=23)
    await accept(uow, clock, payload, MASHA)

    assert len(await clients_overview(uow, SAM, clock.current)) == 2


async def test_a_coach_cannot_be_their_own_client_and_non_coaches_have_no_links(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    payload = await invite(uow, clock, SAM)
    with pytest.raises(OwnInviteError):
        await accept(uow, clock, payload, SAM)
    with pytest.raises(NotACoachError):
        await CreateInvite(uow, clock)(ALEX)


async def test_one_coach_at_a_time_and_replacing_tells_the_old_one(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    from_kim = await invite(uow, clock, KIM)

    offer = await open_invite(uow, clock, from_kim, ALEX)
    assert offer.current_coach is not None
    assert offer.current_coach.first_name == "Sam"
    with pytest.raises(AnotherCoachError):
        await accept(uow, clock, from_kim, ALEX)
    await accept(uow, clock, from_kim, ALEX, replace=True)

    assert await clients_overview(uow, SAM, NOW) == []
    assert [line.client.telegram_id for line in await clients_overview(uow, KIM, NOW)] == [ALEX]
    assert (SAM, "Alex ended it (client)") in await outbox_texts(session_factory)
    async with session_factory() as session:
        current = await session.scalars(
            select(CoachingRow).where(
                CoachingRow.athlete_id == ALEX, CoachingRow.ended_at.is_(None)
            )
        )
        assert len(list(current)) == 1


async def test_a_coach_sees_and_ends_only_their_own_clients(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await accept(uow, clock, await invite(uow, clock, KIM), MASHA)

    assert (await client_card(uow, SAM, ALEX, NOW)).client.first_name == "Alex"
    for coach, athlete in ((KIM, ALEX), (SAM, MASHA), (ALEX, ALEX), (SAM, SAM), (SAM, 999)):
        with pytest.raises(NotYourClientError):
            await client_card(uow, coach, athlete, NOW)
        with pytest.raises(NotYourClientError):
            await EndClient(uow, clock, Words())(coach, athlete)
    assert (await client_card(uow, KIM, MASHA, NOW)).client.first_name == "Маша"


async def test_after_the_client_leaves_the_coach_sees_nothing(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)

    coach = await LeaveCoach(uow, clock, Words())(ALEX)

    assert coach.first_name == "Sam"
    assert await clients_overview(uow, SAM, NOW) == []
    with pytest.raises(NotYourClientError):
        await client_card(uow, SAM, ALEX, NOW)
    assert (SAM, "Alex ended it (client)") in await outbox_texts(session_factory)


async def test_the_coach_ending_it_tells_the_client(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)

    await EndClient(uow, clock, Words())(SAM, ALEX)

    assert (ALEX, "Sam ended it (coach)") in await outbox_texts(session_factory)
    assert (await coaching_status(uow, ALEX)).coach is None
