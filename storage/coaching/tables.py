"""Coaching's tables: who coaches, their invite links (hashed), and who coaches whom."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.coaching.model import PromptPurpose, ThreadEvent
from domain.coaching.videos import ClipKind, FeedbackKind, VideoStatus
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class CoachRow(Base):
    __tablename__ = "coaches"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    since: Mapped[datetime] = mapped_column(UtcDateTime())
    digest_off: Mapped[bool] = mapped_column(Boolean, server_default=false())
    digest_sent_on: Mapped[date | None] = mapped_column(Date)  # the coach's local day
    weekly_sent_week: Mapped[str | None] = mapped_column(String(8))  # "2026-W10"


class WeekLineRow(Base):
    """A numbered line of a coach's Sunday digest: replying to it comments on that client."""

    __tablename__ = "coach_week_lines"

    coach_id: Mapped[int] = mapped_column(
        ForeignKey("coaches.user_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    week: Mapped[str] = mapped_column(String(8), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    athlete_id: Mapped[int] = mapped_column(BigInteger)


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
    event: Mapped[str | None] = mapped_column(String(20))  # ThreadEvent; None for a message

    __table_args__ = (
        Index("ix_coaching_messages_coaching", "coaching_id", "id"),
        CheckConstraint(f"event IS NULL OR {one_of('event', ThreadEvent)}", name="event"),
    )


class ReplyPromptRow(Base):
    """A message in the coach's chat that, replied to, writes to one client."""

    __tablename__ = "coaching_prompts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    coaching_id: Mapped[int] = mapped_column(ForeignKey("coachings.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))  # PromptPurpose
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint(one_of("purpose", PromptPurpose), name="purpose"),)


class FormVideoRow(Base):
    """A clip of one set an athlete sent their coach: Telegram's file id, never the bytes."""

    __tablename__ = "form_videos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coaching_id: Mapped[int] = mapped_column(ForeignKey("coachings.id", ondelete="CASCADE"))
    athlete_id: Mapped[int] = mapped_column(BigInteger)
    file_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # ClipKind
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)  # the athlete's message with the clip
    duration: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(16))  # VideoStatus
    workout_id: Mapped[int | None] = mapped_column(ForeignKey("workouts.id", ondelete="SET NULL"))
    set_position: Mapped[int | None] = mapped_column(Integer)
    revision_of: Mapped[int | None] = mapped_column(
        ForeignKey("form_videos.id", ondelete="SET NULL")
    )
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("uq_form_videos_message", "chat_id", "message_id", unique=True),
        Index("ix_form_videos_coaching_status", "coaching_id", "status"),
        CheckConstraint(one_of("kind", ClipKind), name="kind"),
        CheckConstraint(one_of("status", VideoStatus), name="status"),
    )


class VideoCardRow(Base):
    """A message in the coach's chat that shows a clip: a reply to it is feedback on it."""

    __tablename__ = "form_video_cards"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    video_id: Mapped[int] = mapped_column(ForeignKey("form_videos.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class VideoFeedbackRow(Base):
    """One reply of the coach's to a clip: text (timed notes parsed when sent) or media."""

    __tablename__ = "form_video_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    video_id: Mapped[int] = mapped_column(ForeignKey("form_videos.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # FeedbackKind
    text: Mapped[str] = mapped_column(Text)
    chat_id: Mapped[int] = mapped_column(BigInteger)  # the coach's reply, copied when media
    message_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("uq_form_video_feedback_message", "chat_id", "message_id", unique=True),
        CheckConstraint(one_of("kind", FeedbackKind), name="kind"),
    )
