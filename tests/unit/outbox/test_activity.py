"""Chats that left, and coming back when they speak."""

from __future__ import annotations

from domain.outbox.activity import InactiveChats, resume_talking_to, stop_talking_to
from domain.outbox.model import DeliveryState, OutgoingMessage
from tests.fakes import InMemoryUnitOfWork
from tests.unit.outbox.test_model import NOW


async def test_a_chat_that_left_has_its_queue_cancelled_and_comes_back_when_it_speaks() -> None:
    uow = InMemoryUnitOfWork()
    async with uow:
        await uow.outbox.add_all(
            [OutgoingMessage(key, chat, NOW, text="hi") for key, chat in (("a", 7), ("b", 8))]
        )
        await uow.commit()

    cancelled = await stop_talking_to(uow, 7, NOW, "the bot was kicked")
    back = await resume_talking_to(uow, 7)
    again = await resume_talking_to(uow, 7)

    assert (cancelled, back, again) == (1, True, False)
    states = {key: state for key, (_, state) in uow.committed["outbox"].items()}
    assert states == {"a": DeliveryState.CANCELLED, "b": DeliveryState.QUEUED}


def test_inactive_chats_answer_membership() -> None:
    chats = InactiveChats([1, -100])
    chats.add(2)
    chats.discard(1)

    assert (1 in chats, 2 in chats, -100 in chats, len(chats)) == (False, True, True, 2)
