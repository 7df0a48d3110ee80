"""A team's own roles: a name and the permissions it grants, given to members by those who
manage the team's members (`/team role Judge: scores`, then `/team give Judge` in reply)."""

from __future__ import annotations

from dataclasses import replace

from domain.teams.model import ROLE_NAME_LIMIT, Actor, CustomRole, Membership, Permission
from domain.teams.ports import TeamsUnitOfWork
from domain.teams.use_cases.membership import active_team, authorize

ROLES_A_TEAM = 20


class RoleNameError(ValueError):
    """Not a name a role can have (1 to 32 characters, no comma or colon)."""


class UnknownPermissionError(ValueError):
    """A word that names no permission."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


class TooManyRolesError(ValueError):
    """A team has at most ROLES_A_TEAM roles of its own."""


class NoSuchRoleError(LookupError):
    """The team has no role of that name."""


class NotAMemberError(LookupError):
    """The person is not (or no longer) in the team."""


def read_role(text: str) -> tuple[str, frozenset[Permission]]:
    """`Judge: scores, program` → the name and the permissions."""
    name, _, granted = text.partition(":")
    name = " ".join(name.split())
    if not 1 <= len(name) <= ROLE_NAME_LIMIT or "," in name:
        raise RoleNameError(name)
    known = {p.value: p for p in Permission}
    words = [w.strip().lower() for w in granted.replace(",", " ").split()]
    for word in words:
        if word not in known:
            raise UnknownPermissionError(word)
    return name, frozenset(known[w] for w in words)


class DefineRole:
    """A new role, or new permissions for one of that name."""

    def __init__(self, uow: TeamsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, chat_id: int, actor: Actor, text: str) -> CustomRole:
        """RoleNameError / UnknownPermissionError for what cannot be read; NotAllowedError
        unless the actor manages the team's members; TooManyRolesError past 20."""
        name, granted = read_role(text)
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.MEMBERS)
            roles = await self._uow.teams.roles(team.id or 0)
            same = next((r for r in roles if r.name.casefold() == name.casefold()), None)
            if same is not None:
                role = replace(same, permissions=granted)
                await self._uow.teams.save_role(role)
            elif len(roles) >= ROLES_A_TEAM:
                raise TooManyRolesError(name)
            else:
                role = await self._uow.teams.add_role(CustomRole(None, team.id or 0, name, granted))
            await self._uow.commit()
            return role


class GiveRole:
    """A member gets one of the team's roles (`None`: their own role is taken back)."""

    def __init__(self, uow: TeamsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(
        self, chat_id: int, actor: Actor, member_id: int, role_name: str | None
    ) -> tuple[Membership, CustomRole | None]:
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.MEMBERS)
            held = await self._uow.teams.membership(team.id or 0, member_id)
            if held is None or not held.current:
                raise NotAMemberError(member_id)
            role = None
            if role_name is not None:
                wanted = " ".join(role_name.split()).casefold()
                roles = await self._uow.teams.roles(team.id or 0)
                role = next((r for r in roles if r.name.casefold() == wanted), None)
                if role is None:
                    raise NoSuchRoleError(role_name)
            given = replace(held, custom_role_id=role.id if role else None)
            await self._uow.teams.save_membership(given)
            await self._uow.commit()
            return given, role
