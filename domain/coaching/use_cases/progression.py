"""Progression a coach approves: a client's training-max changes wait for Keep, Decline or ✏️."""

from __future__ import annotations

from datetime import timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import proposal_key
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.invites import NotYourClientError, coaching_of
from domain.outbox.model import Action, Button, OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.weights import Unit, Weight
from domain.training.model import TrainingMax
from domain.training.progression import Proposal, ProposalDecision

BATCH = 200
LOOK_BACK = timedelta(days=7)  # inside the outbox's retention, so a key never repeats


class AlreadyDecidedError(RuntimeError):
    def __init__(self, proposal: Proposal) -> None:
        super().__init__(f"proposal {proposal.id} is {proposal.decision}")
        self.proposal = proposal


class OutOfDateError(RuntimeError):
    """The training max moved since the change was proposed: keeping it now could lower it.
    The proposal is declined (quietly) and the current training max is given."""

    def __init__(self, proposal: Proposal, current: TrainingMax | None) -> None:
        super().__init__(f"proposal {proposal.id} is out of date")
        self.proposal = proposal
        self.current = current


def _still_at(current: TrainingMax | None, old: Weight) -> bool:
    return current is not None and current.weight.to(Unit.KG).amount == old.to(Unit.KG).amount


class SetProgressionMode:
    """The coach chooses: the client's training maxes change as progression says, or wait."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, athlete_id: int, *, approve: bool) -> User:
        async with self._uow:
            await coaching_of(self._uow, coach_id, athlete_id)
            await self._uow.proposals.require_approval(
                athlete_id, required=approve, at=self._clock.now()
            )
            client = await registered_user(self._uow, athlete_id)
            await self._uow.commit()
            return client


def _buttons(proposal_id: int) -> tuple[tuple[Button, ...], ...]:
    named = (("proposal", str(proposal_id)),)
    return (
        (
            Button(Action.KEEP_PROPOSAL, named),
            Button(Action.DECLINE_PROPOSAL, named),
            Button(Action.EDIT_PROPOSAL, named),
        ),
    )


class ProposeChanges:
    """Sends each waiting change of a current client to their coach, once; returns how many."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        async with self._uow:
            queued = 0
            since = now - LOOK_BACK
            for coaching, proposal in await self._uow.coachings.unsent_proposals(since, BATCH):
                coach = await registered_user(self._uow, coaching.coach_id)
                client = await registered_user(self._uow, coaching.athlete_id)
                queued += await self._uow.outbox.add(
                    OutgoingMessage(
                        key=proposal_key(proposal.id or 0),
                        chat_id=coach.telegram_id,
                        not_before=now,
                        text=self._wording.proposed(coach, client, proposal),
                        buttons=_buttons(proposal.id or 0),
                        language=coach.language.value,
                    )
                )
            await self._uow.commit()
            return queued


class DecideProposal:
    """The coach keeps a change (it is made, with the reason progression gave), declines it, or
    replaces it with a training max of their own (set next, by the usual prompt)."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(
        self, coach_id: int, proposal_id: int, decision: ProposalDecision
    ) -> tuple[Proposal, User]:
        async with self._uow:
            proposal = await self._uow.proposals.get(proposal_id, lock=True)
            if proposal is None:
                raise NotYourClientError(coach_id)
            coaching = await coaching_of(self._uow, coach_id, proposal.athlete_id)
            if proposal.created_at < coaching.started_at:  # an earlier coach's to decide
                raise NotYourClientError(coach_id)
            if proposal.decision is not None:
                raise AlreadyDecidedError(proposal)
            now = self._clock.now()
            change = proposal.change
            current = (await self._uow.training_maxes.current(proposal.athlete_id)).get(
                change.exercise
            )
            if decision == ProposalDecision.KEPT and not _still_at(current, change.old):
                await self._uow.proposals.decide(proposal_id, ProposalDecision.DECLINED, now)
                await self._uow.commit()
                raise OutOfDateError(proposal, current)
            await self._uow.proposals.decide(proposal_id, decision, now)
            if decision == ProposalDecision.KEPT:
                await self._uow.training_maxes.add(
                    proposal.athlete_id,
                    TrainingMax(change.exercise, change.new, now, change.reason),
                )
            client = await registered_user(self._uow, proposal.athlete_id)
            coach = await registered_user(self._uow, coach_id)
            if decision != ProposalDecision.REPLACED:  # a replacement is told when it is set
                await self._uow.outbox.add(
                    OutgoingMessage(
                        key=f"{proposal_key(proposal_id)}:decided",
                        chat_id=client.telegram_id,
                        not_before=now,
                        text=self._wording.decided(client, coach, proposal, decision),
                        language=client.language.value,
                    )
                )
            await self._uow.commit()
            return proposal, client
