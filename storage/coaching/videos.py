"""The SQL adapter for form videos: clips, the cards that show them, and the feedback."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from domain.coaching.videos import (
    WAITING,
    Clip,
    ClipKind,
    FeedbackMessage,
    FormVideo,
    SetRef,
    VideoStatus,
)
from storage.coaching.tables import CoachingRow, FormVideoRow, VideoCardRow, VideoFeedbackRow
from storage.core.dialects import dialect_insert


def _video(row: FormVideoRow) -> FormVideo:
    shows = (
        None
        if row.workout_id is None or row.set_position is None
        else SetRef(row.workout_id, row.set_position)
    )
    return FormVideo(
        row.id,
        row.coaching_id,
        row.athlete_id,
        Clip(row.file_id, ClipKind(row.kind), row.chat_id, row.message_id, row.duration),
        row.received_at,
        VideoStatus(row.status),
        shows,
        row.revision_of,
        row.submitted_at,
    )


class SqlVideoRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, video: FormVideo) -> FormVideo:
        clip = video.clip
        await self._session.execute(
            dialect_insert(self._session)(FormVideoRow)
            .values(
                coaching_id=video.coaching_id,
                athlete_id=video.athlete_id,
                file_id=clip.file_id,
                kind=clip.kind.value,
                chat_id=clip.chat_id,
                message_id=clip.message_id,
                duration=clip.duration,
                received_at=video.received_at,
                status=video.status.value,
            )
            .on_conflict_do_nothing(index_elements=["chat_id", "message_id"])
        )
        row = await self._session.scalar(
            select(FormVideoRow).where(
                FormVideoRow.chat_id == clip.chat_id, FormVideoRow.message_id == clip.message_id
            )
        )
        assert row is not None  # noqa: S101 - inserted or there already, in this transaction
        return _video(row)

    async def get(self, video_id: int, *, lock: bool = False) -> FormVideo | None:
        query = select(FormVideoRow).where(FormVideoRow.id == video_id)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query)
        return None if row is None else _video(row)

    async def submit(
        self, video_id: int, shows: SetRef, revision_of: int | None, at: datetime
    ) -> None:
        await self._session.execute(
            update(FormVideoRow)
            .where(FormVideoRow.id == video_id)
            .values(
                status=VideoStatus.PENDING.value,
                workout_id=shows.workout_id,
                set_position=shows.position,
                revision_of=revision_of,
                submitted_at=at,
            )
        )

    async def set_status(self, video_id: int, status: VideoStatus) -> None:
        await self._session.execute(
            update(FormVideoRow).where(FormVideoRow.id == video_id).values(status=status.value)
        )

    async def waiting(self, coach_id: int) -> list[FormVideo]:
        rows = await self._session.scalars(
            select(FormVideoRow)
            .join(CoachingRow, CoachingRow.id == FormVideoRow.coaching_id)
            .where(
                CoachingRow.coach_id == coach_id,
                CoachingRow.ended_at.is_(None),
                FormVideoRow.status.in_([status.value for status in WAITING]),
            )
            .order_by(FormVideoRow.submitted_at, FormVideoRow.id)
        )
        return [_video(row) for row in rows]

    async def asked_again(self, coaching_id: int) -> list[FormVideo]:
        answer = aliased(FormVideoRow)
        answered = select(answer.id).where(answer.revision_of == FormVideoRow.id).exists()
        rows = await self._session.scalars(
            select(FormVideoRow)
            .where(
                FormVideoRow.coaching_id == coaching_id,
                FormVideoRow.status == VideoStatus.NEEDS_REVISION.value,
                ~answered,
            )
            .order_by(FormVideoRow.id)
        )
        return [_video(row) for row in rows]

    async def add_card(self, chat_id: int, message_id: int, video_id: int, at: datetime) -> None:
        await self._session.execute(
            dialect_insert(self._session)(VideoCardRow)
            .values(chat_id=chat_id, message_id=message_id, video_id=video_id, created_at=at)
            .on_conflict_do_nothing(index_elements=["chat_id", "message_id"])
        )

    async def card(self, chat_id: int, message_id: int) -> int | None:
        row = await self._session.get(VideoCardRow, (chat_id, message_id))
        return None if row is None else row.video_id

    async def add_feedback(self, video_id: int, reply: FeedbackMessage, at: datetime) -> int:
        row = VideoFeedbackRow(
            video_id=video_id,
            kind=reply.kind.value,
            text=reply.text,
            chat_id=reply.chat_id,
            message_id=reply.message_id,
            created_at=at,
        )
        self._session.add(row)
        await self._session.flush()
        return row.id
