"""The whiteboard's tables: scores on posted workouts (a correction or a removal is a new
row), each post's board message and what it shows, and the conditioning result each member's
board score is kept as."""

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
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.conditioning.scores import Scheme, Status
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class TeamBoardScoreRow(Base):
    __tablename__ = "team_board_scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("team_wod_posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    scheme: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10))
    reps_at_cap: Mapped[int] = mapped_column(Integer)
    tiebreak: Mapped[int | None] = mapped_column(BigInteger)
    tiebreak_reps: Mapped[bool] = mapped_column(Boolean)
    capped_sets: Mapped[int] = mapped_column(Integer)
    rx: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)
    removed: Mapped[bool] = mapped_column(Boolean, server_default=false())
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime())
    chat_id: Mapped[int] = mapped_column(BigInteger)  # where it was typed: the group, or private
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    entered_by: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        # the same message delivered twice scores once
        UniqueConstraint("chat_id", "source_message_id"),
        Index("ix_team_board_scores_post", "post_id", "logged_at"),
        Index("ix_team_board_scores_user", "user_id", "logged_at"),
        CheckConstraint(one_of("scheme", Scheme), name="scheme"),
        CheckConstraint(one_of("status", Status), name="status"),
    )


class TeamBoardRow(Base):
    """A post's board: made by its first score; `version` goes up with each change."""

    __tablename__ = "team_boards"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("team_wod_posts.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    outbox_key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)  # once delivered
    queued: Mapped[bool] = mapped_column(Boolean, server_default=false())
    version: Mapped[int] = mapped_column(Integer)
    shown_version: Mapped[int] = mapped_column(Integer)
    shown_text: Mapped[str | None] = mapped_column(Text)  # what its message says now
    summarised: Mapped[bool] = mapped_column(Boolean, server_default=false())

    __table_args__ = (Index("ix_team_boards_message", "chat_id", "message_id"),)


class TeamBoardResultRow(Base):
    """The conditioning workout and result a member's score on a post is kept as."""

    __tablename__ = "team_board_results"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("team_wod_posts.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    workout_id: Mapped[int] = mapped_column(
        ForeignKey("conditioning_workouts.id", ondelete="CASCADE")
    )
    result_id: Mapped[int | None] = mapped_column(
        ForeignKey("conditioning_results.id", ondelete="SET NULL")
    )
