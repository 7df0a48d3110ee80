"""The exercise library as people see it (each lift's name, never its slug), and adding to it:
an athlete's own exercises, and a bot admin's to the library everyone shares."""

from __future__ import annotations

from domain.athletes.use_cases.registration import registered_user
from domain.plans.exercise_line import ExerciseLine, as_exercise
from domain.plans.model import Exercise
from domain.plans.ports import PlansUnitOfWork
from domain.plans.use_cases.library import NotAnAdminError


async def exercise_names(uow: PlansUnitOfWork) -> dict[str, str]:
    """Every exercise's name by slug: "ohp" → "Overhead press"."""
    async with uow:
        return {slug: exercise.name for slug, exercise in (await uow.exercises.all()).items()}


async def own_exercises(uow: PlansUnitOfWork, athlete_id: int) -> list[Exercise]:
    """The athlete's own exercises, by name."""
    async with uow:
        return sorted(await uow.exercises.owned_by(athlete_id), key=lambda e: e.name.lower())


class AddExercise:
    """Adds an exercise of the athlete's own, or (a bot admin's) one to the shared library; the
    same name again corrects its muscle group, category and region."""

    def __init__(self, uow: PlansUnitOfWork, admins: frozenset[int]) -> None:
        self._uow = uow
        self._admins = admins

    async def __call__(self, actor_id: int, line: ExerciseLine) -> Exercise:
        """Raises NotAnAdminError for a shared exercise from anyone but a bot admin."""
        if line.shared and actor_id not in self._admins:
            raise NotAnAdminError(actor_id)
        async with self._uow:
            await registered_user(self._uow, actor_id)
            exercise = as_exercise(line, None if line.shared else actor_id)
            if line.shared:
                await self._uow.exercises.save_all([exercise])
            else:
                await self._uow.exercises.add_own(actor_id, exercise)
            await self._uow.commit()
        return exercise
