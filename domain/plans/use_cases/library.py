"""The plans an athlete can run: built-in, published by an admin, or written by themselves."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.plans.model import Plan, PlanInfo, UnknownPlanError
from domain.plans.ports import PlansUnitOfWork
from domain.plans.text.parse import parse_plan_text, slugify
from domain.plans.text.problems import LineError, PlanProblem, PlanTextError
from domain.plans.text.render import plan_to_text
from domain.shared.ports import Clock

DELOAD_WEEK = timedelta(days=7)
CUSTOM_SLUG_NAME = 20  # characters of the name kept in a custom plan's slug


class NotAnAdminError(PermissionError):
    """Only bot admins publish plans."""


async def available_plans(uow: PlansUnitOfWork, athlete_id: int) -> list[PlanInfo]:
    async with uow:
        return await uow.plans.available(athlete_id)


def custom_slug(name: str, owner_id: int) -> str:
    """Unique per owner and name (any script, any length), and short enough for a button."""
    digest = hashlib.blake2s(name.casefold().encode(), digest_size=4).hexdigest()
    return f"{slugify(name)[:CUSTOM_SLUG_NAME].strip('-')}-{digest}-{owner_id:x}"


class SaveCustomPlan:
    """Reads a plan from its text and keeps it as the athlete's own; the same name replaces it.

    Raises domain.plans.text.problems.PlanTextError, listing each line that is wrong.
    """

    def __init__(self, uow: PlansUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, owner_id: int, text: str) -> Plan:
        async with self._uow:
            await registered_user(self._uow, owner_id)
            exercises = await self._uow.exercises.all()
            parsed = parse_plan_text(text, exercises)
            plan = replace(parsed, slug=custom_slug(parsed.name, owner_id))
            if parse_plan_text(plan_to_text(plan, exercises), exercises) != plan:
                raise PlanTextError([LineError(0, PlanProblem.UNSAVABLE)])
            await self._uow.plans.save(plan, builtin=False, owner_id=owner_id)
            await self._uow.commit()
            return plan


class PublishPlan:
    """A bot admin offers a custom plan to everyone (or takes it back)."""

    def __init__(self, uow: PlansUnitOfWork, admins: frozenset[int]) -> None:
        self._uow = uow
        self._admins = admins

    async def __call__(self, actor_id: int, slug: str, *, published: bool = True) -> bool:
        if actor_id not in self._admins:
            raise NotAnAdminError(actor_id)
        async with self._uow:
            if await self._uow.plans.owner_of(slug) != actor_id:
                return False  # an admin publishes their own plans, not someone's private ones
            changed = await self._uow.plans.publish(slug, published=published)
            if changed:
                await self._uow.commit()
            return changed


async def plan_as_text(uow: PlansUnitOfWork, athlete_id: int, slug: str) -> str:
    """Any plan the athlete may run, as text they can edit and send back."""
    async with uow:
        if slug not in {info.slug for info in await uow.plans.available(athlete_id)}:
            raise UnknownPlanError(slug)
        plan = await uow.plans.get(slug)
        if plan is None:
            raise UnknownPlanError(slug)
        return plan_to_text(plan, await uow.exercises.all())


class ToggleDeload:
    """Switches a deload week on (lighter loads, no records, no progression) or off again."""

    def __init__(self, uow: PlansUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int) -> User:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            now = self._clock.now()
            until = None if user.deloading(now) else now + DELOAD_WEEK
            changed = replace(user, deload_until=until)
            await self._uow.users.update(changed)
            await self._uow.commit()
            return changed
