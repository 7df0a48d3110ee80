"""Tracks' tables: programming tracks (their canonical text), who follows them (ended, never
deleted), each team's posting settings and notes for a day, and the workouts posted."""

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
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.teams.tracks import PriceKind, TrackKind
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class TrackRow(Base):
    __tablename__ = "tracks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)  # the canonical text, as track_to_text prints it
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    price_kind: Mapped[str] = mapped_column(String(10), server_default=PriceKind.FREE.value)
    price: Mapped[int] = mapped_column(Integer, server_default="0")  # Stars
    trial_days: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (
        CheckConstraint(one_of("kind", TrackKind), name="kind"),
        CheckConstraint(one_of("price_kind", PriceKind), name="price_kind"),
        CheckConstraint("price >= 0 AND trial_days >= 0", name="price"),
    )


class TrackSubscriptionRow(Base):
    __tablename__ = "track_subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    start: Mapped[date] = mapped_column(Date)
    day_offset: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    access_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    paid_for_good: Mapped[bool] = mapped_column(Boolean, server_default=false())

    __table_args__ = (
        CheckConstraint("(team_id IS NULL) <> (user_id IS NULL)", name="one_subscriber"),
        # one subscription per track and subscriber: subscribing again starts it again
        Index(
            "uq_track_subscriptions_team",
            "team_id",
            "track_id",
            unique=True,
            sqlite_where=text("team_id IS NOT NULL"),
            postgresql_where=text("team_id IS NOT NULL"),
        ),
        Index(
            "uq_track_subscriptions_user",
            "user_id",
            "track_id",
            unique=True,
            sqlite_where=text("user_id IS NOT NULL"),
            postgresql_where=text("user_id IS NOT NULL"),
        ),
    )


class TeamWodSettingsRow(Base):
    __tablename__ = "team_wod_settings"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    post_minute: Mapped[int] = mapped_column(Integer)  # local time of day, minutes after midnight
    post_rest_days: Mapped[bool] = mapped_column(Boolean, server_default=false())
    language: Mapped[str | None] = mapped_column(String(35))
    next_post_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)


class TeamWodNoteRow(Base):
    __tablename__ = "team_wod_notes"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    on_date: Mapped[date] = mapped_column(Date, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class TeamWodPostRow(Base):
    __tablename__ = "team_wod_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("track_subscriptions.id", ondelete="CASCADE")
    )
    track_id: Mapped[int] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"))
    on_date: Mapped[date] = mapped_column(Date)
    day_number: Mapped[int] = mapped_column(Integer)
    outbox_key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)  # once delivered

    __table_args__ = (
        UniqueConstraint("subscription_id", "on_date"),
        Index("ix_team_wod_posts_team_day", "team_id", "on_date"),
        Index("ix_team_wod_posts_message", "chat_id", "message_id"),
        # the scheduler reads recent days only (delivery and board changes)
        Index("ix_team_wod_posts_on_date", "on_date"),
    )
