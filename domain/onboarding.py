"""Getting an athlete going: a plan, units, and the training maxes the plan needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from domain.plans import Plan, UnknownPlanError
from domain.ports import Clock, UnitOfWork
from domain.records import E1rmFormula
from domain.users import registered_user
from domain.weights import DEFAULT_STEP, Rounding, Unit, Weight
from domain.workouts import ActivePlan, TrainingMax


async def active_plan(uow: UnitOfWork, athlete_id: int) -> ActivePlan | None:
    async with uow:
        return await uow.athlete_plans.active(athlete_id)


async def available_plans(uow: UnitOfWork) -> list[Plan]:
    async with uow:
        return await uow.plans.builtin()


class ChooseUnits:
    """Sets kg or lb; the rounding step follows the unit's usual smallest plate pair."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, unit: Unit) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if user.unit != unit:
                await self._uow.users.update(
                    replace(user, unit=unit, rounding_step=DEFAULT_STEP[unit])
                )
            await self._uow.commit()


class StartPlan:
    """Makes a plan the athlete's active one, from its first day."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, plan_slug: str) -> Plan:
        async with self._uow:
            plan = await self._uow.plans.get(plan_slug)
            if plan is None:
                raise UnknownPlanError(plan_slug)
            await self._uow.athlete_plans.start(athlete_id, plan_slug, self._clock.now())
            await self._uow.commit()
            return plan


class SetTrainingMaxes:
    """Records training maxes, given directly or as one-rep maxes (TM = the plan's % of 1RM)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, maxes: Mapping[str, Weight], *, one_rep_maxes: bool
    ) -> dict[str, Weight]:
        async with self._uow:
            active = await self._uow.athlete_plans.active(athlete_id)
            plan = await self._uow.plans.get(active.plan_slug) if active else None
            percent = plan.training_max_percent if plan else None
            now = self._clock.now()
            recorded: dict[str, Weight] = {}
            for exercise, weight in maxes.items():
                if one_rep_maxes and percent is not None:
                    tm = weight.times(percent)
                    reason = f"{percent * 100:.0f}% of a {weight} one-rep max"
                else:
                    tm, reason = weight, "set by the athlete"
                await self._uow.training_maxes.add(
                    athlete_id, TrainingMax(exercise, tm, now, reason)
                )
                recorded[exercise] = tm
            await self._uow.commit()
            return recorded


async def missing_training_maxes(uow: UnitOfWork, athlete_id: int) -> tuple[str, ...]:
    """The lifts the active plan needs a training max for that the athlete has none of."""
    async with uow:
        active = await uow.athlete_plans.active(athlete_id)
        if active is None:
            return ()
        plan = await uow.plans.get(active.plan_slug)
        if plan is None:
            return ()
        current = await uow.training_maxes.current(athlete_id)
        return tuple(e for e in plan.training_max_exercises if e not in current)


async def training_maxes_with_history(
    uow: UnitOfWork, athlete_id: int
) -> dict[str, list[TrainingMax]]:
    """Every lift's training-max history, oldest first, by lift."""
    async with uow:
        current = await uow.training_maxes.current(athlete_id)
        return {
            exercise: await uow.training_maxes.history(athlete_id, exercise) for exercise in current
        }


SMALLEST_PLATES = {
    Unit.KG: (Decimal("0.25"), Decimal("0.5"), Decimal("1.25"), Decimal("2.5")),
    Unit.LB: (Decimal("1.25"), Decimal("2.5"), Decimal("5")),
}


class InvalidPlateError(ValueError):
    """Not a plate size we offer for the athlete's unit."""


class SetRounding:
    """Rounding follows the smallest plate: the step is two of them; or always round down."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(
        self, athlete_id: int, smallest_plate: Decimal | None, rounding: Rounding | None
    ) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            changed = user
            if smallest_plate is not None:
                if smallest_plate not in SMALLEST_PLATES[user.unit]:
                    raise InvalidPlateError(str(smallest_plate))
                changed = replace(changed, rounding_step=smallest_plate * 2)
            if rounding is not None:
                changed = replace(changed, rounding=rounding)
            if changed != user:
                await self._uow.users.update(changed)
            await self._uow.commit()


async def active_plan_definition(uow: UnitOfWork, athlete_id: int) -> tuple[Plan, int] | None:
    """The athlete's active plan and the number of the day that comes next."""
    async with uow:
        active = await uow.athlete_plans.active(athlete_id)
        plan = await uow.plans.get(active.plan_slug) if active else None
        return (plan, active.next_day) if plan and active else None


class SetWarmups:
    """Switches the warm-up ramp before main lifts on or off."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, on: bool) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if user.warmups != on:
                await self._uow.users.update(replace(user, warmups=on))
            await self._uow.commit()


BARS = {
    Unit.KG: (Decimal(20), Decimal(15), Decimal(10)),
    Unit.LB: (Decimal(45), Decimal(35), Decimal(33), Decimal(15)),
}


class InvalidBarError(ValueError):
    """Not a bar we offer for the athlete's unit."""


class SetBar:
    """The bar the athlete loads: plates per side and warm-ups are worked out on it."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, amount: Decimal) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if amount not in BARS[user.unit]:
                raise InvalidBarError(str(amount))
            await self._uow.users.update(replace(user, bar=Weight(amount, user.unit)))
            await self._uow.commit()


class SetE1rmFormula:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, formula: E1rmFormula) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            await self._uow.users.update(replace(user, e1rm_formula=formula))
            await self._uow.commit()
