"""The SQL outbox on SQLite and PostgreSQL: queueing by key, claiming, settling, inactive chats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.outbox.model import Action, Button, DeliveryState, MessageKind, OutgoingMessage
from domain.outbox.policy import Blocked, FloodWait, Transient, after_attempt
from scheduler.setup import build_scheduler
from storage.core.ledger import HandledUpdates
from storage.outbox.outbox import OutboxQueue
from storage.outbox.tables import OutboxRow, OutboxSenderRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def message(key: str, chat_id: int = 1, *, at: datetime = NOW, **fields: object) -> OutgoingMessage:
    return OutgoingMessage(key, chat_id, at, **({"text": f"<b>{key}</b>"} | fields))  # type: ignore[arg-type]


async def queue_all(
    session_factory: async_sessionmaker[AsyncSession], *messages: OutgoingMessage
) -> int:
    async with SqlUnitOfWork(session_factory, FixedClock(NOW)) as uow:
        added = await uow.outbox.add_all(messages)
        await uow.commit()
    return added


async def test_a_key_is_queued_once_however_often_it_is_added(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    assert await queue_all(session_factory, message("a"), message("b")) == 2
    assert await queue_all(session_factory, message("a"), message("c")) == 1
    async with SqlUnitOfWork(session_factory, FixedClock(NOW)) as uow:
        assert await uow.outbox.add(message("c")) is False
        assert await uow.outbox.add(message("d")) is True
        await uow.commit()

    states = await OutboxQueue(session_factory).states()

    assert states == {DeliveryState.QUEUED: 4}


async def test_a_thousand_messages_fit_in_one_call(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    messages = [message(f"fan-{n}", chat_id=n) for n in range(1, 1201)]

    assert await queue_all(session_factory, *messages) == 1200
    assert await OutboxQueue(session_factory).states() == {DeliveryState.QUEUED: 1200}


async def test_due_rows_come_oldest_first_a_few_per_chat_and_none_from_the_future(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(
        session_factory,
        message("later", 1, at=NOW + timedelta(minutes=1)),
        message("1-first", 1, at=NOW - timedelta(seconds=30)),
        message("1-second", 1, at=NOW - timedelta(seconds=20)),
        message("1-third", 1, at=NOW - timedelta(seconds=10)),
        message("2-only", 2, at=NOW - timedelta(seconds=25)),
    )
    queue = OutboxQueue(session_factory)

    due = await queue.due(NOW, limit=10, per_chat=2)

    assert [(row.chat_id, row.not_before) for row in due] == [
        (1, NOW - timedelta(seconds=30)),
        (2, NOW - timedelta(seconds=25)),
        (1, NOW - timedelta(seconds=20)),
    ]


async def test_a_reminder_is_read_before_a_fan_out_queued_earlier(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(
        session_factory,
        *(message(f"fan-out:{n}", n, at=NOW - timedelta(minutes=5)) for n in range(10, 20)),
        message("weekly:3:2026-W48:1", 3, at=NOW - timedelta(minutes=4)),
        message("reminder:7:2026-11-28", 7, at=NOW - timedelta(seconds=1)),
        message("relay:9", 9, at=NOW),
    )

    due = await OutboxQueue(session_factory).due(NOW, limit=3, per_chat=3)

    # timely first (oldest first among them), then the oldest bulk: a 10-row read is full
    # long before the reminder in a read of the oldest 3
    assert [row.key for row in due] == ["reminder:7:2026-11-28", "relay:9", "fan-out:10"]


async def test_a_row_is_claimed_once_with_its_payload_and_marked_sent(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    buttons = ((Button(Action.OPEN_TODAYS_WORKOUT, (("week", "12"),)),),)
    await queue_all(
        session_factory,
        message(
            "chart", 5, text="Твой прогресс", photo=b"\x89PNG\x00", buttons=buttons, language="ru"
        ),
    )
    queue = OutboxQueue(session_factory)
    (row,) = await queue.due(NOW, 10, 3)

    claimed = await queue.claim(row.id, "run-1", NOW)
    again = await queue.claim(row.id, "run-2", NOW)
    assert claimed is not None
    await queue.mark_sent(row.id, "run-1", 777, NOW)

    assert again is None
    assert (claimed.key, claimed.chat_id, claimed.kind) == ("chart", 5, MessageKind.PHOTO)
    assert (claimed.text, claimed.photo, claimed.parse_mode) == (
        "Твой прогресс",
        b"\x89PNG\x00",
        "HTML",
    )
    assert (claimed.buttons, claimed.language) == (buttons, "ru")
    assert claimed.attempts == 1
    assert await queue.states() == {DeliveryState.SENT: 1}
    assert await queue.due(NOW, 10, 3) == []


async def test_a_row_past_its_expiry_is_cancelled_as_expired_not_claimed(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: a reminder queued before the process died was sent hours late on restart."""
    await queue_all(
        session_factory,
        message("stale", 1, at=NOW - timedelta(hours=5), expires_at=NOW - timedelta(hours=3)),
        message("timeless", 2, at=NOW - timedelta(hours=4)),
        message("fresh", 3, at=NOW - timedelta(hours=1), expires_at=NOW + timedelta(hours=1)),
    )
    queue = OutboxQueue(session_factory)
    stale, timeless, fresh = await queue.due(NOW, 10, 3)

    assert await queue.claim(stale.id, "run", NOW) is None
    assert await queue.claim(timeless.id, "run", NOW) is not None
    assert await queue.claim(fresh.id, "run", NOW) is not None
    async with session_factory() as session:
        expired = await session.scalar(
            select(OutboxRow.last_error).where(OutboxRow.idempotency_key == "stale")
        )
    assert expired == "expired"
    assert await queue.states() == {DeliveryState.CANCELLED: 1, DeliveryState.CLAIMED: 2}


async def test_a_flood_wait_puts_the_row_back_in_its_place(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(session_factory, message("a", at=NOW - timedelta(seconds=2)), message("b"))
    queue = OutboxQueue(session_factory)
    first, second = await queue.due(NOW, 10, 3)
    claimed = await queue.claim(first.id, "run", NOW)
    assert claimed is not None

    decision = after_attempt(FloodWait(3, "Too Many Requests"), claimed.attempts, 1)
    await queue.settle(first.id, "run", 1, decision, NOW)
    due = await queue.due(NOW, 10, 3)
    too_soon = await queue.claim(first.id, "another-run", NOW + timedelta(seconds=2))
    overtaking = await queue.claim(second.id, "another-run", NOW + timedelta(seconds=2))
    retried = await queue.claim(first.id, "run", NOW + timedelta(seconds=3))

    assert [row.id for row in due] == []  # the retry waits its 3 s, and the chat behind it
    assert (too_soon, overtaking) == (None, None)
    assert retried is not None
    assert retried.attempts == 2


async def test_a_row_waiting_for_its_retry_is_not_due_until_then_nor_its_chat_s_later_rows(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression (issue 14): due() read a row waiting for its retry as due, so every sender
    took it up each poll only to have the claim refused."""
    await queue_all(
        session_factory,
        message("a", at=NOW - timedelta(seconds=2)),
        message("b"),
        message("other", chat_id=2),
    )
    queue = OutboxQueue(session_factory)
    first, *_ = await queue.due(NOW, 10, 3)
    claimed = await queue.claim(first.id, "run", NOW)
    assert claimed is not None
    backoff = after_attempt(Transient("Bad Gateway"), claimed.attempts, 1)  # 1 s
    await queue.settle(first.id, "run", 1, backoff, NOW)

    waiting = await queue.due(NOW + timedelta(milliseconds=999), 10, 3)
    retry_time = await queue.due(NOW + timedelta(seconds=1), 10, 3)

    assert [row.key for row in waiting] == ["other"]
    assert [row.key for row in retry_time] == ["a", "b", "other"]


async def test_a_blocked_chat_has_its_queue_cancelled_until_it_speaks_again(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(session_factory, message("a", 7), message("b", 7), message("c", 8))
    queue = OutboxQueue(session_factory)
    first = (await queue.due(NOW, 10, 3))[0]
    claimed = await queue.claim(first.id, "run", NOW)
    assert claimed is not None

    decision = after_attempt(Blocked("Forbidden: bot was blocked by the user"), 1, 7)
    cancelled = await queue.settle(first.id, "run", 7, decision, NOW)

    assert cancelled == 1
    assert await queue.states() == {DeliveryState.CANCELLED: 2, DeliveryState.QUEUED: 1}
    assert await queue.inactive_chats() == {7}
    async with SqlUnitOfWork(session_factory, FixedClock(NOW)) as uow:
        assert await uow.outbox.reactivate_chat(7) is True
        assert await uow.outbox.reactivate_chat(7) is False
        await uow.commit()
    assert await queue.inactive_chats() == set()


async def test_deactivating_twice_keeps_one_record(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, FixedClock(NOW)) as uow:
        await uow.outbox.deactivate_chat(-100123, NOW, "the bot was kicked")
        await uow.outbox.deactivate_chat(-100123, NOW, "the bot was left" * 10)
        await uow.commit()

    assert await OutboxQueue(session_factory).inactive_chats() == {-100123}


POSTGRES_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@POSTGRES_ONLY
async def test_claims_of_a_run_that_died_become_unknown_and_are_not_sent_again(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(
        session_factory,
        *(message(key, chat) for chat, key in enumerate(("silent", "unseen", "mine", "other"), 1)),
        message("q", 5),
    )
    queue = OutboxQueue(session_factory)
    silent, unseen, mine, other, _ = await queue.due(NOW, 10, 3)
    await queue.heartbeat("silent-run", NOW - timedelta(seconds=31))
    await queue.heartbeat("other-live-run", NOW - timedelta(seconds=29))
    await queue.heartbeat("this-run", NOW)
    await queue.claim(silent.id, "silent-run", NOW)
    await queue.claim(unseen.id, "never-beat", NOW)
    await queue.claim(mine.id, "this-run", NOW)
    await queue.claim(other.id, "other-live-run", NOW)

    abandoned = await queue.abandon_claims("this-run", NOW, timedelta(seconds=30))
    again = await queue.abandon_claims("this-run", NOW, timedelta(seconds=30))

    assert sorted(abandoned) == ["silent", "unseen"]
    assert again == []
    assert await queue.states() == {
        DeliveryState.UNKNOWN: 2,
        DeliveryState.CLAIMED: 2,
        DeliveryState.QUEUED: 1,
    }
    assert [row.chat_id for row in await queue.due(NOW, 10, 3)] == [5]
    async with session_factory() as session:
        runs = set((await session.execute(select(OutboxSenderRow.run_id))).scalars())
    assert runs == {"this-run", "other-live-run"}


@POSTGRES_ONLY
async def test_a_run_that_retires_has_its_claims_abandoned_at_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(session_factory, message("left", 1))
    queue = OutboxQueue(session_factory)
    (left,) = await queue.due(NOW, 10, 3)
    await queue.heartbeat("stopping-run", NOW)
    await queue.claim(left.id, "stopping-run", NOW)

    kept = await queue.abandon_claims("this-run", NOW, timedelta(seconds=30))
    await queue.retire("stopping-run")
    abandoned = await queue.abandon_claims("this-run", NOW, timedelta(seconds=30))

    assert (kept, abandoned) == ([], ["left"])


@pytest.mark.parametrize("database_url", [pytest.param("sqlite", id="sqlite")], indirect=True)
async def test_on_sqlite_every_other_run_s_claims_are_abandoned_heartbeat_or_not(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """One process, one sender: a run killed a second ago left its claims to nobody."""
    await queue_all(session_factory, message("left", 1), message("mine", 2))
    queue = OutboxQueue(session_factory)
    left, mine = await queue.due(NOW, 10, 3)
    await queue.heartbeat("killed-run", NOW - timedelta(seconds=1))
    await queue.claim(left.id, "killed-run", NOW)
    await queue.claim(mine.id, "this-run", NOW)

    abandoned = await queue.abandon_claims("this-run", NOW, timedelta(seconds=30))

    assert abandoned == ["left"]


async def test_a_chat_s_later_row_waits_while_an_earlier_one_is_claimed_or_queued(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Issue 14: two senders must never have one chat's messages in flight together."""
    await queue_all(
        session_factory,
        message("first", 1, at=NOW - timedelta(seconds=2)),
        message("second", 1, at=NOW - timedelta(seconds=1)),
        message("elsewhere", 2),
    )
    queue = OutboxQueue(session_factory)
    first, second, elsewhere = await queue.due(NOW, 10, 3)

    overtaking = await queue.claim(second.id, "run-b", NOW)
    claimed = await queue.claim(first.id, "run-a", NOW)
    while_in_flight = await queue.claim(second.id, "run-b", NOW)
    other_chat = await queue.claim(elsewhere.id, "run-b", NOW)
    await queue.mark_sent(first.id, "run-a", 1, NOW)
    after = await queue.claim(second.id, "run-b", NOW)

    assert (overtaking, while_in_flight) == (None, None)
    assert claimed is not None
    assert other_chat is not None
    assert after is not None
    assert after.key == "second"


async def test_pruning_forgets_only_finished_rows_older_than_the_cutoff(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await queue_all(session_factory, message("sent"), message("queued", 2))
    queue = OutboxQueue(session_factory)
    row = (await queue.due(NOW, 10, 3))[0]
    await queue.claim(row.id, "run", NOW)
    await queue.mark_sent(row.id, "run", 1, NOW)

    kept = await queue.prune(datetime(2000, 1, 1, tzinfo=UTC))
    removed = await queue.prune(datetime.now(UTC) + timedelta(minutes=1))

    assert (kept, removed) == (0, 1)
    assert await queue.states() == {DeliveryState.QUEUED: 1}


async def test_the_scheduler_prunes_the_outbox_under_a_fixed_id(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    scheduler = build_scheduler(
        session_factory, HandledUpdates(), FixedClock(NOW), outbox_retention=timedelta(days=3)
    )
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job("prune-outbox")
    finally:
        scheduler.shutdown(wait=False)

    assert job is not None
    assert job.coalesce
    assert job.args[-1] == timedelta(days=3)
