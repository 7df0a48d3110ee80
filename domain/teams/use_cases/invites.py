"""Invite links into a team with a role: made by those who manage members, opened in private,
accepted once per person; they expire and can be revoked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import enter
from domain.shared.ports import Clock
from domain.teams.model import (
    TEAM_INVITE_LIFETIME,
    Actor,
    Membership,
    Permission,
    Role,
    Team,
    TeamInvite,
    is_team_invite_payload,
    new_team_invite_payload,
    team_payload_hash,
)
from domain.teams.ports import TeamsUnitOfWork
from domain.teams.use_cases.membership import active_team, authorize, ensure_member


class InvalidTeamInviteError(LookupError):
    """Unknown, expired, spent or revoked, or its team is gone: one error, so a guess learns
    nothing."""


@dataclass(frozen=True, slots=True)
class TeamInviteOffer:
    team: Team
    role: Role
    yours: Membership | None  # already in the team: with this role


@dataclass(frozen=True, slots=True)
class MadeInvite:
    payload: str
    invite: TeamInvite
    team: Team


class MakeTeamInvite:
    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, chat_id: int, actor: Actor, role: Role) -> MadeInvite:
        """NotAllowedError unless the actor manages members; nobody invites an owner."""
        if role == Role.OWNER:
            raise ValueError("an invite never makes an owner")
        now = self._clock.now()
        payload = new_team_invite_payload()
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.MEMBERS)
            invite = await self._uow.teams.add_invite(
                TeamInvite(
                    None,
                    team.id or 0,
                    team_payload_hash(payload),
                    role,
                    actor.user_id,
                    now,
                    now + TEAM_INVITE_LIFETIME,
                    # a coach may correct anyone's score: a forwarded link makes one coach
                    max_uses=1 if role == Role.COACH else None,
                )
            )
            await self._uow.commit()
            return MadeInvite(payload, invite, team)


async def _usable(
    uow: TeamsUnitOfWork, payload: str, now: datetime, *, lock: bool = False
) -> tuple[TeamInvite, Team]:
    if not is_team_invite_payload(payload):
        raise InvalidTeamInviteError(payload)
    invite = await uow.teams.invite_by_hash(team_payload_hash(payload), lock=lock)
    team = None if invite is None else await uow.teams.get(invite.team_id)
    if invite is None or team is None or not team.active or not invite.usable(now):
        raise InvalidTeamInviteError(payload)
    return invite, team


async def open_team_invite(
    uow: TeamsUnitOfWork, clock: Clock, payload: str, user_id: int
) -> TeamInviteOffer:
    """What the link offers, for the Accept/Decline card; nothing changes."""
    async with uow:
        invite, team = await _usable(uow, payload, clock.now())
        held = await uow.teams.membership(team.id or 0, user_id)
    return TeamInviteOffer(team, invite.role, held if held is not None and held.current else None)


class AcceptTeamInvite:
    """The person joins the team with the link's role (or keeps a higher one); a link opened
    again by someone already in changes nothing and uses nothing up."""

    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, payload: str, person: Profile) -> tuple[Team, Membership]:
        now = self._clock.now()
        async with self._uow:  # a bad link registers nobody: it is checked first
            invite, team = await _usable(self._uow, payload, now, lock=True)
            await enter(self._uow, person, now)
            membership, changed = await ensure_member(
                self._uow, team.id or 0, person.telegram_id, invite.role, now
            )
            if changed:
                await self._uow.teams.save_invite(replace(invite, uses=invite.uses + 1))
            await self._uow.commit()
            return team, membership


class RevokeTeamInvite:
    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, payload: str, actor: Actor) -> None:
        """NotAllowedError unless the actor made the link or manages the team's members."""
        async with self._uow:
            invite, team = await _usable(self._uow, payload, self._clock.now(), lock=True)
            if invite.created_by != actor.user_id:
                await authorize(self._uow, team, actor, Permission.MEMBERS)
            await self._uow.teams.save_invite(replace(invite, revoked_at=self._clock.now()))
            await self._uow.commit()
