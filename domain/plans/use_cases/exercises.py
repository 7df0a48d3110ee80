"""The exercise library as people see it: each lift's name, never its slug."""

from __future__ import annotations

from domain.plans.ports import PlansUnitOfWork


async def exercise_names(uow: PlansUnitOfWork) -> dict[str, str]:
    """Every exercise's name by slug: "ohp" → "Overhead press"."""
    async with uow:
        return {slug: exercise.name for slug, exercise in (await uow.exercises.all()).items()}
