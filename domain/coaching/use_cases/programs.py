"""A coach's hand on a client's program: assigning a plan, setting training maxes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import ThreadEvent, ThreadMessage
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.health import check_before_assigning
from domain.coaching.use_cases.invites import coaching_of
from domain.outbox.model import OutgoingMessage
from domain.plans.model import Plan, PlanInfo, UnknownPlanError
from domain.plans.rules.reasons import Reason, ReasonKind
from domain.plans.text.parse import parse_plan_text
from domain.plans.text.problems import LineError, PlanProblem, PlanTextError
from domain.plans.text.render import plan_to_text
from domain.shared.ports import Clock
from domain.shared.weights import Weight
from domain.training.model import TrainingMax
from domain.training.use_cases.onboarding import StartPlan

_COPY_SUFFIX = re.compile(r"-for-\d+$")
SLUG_ROOM = 40  # of the template's slug, leaving room for "-for-<client id>" in 64


def copy_slug(template_slug: str, athlete_id: int) -> str:
    """The client's copy of a plan: "nsuns-4day" → "nsuns-4day-for-3101"."""
    base = _COPY_SUFFIX.sub("", template_slug)[:SLUG_ROOM].rstrip("-")
    return f"{base}-for-{athlete_id}"


def plan_token(slug: str) -> str:
    """A short check that a button still names the plan it was shown for."""
    return hashlib.sha256(slug.encode()).hexdigest()[:8]


async def _client(uow: CoachingUnitOfWork, coach_id: int, athlete_id: int) -> User:
    await coaching_of(uow, coach_id, athlete_id)
    return await registered_user(uow, athlete_id)


async def _tell(uow: CoachingUnitOfWork, client: User, key: str, text: str, at: datetime) -> None:
    """What the coach changed, told to the client in the same transaction."""
    await uow.outbox.add(
        OutgoingMessage(
            key=key,
            chat_id=client.telegram_id,
            not_before=at,
            text=text,
            language=client.language.value,
        )
    )


async def _note_in_thread(
    uow: CoachingUnitOfWork,
    coach_id: int,
    athlete_id: int,
    change: tuple[ThreadEvent, str],
    at: datetime,
) -> None:
    """A line in the thread between the coach and the client: what the coach changed."""
    coaching = await coaching_of(uow, coach_id, athlete_id)
    event, what = change
    await uow.threads.add(
        ThreadMessage(None, coaching.id or 0, coach_id, athlete_id, what, at, event)
    )


async def plans_to_assign(uow: CoachingUnitOfWork, coach_id: int) -> list[PlanInfo]:
    """What the coach may assign: the library, published plans and their own, no client copies."""
    async with uow:
        return [
            info
            for info in await uow.plans.available(coach_id)
            if not _COPY_SUFFIX.search(info.slug)
        ]


class AssignPlan:
    """Gives the client their own copy of a plan the coach can see, and starts it for them.

    Training maxes carry over as for any plan switch; a client mid-workout must finish first
    (WorkoutInProgressError). The client hears of it in their language. A PAR-Q flag the
    coach has not acknowledged refuses it, and lifts the client's limitations name need
    `avoided_ok` (use_cases/health.py).
    """

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(
        self, coach_id: int, athlete_id: int, plan_slug: str, *, avoided_ok: bool = False
    ) -> Plan:
        async with self._uow:
            client = await _client(self._uow, coach_id, athlete_id)
            offered = {info.slug for info in await plans_to_assign(self._uow, coach_id)}
            template = await self._uow.plans.get(plan_slug) if plan_slug in offered else None
            if template is None:
                raise UnknownPlanError(plan_slug)
            copy = replace(template, slug=copy_slug(template.slug, athlete_id))
            await check_before_assigning(
                self._uow, coach_id, athlete_id, copy, avoided_ok=avoided_ok
            )
            coach = await registered_user(self._uow, coach_id)
            now = self._clock.now()
            await self._uow.plans.save(copy, builtin=False, owner_id=athlete_id)
            await _tell(
                self._uow,
                client,
                f"assigned:{athlete_id}:{copy.slug}:{now.isoformat()}",
                self._wording.plan_assigned(client, coach, copy.name),
                now,
            )
            await _note_in_thread(
                self._uow, coach_id, athlete_id, (ThreadEvent.PLAN_ASSIGNED, copy.name), now
            )
            # StartPlan's block nests in this one and commits it all, copy and notice
            # included; a workout in progress raises there and leaves nothing behind.
            await StartPlan(self._uow, self._clock)(athlete_id, copy.slug)
            return copy


class SetClientMaxes:
    """The coach sets training maxes for a client; the reason names the coach."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, athlete_id: int, maxes: Mapping[str, Weight]) -> User:
        async with self._uow:
            client = await _client(self._uow, coach_id, athlete_id)
            coach = await registered_user(self._uow, coach_id)
            now = self._clock.now()
            reason = Reason.of(ReasonKind.SET_BY_COACH, coach=coach.first_name)
            for exercise, weight in maxes.items():
                await self._uow.training_maxes.add(
                    athlete_id, TrainingMax(exercise, weight, now, reason)
                )
            await _tell(
                self._uow,
                client,
                f"maxes-set:{athlete_id}:{now.isoformat()}",
                self._wording.maxes_set(client, coach, dict(maxes)),
                now,
            )
            listed = ", ".join(f"{lift} {weight}" for lift, weight in sorted(maxes.items()))
            await _note_in_thread(
                self._uow, coach_id, athlete_id, (ThreadEvent.MAXES_SET, listed), now
            )
            await self._uow.commit()
            return client


class NoClientCopyError(LookupError):
    """The client runs no plan of their own from this coach: assign one, then edit it."""


async def _client_copy(uow: CoachingUnitOfWork, athlete_id: int) -> Plan:
    active = await uow.athlete_plans.active(athlete_id)
    if active is None or not active.plan_slug.endswith(f"-for-{athlete_id}"):
        raise NoClientCopyError(athlete_id)
    plan = await uow.plans.get(active.plan_slug)
    if plan is None or await uow.plans.owner_of(plan.slug) != athlete_id:
        raise NoClientCopyError(athlete_id)
    return plan


async def client_plan_text(uow: CoachingUnitOfWork, coach_id: int, athlete_id: int) -> str:
    """The client's own copy of their plan as text the coach edits and sends back."""
    async with uow:
        await coaching_of(uow, coach_id, athlete_id)
        plan = await _client_copy(uow, athlete_id)
        return plan_to_text(plan, await uow.exercises.all())


class EditClientPlan:
    """The coach's edited text replaces the client's copy, never the template it came from.

    A workout already started keeps the sets it began with; the next ones follow the new text.
    Raises PlanTextError with each line that is wrong, changing nothing.
    """

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, athlete_id: int, text: str) -> Plan:
        async with self._uow:
            client = await _client(self._uow, coach_id, athlete_id)
            copy = await _client_copy(self._uow, athlete_id)
            exercises = await self._uow.exercises.all()
            plan = replace(parse_plan_text(text, exercises), slug=copy.slug)
            if parse_plan_text(plan_to_text(plan, exercises), exercises) != plan:
                raise PlanTextError([LineError(0, PlanProblem.UNSAVABLE)])
            await self._uow.plans.save(plan, builtin=False, owner_id=athlete_id)
            active = await self._uow.athlete_plans.active(athlete_id)
            if active is not None and active.next_day > len(plan.days):  # fewer days now
                await self._uow.athlete_plans.set_next_day(athlete_id, 1)
            coach = await registered_user(self._uow, coach_id)
            now = self._clock.now()
            await _tell(
                self._uow,
                client,
                f"plan-edited:{athlete_id}:{now.isoformat()}",
                self._wording.plan_edited(client, coach, plan.name),
                now,
            )
            await _note_in_thread(
                self._uow, coach_id, athlete_id, (ThreadEvent.PLAN_EDITED, plan.name), now
            )
            await self._uow.commit()
            return plan
