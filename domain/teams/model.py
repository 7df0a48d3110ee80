"""Teams: a group chat that trains together. Its members, their roles and what a role may do,
and the invite links that bring people in with a role."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

TEAM_INVITE_PREFIX = "t"  # a /start payload that starts with it is a team's invite
TEAM_INVITE_LIFETIME = timedelta(days=7)
INVITE_TOKEN_BYTES = 24  # 192 bits: 32 URL-safe characters, inside Telegram's 64
START_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
ROLE_NAME_LIMIT = 32


class Role(StrEnum):
    """The system roles; stored, so never renamed."""

    OWNER = "owner"
    COACH = "coach"
    MEMBER = "member"


class Permission(StrEnum):
    """What a role may do to a team; stored, so never renamed."""

    PROGRAM = "program"  # tracks, the day's notes and scaling
    SCHEDULE = "schedule"  # classes
    SCORES = "scores"  # correct or remove anyone's score
    MEMBERS = "members"  # invite links, roles


SYSTEM_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.COACH: frozenset({Permission.PROGRAM, Permission.SCHEDULE, Permission.SCORES}),
    Role.MEMBER: frozenset(),
}
RANK = {Role.MEMBER: 0, Role.COACH: 1, Role.OWNER: 2}


@dataclass(frozen=True, slots=True)
class Team:
    id: int | None
    chat_id: int
    title: str
    created_at: datetime
    owner_id: int | None = None  # whoever added the bot, if a group admin then
    active: bool = True  # False once the bot is removed; history is kept
    time_zone: str = "UTC"


@dataclass(frozen=True, slots=True)
class CustomRole:
    """A team's own role: a name and the permissions it grants."""

    id: int | None
    team_id: int
    name: str
    permissions: frozenset[Permission]


@dataclass(frozen=True, slots=True)
class Membership:
    """A person in a team, from `joined_at` until `left_at` (ended, never deleted)."""

    id: int | None
    team_id: int
    user_id: int
    role: Role
    joined_at: datetime
    left_at: datetime | None = None
    custom_role_id: int | None = None  # grants its permissions on top of the role's

    @property
    def current(self) -> bool:
        return self.left_at is None


def permissions(membership: Membership | None, custom: CustomRole | None) -> frozenset[Permission]:
    """What this membership may do (none once it has ended)."""
    if membership is None or not membership.current:
        return frozenset()
    granted = SYSTEM_PERMISSIONS[membership.role]
    if custom is not None and custom.id == membership.custom_role_id:
        granted |= custom.permissions
    return granted


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts in a team, as the handler found them: their Telegram id, and whether Telegram's
    admin list says they administer the group now (an anonymous admin posting as the group
    does). Group admins may do everything an owner may."""

    user_id: int
    chat_admin: bool = False


def may(
    actor: Actor, membership: Membership | None, custom: CustomRole | None, need: Permission
) -> bool:
    return actor.chat_admin or need in permissions(membership, custom)


@dataclass(frozen=True, slots=True)
class TeamInvite:
    """An invite link into a team with a role; it expires, can be revoked, may be limited."""

    id: int | None
    team_id: int
    payload_hash: str
    role: Role
    created_by: int
    created_at: datetime
    expires_at: datetime
    custom_role_id: int | None = None
    max_uses: int | None = None  # None: as many as the link is opened before it expires
    uses: int = 0
    revoked_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        spent = self.max_uses is not None and self.uses >= self.max_uses
        return self.revoked_at is None and now < self.expires_at and not spent


def new_team_invite_payload() -> str:
    """A fresh payload for t.me/<bot>?start=…; only its hash is stored."""
    return TEAM_INVITE_PREFIX + secrets.token_urlsafe(INVITE_TOKEN_BYTES)


def team_payload_hash(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()


def is_team_invite_payload(payload: str) -> bool:
    return payload.startswith(TEAM_INVITE_PREFIX) and START_PAYLOAD.fullmatch(payload) is not None
