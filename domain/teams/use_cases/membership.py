"""A group becoming a team when the bot is added, people joining and leaving, and who may act."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.athletes.model import Profile, find_time_zone
from domain.athletes.use_cases.registration import enter
from domain.shared.ports import Clock
from domain.teams.classes import ClassRecord
from domain.teams.model import RANK, Actor, Membership, Permission, Role, Team, may
from domain.teams.ports import TeamsUnitOfWork

TITLE_LIMIT = 128  # Telegram's own limit for a chat title


class NoTeamError(LookupError):
    """The chat is not a team now (the bot was never added, or was removed)."""


class NotAllowedError(PermissionError):
    """The acting person may not do this to this team."""


@dataclass(frozen=True, slots=True)
class TeamView:
    team: Team
    members: list[Membership]
    yours: Membership | None  # the viewer's current membership, if any


async def ensure_member(
    uow: TeamsUnitOfWork, team_id: int, user_id: int, role: Role, now: datetime
) -> tuple[Membership, bool]:
    """The person's current membership with at least `role` (a new one, an ended one begun
    again, or the current one raised, never lowered), and whether anything changed."""
    held = await uow.teams.membership(team_id, user_id)
    if held is not None and held.current:
        if RANK[role] <= RANK[held.role]:
            return held, False
        raised = replace(held, role=role)
        await uow.teams.save_membership(raised)
        return raised, True
    return await uow.teams.add_membership(Membership(None, team_id, user_id, role, now)), True


async def active_team(uow: TeamsUnitOfWork, chat_id: int) -> Team:
    """The chat's team, inside the caller's transaction; NoTeamError if there is none now."""
    team = await uow.teams.by_chat(chat_id)
    if team is None or not team.active or team.id is None:
        raise NoTeamError(chat_id)
    return team


async def authorize(uow: TeamsUnitOfWork, team: Team, actor: Actor, need: Permission) -> None:
    """NotAllowedError unless the actor may do `need` to the team (inside a transaction)."""
    membership = await uow.teams.membership(team.id or 0, actor.user_id)
    custom = None
    if membership is not None and membership.custom_role_id is not None:
        custom = await uow.teams.role(membership.custom_role_id)
    if not may(actor, membership, custom, need):
        raise NotAllowedError(need)


class BotAdded:
    """The bot was added to a group (or let back in): the group is a team, once. Whoever added
    it owns a new team if they administer the group; a team that had an owner keeps them."""

    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, chat_id: int, title: str, adder: Profile | None, adder_is_admin: bool
    ) -> tuple[Team, bool]:
        """The team, and whether it is new or back (so the group is greeted once)."""
        now = self._clock.now()
        async with self._uow:
            owner = None
            if adder is not None and adder_is_admin:
                owner = (await enter(self._uow, adder, now)).user.telegram_id
            team = await self._uow.teams.by_chat(chat_id, lock=True)
            greet = team is None or not team.active
            if team is None:
                team = await self._uow.teams.add(
                    Team(None, chat_id, title[:TITLE_LIMIT], now, owner_id=owner)
                )
            else:
                team = replace(
                    team, active=True, title=title[:TITLE_LIMIT], owner_id=team.owner_id or owner
                )
                await self._uow.teams.save(team)
            if team.owner_id is not None:
                await ensure_member(self._uow, team.id or 0, team.owner_id, Role.OWNER, now)
            await self._uow.commit()
            return team, greet


class BotRemoved:
    """The bot left or was removed: the team is inactive, its history kept."""

    def __init__(self, uow: TeamsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, chat_id: int) -> Team | None:
        async with self._uow:
            team = await self._uow.teams.by_chat(chat_id, lock=True)
            if team is not None and team.active:
                team = replace(team, active=False)
                await self._uow.teams.save(team)
            await self._uow.commit()
            return team


class JoinTeam:
    """Join from the team card: a member, once; someone who left is a member again."""

    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, team_id: int, chat_id: int, person: Profile
    ) -> tuple[Membership, bool]:
        """NoTeamError unless `team_id` is the team of `chat_id`, where the Join was pressed
        (then nobody is registered either)."""
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            if team.id != team_id:
                raise NoTeamError(team_id)
            await enter(self._uow, person, self._clock.now())
            joined = await ensure_member(
                self._uow, team_id, person.telegram_id, Role.MEMBER, self._clock.now()
            )
            await self._uow.commit()
            return joined


class LeaveTeam:
    """Someone left the group or was removed: their membership ends, its history kept."""

    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, chat_id: int, user_id: int) -> Membership | None:
        async with self._uow:
            team = await self._uow.teams.by_chat(chat_id)
            if team is None or team.id is None:
                return None
            held = await self._uow.teams.membership(team.id, user_id)
            if held is None or not held.current:
                return None
            ended = replace(held, left_at=self._clock.now())
            await self._uow.teams.save_membership(ended)
            await self._uow.commit()
            return ended


async def team_view(uow: TeamsUnitOfWork, chat_id: int, viewer_id: int) -> TeamView:
    async with uow:
        team = await active_team(uow, chat_id)
        members = await uow.teams.members(team.id or 0)
    yours = next((m for m in members if m.user_id == viewer_id), None)
    return TeamView(team, members, yours)


@dataclass(frozen=True, slots=True)
class MyTeam:
    team: Team
    membership: Membership
    members: int
    classes: ClassRecord  # the last 30 days'


CLASS_RECORD_DAYS = 30


async def my_teams(uow: TeamsUnitOfWork, clock: Clock, user_id: int) -> list[MyTeam]:
    """The person's teams: their role, each team's member count and the person's classes of
    the last 30 days (attended, no-shows, late cancels), for /teams."""
    since = clock.now() - timedelta(days=CLASS_RECORD_DAYS)
    async with uow:
        mine = await uow.teams.teams_of(user_id)
        record = await uow.classes.attendance_of(user_id, since)
        return [
            MyTeam(
                team,
                held,
                len(await uow.teams.members(team.id or 0)),
                record.get(team.id or 0, ClassRecord()),
            )
            for team, held in mine
        ]


async def chat_moved(uow: TeamsUnitOfWork, old_chat_id: int, new_chat_id: int) -> None:
    """A group became a supergroup (a new chat id): its team follows."""
    async with uow:
        await uow.teams.move_chat(old_chat_id, new_chat_id)
        await uow.commit()


class SetTeamTimeZone:
    """The team's time zone: classes and the workout of the day keep its clock."""

    def __init__(self, uow: TeamsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, chat_id: int, actor: Actor, typed: str) -> Team:
        """UnknownTimeZoneError for a zone we do not know; NotAllowedError unless the actor
        manages the team."""
        zone = find_time_zone(typed)
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.MEMBERS)
            team = replace(team, time_zone=zone)
            await self._uow.teams.save(team)
            await self._uow.commit()
            return team
