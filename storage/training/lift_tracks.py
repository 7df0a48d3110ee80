"""The SQL adapter for the domain's LiftTrackRepository: each lift's rule state, append-only."""

from __future__ import annotations

import json

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from domain.plans.rules.slots import state_from_json, state_to_json
from domain.training.model import LiftTrack
from storage.training.reasons import reason_columns, to_reason
from storage.training.tables import LiftTrackRow


class SqlLiftTrackRepository:
    """Lift tracks in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def current(self, athlete_id: int) -> dict[str, LiftTrack]:
        """The newest entry per key (the later-added one if two share a time)."""
        rows = await self._session.scalars(_CURRENT, {"athlete_id": athlete_id})
        return {row.key: _to_track(row) for row in rows}

    async def history(self, athlete_id: int, key: str) -> list[LiftTrack]:
        rows = await self._session.scalars(
            select(LiftTrackRow)
            .where(LiftTrackRow.user_id == athlete_id, LiftTrackRow.key == key)
            .order_by(LiftTrackRow.effective_at, LiftTrackRow.id)
            .execution_options(populate_existing=True)
        )
        return [_to_track(row) for row in rows]

    async def add(self, athlete_id: int, track: LiftTrack) -> None:
        reason_kind, reason_params = reason_columns(track.reason)
        self._session.add(
            LiftTrackRow(
                user_id=athlete_id,
                key=track.key,
                state=json.dumps(state_to_json(track.state), separators=(",", ":")),
                effective_at=track.effective_at,
                reason_kind=reason_kind,
                reason_params=reason_params,
            )
        )


def _to_track(row: LiftTrackRow) -> LiftTrack:
    state = state_from_json(json.loads(row.state))
    return LiftTrack(
        row.key, state, row.effective_at, to_reason(row.reason_kind, row.reason_params)
    )


def _newest_per_key() -> Select[LiftTrackRow]:
    """Built once, as the training maxes' own: building it cost more than running it."""
    rank = (
        func.row_number()
        .over(
            partition_by=LiftTrackRow.key,
            order_by=(LiftTrackRow.effective_at.desc(), LiftTrackRow.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(LiftTrackRow, rank).where(LiftTrackRow.user_id == bindparam("athlete_id")).subquery()
    )
    newest = aliased(LiftTrackRow, ranked)
    return select(newest).where(ranked.c.rank == 1).execution_options(populate_existing=True)


_CURRENT = _newest_per_key()
