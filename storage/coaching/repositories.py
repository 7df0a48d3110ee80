"""The SQL adapters for coaching's repositories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, cast, func, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.athletes.model import User
from domain.coaching.compliance import conditioning_sessions, last_session
from domain.coaching.model import (
    NOTE_KEY_PREFIX,
    PROPOSAL_KEY_PREFIX,
    RELAY_KEY_PREFIX,
    WEEKLY_KEY_PREFIX,
    ClientFacts,
    Coaching,
    Invite,
    Prompt,
    PromptPurpose,
    ThreadEvent,
    ThreadMessage,
    coaching_of_note,
)
from domain.reminders.model import summary_key
from domain.training.progression import Proposal
from storage.athletes.tables import UserRow
from storage.athletes.users import to_user
from storage.coaching.tables import (
    CoachingRow,
    CoachRow,
    InviteRow,
    ReplyPromptRow,
    ThreadMessageRow,
    WeekLineRow,
)
from storage.conditioning.tables import ConditioningResultRow
from storage.core.dialects import dialect_insert
from storage.outbox.tables import OutboxRow
from storage.plans.tables import PlanRow
from storage.training.proposals import to_proposal
from storage.training.tables import AthletePlanRow, ProposalRow, WorkoutRow, WorkoutSetRow

DAY_MARGIN = timedelta(days=2)  # a local day begins less than this before any moment in it


def _has_a_client() -> ColumnElement[bool]:
    """The coach in the row has a coaching in progress."""
    return (
        select(CoachingRow.id)
        .where(CoachingRow.coach_id == CoachRow.user_id, CoachingRow.ended_at.is_(None))
        .exists()
    )


class SqlCoachRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def is_coach(self, user_id: int) -> bool:
        return await self._session.get(CoachRow, user_id) is not None

    async def add(self, user_id: int, at: datetime) -> None:
        await self._session.execute(
            dialect_insert(self._session)(CoachRow)
            .values(user_id=user_id, since=at)
            .on_conflict_do_nothing()
        )

    async def digest_due(self, before: date) -> list[tuple[User, date | None]]:
        rows = await self._session.execute(
            select(UserRow, CoachRow.digest_sent_on)
            .join(CoachRow, CoachRow.user_id == UserRow.telegram_id)
            .where(
                ~CoachRow.digest_off,
                or_(CoachRow.digest_sent_on.is_(None), CoachRow.digest_sent_on < before),
                _has_a_client(),
            )
            .order_by(UserRow.telegram_id)
        )
        return [(to_user(user), sent_on) for user, sent_on in rows]

    async def mark_digest(self, coach_id: int, day: date) -> bool:
        result = await self._session.execute(
            update(CoachRow)
            .where(
                CoachRow.user_id == coach_id,
                or_(CoachRow.digest_sent_on.is_(None), CoachRow.digest_sent_on < day),
            )
            .values(digest_sent_on=day)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def set_digest(self, coach_id: int, *, on: bool) -> None:
        await self._session.execute(
            update(CoachRow).where(CoachRow.user_id == coach_id).values(digest_off=not on)
        )

    async def digest_on(self, coach_id: int) -> bool:
        row = await self._session.get(CoachRow, coach_id)
        return row is not None and not row.digest_off

    async def with_clients(self) -> list[tuple[User, str | None]]:
        rows = await self._session.execute(
            select(UserRow, CoachRow.weekly_sent_week)
            .join(CoachRow, CoachRow.user_id == UserRow.telegram_id)
            .where(_has_a_client())
            .order_by(UserRow.telegram_id)
        )
        return [(to_user(user), week) for user, week in rows]

    async def mark_weekly(self, coach_id: int, week: str) -> bool:
        result = await self._session.execute(
            update(CoachRow)
            .where(
                CoachRow.user_id == coach_id,
                or_(CoachRow.weekly_sent_week.is_(None), CoachRow.weekly_sent_week != week),
            )
            .values(weekly_sent_week=week)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def add_week_lines(self, coach_id: int, week: str, lines: dict[int, int]) -> None:
        if not lines:
            return
        await self._session.execute(
            dialect_insert(self._session)(WeekLineRow)
            .values(
                [
                    {"coach_id": coach_id, "week": week, "number": number, "athlete_id": athlete}
                    for number, athlete in lines.items()
                ]
            )
            .on_conflict_do_nothing()
        )

    async def week_line(self, coach_id: int, week: str, number: int) -> int | None:
        row = await self._session.get(WeekLineRow, (coach_id, week, number))
        return None if row is None else row.athlete_id

    async def weekly_digest_key(self, chat_id: int, message_id: int) -> str | None:
        return await self._session.scalar(
            select(OutboxRow.idempotency_key).where(
                OutboxRow.chat_id == chat_id,
                OutboxRow.message_id == message_id,
                OutboxRow.idempotency_key.startswith(f"{WEEKLY_KEY_PREFIX}{chat_id}:"),
            )
        )

    async def summary_message(self, athlete_id: int, week: str) -> int | None:
        return await self._session.scalar(
            select(OutboxRow.message_id).where(
                OutboxRow.idempotency_key == summary_key(athlete_id, week)
            )
        )


def _invite(row: InviteRow) -> Invite:
    return Invite(
        id=row.id,
        coach_id=row.coach_id,
        payload_hash=row.payload_hash,
        created_at=row.created_at,
        expires_at=row.expires_at,
        multi_use=row.multi_use,
        uses=row.uses,
        revoked_at=row.revoked_at,
    )


class SqlInviteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, invite: Invite) -> Invite:
        row = InviteRow(
            coach_id=invite.coach_id,
            payload_hash=invite.payload_hash,
            created_at=invite.created_at,
            expires_at=invite.expires_at,
            multi_use=invite.multi_use,
            uses=invite.uses,
            revoked_at=invite.revoked_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _invite(row)

    async def by_hash(self, payload_hash: str, *, lock: bool = False) -> Invite | None:
        query = select(InviteRow).where(InviteRow.payload_hash == payload_hash)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query)
        return None if row is None else _invite(row)

    async def get(self, invite_id: int) -> Invite | None:
        row = await self._session.get(InviteRow, invite_id)
        return None if row is None else _invite(row)

    async def count_use(self, invite_id: int) -> None:
        await self._session.execute(
            update(InviteRow).where(InviteRow.id == invite_id).values(uses=InviteRow.uses + 1)
        )

    async def revoke(self, invite_id: int, at: datetime) -> None:
        await self._session.execute(
            update(InviteRow).where(InviteRow.id == invite_id).values(revoked_at=at)
        )

    async def active(self, coach_id: int, now: datetime) -> list[Invite]:
        rows = await self._session.scalars(
            select(InviteRow)
            .where(
                InviteRow.coach_id == coach_id,
                InviteRow.revoked_at.is_(None),
                InviteRow.expires_at > now,
            )
            .order_by(InviteRow.id.desc())
        )
        return [invite for invite in map(_invite, rows) if invite.usable(now)]


def _some_set_done() -> ColumnElement[bool]:
    return (
        select(WorkoutSetRow.workout_id)
        .where(WorkoutSetRow.workout_id == WorkoutRow.id, WorkoutSetRow.done_reps.is_not(None))
        .exists()
    )


def _aware(moment: datetime) -> datetime:
    """An aggregate's time comes back as the driver gives it, not through UtcDateTime."""
    if isinstance(moment, str):  # SQLite: text in storage order
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _coaching(row: CoachingRow) -> Coaching:
    return Coaching(
        row.id, row.coach_id, row.athlete_id, row.started_at, row.ended_at, row.reports_muted
    )


class SqlCoachingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def current_for_athlete(self, athlete_id: int) -> Coaching | None:
        row = await self._session.scalar(
            select(CoachingRow).where(
                CoachingRow.athlete_id == athlete_id, CoachingRow.ended_at.is_(None)
            )
        )
        return None if row is None else _coaching(row)

    async def clients(self, coach_id: int) -> list[Coaching]:
        rows = await self._session.scalars(
            select(CoachingRow)
            .where(CoachingRow.coach_id == coach_id, CoachingRow.ended_at.is_(None))
            .order_by(CoachingRow.started_at, CoachingRow.id)
        )
        return [_coaching(row) for row in rows]

    async def add(self, coaching: Coaching) -> Coaching:
        row = CoachingRow(
            coach_id=coaching.coach_id,
            athlete_id=coaching.athlete_id,
            started_at=coaching.started_at,
            ended_at=coaching.ended_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _coaching(row)

    async def clients_with_plans(self, coach_id: int) -> list[ClientFacts]:
        # Columns, not entities: 200 clients as ORM objects cost more than the query itself.
        coaching = (
            CoachingRow.id.label("coaching_id"),
            CoachingRow.coach_id,
            CoachingRow.started_at.label("coached_since"),
            CoachingRow.reports_muted,
        )
        rows = await self._session.execute(
            select(*coaching, *UserRow.__table__.columns, PlanRow.slug.label("plan_slug"))
            .select_from(CoachingRow)
            .join(UserRow, UserRow.telegram_id == CoachingRow.athlete_id)
            .outerjoin(
                AthletePlanRow,
                (AthletePlanRow.user_id == CoachingRow.athlete_id)
                & AthletePlanRow.ended_at.is_(None),
            )
            .outerjoin(PlanRow, PlanRow.id == AthletePlanRow.plan_id)
            .where(CoachingRow.coach_id == coach_id, CoachingRow.ended_at.is_(None))
            .order_by(CoachingRow.started_at, CoachingRow.id)
        )
        return [
            ClientFacts(
                Coaching(
                    row.coaching_id,
                    row.coach_id,
                    row.telegram_id,
                    row.coached_since,
                    reports_muted=row.reports_muted,
                ),
                to_user(row),
                row.plan_slug,
            )
            for row in rows
        ]

    async def sessions(
        self, athlete_ids: Sequence[int], since: datetime
    ) -> dict[int, list[datetime]]:
        found: dict[int, list[datetime]] = {athlete: [] for athlete in athlete_ids}
        lifted: dict[int, list[datetime]] = {}
        rows = await self._session.execute(
            select(WorkoutRow.user_id, WorkoutRow.started_at, WorkoutRow.finished_at)
            .where(
                WorkoutRow.user_id.in_(athlete_ids),
                WorkoutRow.finished_at >= since - DAY_MARGIN,
                _some_set_done(),
            )
            .order_by(WorkoutRow.started_at)
        )
        for athlete, started, finished in rows:
            lifted.setdefault(athlete, []).append(started)
            if finished is not None and finished >= since:
                found[athlete].append(started)
        results: dict[int, list[datetime]] = {}
        for athlete, logged in await self._session.execute(
            select(ConditioningResultRow.athlete_id, ConditioningResultRow.logged_at).where(
                ConditioningResultRow.athlete_id.in_(athlete_ids),
                ConditioningResultRow.logged_at >= since,
            )
        ):
            results.setdefault(athlete, []).append(logged)
        zones = await self._zones(list(results))
        for athlete, logged_at in results.items():
            days = conditioning_sessions(logged_at, lifted.get(athlete, ()), zones[athlete])
            found[athlete] = sorted([*found[athlete], *days])
        return found

    async def last_sessions(
        self, athlete_ids: Sequence[int], before: datetime | None = None
    ) -> dict[int, datetime]:
        found = await self._last_workouts(athlete_ids, before)
        results = await self._last_results(athlete_ids, before)
        zones = await self._zones(list(results))
        for athlete, result in results.items():
            found[athlete] = last_session(found.get(athlete), result, zones[athlete])
        return found

    async def _last_workouts(
        self, athlete_ids: Sequence[int], before: datetime | None
    ) -> dict[int, datetime]:
        if not athlete_ids:
            return {}
        query = select(WorkoutRow.user_id, func.max(WorkoutRow.started_at)).where(
            WorkoutRow.user_id.in_(athlete_ids),
            WorkoutRow.finished_at.is_not(None),
            _some_set_done(),
        )
        if before is not None:
            query = query.where(WorkoutRow.started_at < before)
        rows = await self._session.execute(query.group_by(WorkoutRow.user_id))
        return {athlete: _aware(last) for athlete, last in rows if last is not None}

    async def _last_results(
        self, athlete_ids: Sequence[int], before: datetime | None
    ) -> dict[int, datetime]:
        if not athlete_ids:
            return {}
        query = select(
            ConditioningResultRow.athlete_id, func.max(ConditioningResultRow.logged_at)
        ).where(ConditioningResultRow.athlete_id.in_(athlete_ids))
        if before is not None:
            query = query.where(ConditioningResultRow.logged_at < before)
        rows = await self._session.execute(query.group_by(ConditioningResultRow.athlete_id))
        return {athlete: _aware(last) for athlete, last in rows if last is not None}

    async def _zones(self, athlete_ids: Sequence[int]) -> dict[int, ZoneInfo]:
        if not athlete_ids:
            return {}
        rows = await self._session.execute(
            select(UserRow.telegram_id, UserRow.time_zone).where(
                UserRow.telegram_id.in_(athlete_ids)
            )
        )
        return {athlete: ZoneInfo(zone) for athlete, zone in rows}

    async def unsent_proposals(
        self, since: datetime, limit: int
    ) -> list[tuple[Coaching, Proposal]]:
        key = literal(PROPOSAL_KEY_PREFIX) + cast(ProposalRow.id, String)
        sent = select(OutboxRow.id).where(OutboxRow.idempotency_key == key).exists()
        rows = await self._session.execute(
            select(CoachingRow, ProposalRow)
            .join(ProposalRow, ProposalRow.user_id == CoachingRow.athlete_id)
            .where(
                CoachingRow.ended_at.is_(None),
                ProposalRow.decision.is_(None),
                ProposalRow.created_at >= since,
                ProposalRow.created_at >= CoachingRow.started_at,
                ~sent,
            )
            .order_by(ProposalRow.created_at, ProposalRow.id)
            .limit(limit)
        )
        return [(_coaching(coaching), to_proposal(row)) for coaching, row in rows]

    async def unreported_workouts(self, since: datetime, limit: int) -> list[tuple[Coaching, int]]:
        key = (
            literal(NOTE_KEY_PREFIX)
            + cast(CoachingRow.id, String)
            + literal(":")
            + cast(WorkoutRow.id, String)
        )
        reported = select(OutboxRow.id).where(OutboxRow.idempotency_key == key).exists()
        rows = await self._session.execute(
            select(CoachingRow, WorkoutRow.id)
            .join(WorkoutRow, WorkoutRow.user_id == CoachingRow.athlete_id)
            .where(
                CoachingRow.ended_at.is_(None),
                CoachingRow.reports_muted.is_(False),
                WorkoutRow.finished_at >= since,
                WorkoutRow.started_at >= CoachingRow.started_at,
                _some_set_done(),
                ~reported,
            )
            .order_by(WorkoutRow.finished_at, WorkoutRow.id)
            .limit(limit)
        )
        return [(_coaching(row), workout_id) for row, workout_id in rows]

    async def mute_reports(self, coaching_id: int, *, muted: bool) -> None:
        await self._session.execute(
            update(CoachingRow).where(CoachingRow.id == coaching_id).values(reports_muted=muted)
        )

    async def end(self, coaching_id: int, at: datetime) -> None:
        await self._session.execute(
            update(CoachingRow)
            .where(CoachingRow.id == coaching_id, CoachingRow.ended_at.is_(None))
            .values(ended_at=at)
        )
        await self._session.flush()


def _message(row: ThreadMessageRow) -> ThreadMessage:
    return ThreadMessage(
        row.id,
        row.coaching_id,
        row.sender_id,
        row.recipient_id,
        row.text,
        row.sent_at,
        None if row.event is None else ThreadEvent(row.event),
    )


class SqlThreadRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, message: ThreadMessage) -> ThreadMessage:
        row = ThreadMessageRow(
            coaching_id=message.coaching_id,
            sender_id=message.sender_id,
            recipient_id=message.recipient_id,
            text=message.text,
            sent_at=message.sent_at,
            event=None if message.event is None else message.event.value,
        )
        self._session.add(row)
        await self._session.flush()
        return _message(row)

    async def recent(self, coaching_id: int, limit: int) -> list[ThreadMessage]:
        rows = await self._session.scalars(
            select(ThreadMessageRow)
            .where(ThreadMessageRow.coaching_id == coaching_id)
            .order_by(ThreadMessageRow.id.desc())
            .limit(limit)
        )
        return [_message(row) for row in reversed(list(rows))]

    async def replied_to(self, chat_id: int, message_id: int) -> ThreadMessage | None:
        # The outbox row that delivered a relay knows the message id it got in the chat.
        key = await self._session.scalar(
            select(OutboxRow.idempotency_key).where(
                OutboxRow.chat_id == chat_id,
                OutboxRow.message_id == message_id,
                OutboxRow.idempotency_key.startswith(RELAY_KEY_PREFIX),
            )
        )
        if key is None:
            return None
        # relay:<id>, or relay:<id>:head before a copy that could carry no caption
        thread_message_id = key.removeprefix(RELAY_KEY_PREFIX).split(":")[0]
        row = await self._session.get(ThreadMessageRow, int(thread_message_id))
        return None if row is None else _message(row)

    async def add_prompt(
        self,
        chat_id: int,
        message_id: int,
        coaching_id: int,
        purpose: PromptPurpose,
        at: datetime,
    ) -> None:
        self._session.add(
            ReplyPromptRow(
                chat_id=chat_id,
                message_id=message_id,
                coaching_id=coaching_id,
                purpose=purpose.value,
                created_at=at,
            )
        )
        await self._session.flush()

    async def unanswered(self, coach_id: int, before: datetime) -> dict[int, datetime]:
        last = (
            select(func.max(ThreadMessageRow.id))
            .where(ThreadMessageRow.event.is_(None))
            .group_by(ThreadMessageRow.coaching_id)
        )
        rows = await self._session.execute(
            select(CoachingRow.athlete_id, ThreadMessageRow.sent_at)
            .join(CoachingRow, CoachingRow.id == ThreadMessageRow.coaching_id)
            .where(
                ThreadMessageRow.id.in_(last),
                CoachingRow.coach_id == coach_id,
                CoachingRow.ended_at.is_(None),
                ThreadMessageRow.sender_id == CoachingRow.athlete_id,
                ThreadMessageRow.sent_at <= before,
            )
        )
        return {athlete: _aware(sent_at) for athlete, sent_at in rows}

    async def noted(self, chat_id: int, message_id: int) -> int | None:
        key = await self._session.scalar(
            select(OutboxRow.idempotency_key).where(
                OutboxRow.chat_id == chat_id,
                OutboxRow.message_id == message_id,
                OutboxRow.idempotency_key.startswith(NOTE_KEY_PREFIX),
            )
        )
        return None if key is None else coaching_of_note(key)

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None:
        row = await self._session.get(ReplyPromptRow, (chat_id, message_id))
        return None if row is None else Prompt(row.coaching_id, PromptPurpose(row.purpose))
