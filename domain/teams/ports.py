"""What teams need from storage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.athletes.ports import AthletesUnitOfWork

if TYPE_CHECKING:
    from domain.teams.model import CustomRole, Membership, Team, TeamInvite


class TeamRepository(Protocol):
    async def by_chat(self, chat_id: int, *, lock: bool = False) -> Team | None: ...

    async def get(self, team_id: int) -> Team | None: ...

    async def add(self, team: Team) -> Team:
        """Keeps a new team; a chat has one team (the caller looks first, under a lock)."""
        ...

    async def save(self, team: Team) -> None: ...

    async def membership(self, team_id: int, user_id: int) -> Membership | None:
        """The person's latest membership of the team, current or ended."""
        ...

    async def add_membership(self, membership: Membership) -> Membership: ...

    async def save_membership(self, membership: Membership) -> None: ...

    async def members(self, team_id: int) -> list[Membership]:
        """The current members, oldest first."""
        ...

    async def teams_of(self, user_id: int) -> list[tuple[Team, Membership]]:
        """The person's current memberships of active teams, with each team."""
        ...

    async def add_role(self, role: CustomRole) -> CustomRole: ...

    async def role(self, role_id: int) -> CustomRole | None: ...

    async def roles(self, team_id: int) -> list[CustomRole]: ...

    async def add_invite(self, invite: TeamInvite) -> TeamInvite: ...

    async def invite_by_hash(
        self, payload_hash: str, *, lock: bool = False
    ) -> TeamInvite | None: ...

    async def save_invite(self, invite: TeamInvite) -> None: ...

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its team follows it to the new chat id."""
        ...


class TeamsUnitOfWork(AthletesUnitOfWork, Protocol):
    @property
    def teams(self) -> TeamRepository: ...
