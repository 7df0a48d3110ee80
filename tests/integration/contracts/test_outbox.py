"""The outbox's contract, on the fake and on SQL: each key queued once, inactive chats."""

from __future__ import annotations

from datetime import timedelta

from domain.outbox.model import Action, Button, OutgoingMessage
from tests.integration.catalog import CLOCK
from tests.integration.contracts.conftest import Units

NOW = CLOCK.now()


def message(key: str, chat_id: int = 1) -> OutgoingMessage:
    return OutgoingMessage(
        key,
        chat_id,
        NOW,
        text="⏰ <b>Training day</b>",
        buttons=((Button(Action.OPEN_TODAYS_WORKOUT),),),
        language="ru",
        expires_at=NOW + timedelta(hours=2),
    )


async def test_a_key_is_queued_once_across_units_of_work_and_within_one_batch(
    units: Units,
) -> None:
    async with units() as uow:
        first = await uow.outbox.add(message("a"))
        again = await uow.outbox.add(message("a"))
        await uow.commit()
    async with units() as uow:
        later = await uow.outbox.add(message("a", chat_id=2))
        batch = await uow.outbox.add_all([message("a"), message("b"), message("c")])
        await uow.commit()

    assert (first, again, later, batch) == (True, False, False, 2)


async def test_an_uncommitted_message_leaves_its_key_free(units: Units) -> None:
    async with units() as uow:
        await uow.outbox.add(message("a"))
    async with units() as uow:
        assert await uow.outbox.add(message("a"))


async def test_deactivating_a_chat_cancels_what_is_queued_for_it_and_once_only(
    units: Units,
) -> None:
    async with units() as uow:
        await uow.outbox.add_all([message("a", 1), message("b", 1), message("c", 2)])
        await uow.commit()
    async with units() as uow:
        cancelled = await uow.outbox.deactivate_chat(1, NOW, "Forbidden: bot was blocked")
        again = await uow.outbox.deactivate_chat(1, NOW, "Forbidden: bot was blocked")
        await uow.commit()
    async with units() as uow:
        back = await uow.outbox.reactivate_chat(1)
        twice = await uow.outbox.reactivate_chat(1)
        never = await uow.outbox.reactivate_chat(2)
        await uow.commit()

    assert (cancelled, again) == (2, 0)
    assert (back, twice, never) == (True, False, False)
