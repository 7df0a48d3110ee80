"""What the plans context needs from storage: the exercise library and the plans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.athletes.ports import AthletesUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Sequence

    from domain.plans.model import Exercise, Plan, PlanInfo


class ExerciseRepository(Protocol):
    async def hold_library(self) -> None:
        """Until this transaction ends, another one installing the library waits (processes
        starting at once)."""
        ...

    async def all(self) -> dict[str, Exercise]: ...

    async def save_all(self, exercises: Sequence[Exercise]) -> None:
        """Adds new exercises and updates changed ones (by slug)."""
        ...

    async def visible_to(self, athlete_id: int) -> dict[str, Exercise]:
        """The shared library and the athlete's own exercises, by slug."""
        ...

    async def owned_by(self, athlete_id: int) -> list[Exercise]: ...

    async def add_own(self, athlete_id: int, exercise: Exercise) -> None:
        """Adds an exercise of the athlete's own, or updates theirs of that slug."""
        ...


class PlanRepository(Protocol):
    async def get(self, slug: str) -> Plan | None: ...

    async def save(self, plan: Plan, *, builtin: bool = True, owner_id: int | None = None) -> None:
        """Stores the plan, replacing the stored definition with the same slug if it differs."""
        ...

    async def builtin(self) -> list[Plan]: ...

    async def available(self, athlete_id: int) -> list[PlanInfo]:
        """Built-in and published plans, and the athlete's own: built-in first, then by name."""
        ...

    async def owner_of(self, slug: str) -> int | None:
        """Who wrote the plan; None for a built-in plan or no such plan."""
        ...

    async def publish(self, slug: str, *, published: bool) -> bool:
        """Offers a custom plan to everyone, or stops; False when there is no such custom plan."""
        ...


class PlansUnitOfWork(AthletesUnitOfWork, Protocol):
    """A transaction over the exercise library and the plans (and who wrote them)."""

    @property
    def exercises(self) -> ExerciseRepository: ...

    @property
    def plans(self) -> PlanRepository: ...
