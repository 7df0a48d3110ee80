"""The outbox's tables: messages sent unasked, and chats that no longer listen."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.outbox.model import DeliveryState, MessageKind
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class OutboxRow(Base):
    """A message Spotter sends unasked, and how far its delivery got (scheduler/delivery/)."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(8))
    text: Mapped[str | None] = mapped_column(Text)
    parse_mode: Mapped[str | None] = mapped_column(String(16))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    media: Mapped[str | None] = mapped_column(Text)  # JSON: a video by file id, or a copy
    reply_to: Mapped[int | None] = mapped_column(BigInteger)  # a message of the chat it answers
    pin: Mapped[bool] = mapped_column(Boolean, server_default=false())  # pinned once sent
    buttons: Mapped[str | None] = mapped_column(Text)  # JSON: rows of {"action", "parameters"}
    language: Mapped[str | None] = mapped_column(String(35))  # the recipient's, for the labels
    not_before: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # then cancelled if unsent
    # A retry's own wait (a flood wait, a backoff), so no sender takes it back before then.
    retry_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # the sender run that claimed it
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=func.now())

    __table_args__ = (
        Index("ix_outbox_state", "state", "not_before"),
        Index("ix_outbox_chat_id", "chat_id", "state"),
        Index("ix_outbox_delivered", "chat_id", "message_id"),  # replies to relayed messages
        CheckConstraint(one_of("kind", MessageKind), name="kind"),
        CheckConstraint(one_of("state", DeliveryState), name="state"),
    )


class InactiveChatRow(Base):
    """A chat that blocked the bot or removed it: nothing is sent there until it speaks again."""

    __tablename__ = "inactive_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    since: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(64))


class OutboxSenderRow(Base):
    """A sender run's heartbeat: its claims are abandoned only once it has been silent a while."""

    __tablename__ = "outbox_senders"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime())
