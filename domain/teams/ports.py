"""What teams need from storage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.athletes.ports import AthletesUnitOfWork
from domain.outbox.ports import OutboxUnitOfWork

if TYPE_CHECKING:
    from datetime import date, datetime

    from domain.athletes.model import User
    from domain.teams.classes import Booking, ClassSettings, Occurrence, Roster, TeamClass
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


class ClassRepository(Protocol):
    """A team's classes, their occurrences (stored when first needed) and bookings."""

    async def settings(self, team_id: int) -> ClassSettings:
        """The team's class settings (the defaults until someone changes one)."""
        ...

    async def save_settings(self, team_id: int, settings: ClassSettings) -> None: ...

    async def add_class(self, team_class: TeamClass) -> TeamClass: ...

    async def get_class(self, class_id: int) -> TeamClass | None: ...

    async def classes_of(self, team_id: int) -> list[TeamClass]: ...

    async def add_exception(self, class_id: int, day: date) -> None:
        """The class does not happen that day (once, however often it is said)."""
        ...

    async def occurrence(self, class_id: int, day: date, starts_at: datetime) -> Occurrence:
        """The class on that day, stored now if it was not (two callers get the same one)."""
        ...

    async def get_occurrence(self, occurrence_id: int, *, lock: bool = False) -> Occurrence | None:
        """With `lock`, others changing its bookings wait until this transaction ends."""
        ...

    async def starting_between(self, start: datetime, end: datetime) -> list[Occurrence]: ...

    async def roster(self, occurrence_id: int) -> Roster: ...

    async def add_booking(self, booking: Booking) -> Booking: ...

    async def save_booking(self, booking: Booking) -> None: ...

    async def reminders_off(self, team_id: int) -> frozenset[int]:
        """Who asked for no class reminders from this team."""
        ...

    async def set_reminders(self, team_id: int, user_id: int, *, on: bool) -> None: ...


class ClassWording(Protocol):
    """The words of what classes say unasked, in the recipient's language; `starts` is local."""

    def promoted(self, recipient: User, team: Team, starts: datetime) -> str: ...

    def reminder(
        self, recipient: User, team: Team, starts: datetime, coach: User | None
    ) -> str: ...


class TeamsUnitOfWork(AthletesUnitOfWork, Protocol):
    @property
    def teams(self) -> TeamRepository: ...

    @property
    def classes(self) -> ClassRepository: ...


class ClassesUnitOfWork(TeamsUnitOfWork, OutboxUnitOfWork, Protocol):
    """Classes tell people in private, through the outbox."""

