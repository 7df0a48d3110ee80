"""Outgoing messages as values, and what one delivery attempt decides for the row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.outbox.activity import InactiveChats, resume_talking_to, stop_talking_to
from domain.outbox.model import DeliveryState, MessageKind, OutgoingMessage
from domain.outbox.policy import (
    Blocked,
    Decision,
    FloodWait,
    Rejected,
    RetryPolicy,
    Sent,
    Transient,
    after_attempt,
)
from tests.fakes import InMemoryUnitOfWork

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def test_a_message_with_a_photo_is_a_photo_and_its_text_the_caption() -> None:
    photo = OutgoingMessage("k", 1, NOW, text="caption", photo=b"png")
    text = OutgoingMessage("k", 1, NOW, text="hello")

    assert (photo.kind, text.kind) == (MessageKind.PHOTO, MessageKind.TEXT)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"key": ""}, "key"),
        ({"key": "k" * 201}, "key"),
        ({"text": None}, "text or a photo"),
        ({"text": "x" * 4097}, "4096"),
        ({"text": "x" * 1025, "photo": b"png"}, "1024"),
        ({"not_before": datetime(2026, 1, 1)}, "timezone"),  # noqa: DTZ001 - the point of it
    ],
)
def test_a_message_telegram_would_refuse_cannot_be_made(
    fields: dict[str, object], problem: str
) -> None:
    values: dict[str, object] = {"key": "k", "chat_id": 1, "not_before": NOW, "text": "hi"}
    with pytest.raises(ValueError, match=problem):
        OutgoingMessage(**(values | fields))  # type: ignore[arg-type]


def test_a_sent_message_is_sent_with_its_message_id() -> None:
    assert after_attempt(Sent(42), 1, 5) == Decision(DeliveryState.SENT, message_id=42)


def test_a_flood_wait_in_a_private_chat_holds_everyone_back() -> None:
    decision = after_attempt(FloodWait(7, "Too Many Requests: retry after 7"), 3, 5)

    assert decision.state is DeliveryState.QUEUED
    assert decision.retry_in == timedelta(seconds=7)
    assert decision.pause_everyone


def test_a_flood_wait_in_a_group_holds_back_only_that_group() -> None:
    decision = after_attempt(FloodWait(30, "Too Many Requests: retry after 30"), 1, -100500)

    assert decision.state is DeliveryState.QUEUED
    assert not decision.pause_everyone


def test_a_flood_wait_never_fails_a_message_however_many_attempts_it_took() -> None:
    assert after_attempt(FloodWait(1, "429"), 100, 5).state is DeliveryState.QUEUED


def test_server_errors_back_off_exponentially_then_fail() -> None:
    policy = RetryPolicy(max_attempts=4, first_backoff=timedelta(seconds=1))

    waits = [after_attempt(Transient("502"), n, 5, policy).retry_in for n in (1, 2, 3)]
    last = after_attempt(Transient("502"), 4, 5, policy)

    assert waits == [timedelta(seconds=1), timedelta(seconds=2), timedelta(seconds=4)]
    assert (last.state, last.error) == (DeliveryState.FAILED, "502")


def test_backoff_stops_growing_at_the_maximum() -> None:
    policy = RetryPolicy(first_backoff=timedelta(seconds=1), max_backoff=timedelta(minutes=5))

    assert policy.backoff(30) == timedelta(minutes=5)


def test_a_blocked_chat_cancels_the_message_and_goes_inactive() -> None:
    decision = after_attempt(Blocked("Forbidden: bot was blocked by the user"), 1, 5)

    assert (decision.state, decision.deactivate_chat) == (DeliveryState.CANCELLED, True)


def test_a_bad_request_fails_at_once() -> None:
    decision = after_attempt(Rejected("Bad Request: can't parse entities"), 1, 5)

    assert (decision.state, decision.deactivate_chat) == (DeliveryState.FAILED, False)


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
