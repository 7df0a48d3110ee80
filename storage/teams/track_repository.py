"""The SQL adapter for tracks, subscriptions, the teams' posting settings, notes and posts."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.outbox.model import DeliveryState
from domain.teams.tracks import (
    DEFAULT_POST_AT,
    PriceKind,
    Pricing,
    StoredTrack,
    Subscription,
    TrackKind,
    WodNote,
    WodPost,
    WodSettings,
)
from storage.outbox.tables import OutboxRow
from storage.teams.tracks import (
    TeamWodNoteRow,
    TeamWodPostRow,
    TeamWodSettingsRow,
    TrackRow,
    TrackSubscriptionRow,
)


def _track(row: TrackRow) -> StoredTrack:
    return StoredTrack(
        row.id,
        TrackKind(row.kind),
        row.name,
        row.text,
        row.created_by,
        row.created_at,
        row.team_id,
        row.owner_id,
        Pricing(PriceKind(row.price_kind), row.price, row.trial_days),
    )


def _subscription(row: TrackSubscriptionRow) -> Subscription:
    return Subscription(
        row.id,
        row.track_id,
        row.start,
        row.day_offset,
        row.active,
        row.changed_at,
        row.team_id,
        row.user_id,
        row.access_until,
        row.paid_for_good,
    )


def _settings(row: TeamWodSettingsRow) -> WodSettings:
    return WodSettings(
        row.team_id,
        time(row.post_minute // 60, row.post_minute % 60),
        row.post_rest_days,
        row.language,
        row.next_post_at,
    )


def _post(row: TeamWodPostRow, message_id: int | None = None) -> WodPost:
    return WodPost(
        row.id,
        row.team_id,
        row.subscription_id,
        row.track_id,
        row.on_date,
        row.day_number,
        row.outbox_key,
        row.chat_id,
        row.message_id if row.message_id is not None else message_id,
    )


def _subscriber(team_id: int | None, user_id: int | None) -> ColumnElement[bool]:
    if team_id is not None:
        return TrackSubscriptionRow.team_id == team_id
    return TrackSubscriptionRow.user_id == user_id


_DELIVERED = and_(
    OutboxRow.idempotency_key == TeamWodPostRow.outbox_key,
    OutboxRow.state == DeliveryState.SENT.value,
)


class SqlTrackRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_track(self, track: StoredTrack) -> StoredTrack:
        row = TrackRow(
            kind=track.kind.value,
            name=track.name,
            text=track.text,
            team_id=track.team_id,
            owner_id=track.owner_id,
            created_by=track.created_by,
            created_at=track.created_at,
            price_kind=track.pricing.kind.value,
            price=track.pricing.price,
            trial_days=track.pricing.trial_days,
        )
        self._session.add(row)
        await self._session.flush()
        return _track(row)

    async def save_track(self, track: StoredTrack) -> None:
        await self._session.execute(
            update(TrackRow)
            .where(TrackRow.id == track.id)
            .values(
                kind=track.kind.value,
                name=track.name,
                text=track.text,
                price_kind=track.pricing.kind.value,
                price=track.pricing.price,
                trial_days=track.pricing.trial_days,
            )
        )

    async def track(self, track_id: int) -> StoredTrack | None:
        row = await self._session.get(TrackRow, track_id, populate_existing=True)
        return None if row is None else _track(row)

    async def visible(self, *, team_id: int | None, user_id: int | None) -> list[StoredTrack]:
        own = TrackRow.team_id == team_id if team_id is not None else TrackRow.owner_id == user_id
        rows = await self._session.scalars(
            select(TrackRow)
            .where(or_(own, TrackRow.kind == TrackKind.PUBLIC.value))
            .order_by(func.lower(TrackRow.name), TrackRow.id)
            .execution_options(populate_existing=True)
        )
        return [_track(row) for row in rows]

    async def subscription(
        self, track_id: int, *, team_id: int | None, user_id: int | None
    ) -> Subscription | None:
        row = await self._session.scalar(
            select(TrackSubscriptionRow)
            .where(TrackSubscriptionRow.track_id == track_id, _subscriber(team_id, user_id))
            .execution_options(populate_existing=True)
        )
        return None if row is None else _subscription(row)

    async def add_subscription(self, subscription: Subscription) -> Subscription:
        row = TrackSubscriptionRow(
            track_id=subscription.track_id,
            team_id=subscription.team_id,
            user_id=subscription.user_id,
            start=subscription.start,
            day_offset=subscription.offset,
            active=subscription.active,
            changed_at=subscription.changed_at,
            access_until=subscription.access_until,
            paid_for_good=subscription.paid_for_good,
        )
        self._session.add(row)
        await self._session.flush()
        return _subscription(row)

    async def save_subscription(self, subscription: Subscription) -> None:
        await self._session.execute(
            update(TrackSubscriptionRow)
            .where(TrackSubscriptionRow.id == subscription.id)
            .values(
                start=subscription.start,
                day_offset=subscription.offset,
                active=subscription.active,
                changed_at=subscription.changed_at,
                access_until=subscription.access_until,
                paid_for_good=subscription.paid_for_good,
            )
        )

    async def lapsed(
        self, since: datetime, now: datetime
    ) -> list[tuple[Subscription, StoredTrack]]:
        rows = await self._session.execute(
            select(TrackSubscriptionRow, TrackRow)
            .join(TrackRow, TrackRow.id == TrackSubscriptionRow.track_id)
            .where(
                TrackSubscriptionRow.active.is_(True),
                TrackSubscriptionRow.paid_for_good.is_(False),
                TrackSubscriptionRow.access_until >= since,
                TrackSubscriptionRow.access_until <= now,
                TrackRow.price_kind != PriceKind.FREE.value,
            )
            .order_by(TrackSubscriptionRow.id)
            .execution_options(populate_existing=True)
        )
        return [(_subscription(sub), _track(track)) for sub, track in rows]

    async def subscription_by_id(
        self, subscription_id: int, *, lock: bool = False
    ) -> Subscription | None:
        query = select(TrackSubscriptionRow).where(TrackSubscriptionRow.id == subscription_id)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else _subscription(row)

    async def subscribers(self, track_id: int) -> list[Subscription]:
        rows = await self._session.scalars(
            select(TrackSubscriptionRow)
            .where(TrackSubscriptionRow.track_id == track_id, TrackSubscriptionRow.active.is_(True))
            .order_by(TrackSubscriptionRow.id)
            .execution_options(populate_existing=True)
        )
        return [_subscription(row) for row in rows]

    async def subscriptions(
        self, *, team_id: int | None, user_id: int | None, active_only: bool = True
    ) -> list[Subscription]:
        query = select(TrackSubscriptionRow).where(_subscriber(team_id, user_id))
        if active_only:
            query = query.where(TrackSubscriptionRow.active.is_(True))
        rows = await self._session.scalars(
            query.order_by(TrackSubscriptionRow.id).execution_options(populate_existing=True)
        )
        return [_subscription(row) for row in rows]

    async def wod_settings(self, team_id: int) -> WodSettings:
        row = await self._session.get(TeamWodSettingsRow, team_id, populate_existing=True)
        return WodSettings(team_id, DEFAULT_POST_AT) if row is None else _settings(row)

    async def save_wod_settings(self, settings: WodSettings) -> None:
        row = await self._session.get(TeamWodSettingsRow, settings.team_id)
        if row is None:
            row = TeamWodSettingsRow(team_id=settings.team_id)
            self._session.add(row)
        row.post_minute = settings.post_at.hour * 60 + settings.post_at.minute
        row.post_rest_days = settings.post_rest_days
        row.language = settings.language
        row.next_post_at = settings.next_post_at
        await self._session.flush()

    async def due_settings(self, now: datetime) -> list[WodSettings]:
        rows = await self._session.scalars(
            select(TeamWodSettingsRow)
            .where(TeamWodSettingsRow.next_post_at <= now)
            .order_by(TeamWodSettingsRow.next_post_at, TeamWodSettingsRow.team_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return [_settings(row) for row in rows]

    async def note(self, team_id: int, on: date) -> WodNote | None:
        row = await self._session.get(TeamWodNoteRow, (team_id, on), populate_existing=True)
        if row is None:
            return None
        return WodNote(row.team_id, row.on_date, row.text, row.author_id, row.updated_at)

    async def save_note(self, note: WodNote) -> None:
        row = await self._session.get(TeamWodNoteRow, (note.team_id, note.on))
        if row is None:
            row = TeamWodNoteRow(team_id=note.team_id, on_date=note.on)
            self._session.add(row)
        row.text, row.author_id, row.updated_at = note.text, note.author_id, note.updated_at
        await self._session.flush()

    async def add_post(self, post: WodPost) -> WodPost | None:
        held = await self._session.scalar(
            select(TeamWodPostRow.id).where(
                TeamWodPostRow.subscription_id == post.subscription_id,
                TeamWodPostRow.on_date == post.on,
            )
        )
        if held is not None:
            return None
        row = TeamWodPostRow(
            team_id=post.team_id,
            subscription_id=post.subscription_id,
            track_id=post.track_id,
            on_date=post.on,
            day_number=post.day_number,
            outbox_key=post.outbox_key,
            chat_id=post.chat_id,
            message_id=post.message_id,
        )
        self._session.add(row)
        await self._session.flush()
        return _post(row)

    async def posts_on(self, team_id: int, on: date) -> list[WodPost]:
        rows = await self._session.execute(
            select(TeamWodPostRow, OutboxRow.message_id)
            .outerjoin(OutboxRow, _DELIVERED)
            .where(TeamWodPostRow.team_id == team_id, TeamWodPostRow.on_date == on)
            .order_by(TeamWodPostRow.id)
        )
        return [_post(row, message_id) for row, message_id in rows]

    async def post_for_message(self, chat_id: int, message_id: int) -> WodPost | None:
        found = await self._session.execute(
            select(TeamWodPostRow, OutboxRow.message_id)
            .outerjoin(OutboxRow, _DELIVERED)
            .where(
                TeamWodPostRow.chat_id == chat_id,
                or_(
                    TeamWodPostRow.message_id == message_id,
                    and_(OutboxRow.chat_id == chat_id, OutboxRow.message_id == message_id),
                ),
            )
            .limit(1)
        )
        first = found.first()
        return None if first is None else _post(first[0], first[1])

    async def record_delivered(self, since: date) -> int:
        delivered = (
            select(OutboxRow.message_id)
            .where(_DELIVERED, OutboxRow.message_id.is_not(None))
            .scalar_subquery()
        )
        result = await self._session.execute(
            update(TeamWodPostRow)
            .where(
                TeamWodPostRow.message_id.is_(None),
                TeamWodPostRow.on_date >= since,
                delivered.is_not(None),
            )
            .values(message_id=delivered)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)
