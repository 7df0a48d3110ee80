"""Coaching's tables: who coaches, their invite links (hashed), and who coaches whom."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.coaching.model import PromptPurpose
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class CoachRow(Base):
    __tablename__ = "coaches"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    since: Mapped[datetime] = mapped_column(UtcDateTime())


class InviteRow(Base):
    """An invite link: only the SHA-256 of its payload is kept, never the payload."""

    __tablename__ = "coach_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("coaches.user_id", ondelete="CASCADE"), index=True
    )
    payload_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    multi_use: Mapped[bool] = mapped_column(Boolean)
    uses: Mapped[int] = mapped_column(Integer)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CoachingRow(Base):
    __tablename__ = "coachings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaches.user_id", ondelete="CASCADE"))
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reports_muted: Mapped[bool] = mapped_column(Boolean, server_default=false())

    __table_args__ = (
        # One coach at a time: at most one coaching in progress per athlete.
        Index(
            "uq_coachings_one_current",
            "athlete_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
        Index("ix_coachings_coach_current", "coach_id", "ended_at"),
    )


class ThreadMessageRow(Base):
    """A message between coach and client; its delivery is the outbox row keyed relay:<id>."""

    __tablename__ = "coaching_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coaching_id: Mapped[int] = mapped_column(ForeignKey("coachings.id", ondelete="CASCADE"))
    sender_id: Mapped[int] = mapped_column(BigInteger)
    recipient_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("ix_coaching_messages_coaching", "coaching_id", "id"),)


class ReplyPromptRow(Base):
    """A message in the coach's chat that, replied to, writes to one client."""

    __tablename__ = "coaching_prompts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    coaching_id: Mapped[int] = mapped_column(ForeignKey("coachings.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))  # PromptPurpose
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint(one_of("purpose", PromptPurpose), name="purpose"),)
