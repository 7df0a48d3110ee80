"""The outbox in SQL: the domain's Outbox port, and the sender's claim / settle transactions."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    Executable,
    Table,
    Update,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.outbox.lanes import BULK_PREFIXES
from domain.outbox.model import (
    Action,
    Button,
    Buttons,
    Copy,
    DeliveryState,
    MessageKind,
    OutgoingMessage,
    Video,
)
from domain.outbox.policy import Decision
from storage.core.columns import UtcDateTime
from storage.core.dialects import dialect_insert
from storage.outbox.tables import InactiveChatRow, OutboxRow, OutboxSenderRow

_CHUNK = 500  # rows per INSERT: SQLite caps the number of bound parameters in one statement
_REASON_LIMIT = 64
EXPIRED = "expired"
_FINISHED = (
    DeliveryState.SENT,
    DeliveryState.CANCELLED,
    DeliveryState.FAILED,
    DeliveryState.UNKNOWN,
)


@dataclass(frozen=True, slots=True)
class Pending:
    """A queued row that is due: enough to schedule it, not its payload."""

    id: int
    chat_id: int
    not_before: datetime
    key: str  # the idempotency key: what the message is, and so its lane


@dataclass(frozen=True, slots=True)
class Claimed:
    """A row this sender run claimed, with everything needed to send it."""

    id: int
    key: str
    chat_id: int
    kind: MessageKind
    text: str | None
    parse_mode: str | None
    photo: bytes | None
    buttons: Buttons
    language: str | None
    attempts: int  # including this one
    video: Video | None = None
    copy: Copy | None = None
    reply_to: int | None = None
    pin: bool = False


async def _execute(
    session: AsyncSession, statement: Executable, parameters: dict[str, Any] | None = None
) -> CursorResult[Any]:
    """Runs a DML statement as plain SQL (no ORM bookkeeping), keeping its rowcount."""
    return await (await session.connection()).execute(statement, parameters)


@cache
def _claim_statement() -> Update:
    """The claim, built once (its aliases took milliseconds to build for every claim): the
    row `row_id` for `run_id` at `at`, if it is queued, neither expired nor waiting for a
    retry, and its chat's first unfinished row (no earlier row queued, none claimed)."""
    outbox = cast("Table", OutboxRow.__table__)
    candidate, earlier = outbox.alias("candidate"), outbox.alias("earlier")
    at = bindparam("at", type_=UtcDateTime())
    chat_busy = exists().where(
        earlier.c.chat_id == candidate.c.chat_id,
        earlier.c.id != candidate.c.id,
        or_(
            earlier.c.state == DeliveryState.CLAIMED,
            and_(
                earlier.c.state == DeliveryState.QUEUED,
                or_(
                    earlier.c.not_before < candidate.c.not_before,
                    and_(
                        earlier.c.not_before == candidate.c.not_before,
                        earlier.c.id < candidate.c.id,
                    ),
                ),
            ),
        ),
    )
    # SKIP LOCKED: a row another sender is claiming right now is refused at once rather than
    # waited for (it would be refused after the wait anyway). SQLite has one writer at a time
    # and no FOR UPDATE; SQLAlchemy leaves the clause out there.
    claimable = (
        select(candidate.c.id)
        .where(
            candidate.c.id == bindparam("row_id"),
            candidate.c.state == DeliveryState.QUEUED,
            or_(candidate.c.expires_at.is_(None), candidate.c.expires_at > at),
            or_(candidate.c.retry_at.is_(None), candidate.c.retry_at <= at),
            ~chat_busy,
        )
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    return (
        update(outbox)
        .where(
            outbox.c.id == bindparam("row_id"),
            outbox.c.state == DeliveryState.QUEUED,
            outbox.c.id == claimable,
        )
        .values(
            state=DeliveryState.CLAIMED,
            claimed_by=bindparam("run_id"),
            claimed_at=at,
            retry_at=None,
            attempts=outbox.c.attempts + 1,
        )
        .returning(
            outbox.c.idempotency_key,
            outbox.c.chat_id,
            outbox.c.kind,
            outbox.c.text,
            outbox.c.parse_mode,
            outbox.c.photo,
            outbox.c.buttons,
            outbox.c.language,
            outbox.c.attempts,
            outbox.c.media,
            outbox.c.reply_to,
            outbox.c.pin,
        )
    )


def _values(message: OutgoingMessage) -> dict[str, Any]:
    return {
        "idempotency_key": message.key,
        "chat_id": message.chat_id,
        "kind": message.kind.value,
        "text": message.text,
        "parse_mode": message.parse_mode,
        "photo": message.photo,
        "media": _dump_media(message),
        "reply_to": message.reply_to,
        "pin": message.pin,
        "buttons": _dump_buttons(message.buttons) if message.buttons else None,
        "language": message.language,
        "not_before": message.not_before,
        "expires_at": message.expires_at,
        "state": DeliveryState.QUEUED.value,
        "attempts": 0,
    }


def _dump_media(message: OutgoingMessage) -> str | None:
    """A video by file id or a copied message, as JSON: {"video": …} or {"copy": […]}."""
    if message.video is not None:
        return json.dumps({"video": message.video.file_id, "start": message.video.start_at})
    if message.copy is not None:
        source = [message.copy.chat_id, message.copy.message_id]
        return json.dumps({"copy": source, "start": message.copy.start_at})
    return None


def _load_media(stored: str | None) -> tuple[Video | None, Copy | None]:
    if stored is None:
        return None, None
    media = json.loads(stored)
    if "video" in media:
        return Video(media["video"], media.get("start")), None
    chat_id, message_id = media["copy"]
    return None, Copy(chat_id, message_id, media.get("start"))


def _dump_buttons(buttons: Buttons) -> str:
    """Rows of {"action": …} objects, with "parameters" when the action has any."""
    rows = [[_button_json(button) for button in row] for row in buttons]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _button_json(button: Button) -> dict[str, Any]:
    if not button.parameters:
        return {"action": button.action.value}
    return {"action": button.action.value, "parameters": dict(button.parameters)}


def _load_buttons(stored: str | None) -> Buttons:
    if stored is None:
        return ()
    return tuple(
        tuple(
            Button(Action(item["action"]), tuple(item.get("parameters", {}).items()))
            for item in row
        )
        for row in json.loads(stored)
    )


def _chunks(items: Sequence[OutgoingMessage]) -> Iterator[Sequence[OutgoingMessage]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class SqlOutbox:
    """The Outbox port in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, message: OutgoingMessage) -> bool:
        return await self.add_all([message]) == 1

    async def add_all(self, messages: Sequence[OutgoingMessage]) -> int:
        insert = dialect_insert(self._session)
        added = 0
        for chunk in _chunks(messages):
            statement = (
                insert(OutboxRow)
                .values([_values(message) for message in chunk])
                .on_conflict_do_nothing(index_elements=["idempotency_key"])
            )
            added += (await _execute(self._session, statement)).rowcount
        return added

    async def deactivate_chat(self, chat_id: int, at: datetime, reason: str) -> int:
        reason = reason[:_REASON_LIMIT]
        await _execute(
            self._session,
            dialect_insert(self._session)(InactiveChatRow)
            .values(chat_id=chat_id, since=at, reason=reason)
            .on_conflict_do_nothing(index_elements=["chat_id"]),
        )
        result = await _execute(
            self._session,
            update(OutboxRow)
            .where(OutboxRow.chat_id == chat_id, OutboxRow.state == DeliveryState.QUEUED)
            .values(state=DeliveryState.CANCELLED, last_error=reason),
        )
        return result.rowcount

    async def reactivate_chat(self, chat_id: int) -> bool:
        statement = delete(InactiveChatRow).where(InactiveChatRow.chat_id == chat_id)
        return bool((await _execute(self._session, statement)).rowcount)


class OutboxQueue:
    """The sender's side: every method is one short transaction of its own.

    Claim, send and settle are separate on purpose: no transaction is open while a request
    is on its way to Telegram, so a slow answer holds no lock.

    Several senders (processes) may share one outbox on PostgreSQL: a claim is one
    conditional UPDATE of a row locked with FOR UPDATE SKIP LOCKED, so two senders never
    both claim a row, and it takes only its chat's first unfinished row, so a chat never has
    two messages in flight nor one overtaking another, whichever sender holds it. Each run
    beats in `outbox_senders`; only the claims of runs silent for a while are abandoned.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory
        bind = session_factory.kw.get("bind")
        # SQLite is one process, so one sender: every other run is dead, heartbeat or not.
        self._sole = bind is not None and bind.dialect.name == "sqlite"

    async def heartbeat(self, run_id: str, at: datetime) -> None:
        """Records that this run is alive (and registers it, before its first claim)."""
        async with self._session_factory.begin() as session:
            statement = (
                dialect_insert(session)(OutboxSenderRow)
                .values(run_id=run_id, last_seen=at)
                .on_conflict_do_update(index_elements=["run_id"], set_={"last_seen": at})
            )
            await _execute(session, statement)

    async def abandon_claims(self, run_id: str, at: datetime, dead_after: timedelta) -> list[str]:
        """Claims of runs silent for `dead_after` (or never seen) become `unknown`; their keys.
        On SQLite, claims of every other run: there is one sender.

        Those runs died before recording the outcome, so the message may or may not have
        arrived: it is never sent again. Their heartbeats are forgotten in the same commit.
        """
        dead = OutboxRow.claimed_by != run_id
        if not self._sole:
            alive = select(OutboxSenderRow.run_id).where(
                OutboxSenderRow.last_seen >= at - dead_after
            )
            dead = and_(dead, OutboxRow.claimed_by.not_in(alive))
        statement = (
            update(OutboxRow)
            .where(
                OutboxRow.state == DeliveryState.CLAIMED,
                or_(OutboxRow.claimed_by.is_(None), dead),
            )
            .values(
                state=DeliveryState.UNKNOWN,
                last_error="the sender stopped between claiming and recording the outcome",
            )
            .returning(OutboxRow.idempotency_key)
        )
        forget = delete(OutboxSenderRow).where(
            OutboxSenderRow.last_seen < at - dead_after, OutboxSenderRow.run_id != run_id
        )
        async with self._session_factory.begin() as session:
            keys = list((await _execute(session, statement)).scalars())
            await _execute(session, forget)
        return keys

    async def retire(self, run_id: str) -> None:
        """Forgets a run that stopped: whatever it still has claimed is abandoned at once."""
        statement = delete(OutboxSenderRow).where(OutboxSenderRow.run_id == run_id)
        async with self._session_factory.begin() as session:
            await _execute(session, statement)

    async def due(self, now: datetime, limit: int, per_chat: int) -> list[Pending]:
        """The queued rows due by `now`, timely before bulk and oldest first within each, at
        most `per_chat` of any one chat: a reminder is read before a fan-out queued earlier.

        A row waiting for its retry (`retry_at` later than `now`) is not due, nor are its
        chat's other rows: they come after it, and none could be claimed yet."""
        bulk = case(
            (
                or_(
                    *(
                        OutboxRow.idempotency_key.startswith(p, autoescape=True)
                        for p in BULK_PREFIXES
                    )
                ),
                1,
            ),
            else_=0,
        ).label("bulk")
        rank = (
            func.row_number()
            .over(
                partition_by=OutboxRow.chat_id,
                order_by=(OutboxRow.not_before, OutboxRow.id),
            )
            .label("rank")
        )
        # A retry keeps its place, first of its chat: the chat waits with it. (A subquery, not
        # a second window: that doubled the read's time, which the sender's loop waits for.)
        held = select(OutboxRow.chat_id).where(
            OutboxRow.state == DeliveryState.QUEUED, OutboxRow.retry_at > now
        )
        ranked = (
            select(
                OutboxRow.id,
                OutboxRow.chat_id,
                OutboxRow.not_before,
                OutboxRow.idempotency_key,
                bulk,
                rank,
            )
            .where(
                OutboxRow.state == DeliveryState.QUEUED,
                OutboxRow.not_before <= now,
                OutboxRow.chat_id.not_in(held),
            )
            .subquery()
        )
        query = (
            select(ranked.c.id, ranked.c.chat_id, ranked.c.not_before, ranked.c.idempotency_key)
            .where(ranked.c.rank <= per_chat)
            .order_by(ranked.c.bulk, ranked.c.not_before, ranked.c.id)
            .limit(limit)
        )
        async with self._session_factory() as session:
            rows = await session.execute(query)
            return [Pending(row_id, chat_id, at, key) for row_id, chat_id, at, key in rows]

    async def claim(self, row_id: int, run_id: str, at: datetime) -> Claimed | None:
        """Takes a queued row for this run; None if it may not go now: it is no longer
        queued, waits for a retry, has expired, or its chat has an earlier message unfinished
        (queued or claimed, by any sender).

        An expired row is cancelled here, so a message hours late is never sent.
        """
        queued = (OutboxRow.id == row_id, OutboxRow.state == DeliveryState.QUEUED)
        parameters = {"row_id": row_id, "run_id": run_id, "at": at}
        async with self._session_factory.begin() as session:
            row = (await _execute(session, _claim_statement(), parameters)).first()
            if row is None:  # rare, so the common claim stays one statement
                expire = (
                    update(OutboxRow)
                    .where(*queued, OutboxRow.expires_at <= at)
                    .values(state=DeliveryState.CANCELLED, last_error=EXPIRED)
                )
                await _execute(session, expire)
                return None
        video, copy = _load_media(row.media)
        return Claimed(
            row_id,
            row.idempotency_key,
            row.chat_id,
            MessageKind(row.kind),
            row.text,
            row.parse_mode,
            row.photo,
            _load_buttons(row.buttons),
            row.language,
            row.attempts,
            video,
            copy,
            row.reply_to,
            row.pin,
        )

    async def release(self, row_id: int, run_id: str) -> None:
        """Gives back a claim that was never tried, as if it had not been taken."""
        async with self._session_factory.begin() as session:
            await _execute(
                session,
                update(OutboxRow)
                .where(
                    OutboxRow.id == row_id,
                    OutboxRow.claimed_by == run_id,
                    OutboxRow.state == DeliveryState.CLAIMED,
                )
                .values(
                    state=DeliveryState.QUEUED,
                    claimed_by=None,
                    claimed_at=None,
                    attempts=OutboxRow.attempts - 1,
                ),
            )

    async def mark_sent(self, row_id: int, run_id: str, message_id: int, at: datetime) -> None:
        async with self._session_factory.begin() as session:
            await _execute(
                session,
                update(OutboxRow)
                .where(OutboxRow.id == row_id, OutboxRow.claimed_by == run_id)
                .values(
                    state=DeliveryState.SENT, sent_at=at, message_id=message_id, last_error=None
                ),
            )

    async def settle(
        self, row_id: int, run_id: str, chat_id: int, decision: Decision, at: datetime
    ) -> int:
        """Records an attempt that did not deliver; returns the chat's other rows it cancelled.

        A retry goes back to `queued` with its place (not_before) kept, so the chat's later
        messages do not overtake it, and with its `retry_at`, so no sender takes it back before
        the retry delay; this sender also holds the chat back in memory for that delay.
        """
        finished = decision.state != DeliveryState.QUEUED
        async with self._session_factory.begin() as session:
            await _execute(
                session,
                update(OutboxRow)
                .where(OutboxRow.id == row_id, OutboxRow.claimed_by == run_id)
                .values(
                    state=decision.state,
                    last_error=decision.error,
                    claimed_by=run_id if finished else None,
                    claimed_at=OutboxRow.claimed_at if finished else None,
                    retry_at=None if finished else at + decision.retry_in,
                ),
            )
            if not decision.deactivate_chat:
                return 0
            return await SqlOutbox(session).deactivate_chat(chat_id, at, decision.error or "")

    async def cancel(self, row_id: int, reason: str) -> bool:
        """Cancels a row that is still queued (its chat went inactive)."""
        async with self._session_factory.begin() as session:
            result = await _execute(
                session,
                update(OutboxRow)
                .where(OutboxRow.id == row_id, OutboxRow.state == DeliveryState.QUEUED)
                .values(state=DeliveryState.CANCELLED, last_error=reason),
            )
        return bool(result.rowcount)

    async def inactive_chats(self) -> set[int]:
        async with self._session_factory() as session:
            return set((await session.execute(select(InactiveChatRow.chat_id))).scalars())

    async def states(self) -> dict[DeliveryState, int]:
        """How many rows are in each state (for logs, tests and the benchmark)."""
        query = select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
        async with self._session_factory() as session:
            rows = await session.execute(query)
            return {DeliveryState(state): count for state, count in rows}

    async def prune(self, older_than: datetime) -> int:
        """Forgets finished rows created before `older_than` (their keys may then repeat)."""
        statement = delete(OutboxRow).where(
            OutboxRow.state.in_(_FINISHED), OutboxRow.created_at < older_than
        )
        async with self._session_factory.begin() as session:
            result = await _execute(session, statement)
        return result.rowcount
