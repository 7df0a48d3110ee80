"""What coaching needs from storage: coaches, invites and coachings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.body.ports import BodyUnitOfWork
from domain.health.ports import HealthUnitOfWork
from domain.nutrition.ports import NutritionUnitOfWork
from domain.outbox.ports import OutboxUnitOfWork
from domain.progress.ports import ProgressUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

    from domain.athletes.model import User
    from domain.checkins.ports import CheckInRepository
    from domain.coaching.compliance import DigestLine
    from domain.coaching.model import (
        ClientFacts,
        Coaching,
        Invite,
        Prompt,
        PromptPurpose,
        RecordedDays,
        ThreadMessage,
        WeekLine,
    )
    from domain.coaching.videos import (
        FeedbackMessage,
        FormVideo,
        SetRef,
        ShownSet,
        TimedNote,
        VideoStatus,
    )
    from domain.shared.weights import Weight
    from domain.training.model import Workout
    from domain.training.progression import Proposal, ProposalDecision


class CoachRepository(Protocol):
    async def is_coach(self, user_id: int) -> bool: ...

    async def add(self, user_id: int, at: datetime) -> None:
        """Makes the user a coach; nothing changes if they are one already."""
        ...

    async def digest_due(self, before: date) -> list[tuple[User, date | None]]:
        """Coaches with a current client and the digest on, whose last one went before
        `before`, with the (local) day it went."""
        ...

    async def mark_digest(self, coach_id: int, day: date) -> bool:
        """Marks the coach's digest of `day` done; False if it already was (another run)."""
        ...

    async def set_digest(self, coach_id: int, *, on: bool) -> None: ...

    async def digest_on(self, coach_id: int) -> bool: ...

    async def with_clients(self) -> list[tuple[User, str | None]]:
        """Coaches with a current client, with the ISO week of their last Sunday digest."""
        ...

    async def mark_weekly(self, coach_id: int, week: str) -> bool:
        """Marks the week's digest done; False if it already was (another run)."""
        ...

    async def add_week_lines(self, coach_id: int, week: str, lines: dict[int, int]) -> None:
        """The digest's numbered lines: number → the client it is about."""
        ...

    async def week_line(self, coach_id: int, week: str, number: int) -> int | None: ...

    async def weekly_digest_key(self, chat_id: int, message_id: int) -> str | None:
        """The outbox key of the weekly digest part that message is, in that chat."""
        ...

    async def summary_message(self, athlete_id: int, week: str) -> int | None:
        """The message id of the athlete's own weekly summary of that week, once sent."""
        ...


class InviteRepository(Protocol):
    async def add(self, invite: Invite) -> Invite:
        """Stores a new invite; returns it with its id."""
        ...

    async def by_hash(self, payload_hash: str, *, lock: bool = False) -> Invite | None: ...

    async def get(self, invite_id: int) -> Invite | None: ...

    async def count_use(self, invite_id: int) -> None: ...

    async def revoke(self, invite_id: int, at: datetime) -> None: ...

    async def active(self, coach_id: int, now: datetime) -> list[Invite]:
        """The coach's invites that can still be used, newest first."""
        ...


class CoachingRepository(Protocol):
    async def current_for_athlete(self, athlete_id: int) -> Coaching | None:
        """The athlete's coaching in progress, if they have a coach."""
        ...

    async def clients(self, coach_id: int) -> list[Coaching]:
        """The coach's current coachings, oldest first."""
        ...

    async def add(self, coaching: Coaching) -> Coaching: ...

    async def end(self, coaching_id: int, at: datetime) -> None: ...

    async def mute_reports(self, coaching_id: int, *, muted: bool) -> None: ...

    async def clients_with_plans(self, coach_id: int) -> list[ClientFacts]:
        """The coach's current clients, each with who they are and their active plan's slug."""
        ...

    async def sessions(
        self, athlete_ids: Sequence[int], since: datetime
    ) -> dict[int, list[datetime]]:
        """Each athlete's sessions since `since`, oldest first: the starts of the finished
        workouts (with a set done) finished since then, and the last result of each local day
        of conditioning with no such workout started (#12, `compliance.conditioning_sessions`)
        logged since then."""
        ...

    async def last_sessions(
        self, athlete_ids: Sequence[int], before: datetime | None = None
    ) -> dict[int, datetime]:
        """Each athlete's last session ever (or that began before `before`, a local midnight):
        the start of their last finished workout with a set done, or their last conditioning
        result if it fell on a later local day (#12)."""
        ...

    async def unsent_proposals(
        self, since: datetime, limit: int
    ) -> list[tuple[Coaching, Proposal]]:
        """Undecided training-max changes of current clients, made during their coaching,
        not yet sent to the coach: oldest first."""
        ...

    async def unreported_workouts(self, since: datetime, limit: int) -> list[tuple[Coaching, int]]:
        """Workouts current clients finished since `since`, during their coaching, that no
        report to the coach has been queued for yet: (coaching, workout id), oldest first."""
        ...


class EngagementDays(Protocol):
    """The days analytics' job recorded (#16), as the at-risk rules read them."""

    async def recorded(
        self, coach_id: int, athlete_ids: Sequence[int], first: date, last: date
    ) -> dict[int, RecordedDays]:
        """The days from `first` to `last` recorded of these clients with this coach, by
        client; a client with none is absent."""
        ...


class ThreadRepository(Protocol):
    async def add(self, message: ThreadMessage) -> ThreadMessage: ...

    async def recent(self, coaching_id: int, limit: int) -> list[ThreadMessage]:
        """The coaching's last `limit` messages, oldest first."""
        ...

    async def replied_to(self, chat_id: int, message_id: int) -> ThreadMessage | None:
        """The relayed message (or reply prompt) that message `message_id` in the chat shows."""
        ...

    async def add_prompt(
        self,
        chat_id: int,
        message_id: int,
        coaching_id: int,
        purpose: PromptPurpose,
        at: datetime,
    ) -> None:
        """A message in the coach's chat that, replied to, acts for the coaching's client."""
        ...

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None: ...

    async def unanswered(self, coach_id: int, before: datetime) -> dict[int, datetime]:
        """Current clients whose last message to the coach, sent before `before`, has had no
        answer: when they sent it, by client."""
        ...

    async def noted(self, chat_id: int, message_id: int) -> int | None:
        """The coaching of the workout report that message `message_id` in the chat shows."""
        ...


class VideoRepository(Protocol):
    async def add(self, video: FormVideo) -> FormVideo:
        """Keeps a clip; the same message again (a redelivered update) returns the stored one."""
        ...

    async def get(self, video_id: int, *, lock: bool = False) -> FormVideo | None: ...

    async def submit(
        self, video_id: int, shows: SetRef, revision_of: int | None, at: datetime
    ) -> None:
        """The clip shows this set and waits for the coach (PENDING)."""
        ...

    async def set_status(self, video_id: int, status: VideoStatus) -> None: ...

    async def waiting(self, coach_id: int) -> list[FormVideo]:
        """Current clients' clips PENDING or IN_REVIEW, the longest waiting first."""
        ...

    async def asked_again(self, coaching_id: int) -> list[FormVideo]:
        """Clips the coach asked to film again that no newer clip answers yet."""
        ...

    async def add_card(self, chat_id: int, message_id: int, video_id: int, at: datetime) -> None:
        """A message in the coach's chat that shows the clip: a reply to it is feedback."""
        ...

    async def card(self, chat_id: int, message_id: int) -> int | None: ...

    async def add_feedback(self, video_id: int, reply: FeedbackMessage, at: datetime) -> int:
        """Keeps one reply of the coach's; returns its id."""
        ...


class CoachingUnitOfWork(
    ProgressUnitOfWork,
    BodyUnitOfWork,
    HealthUnitOfWork,
    NutritionUnitOfWork,
    OutboxUnitOfWork,
    Protocol,
):
    """A transaction over coaching, what it looks at of the client (training, body weight,
    health, nutrition), and the outbox it fills."""

    @property
    def coaches(self) -> CoachRepository: ...

    @property
    def invites(self) -> InviteRepository: ...

    @property
    def coachings(self) -> CoachingRepository: ...

    @property
    def threads(self) -> ThreadRepository: ...

    @property
    def videos(self) -> VideoRepository: ...

    @property
    def checkins(self) -> CheckInRepository: ...

    @property
    def engagement_days(self) -> EngagementDays: ...


class CoachingWording(Protocol):
    """The words of what coaching says unasked, in the recipient's language."""

    def client_joined(self, coach: User, client: User) -> str: ...

    def coaching_ended(self, recipient: User, other: User, *, by_client: bool) -> str: ...

    def plan_assigned(self, client: User, coach: User, plan_name: str) -> str: ...

    def maxes_set(self, client: User, coach: User, maxes: dict[str, Weight]) -> str: ...

    def plan_edited(self, client: User, coach: User, plan_name: str) -> str: ...

    def workout_done(self, coach: User, client: User, workout: Workout) -> str:
        """A client's finished workout, as their coach reads it."""
        ...

    def relayed(self, recipient: User, sender: User, text: str, *, from_coach: bool) -> str:
        """A relayed message as the recipient reads it: who wrote, their words, how to answer."""
        ...

    def video_sent(self, coach: User, client: User, shown: ShownSet, *, again: bool) -> str:
        """ "🎥 Alice — Squat 120 kg × 1+, Day 2", for the coach."""
        ...

    def feedback(self, athlete: User, coach: User, shown: ShownSet | None, remarks: str) -> str:
        """The head of the coach's feedback on a clip, with the lines that name no moment."""
        ...

    def timed_note(self, athlete: User, note: TimedNote) -> str:
        """The caption of the clip replayed from a note's moment: "0:07 knees cave"."""
        ...

    def revision_asked(self, athlete: User, coach: User, shown: ShownSet | None) -> str: ...

    def proposed(self, coach: User, client: User, proposal: Proposal) -> str:
        """A client's training-max change waiting for the coach's Keep, Decline or ✏️."""
        ...

    def decided(
        self, client: User, coach: User, proposal: Proposal, decision: ProposalDecision
    ) -> str: ...

    def weekly_digest(self, coach: User, sunday: date, lines: Sequence[WeekLine]) -> list[str]:
        """Every client's week, numbered, in as few messages as Telegram's limit allows."""
        ...

    def morning_digest(self, coach: User, lines: Sequence[DigestLine]) -> list[str]:
        """Who needs a look this morning, and why, in as few messages as Telegram allows."""
        ...
