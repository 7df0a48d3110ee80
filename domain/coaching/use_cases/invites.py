"""Becoming a coach, inviting clients by link, and a client accepting or leaving."""

from __future__ import annotations

from dataclasses import dataclass

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import (
    INVITE_LIFETIME,
    Coaching,
    Invite,
    is_invite_payload,
    new_invite_payload,
    payload_hash,
)
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock


class NotACoachError(PermissionError):
    """Only a coach may do this; /coach makes one."""


class InvalidInviteError(LookupError):
    """Unknown, used, expired or revoked: one error, so a guess learns nothing."""


class OwnInviteError(ValueError):
    """A coach opened their own invite."""


class AnotherCoachError(RuntimeError):
    """The athlete has a coach already: accepting would replace them, so it must be asked."""

    def __init__(self, current: User) -> None:
        super().__init__(f"coached by {current.telegram_id}")
        self.current = current


class NoCoachError(LookupError):
    """The athlete has no coach to leave."""


class NotYourClientError(PermissionError):
    """The athlete is not (or no longer) this coach's client."""


@dataclass(frozen=True, slots=True)
class InviteOffer:
    coach: User
    current_coach: User | None  # the athlete's coach now, whom accepting would replace


@dataclass(frozen=True, slots=True)
class Accepted:
    coaching: Coaching
    coach: User
    client: User
    already: bool  # they were this coach's client before the link was opened


async def coaching_of(uow: CoachingUnitOfWork, coach_id: int, athlete_id: int) -> Coaching:
    """The coaching in progress between this coach and this athlete, inside the caller's
    transaction; NotYourClientError for anyone else: the one check every coach action makes."""
    coaching = await uow.coachings.current_for_athlete(athlete_id)
    if coaching is None or coaching.coach_id != coach_id:
        raise NotYourClientError(athlete_id)
    return coaching


class BecomeCoach:
    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, user_id: int) -> None:
        async with self._uow:
            await registered_user(self._uow, user_id)
            await self._uow.coaches.add(user_id, self._clock.now())
            await self._uow.commit()


async def is_coach(uow: CoachingUnitOfWork, user_id: int) -> bool:
    async with uow:
        return await uow.coaches.is_coach(user_id)


class CreateInvite:
    """A new invite link's payload; the link itself is t.me/<bot>?start=<payload>."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, *, multi_use: bool = False) -> tuple[Invite, str]:
        async with self._uow:
            if not await self._uow.coaches.is_coach(coach_id):
                raise NotACoachError(coach_id)
            payload = new_invite_payload()
            now = self._clock.now()
            invite = await self._uow.invites.add(
                Invite(
                    None,
                    coach_id,
                    payload_hash(payload),
                    now,
                    now + INVITE_LIFETIME,
                    multi_use=multi_use,
                )
            )
            await self._uow.commit()
            return invite, payload


class RevokeInvite:
    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, invite_id: int) -> None:
        async with self._uow:
            invite = await self._uow.invites.get(invite_id)
            if invite is None or invite.coach_id != coach_id:
                raise InvalidInviteError(invite_id)
            if invite.revoked_at is None:
                await self._uow.invites.revoke(invite_id, self._clock.now())
            await self._uow.commit()


async def _usable_invite(uow: CoachingUnitOfWork, payload: str, clock: Clock) -> Invite:
    if not is_invite_payload(payload):
        raise InvalidInviteError(payload)
    invite = await uow.invites.by_hash(payload_hash(payload), lock=True)
    if invite is None or not invite.usable(clock.now()):
        raise InvalidInviteError(payload)
    return invite


async def _current_coach(uow: CoachingUnitOfWork, athlete_id: int) -> tuple[Coaching, User] | None:
    coaching = await uow.coachings.current_for_athlete(athlete_id)
    if coaching is None:
        return None
    return coaching, await registered_user(uow, coaching.coach_id)


async def open_invite(
    uow: CoachingUnitOfWork, clock: Clock, payload: str, athlete_id: int
) -> InviteOffer:
    """Who invites the athlete, and whom accepting would replace; changes nothing."""
    async with uow:
        invite = await _usable_invite(uow, payload, clock)
        if invite.coach_id == athlete_id:
            raise OwnInviteError(payload)
        coach = await registered_user(uow, invite.coach_id)
        current = await _current_coach(uow, athlete_id) if await uow.users.get(athlete_id) else None
        replaced = current[1] if current and current[0].coach_id != coach.telegram_id else None
        return InviteOffer(coach, replaced)


class AcceptInvite:
    """The athlete (registered already) becomes the coach's client; the coach hears of it."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, payload: str, athlete_id: int, *, replace: bool = False) -> Accepted:
        async with self._uow:
            invite = await _usable_invite(self._uow, payload, self._clock)
            if invite.coach_id == athlete_id:
                raise OwnInviteError(payload)
            client = await registered_user(self._uow, athlete_id)
            coach = await registered_user(self._uow, invite.coach_id)
            current = await _current_coach(self._uow, athlete_id)
            if current is not None and current[0].coach_id == coach.telegram_id:
                return Accepted(current[0], coach, client, already=True)
            now = self._clock.now()
            if current is not None:
                if not replace:
                    raise AnotherCoachError(current[1])
                await self._end(current[0], by_client=True)
            coaching = await self._uow.coachings.add(
                Coaching(None, coach.telegram_id, athlete_id, now)
            )
            await self._uow.invites.count_use(invite.id or 0)
            await self._uow.outbox.add(
                OutgoingMessage(
                    key=f"coaching:{coaching.id}:joined",
                    chat_id=coach.telegram_id,
                    not_before=now,
                    text=self._wording.client_joined(coach, client),
                    language=coach.language.value,
                )
            )
            await self._uow.commit()
            return Accepted(coaching, coach, client, already=False)

    async def _end(self, coaching: Coaching, *, by_client: bool) -> None:
        await end_and_tell(self._uow, self._clock, self._wording, coaching, by_client=by_client)


async def end_and_tell(
    uow: CoachingUnitOfWork,
    clock: Clock,
    wording: CoachingWording,
    coaching: Coaching,
    *,
    by_client: bool,
) -> None:
    """Ends the coaching inside the caller's transaction and queues a line to the other side."""
    now = clock.now()
    await uow.coachings.end(coaching.id or 0, now)
    # with no coach to approve them, training-max changes are made as they come again, and
    # those still waiting are declined: the athlete trains on from their current maxes
    await uow.proposals.require_approval(coaching.athlete_id, required=False, at=now)
    await uow.proposals.decline_waiting(coaching.athlete_id, now)
    coach = await registered_user(uow, coaching.coach_id)
    client = await registered_user(uow, coaching.athlete_id)
    recipient, other = (coach, client) if by_client else (client, coach)
    await uow.outbox.add(
        OutgoingMessage(
            key=f"coaching:{coaching.id}:ended",
            chat_id=recipient.telegram_id,
            not_before=now,
            text=wording.coaching_ended(recipient, other, by_client=by_client),
            language=recipient.language.value,
        )
    )


class LeaveCoach:
    """The athlete ends their coaching; from now on the coach sees nothing new."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, athlete_id: int) -> User:
        async with self._uow:
            current = await _current_coach(self._uow, athlete_id)
            if current is None:
                raise NoCoachError(athlete_id)
            await end_and_tell(self._uow, self._clock, self._wording, current[0], by_client=True)
            await self._uow.commit()
            return current[1]


class EndClient:
    """The coach ends a client's coaching."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, athlete_id: int) -> User:
        async with self._uow:
            coaching = await coaching_of(self._uow, coach_id, athlete_id)
            await end_and_tell(self._uow, self._clock, self._wording, coaching, by_client=False)
            await self._uow.commit()
            return await registered_user(self._uow, athlete_id)


async def current_coach(uow: CoachingUnitOfWork, athlete_id: int) -> User | None:
    async with uow:
        current = await _current_coach(uow, athlete_id)
        return None if current is None else current[1]


@dataclass(frozen=True, slots=True)
class CoachingStatus:
    """Where a user stands: a coach (with how many clients), and whose client, if anyone's."""

    is_coach: bool
    clients: int
    coach: User | None


async def coaching_status(uow: CoachingUnitOfWork, user_id: int) -> CoachingStatus:
    async with uow:
        coach = await uow.coaches.is_coach(user_id)
        clients = len(await uow.coachings.clients(user_id)) if coach else 0
        current = await _current_coach(uow, user_id)
        return CoachingStatus(coach, clients, None if current is None else current[1])
