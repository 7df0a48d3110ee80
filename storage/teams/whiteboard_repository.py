"""The SQL adapter for the whiteboard: scores, boards and the results they are kept as."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, and_, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from domain.conditioning.scores import Scheme, Score, Status
from domain.outbox.model import DeliveryState
from domain.teams.tracks import WodPost
from domain.teams.whiteboard import BoardScore, BoardState, HistoryLink, board_key
from storage.conditioning.tables import ConditioningResultRow
from storage.core.dialects import dialect_insert
from storage.outbox.tables import OutboxRow
from storage.teams.tracks import TeamWodPostRow
from storage.teams.whiteboard import TeamBoardResultRow, TeamBoardRow, TeamBoardScoreRow


def _score(row: TeamBoardScoreRow) -> BoardScore:
    return BoardScore(
        row.id,
        row.post_id,
        row.user_id,
        Score(
            Scheme(row.scheme),
            row.value,
            Status(row.status),
            row.reps_at_cap,
            row.tiebreak,
            row.tiebreak_reps,
            row.capped_sets,
        ),
        row.rx,
        row.logged_at,
        row.note,
        row.removed,
        row.source_message_id,
        row.entered_by,
    )


def _post(row: TeamWodPostRow, message_id: int | None) -> WodPost:
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


def _state(board: TeamBoardRow, post: TeamWodPostRow, message_id: int | None) -> BoardState:
    return BoardState(
        _post(post, message_id),
        board.message_id,
        board.queued,
        board.version,
        board.shown_version,
        board.outbox_key,
        board.summarised,
        board.shown_text,
    )


_POST_DELIVERED = and_(
    OutboxRow.idempotency_key == TeamWodPostRow.outbox_key,
    OutboxRow.state == DeliveryState.SENT.value,
)
_BOARD_DELIVERED = and_(
    OutboxRow.idempotency_key == TeamBoardRow.outbox_key,
    OutboxRow.state == DeliveryState.SENT.value,
)

# A board the sender never sent, or may not have (a claim its process died with).
_GIVEN_UP = (DeliveryState.CANCELLED.value, DeliveryState.FAILED.value, DeliveryState.UNKNOWN.value)


def _posts_since(since: date) -> Select[int]:
    return select(TeamWodPostRow.id).where(TeamWodPostRow.on_date >= since)


class SqlWhiteboardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_score(self, score: BoardScore, chat_id: int) -> tuple[BoardScore, bool]:
        s = score.score
        values = {
            "post_id": score.post_id,
            "user_id": score.user_id,
            "scheme": s.scheme.value,
            "value": s.value,
            "status": s.status.value,
            "reps_at_cap": s.reps_at_cap,
            "tiebreak": s.tiebreak,
            "tiebreak_reps": s.tiebreak_reps,
            "capped_sets": s.capped_sets,
            "rx": score.rx,
            "note": score.note,
            "removed": score.removed,
            "logged_at": score.logged_at,
            "chat_id": chat_id,
            "source_message_id": score.source_message_id,
            "entered_by": score.entered_by,
        }
        inserted = await self._session.execute(
            dialect_insert(self._session)(TeamBoardScoreRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["chat_id", "source_message_id"])
            .returning(TeamBoardScoreRow.id)
        )
        new_id = inserted.scalar_one_or_none()
        if new_id is not None:
            row = await self._session.get(TeamBoardScoreRow, new_id)
        else:
            row = await self._session.scalar(
                select(TeamBoardScoreRow).where(
                    TeamBoardScoreRow.chat_id == chat_id,
                    TeamBoardScoreRow.source_message_id == score.source_message_id,
                )
            )
        assert row is not None  # noqa: S101 - inserted or there already, in this transaction
        return _score(row), new_id is not None

    async def score_for_message(self, chat_id: int, message_id: int) -> BoardScore | None:
        row = await self._session.scalar(
            select(TeamBoardScoreRow).where(
                TeamBoardScoreRow.chat_id == chat_id,
                TeamBoardScoreRow.source_message_id == message_id,
            )
        )
        return None if row is None else _score(row)

    async def state(self, post_id: int) -> BoardState | None:
        found = await self._session.execute(
            select(TeamBoardRow, TeamWodPostRow, OutboxRow.message_id)
            .join(TeamWodPostRow, TeamWodPostRow.id == TeamBoardRow.post_id)
            .outerjoin(OutboxRow, _POST_DELIVERED)
            .where(TeamBoardRow.post_id == post_id)
            .execution_options(populate_existing=True)
        )
        first = found.first()
        return None if first is None else _state(*first)

    async def scores(self, post_id: int) -> list[BoardScore]:
        rows = await self._session.scalars(
            select(TeamBoardScoreRow)
            .where(TeamBoardScoreRow.post_id == post_id)
            .order_by(TeamBoardScoreRow.logged_at, TeamBoardScoreRow.id)
        )
        return [_score(row) for row in rows]

    async def last_scored(self, user_id: int, post_ids: list[int]) -> int | None:
        if not post_ids:
            return None
        return await self._session.scalar(
            select(TeamBoardScoreRow.post_id)
            .where(TeamBoardScoreRow.user_id == user_id, TeamBoardScoreRow.post_id.in_(post_ids))
            .order_by(TeamBoardScoreRow.logged_at.desc(), TeamBoardScoreRow.id.desc())
            .limit(1)
        )

    async def changed(self, post: WodPost) -> None:
        post_id = post.id or 0
        await self._session.execute(
            dialect_insert(self._session)(TeamBoardRow)
            .values(
                post_id=post_id,
                outbox_key=board_key(post_id),
                chat_id=post.chat_id,
                version=0,
                shown_version=0,
            )
            .on_conflict_do_nothing(index_elements=["post_id"])
        )
        await self._session.execute(
            update(TeamBoardRow)
            .where(TeamBoardRow.post_id == post_id)
            .values(version=TeamBoardRow.version + 1)
            .execution_options(synchronize_session=False)
        )

    async def record_delivered(self, since: date) -> int:
        delivered = (
            select(OutboxRow.message_id)
            .where(_BOARD_DELIVERED, OutboxRow.message_id.is_not(None))
            .scalar_subquery()
        )
        result = await self._session.execute(
            update(TeamBoardRow)
            .where(
                TeamBoardRow.message_id.is_(None),
                TeamBoardRow.queued.is_(True),
                TeamBoardRow.post_id.in_(_posts_since(since)),
                delivered.is_not(None),
            )
            .values(message_id=delivered)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def undelivered(self, since: date) -> list[BoardState]:
        sent = aliased(OutboxRow)  # the outer query joins the post's own outbox row
        given_up = select(sent.id).where(
            sent.idempotency_key == TeamBoardRow.outbox_key, sent.state.in_(_GIVEN_UP)
        )
        return await self._states(
            TeamBoardRow.message_id.is_(None),
            TeamBoardRow.queued.is_(True),
            TeamWodPostRow.on_date >= since,
            given_up.exists(),
        )

    async def _states(self, *where: object) -> list[BoardState]:
        rows = await self._session.execute(
            select(TeamBoardRow, TeamWodPostRow, OutboxRow.message_id)
            .join(TeamWodPostRow, TeamWodPostRow.id == TeamBoardRow.post_id)
            .outerjoin(OutboxRow, _POST_DELIVERED)
            .where(*where)  # type: ignore[arg-type]
            .order_by(TeamBoardRow.post_id)
            .execution_options(populate_existing=True)
        )
        return [_state(board, post, message_id) for board, post, message_id in rows]

    async def dirty(self, since: date) -> list[BoardState]:
        return await self._states(
            TeamWodPostRow.on_date >= since, TeamBoardRow.version > TeamBoardRow.shown_version
        )

    async def repost(self, post_id: int, outbox_key: str) -> None:
        await self._session.execute(
            update(TeamBoardRow)
            .where(TeamBoardRow.post_id == post_id)
            .values(message_id=None, queued=False, outbox_key=outbox_key)
            .execution_options(synchronize_session=False)
        )

    async def shown(
        self, post_id: int, version: int, *, queued: bool = False, text: str | None = None
    ) -> None:
        values: dict[str, object] = {"shown_version": version}
        if queued:
            values["queued"] = True
        if text is not None:
            values["shown_text"] = text
        await self._session.execute(
            update(TeamBoardRow)
            .where(TeamBoardRow.post_id == post_id, TeamBoardRow.shown_version < version)
            .values(**values)
            .execution_options(synchronize_session=False)
        )

    async def unsummarised(self, on_or_before: date) -> list[BoardState]:
        return await self._states(
            TeamBoardRow.summarised.is_(False), TeamWodPostRow.on_date <= on_or_before
        )

    async def summarised(self, post_id: int) -> None:
        await self._session.execute(
            update(TeamBoardRow)
            .where(TeamBoardRow.post_id == post_id)
            .values(summarised=True)
            .execution_options(synchronize_session=False)
        )

    async def history_link(self, post_id: int, user_id: int) -> HistoryLink | None:
        row = await self._session.get(
            TeamBoardResultRow, (post_id, user_id), populate_existing=True
        )
        if row is None:
            return None
        return HistoryLink(row.post_id, row.user_id, row.workout_id, row.result_id)

    async def save_history_link(self, link: HistoryLink) -> None:
        row = await self._session.get(TeamBoardResultRow, (link.post_id, link.user_id))
        if row is None:
            row = TeamBoardResultRow(post_id=link.post_id, user_id=link.user_id)
            self._session.add(row)
        row.workout_id, row.result_id = link.workout_id, link.result_id
        await self._session.flush()

    async def forget_result(self, result_id: int) -> None:
        # The conditioning context keeps no way to take a result back; the board made this one.
        await self._session.execute(
            update(TeamBoardResultRow)
            .where(TeamBoardResultRow.result_id == result_id)
            .values(result_id=None)
            .execution_options(synchronize_session=False)
        )
        await self._session.execute(
            delete(ConditioningResultRow).where(ConditioningResultRow.id == result_id)
        )
