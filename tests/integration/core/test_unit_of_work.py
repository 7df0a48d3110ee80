from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language, Profile, User
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone, find_user
from storage.core.ledger import HandledUpdates
from storage.core.tables import ProcessedUpdateRow
from storage.uow import SqlUnitOfWork, UpdateAlreadyHandledError, prune_processed_updates
from tests.fakes import FixedClock
from tests.statements import statements_run

NOW = datetime(2026, 5, 4, 3, 2, 1, tzinfo=UTC)
CLOCK = FixedClock(NOW)


def a_user(telegram_id: int = 1) -> User:
    return User(telegram_id, "Ada", None, None, Language.EN, "UTC", NOW)


async def ledger_size(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        return await session.scalar(select(func.count()).select_from(ProcessedUpdateRow)) or 0


async def is_handled(session_factory: async_sessionmaker[AsyncSession], update_id: int) -> bool:
    """What a restarted bot would know: the ledger as loaded from the database."""
    return update_id in await HandledUpdates.load(session_factory, since=NOW - timedelta(days=7))


async def test_an_update_recorded_by_commit_is_reported_as_already_handled(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        await uow.users.add(a_user())
        await uow.commit()

    assert await is_handled(session_factory, 101)
    assert not await is_handled(session_factory, 102)


async def test_an_update_whose_transaction_rolled_back_is_not_handled(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        await uow.users.add(a_user())
        await uow.rollback()

    assert not await is_handled(session_factory, 101)
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.users.get(1) is None


async def test_an_update_with_no_changes_is_still_recorded_by_commit(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        await uow.commit()

    assert await is_handled(session_factory, 101)


async def test_two_commits_record_the_update_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        await uow.users.add(a_user(1))
        await uow.commit()
        await uow.users.add(a_user(2))
        await uow.commit()
        await uow.commit()

    assert await ledger_size(session_factory) == 1
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.users.get(2) is not None


async def test_work_without_an_update_id_leaves_the_ledger_alone(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.users.add(a_user())
        await uow.commit()

    assert await ledger_size(session_factory) == 0


async def test_an_exception_inside_the_block_rolls_back_uncommitted_work(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async def fail_after_adding() -> None:
        async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
            await uow.users.add(a_user(1))
            await uow.commit()
            await uow.users.add(a_user(2))
            raise RuntimeError("handler failed")

    with pytest.raises(RuntimeError, match="handler failed"):
        await fail_after_adding()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.users.get(1) is not None
        assert await uow.users.get(2) is None


async def test_a_duplicate_delivery_that_commits_second_is_undone_and_reported(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with (
        SqlUnitOfWork(session_factory, CLOCK, update_id=101) as first,
        SqlUnitOfWork(session_factory, CLOCK, update_id=101) as second,
    ):
        await first.users.add(a_user(1))
        await first.commit()
        await second.users.add(a_user(2))
        with pytest.raises(UpdateAlreadyHandledError):
            await second.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.users.get(2) is None
    assert await ledger_size(session_factory) == 1


async def test_a_commit_tells_the_in_memory_ledger_at_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    handled = HandledUpdates()
    async with SqlUnitOfWork(session_factory, CLOCK, 101, handled) as uow:
        assert 101 not in handled
        await uow.commit()
        assert 101 in handled
    async with SqlUnitOfWork(session_factory, CLOCK, 102, handled) as uow:
        await uow.users.add(a_user())
        await uow.rollback()

    assert 102 not in handled


async def test_a_cluster_worker_sees_an_update_another_worker_committed(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    first = await HandledUpdates.load(session_factory, NOW - timedelta(days=1), shared=True)
    second = await HandledUpdates.load(session_factory, NOW - timedelta(days=1), shared=True)
    alone = await HandledUpdates.load(session_factory, NOW - timedelta(days=1))
    async with SqlUnitOfWork(session_factory, CLOCK, 301, first) as uow:
        await uow.commit()

    assert await second.seen(301)  # handled by the first, before it died unanswered
    assert not await alone.seen(301)  # one process alone trusts its memory: no query
    assert not await second.seen(302)


async def test_a_cluster_worker_remembers_a_bounded_number_of_updates(
    session_factory: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.core.ledger.SHARED_MEMORY", 8)
    worker = HandledUpdates(session_factory)
    for update_id in range(1, 10):
        worker.add(update_id, NOW)
    assert len(worker) == 7  # the ninth pushed out the two oldest
    assert 1 not in worker
    assert 9 in worker
    assert await worker.seen(401) is False  # forgotten or not, SQL is asked


async def test_the_loaded_ledger_covers_only_the_window_asked_for(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    old, recent = FixedClock(NOW - timedelta(days=3)), FixedClock(NOW)
    async with SqlUnitOfWork(session_factory, old, 1) as uow:
        await uow.commit()
    async with SqlUnitOfWork(session_factory, recent, 2) as uow:
        await uow.commit()

    handled = await HandledUpdates.load(session_factory, since=NOW - timedelta(days=1))

    assert (1 in handled, 2 in handled, len(handled)) == (False, True, 1)
    handled.forget_before(NOW + timedelta(seconds=1))
    assert 2 not in handled


async def test_pruning_forgets_only_updates_processed_before_the_cutoff(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock = FixedClock(NOW - timedelta(days=3))
    for update_id in (1, 2):
        async with SqlUnitOfWork(session_factory, clock, update_id) as uow:
            await uow.commit()
    clock.current = NOW
    async with SqlUnitOfWork(session_factory, clock, 3) as uow:
        await uow.commit()

    pruned = await prune_processed_updates(session_factory, older_than=NOW - timedelta(days=1))

    assert pruned == 2
    assert [await is_handled(session_factory, update_id) for update_id in (1, 2, 3)] == [
        False,
        False,
        True,
    ]


async def test_use_cases_inside_one_update_each_commit_and_the_update_is_recorded_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        await RegisterUser(uow, CLOCK)(Profile(1, "Ada"))
        await SetTimeZone(uow)(1, "Berlin")
        await uow.commit()

    user = await find_user(SqlUnitOfWork(session_factory, CLOCK), 1)
    assert user is not None
    assert user.time_zone == "Europe/Berlin"
    assert await ledger_size(session_factory) == 1


async def test_a_failed_use_case_keeps_what_the_earlier_ones_committed(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        await RegisterUser(uow, CLOCK)(Profile(1, "Ada"))
        with pytest.raises(LookupError):
            await SetTimeZone(uow)(2, "Berlin")
        await uow.commit()

    assert await find_user(SqlUnitOfWork(session_factory, CLOCK), 1) is not None
    assert await is_handled(session_factory, 101)


async def test_a_read_by_a_use_case_holds_no_lock_once_it_returns(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        assert await find_user(uow, 1) is None
        # While the update goes on (talking to Telegram), another one can write at once.
        async with asyncio.timeout(2), SqlUnitOfWork(session_factory, CLOCK) as other:
            await RegisterUser(other, CLOCK)(Profile(1, "Ada"))
        assert await find_user(uow, 1) is not None


async def test_one_transaction_lets_a_read_and_the_write_it_decides_share_one_begin(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    engine = session_factory.kw["bind"]
    async with (
        statements_run(engine) as statements,
        SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow,
        uow.one_transaction(),
    ):
        assert await find_user(uow, 1) is None  # a use case's block, ended
        await RegisterUser(uow, CLOCK)(Profile(1, "Ada"))  # another, committed

    assert sum(s.startswith("BEGIN") for s in statements) == 1, statements
    assert await find_user(SqlUnitOfWork(session_factory, CLOCK), 1) is not None
    assert await is_handled(session_factory, 101)


async def test_one_transaction_holds_no_lock_once_it_ends(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK, update_id=101) as uow:
        async with uow.one_transaction():
            assert await find_user(uow, 1) is None
            assert await find_user(uow, 2) is None
        async with asyncio.timeout(2), SqlUnitOfWork(session_factory, CLOCK) as other:
            await RegisterUser(other, CLOCK)(Profile(1, "Ada"))
        assert await find_user(uow, 1) is not None


async def test_one_transaction_rolls_back_what_the_blocks_inside_left_uncommitted(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async def failing_after_one_commit(uow: SqlUnitOfWork) -> None:
        async with uow.one_transaction(), uow:
            await uow.users.add(a_user(1))
            await uow.commit()
            await uow.users.add(a_user(2))
            raise RuntimeError("the use case failed before committing")

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        with pytest.raises(RuntimeError):
            await failing_after_one_commit(uow)
        async with uow.one_transaction():
            async with uow:
                await uow.users.add(a_user(3))
                assert await uow.users.get(3) is not None  # flushed, not committed
            assert await uow.users.get(3) is not None  # the transaction goes on

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.users.get(1) is not None
        assert await uow.users.get(2) is None
        assert await uow.users.get(3) is None
