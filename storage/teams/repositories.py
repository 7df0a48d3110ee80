"""The SQL adapter for teams."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.teams.model import CustomRole, Membership, Permission, Role, Team, TeamInvite
from storage.teams.tables import TeamInviteRow, TeamMemberRow, TeamRoleRow, TeamRow


def _team(row: TeamRow) -> Team:
    return Team(
        row.id, row.chat_id, row.title, row.created_at, row.owner_id, row.active, row.time_zone
    )


def _membership(row: TeamMemberRow) -> Membership:
    return Membership(
        row.id,
        row.team_id,
        row.user_id,
        Role(row.role),
        row.joined_at,
        row.left_at,
        row.custom_role_id,
    )


def _invite(row: TeamInviteRow) -> TeamInvite:
    return TeamInvite(
        row.id,
        row.team_id,
        row.payload_hash,
        Role(row.role),
        row.created_by,
        row.created_at,
        row.expires_at,
        row.custom_role_id,
        row.max_uses,
        row.uses,
        row.revoked_at,
    )


def _role(row: TeamRoleRow) -> CustomRole:
    known = {p.value: p for p in Permission}
    granted = frozenset(known[v] for v in row.permissions.split(",") if v in known)
    return CustomRole(row.id, row.team_id, row.name, granted)


class SqlTeamRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_chat(self, chat_id: int, *, lock: bool = False) -> Team | None:
        query = select(TeamRow).where(TeamRow.chat_id == chat_id)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else _team(row)

    async def get(self, team_id: int) -> Team | None:
        row = await self._session.get(TeamRow, team_id)
        return None if row is None else _team(row)

    async def add(self, team: Team) -> Team:
        row = TeamRow(
            chat_id=team.chat_id,
            title=team.title,
            owner_id=team.owner_id,
            active=team.active,
            time_zone=team.time_zone,
            created_at=team.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _team(row)

    async def save(self, team: Team) -> None:
        await self._session.execute(
            update(TeamRow)
            .where(TeamRow.id == team.id)
            .values(
                title=team.title,
                owner_id=team.owner_id,
                active=team.active,
                time_zone=team.time_zone,
            )
        )

    async def membership(self, team_id: int, user_id: int) -> Membership | None:
        row = await self._session.scalar(
            select(TeamMemberRow)
            .where(TeamMemberRow.team_id == team_id, TeamMemberRow.user_id == user_id)
            .order_by(TeamMemberRow.left_at.is_not(None), TeamMemberRow.id.desc())
            .limit(1)
            .execution_options(populate_existing=True)
        )
        return None if row is None else _membership(row)

    async def add_membership(self, membership: Membership) -> Membership:
        row = TeamMemberRow(
            team_id=membership.team_id,
            user_id=membership.user_id,
            role=membership.role.value,
            custom_role_id=membership.custom_role_id,
            joined_at=membership.joined_at,
            left_at=membership.left_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _membership(row)

    async def save_membership(self, membership: Membership) -> None:
        await self._session.execute(
            update(TeamMemberRow)
            .where(TeamMemberRow.id == membership.id)
            .values(
                role=membership.role.value,
                custom_role_id=membership.custom_role_id,
                left_at=membership.left_at,
            )
        )

    async def members(self, team_id: int) -> list[Membership]:
        rows = await self._session.scalars(
            select(TeamMemberRow)
            .where(TeamMemberRow.team_id == team_id, TeamMemberRow.left_at.is_(None))
            .order_by(TeamMemberRow.joined_at, TeamMemberRow.id)
        )
        return [_membership(row) for row in rows]

    async def teams_of(self, user_id: int) -> list[tuple[Team, Membership]]:
        rows = await self._session.execute(
            select(TeamRow, TeamMemberRow)
            .join(TeamMemberRow, TeamMemberRow.team_id == TeamRow.id)
            .where(
                TeamMemberRow.user_id == user_id,
                TeamMemberRow.left_at.is_(None),
                TeamRow.active.is_(True),
            )
            .order_by(func.lower(TeamRow.title), TeamRow.id)
        )
        return [(_team(team), _membership(member)) for team, member in rows]

    async def add_role(self, role: CustomRole) -> CustomRole:
        row = TeamRoleRow(
            team_id=role.team_id,
            name=role.name,
            permissions=",".join(p.value for p in Permission if p in role.permissions),
        )
        self._session.add(row)
        await self._session.flush()
        return _role(row)

    async def save_role(self, role: CustomRole) -> None:
        await self._session.execute(
            update(TeamRoleRow)
            .where(TeamRoleRow.id == role.id)
            .values(permissions=",".join(p.value for p in Permission if p in role.permissions))
        )

    async def role(self, role_id: int) -> CustomRole | None:
        row = await self._session.get(TeamRoleRow, role_id)
        return None if row is None else _role(row)

    async def roles(self, team_id: int) -> list[CustomRole]:
        rows = await self._session.scalars(
            select(TeamRoleRow).where(TeamRoleRow.team_id == team_id).order_by(TeamRoleRow.id)
        )
        return [_role(row) for row in rows]

    async def add_invite(self, invite: TeamInvite) -> TeamInvite:
        row = TeamInviteRow(
            team_id=invite.team_id,
            payload_hash=invite.payload_hash,
            role=invite.role.value,
            custom_role_id=invite.custom_role_id,
            created_by=invite.created_by,
            created_at=invite.created_at,
            expires_at=invite.expires_at,
            max_uses=invite.max_uses,
            uses=invite.uses,
            revoked_at=invite.revoked_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _invite(row)

    async def invite_by_hash(self, payload_hash: str, *, lock: bool = False) -> TeamInvite | None:
        query = select(TeamInviteRow).where(TeamInviteRow.payload_hash == payload_hash)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else _invite(row)

    async def save_invite(self, invite: TeamInvite) -> None:
        await self._session.execute(
            update(TeamInviteRow)
            .where(TeamInviteRow.id == invite.id)
            .values(uses=invite.uses, revoked_at=invite.revoked_at)
        )

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        moving = await self._session.scalar(select(TeamRow).where(TeamRow.chat_id == old_chat_id))
        if moving is None:
            return
        # The supergroup may have become a team of its own a moment before this message came
        # (a /team there, or the bot's membership in it): the team with the history wins.
        await self._session.execute(
            delete(TeamRow).where(TeamRow.chat_id == new_chat_id, TeamRow.id != moving.id)
        )
        await self._session.execute(
            update(TeamRow).where(TeamRow.id == moving.id).values(chat_id=new_chat_id)
        )
