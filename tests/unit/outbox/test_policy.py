"""What one delivery attempt decides for the row."""

from __future__ import annotations

from datetime import timedelta

from domain.outbox.model import DeliveryState
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
