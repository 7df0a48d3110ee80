"""A client's health record as their coach sees it: the PAR-Q flag, its acknowledgement, and
the check before a plan is assigned. Only the current coach: NotYourClientError for anyone
else, former coaches included."""

from __future__ import annotations

from dataclasses import dataclass

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import coaching_of
from domain.health.model import (
    EmergencyContact,
    HealthRecord,
    HistoryField,
    flagged,
    yes_answers,
)
from domain.health.rules import avoided_lifts
from domain.plans.model import Plan
from domain.shared.ports import Clock


@dataclass(frozen=True, slots=True)
class ClientHealth:
    client: User
    record: HealthRecord | None
    contacts: list[EmergencyContact]
    flagged: frozenset[int]  # PAR-Q questions answered yes that the coach has not acknowledged
    avoided: frozenset[str]  # slugs of the lifts the limitations name


@dataclass(frozen=True, slots=True)
class AvoidedLift:
    exercise: str  # slug
    days: tuple[int, ...]  # the plan's day numbers that have it


class HealthNotAcknowledgedError(PermissionError):
    """The client answered yes on the PAR-Q and the coach has not acknowledged it yet."""


class AvoidedLiftsError(ValueError):
    """The plan has lifts the client's limitations name; assigning it needs a confirmation."""

    def __init__(self, lifts: tuple[AvoidedLift, ...]) -> None:
        super().__init__(", ".join(lift.exercise for lift in lifts))
        self.lifts = lifts


def lifts_in_plan(plan: Plan, avoided: frozenset[str]) -> tuple[AvoidedLift, ...]:
    """The avoided lifts the plan has, each with its days, in the order the plan first has them."""
    days: dict[str, list[int]] = {}
    for day in plan.days:
        for slot in day.slots:
            if slot.exercise in avoided and day.number not in days.setdefault(slot.exercise, []):
                days[slot.exercise].append(day.number)
    return tuple(AvoidedLift(exercise, tuple(numbers)) for exercise, numbers in days.items())


async def _client_health(uow: CoachingUnitOfWork, coach_id: int, athlete_id: int) -> ClientHealth:
    await coaching_of(uow, coach_id, athlete_id)
    client = await registered_user(uow, athlete_id)
    record = await uow.health.record(athlete_id)
    if record is None:
        return ClientHealth(client, None, [], frozenset(), frozenset())
    limitations = record.text_of(HistoryField.LIMITATIONS) or ""
    names = {slug: exercise.name for slug, exercise in (await uow.exercises.all()).items()}
    return ClientHealth(
        client,
        record,
        await uow.health.contacts(athlete_id),
        flagged(record.answers, await uow.health.acknowledged(athlete_id, coach_id)),
        avoided_lifts(limitations, names) if limitations else frozenset(),
    )


async def client_health(uow: CoachingUnitOfWork, coach_id: int, athlete_id: int) -> ClientHealth:
    """The client's health record, for their current coach only."""
    async with uow:
        return await _client_health(uow, coach_id, athlete_id)


class AcknowledgeHealth:
    """The coach has read the yes answers they were shown; one answered yes since still flags.

    `shown` is what the button was shown for (it comes back from Telegram, so it is only
    trusted as far as the record agrees): the acknowledgement covers the yes answers in both.
    """

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, athlete_id: int, shown: frozenset[int]) -> ClientHealth:
        async with self._uow:
            health = await _client_health(self._uow, coach_id, athlete_id)
            if not health.flagged & shown:
                return health
            known = await self._uow.health.acknowledged(athlete_id, coach_id)
            record = health.record
            yes = frozenset() if record is None else yes_answers(record.answers)
            covered = (known | shown) & yes
            await self._uow.health.acknowledge(athlete_id, coach_id, covered, self._clock.now())
            await self._uow.commit()
            return await _client_health(self._uow, coach_id, athlete_id)


async def check_before_assigning(
    uow: CoachingUnitOfWork, coach_id: int, athlete_id: int, plan: Plan, *, avoided_ok: bool
) -> None:
    """Inside the assigning transaction: refuses while the PAR-Q flag is unacknowledged, and
    asks to confirm a plan with lifts the limitations name."""
    health = await _client_health(uow, coach_id, athlete_id)
    if health.flagged:
        raise HealthNotAcknowledgedError(athlete_id)
    lifts = lifts_in_plan(plan, health.avoided)
    if lifts and not avoided_ok:
        raise AvoidedLiftsError(lifts)
