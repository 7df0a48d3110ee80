"""The SQL adapter for the domain's ProposalRepository: changes that wait for a coach."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.training.progression import Proposal, ProposalDecision, TrainingMaxChange
from storage.core.columns import to_weight
from storage.core.dialects import dialect_insert
from storage.training.reasons import reason_columns, to_reason
from storage.training.tables import ApprovalRow, ProposalRow


def to_proposal(row: ProposalRow) -> Proposal:
    change = TrainingMaxChange(
        row.exercise,
        row.name,
        to_weight(row.old_amount, row.unit),
        to_weight(row.new_amount, row.unit),
        row.increment,
        to_reason(row.reason_kind, row.reason_params),
    )
    decision = None if row.decision is None else ProposalDecision(row.decision)
    return Proposal(row.id, row.user_id, row.workout_id, change, row.created_at, decision)


class SqlProposalRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def approval_required(self, athlete_id: int) -> bool:
        return await self._session.get(ApprovalRow, athlete_id) is not None

    async def require_approval(self, athlete_id: int, *, required: bool, at: datetime) -> None:
        if not required:
            await self._session.execute(
                delete(ApprovalRow).where(ApprovalRow.user_id == athlete_id)
            )
            return
        await self._session.execute(
            dialect_insert(self._session)(ApprovalRow)
            .values(user_id=athlete_id, since=at)
            .on_conflict_do_nothing()
        )

    async def add(self, proposal: Proposal) -> Proposal:
        change = proposal.change
        reason_kind, reason_params = reason_columns(change.reason)
        row = ProposalRow(
            user_id=proposal.athlete_id,
            workout_id=proposal.workout_id,
            exercise=change.exercise,
            name=change.name[:100],
            old_amount=change.old.amount,
            new_amount=change.new.to(change.old.unit).amount,
            unit=change.old.unit.value,
            increment=change.increment,
            reason_kind=reason_kind,
            reason_params=reason_params,
            created_at=proposal.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        return to_proposal(row)

    async def get(self, proposal_id: int, *, lock: bool = False) -> Proposal | None:
        query = select(ProposalRow).where(ProposalRow.id == proposal_id)
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query)
        return None if row is None else to_proposal(row)

    async def decide(self, proposal_id: int, decision: ProposalDecision, at: datetime) -> None:
        await self._session.execute(
            update(ProposalRow)
            .where(ProposalRow.id == proposal_id, ProposalRow.decision.is_(None))
            .values(decision=decision.value, decided_at=at)
        )

    async def decline_waiting(self, athlete_id: int, at: datetime) -> None:
        await self._session.execute(
            update(ProposalRow)
            .where(ProposalRow.user_id == athlete_id, ProposalRow.decision.is_(None))
            .values(decision=ProposalDecision.DECLINED.value, decided_at=at)
        )
