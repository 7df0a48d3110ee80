"""What teams need from storage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.athletes.ports import AthletesUnitOfWork
from domain.conditioning.ports import ConditioningRepository
from domain.outbox.ports import OutboxUnitOfWork
from domain.plans.ports import PlansUnitOfWork

if TYPE_CHECKING:
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from domain.athletes.model import User
    from domain.teams.classes import (
        Booking,
        ClassRecord,
        ClassSettings,
        Occurrence,
        Roster,
        TeamClass,
    )
    from domain.teams.model import CustomRole, Membership, Team, TeamInvite
    from domain.teams.tracks import (
        StoredTrack,
        Subscription,
        WodContent,
        WodNote,
        WodPost,
        WodSettings,
    )
    from domain.teams.whiteboard import BoardScore, BoardState, BoardView, HistoryLink


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

    async def save_role(self, role: CustomRole) -> None:
        """A role's permissions, changed."""
        ...

    async def role(self, role_id: int) -> CustomRole | None: ...

    async def roles(self, team_id: int) -> list[CustomRole]: ...

    async def add_invite(self, invite: TeamInvite) -> TeamInvite: ...

    async def invite_by_hash(
        self, payload_hash: str, *, lock: bool = False
    ) -> TeamInvite | None: ...

    async def save_invite(self, invite: TeamInvite) -> None: ...

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its team follows it to the new chat id (a team the
        supergroup made of itself meanwhile gives way)."""
        ...


class ClassRepository(Protocol):
    """A team's classes, their occurrences (stored when first needed) and bookings."""

    async def attendance_of(self, user_id: int, since: datetime) -> dict[int, ClassRecord]:
        """Per team, the person's classes that started since `since` (for /teams)."""
        ...

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

    async def first_names(self, user_ids: set[int]) -> dict[int, str]:
        """The first names of those of them the bot knows, in one read."""
        ...

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


class TrackRepository(Protocol):
    """Programming tracks, who follows them, each team's posting settings, notes and posts."""

    async def add_track(self, track: StoredTrack) -> StoredTrack: ...

    async def save_track(self, track: StoredTrack) -> None: ...

    async def track(self, track_id: int) -> StoredTrack | None: ...

    async def visible(self, *, team_id: int | None, user_id: int | None) -> list[StoredTrack]:
        """The team's (or the person's) own tracks and the public ones, by name."""
        ...

    async def subscription(
        self, track_id: int, *, team_id: int | None, user_id: int | None
    ) -> Subscription | None: ...

    async def add_subscription(self, subscription: Subscription) -> Subscription: ...

    async def save_subscription(self, subscription: Subscription) -> None: ...

    async def subscriptions(
        self, *, team_id: int | None, user_id: int | None, active_only: bool = True
    ) -> list[Subscription]: ...

    async def wod_settings(self, team_id: int) -> WodSettings:
        """The team's settings (the defaults until someone changes one)."""
        ...

    async def save_wod_settings(self, settings: WodSettings) -> None: ...

    async def due_settings(self, now: datetime) -> list[WodSettings]:
        """Teams whose next post is due at `now`, locked against a second run."""
        ...

    async def note(self, team_id: int, on: date) -> WodNote | None: ...

    async def save_note(self, note: WodNote) -> None: ...

    async def add_post(self, post: WodPost) -> WodPost | None:
        """Keeps the post; None if the subscription's post of that day exists already."""
        ...

    async def posts_on(self, team_id: int, on: date) -> list[WodPost]:
        """The day's posts, each with its message id once the outbox has delivered it."""
        ...

    async def post_for_message(self, chat_id: int, message_id: int) -> WodPost | None:
        """The post a message of a group is (a reply to it is about that workout)."""
        ...

    async def lapsed(
        self, since: datetime, now: datetime
    ) -> list[tuple[Subscription, StoredTrack]]:
        """Active subscriptions of paid tracks whose access ended between the two moments and
        was not bought for good, each with its track."""
        ...

    async def subscription_by_id(
        self, subscription_id: int, *, lock: bool = False
    ) -> Subscription | None: ...

    async def subscribers(self, track_id: int) -> list[Subscription]:
        """The track's active subscriptions."""
        ...

    async def record_delivered(self, since: date) -> int:
        """Copies the message ids of delivered posts of `since` or later from the outbox
        (which is pruned); older ones are no longer watched."""
        ...


class WodWording(Protocol):
    """The words of a day's post, in the team's language."""

    def post(self, content: WodContent, language: str | None) -> str: ...


class LapsedWording(Protocol):
    """The words telling a paid track's subscriber that its access ended."""

    def lapsed(self, track_name: str, track_id: int, language: str | None) -> str: ...

    def ending(
        self, track_name: str, track_id: int, until: datetime, zone: ZoneInfo, language: str | None
    ) -> str:
        """The access runs until then (shown in `zone`): pay or let Telegram renew it."""
        ...


class TrackWording(WodWording, LapsedWording, Protocol):
    """What the tracks' job says: the day's posts and the lapsed notices."""


class TracksUnitOfWork(TeamsUnitOfWork, PlansUnitOfWork, OutboxUnitOfWork, Protocol):
    """Tracks check strength lines against the exercises and post through the outbox."""

    @property
    def wod_tracks(self) -> TrackRepository: ...


class WhiteboardRepository(Protocol):
    """Scores on posted workouts (corrections are new rows), each post's board message, and
    the conditioning results the scores are kept as."""

    async def add_score(self, score: BoardScore, chat_id: int) -> tuple[BoardScore, bool]:
        """Keeps the score, and whether it is new: the same message of a chat scores once."""
        ...

    async def score_for_message(self, chat_id: int, message_id: int) -> BoardScore | None: ...

    async def state(self, post_id: int) -> BoardState | None:
        """The post's board (None before its first score), with the post."""
        ...

    async def scores(self, post_id: int) -> list[BoardScore]:
        """Every score of the post, corrections and removals included, oldest first."""
        ...

    async def last_scored(self, user_id: int, post_ids: list[int]) -> int | None:
        """Of these posts, the one the person scored on last."""
        ...

    async def changed(self, post: WodPost) -> None:
        """The post's board needs showing again (its row made on the first score)."""
        ...

    async def record_delivered(self, since: date) -> int:
        """Copies the message ids of delivered boards of posts of `since` or later from the
        outbox (which is pruned)."""
        ...

    async def undelivered(self, since: date) -> list[BoardState]:
        """Queued boards (posts of `since` or later) the outbox gave up on: never sent, or
        not known to be."""
        ...

    async def dirty(self, since: date) -> list[BoardState]:
        """Boards of posts of `since` or later whose message does not show their scores yet,
        by post."""
        ...

    async def repost(self, post_id: int, outbox_key: str) -> None:
        """The board has no message to edit: its next version is posted anew, as `outbox_key`."""
        ...

    async def shown(
        self, post_id: int, version: int, *, queued: bool = False, text: str | None = None
    ) -> None:
        """The board's message shows `version` (or it is queued with it), and `text` if given."""
        ...

    async def unsummarised(self, on_or_before: date) -> list[BoardState]: ...

    async def summarised(self, post_id: int) -> None: ...

    async def history_link(self, post_id: int, user_id: int) -> HistoryLink | None: ...

    async def save_history_link(self, link: HistoryLink) -> None: ...

    async def forget_result(self, result_id: int) -> None:
        """Deletes a conditioning result this board kept (its score was corrected or removed)."""
        ...


class BoardWording(Protocol):
    """The words of a board and of the day's summary, in the team's language."""

    def board(self, view: BoardView) -> str: ...

    def summary(self, view: BoardView) -> str: ...


class WhiteboardUnitOfWork(TracksUnitOfWork, Protocol):
    """Scores are read against the day's post and kept in each member's conditioning history."""

    @property
    def whiteboard(self) -> WhiteboardRepository: ...

    @property
    def conditioning(self) -> ConditioningRepository: ...
