"""Keeps the shipped exercise library and programs in storage in step with the code's data."""

from __future__ import annotations

from domain.plans.library import builtin_plans, load_exercises
from domain.plans.ports import PlansUnitOfWork


async def install_builtin_programs(uow: PlansUnitOfWork) -> None:
    """Idempotent: unchanged data writes nothing new; a changed plan replaces its old definition.
    Several processes starting at once install it one after another."""
    async with uow:
        await uow.exercises.hold_library()
        await uow.exercises.save_all(list(load_exercises().values()))
        for plan in builtin_plans():
            await uow.plans.save(plan)
        await uow.commit()
