"""Teams on SQLite and PostgreSQL: a group becomes a team once, people join and leave (history
kept), invite links bring people in with a role, and who may do what is checked every time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile, UnknownTimeZoneError
from domain.teams.model import Actor, Permission, Role
from domain.teams.use_cases.invites import (
    AcceptTeamInvite,
    InvalidTeamInviteError,
    MakeTeamInvite,
    RevokeTeamInvite,
    open_team_invite,
)
from domain.teams.use_cases.membership import (
    BotAdded,
    BotRemoved,
    JoinTeam,
    LeaveTeam,
    NotAllowedError,
    NoTeamError,
    SetTeamTimeZone,
    authorize,
    chat_moved,
    my_teams,
    team_view,
)
from domain.teams.use_cases.roles import (
    DefineRole,
    GiveRole,
    NoSuchRoleError,
    NotAMemberError,
    UnknownPermissionError,
)
from storage.teams.tables import TeamMemberRow, TeamRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

GYM, OTHER_GROUP = -1001, -1002
ANN, BEN, CARA = Profile(11, "Ann"), Profile(12, "Ben"), Profile(13, "Cara")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def uow(session_factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> SqlUnitOfWork:
    return SqlUnitOfWork(session_factory, clock)


async def count(session_factory: async_sessionmaker[AsyncSession], table: type) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_the_bot_added_twice_makes_one_team_owned_by_the_admin_who_added_it(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    team, greet = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    again, greet_again = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)

    assert (greet, greet_again) == (True, False)  # the group is greeted once
    assert again.id == team.id
    assert team.owner_id == ANN.telegram_id
    assert await count(session_factory, TeamRow) == 1
    view = await team_view(uow, GYM, ANN.telegram_id)
    assert view.yours is not None
    assert view.yours.role == Role.OWNER


async def test_a_non_admin_adding_the_bot_owns_nothing(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    team, _ = await BotAdded(uow, clock)(GYM, "North Gym", BEN, adder_is_admin=False)

    assert team.owner_id is None
    assert (await team_view(uow, GYM, BEN.telegram_id)).members == []


async def test_join_leave_and_join_again_keep_the_history(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    team, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    team_id = team.id or 0

    _, joined = await JoinTeam(uow, clock)(team_id, GYM, BEN)
    _, joined_twice = await JoinTeam(uow, clock)(team_id, GYM, BEN)  # the tap, delivered again
    assert (joined, joined_twice) == (True, False)
    clock.current += timedelta(days=3)
    ended = await LeaveTeam(uow, clock)(GYM, BEN.telegram_id)
    assert ended is not None
    assert ended.left_at == NOW + timedelta(days=3)
    assert [m.user_id for m in (await team_view(uow, GYM, 0)).members] == [ANN.telegram_id]
    await JoinTeam(uow, clock)(team_id, GYM, BEN)

    assert await count(session_factory, TeamMemberRow) == 3  # Ann, Ben's first, Ben's second
    assert len((await team_view(uow, GYM, 0)).members) == 2


async def test_a_join_button_from_another_groups_card_joins_nothing(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    gym, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    await BotAdded(uow, clock)(OTHER_GROUP, "South Gym", ANN, adder_is_admin=True)

    with pytest.raises(NoTeamError):  # forged: North's team id pressed in South's chat
        await JoinTeam(uow, clock)(gym.id or 0, OTHER_GROUP, BEN)
    assert [m.user_id for m in (await team_view(uow, GYM, 0)).members] == [ANN.telegram_id]
    async with uow:
        assert await uow.users.get(BEN.telegram_id) is None  # nor is Ben registered by it


async def test_an_invite_brings_a_coach_in_once_and_never_lowers_a_role(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    coach_link = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.COACH)
    member_link = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.MEMBER)

    offer = await open_team_invite(uow, clock, coach_link.payload, CARA.telegram_id)
    assert (offer.team.title, offer.role, offer.yours) == ("North Gym", Role.COACH, None)
    _, as_coach = await AcceptTeamInvite(uow, clock)(coach_link.payload, CARA)
    _, still_coach = await AcceptTeamInvite(uow, clock)(member_link.payload, CARA)
    _, owner = await AcceptTeamInvite(uow, clock)(member_link.payload, ANN)

    assert as_coach.role == still_coach.role == Role.COACH
    assert owner.role == Role.OWNER
    assert [row.team.title for row in await my_teams(uow, clock, CARA.telegram_id)] == ["North Gym"]


async def test_who_may_make_and_revoke_invite_links(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    coach = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.COACH)
    await AcceptTeamInvite(uow, clock)(coach.payload, CARA)

    with pytest.raises(NotAllowedError):  # a coach programs and schedules; members are the owner's
        await MakeTeamInvite(uow, clock)(GYM, Actor(CARA.telegram_id), Role.MEMBER)
    with pytest.raises(NotAllowedError):  # someone not in the team at all
        await MakeTeamInvite(uow, clock)(GYM, Actor(BEN.telegram_id), Role.MEMBER)
    by_admin = await MakeTeamInvite(uow, clock)(  # Telegram says Ben administers the group
        GYM, Actor(BEN.telegram_id, chat_admin=True), Role.MEMBER
    )
    with pytest.raises(ValueError, match="owner"):
        await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.OWNER)
    with pytest.raises(NotAllowedError):
        await RevokeTeamInvite(uow, clock)(by_admin.payload, Actor(CARA.telegram_id))

    await RevokeTeamInvite(uow, clock)(by_admin.payload, Actor(BEN.telegram_id))  # its maker
    with pytest.raises(InvalidTeamInviteError):
        await AcceptTeamInvite(uow, clock)(by_admin.payload, Profile(14, "Dan"))
    async with uow:
        assert await uow.users.get(14) is None  # a dead link registers nobody


async def test_an_invite_expires_after_a_week_and_a_removed_bots_team_takes_nobody(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    weekly = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.MEMBER)
    fresh = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.MEMBER)
    clock.current += timedelta(days=7)

    with pytest.raises(InvalidTeamInviteError):
        await open_team_invite(uow, clock, weekly.payload, BEN.telegram_id)
    clock.current -= timedelta(days=1)
    await BotRemoved(uow)(GYM)
    with pytest.raises(InvalidTeamInviteError):
        await AcceptTeamInvite(uow, clock)(fresh.payload, BEN)
    assert await my_teams(uow, clock, ANN.telegram_id) == []  # an inactive team is not listed
    with pytest.raises(NoTeamError):
        await team_view(uow, GYM, ANN.telegram_id)

    back, greet = await BotAdded(uow, clock)(GYM, "North Gym", BEN, adder_is_admin=True)
    assert greet
    assert back.owner_id == ANN.telegram_id  # the team keeps its owner
    assert [row.team.title for row in await my_teams(uow, clock, ANN.telegram_id)] == ["North Gym"]


async def test_the_time_zone_is_set_by_those_who_manage_the_team(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    await JoinTeam(uow, clock)((await team_view(uow, GYM, 0)).team.id or 0, GYM, BEN)

    with pytest.raises(NotAllowedError):
        await SetTeamTimeZone(uow)(GYM, Actor(BEN.telegram_id), "Berlin")
    with pytest.raises(UnknownTimeZoneError):
        await SetTeamTimeZone(uow)(GYM, Actor(ANN.telegram_id), "Atlantis")
    set_by_owner = await SetTeamTimeZone(uow)(GYM, Actor(ANN.telegram_id), "new york")

    assert set_by_owner.time_zone == "America/New_York"
    assert (await team_view(uow, GYM, 0)).team.time_zone == "America/New_York"


async def test_a_coach_link_makes_one_coach_and_a_members_link_many(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    coach = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.COACH)
    members = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.MEMBER)

    await AcceptTeamInvite(uow, clock)(coach.payload, CARA)
    with pytest.raises(InvalidTeamInviteError):  # forwarded on: it made its one coach
        await AcceptTeamInvite(uow, clock)(coach.payload, BEN)
    await AcceptTeamInvite(uow, clock)(members.payload, BEN)
    await AcceptTeamInvite(uow, clock)(members.payload, Profile(14, "Dan"))

    roles = {m.user_id: m.role for m in (await team_view(uow, GYM, 0)).members}
    assert roles == {11: Role.OWNER, 13: Role.COACH, 12: Role.MEMBER, 14: Role.MEMBER}


async def test_a_group_become_supergroup_keeps_its_team_over_one_the_supergroup_made(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    gym, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    await JoinTeam(uow, clock)(gym.id or 0, GYM, BEN)
    await BotAdded(uow, clock)(OTHER_GROUP, "North Gym", None, adder_is_admin=False)

    await chat_moved(uow, GYM, OTHER_GROUP)

    moved = await team_view(uow, OTHER_GROUP, BEN.telegram_id)
    assert moved.team.id == gym.id
    assert {m.user_id for m in moved.members} == {ANN.telegram_id, BEN.telegram_id}
    with pytest.raises(NoTeamError):
        await team_view(uow, GYM, 0)


async def test_a_role_of_the_teams_own_grants_what_it_names_to_whom_it_is_given(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    gym, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    await JoinTeam(uow, clock)(gym.id or 0, GYM, BEN)
    owner, ben = Actor(ANN.telegram_id), Actor(BEN.telegram_id)

    with pytest.raises(NotAllowedError):  # a member makes no roles
        await DefineRole(uow)(GYM, ben, "Judge: scores")
    with pytest.raises(UnknownPermissionError):
        await DefineRole(uow)(GYM, owner, "Judge: scores, everything")
    judge = await DefineRole(uow)(GYM, owner, "Judge: scores")
    with pytest.raises(NoSuchRoleError):
        await GiveRole(uow)(GYM, owner, BEN.telegram_id, "Referee")
    with pytest.raises(NotAMemberError):
        await GiveRole(uow)(GYM, owner, CARA.telegram_id, "judge")
    await GiveRole(uow)(GYM, owner, BEN.telegram_id, "judge")  # names match in any case

    async def may(need: Permission) -> bool:
        async with uow:
            try:
                await authorize(uow, gym, ben, need)
            except NotAllowedError:
                return False
            return True

    assert (await may(Permission.SCORES), await may(Permission.MEMBERS)) == (True, False)
    await GiveRole(uow)(GYM, owner, BEN.telegram_id, None)
    assert not await may(Permission.SCORES)
    assert judge.permissions == frozenset({Permission.SCORES})
