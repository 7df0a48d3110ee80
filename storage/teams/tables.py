"""Teams' tables: the team of a group chat, its members (ended, never deleted), its own roles
and its invite links (their hashes)."""

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
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.teams.model import Role
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    title: Mapped[str] = mapped_column(String(128))
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="SET NULL")
    )
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    time_zone: Mapped[str] = mapped_column(String(64), server_default="UTC")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class TeamRoleRow(Base):
    __tablename__ = "team_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    permissions: Mapped[str] = mapped_column(Text)  # comma-separated Permission values


class TeamMemberRow(Base):
    __tablename__ = "team_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(10))
    custom_role_id: Mapped[int | None] = mapped_column(
        ForeignKey("team_roles.id", ondelete="SET NULL")
    )
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime())
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        CheckConstraint(one_of("role", Role), name="role"),
        Index("ix_team_members_user", "user_id"),
        Index("ix_team_members_team", "team_id", "user_id"),
        # one current membership per person and team: a second Join finds the first
        Index(
            "uq_team_members_current",
            "team_id",
            "user_id",
            unique=True,
            sqlite_where=text("left_at IS NULL"),
            postgresql_where=text("left_at IS NULL"),
        ),
    )


class TeamInviteRow(Base):
    __tablename__ = "team_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    payload_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    custom_role_id: Mapped[int | None] = mapped_column(
        ForeignKey("team_roles.id", ondelete="SET NULL")
    )
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    max_uses: Mapped[int | None] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint(one_of("role", Role), name="role"),)
