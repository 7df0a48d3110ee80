"""Messages between coach and client on both databases: relayed once, replies find their way."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import User
from domain.coaching.use_cases.invites import EndClient, NoCoachError, NotYourClientError
from domain.coaching.use_cases.messages import (
    MessageTooLongError,
    NotARelayError,
    PromptClient,
    Relay,
    thread,
)
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import (
    ALEX,
    KIM,
    MASHA,
    SAM,
    Words,
    accept,
    invite,
)


async def delivered(
    session_factory: async_sessionmaker[AsyncSession], message_id: int
) -> tuple[int, str]:
    """The sender delivers the newest outbox row as `message_id`; its (chat, text)."""
    async with session_factory.begin() as session:
        row = (await session.scalars(select(OutboxRow).order_by(OutboxRow.id.desc()))).first()
        assert row is not None
        await session.execute(
            update(OutboxRow).where(OutboxRow.id == row.id).values(message_id=message_id)
        )
        return row.chat_id, row.text or ""


@pytest.fixture
async def coached(uow: SqlUnitOfWork, clock: FixedClock) -> Relay:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await accept(uow, clock, await invite(uow, clock, KIM), MASHA)
    return Relay(uow, clock, Words())


async def test_a_question_and_its_answers_go_back_and_forth_and_stay_in_the_thread(
    coached: Relay, uow: SqlUnitOfWork, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    coach = await coached.ask_coach(ALEX, "  Is 3×5 enough?  ")
    assert coach.first_name == "Sam"
    assert await delivered(session_factory, 500) == (SAM, "Alex: Is 3×5 enough?")

    client = await coached.reply(SAM, SAM, 500, "Yes, for now.")
    assert client.first_name == "Alex"
    assert await delivered(session_factory, 77) == (ALEX, "Sam (coach): Yes, for now.")

    await coached.reply(ALEX, ALEX, 77, "Thanks!")
    assert await delivered(session_factory, 501) == (SAM, "Alex: Thanks!")

    shown = [(m.sender_id, m.text) for m in await thread(uow, SAM, ALEX)]
    assert shown == [(ALEX, "Is 3×5 enough?"), (SAM, "Yes, for now."), (ALEX, "Thanks!")]
    with pytest.raises(NotYourClientError):
        await thread(uow, KIM, ALEX)


async def test_a_reply_goes_nowhere_unless_it_answers_a_relay_to_the_one_replying(
    coached: Relay, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await coached.ask_coach(ALEX, "Deload?")
    await delivered(session_factory, 500)

    for replier, chat, message in (
        (KIM, KIM, 500),
        (ALEX, ALEX, 500),
        (SAM, SAM, 499),
        (SAM, ALEX, 500),
    ):
        with pytest.raises(NotARelayError):
            await coached.reply(replier, chat, message, "hi")


async def test_after_the_coaching_ends_replies_and_questions_stop(
    coached: Relay,
    uow: SqlUnitOfWork,
    clock: FixedClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await coached.ask_coach(ALEX, "Deload?")
    await delivered(session_factory, 500)
    await EndClient(uow, clock, Words())(SAM, ALEX)

    with pytest.raises(NotYourClientError):
        await coached.reply(SAM, SAM, 500, "Yes")
    with pytest.raises(NoCoachError):
        await coached.ask_coach(ALEX, "Hello?")
    with pytest.raises(NotYourClientError):
        await coached.write_client(SAM, ALEX, "Come back")


async def test_a_prompt_lets_the_coach_write_first_and_only_to_their_client(
    coached: Relay,
    uow: SqlUnitOfWork,
    clock: FixedClock,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    prompt = PromptClient(uow, clock)
    await prompt.remember(SAM, ALEX, 900)
    with pytest.raises(NotYourClientError):
        await prompt.remember(KIM, ALEX, 901)

    await coached.reply(SAM, SAM, 900, "How did day 2 go?")
    assert await delivered(session_factory, 12) == (ALEX, "Sam (coach): How did day 2 go?")
    with pytest.raises(NotARelayError):
        await coached.reply(KIM, KIM, 900, "hi")


async def test_empty_and_overlong_messages_are_refused_and_nothing_is_sent(
    coached: Relay, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    for text in ("   ", "x" * 3501):
        with pytest.raises(MessageTooLongError):
            await coached.ask_coach(ALEX, text)
    async with session_factory() as session:
        keys = list(await session.scalars(select(OutboxRow.idempotency_key)))
    assert not [key for key in keys if key.startswith("relay:")]


async def test_a_message_too_long_once_escaped_is_refused_before_anything_is_stored(
    coached: Relay, uow: SqlUnitOfWork, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """3400 ampersands fit the 3500-character limit; as HTML they are 17 000 characters."""
    refused = Relay(uow, coached._clock, EscapingWords())

    with pytest.raises(MessageTooLongError):
        await refused.ask_coach(ALEX, "&" * 3400)

    assert await thread(uow, SAM, ALEX) == []
    async with session_factory() as session:
        keys = list(await session.scalars(select(OutboxRow.idempotency_key)))
    assert not [key for key in keys if key.startswith("relay:")]


class EscapingWords(Words):
    def relayed(self, recipient: User, sender: User, text: str, *, from_coach: bool) -> str:
        return f"{sender.first_name}: {html.escape(text)}"
