"""What the progress context needs from storage: it reads what training and conditioning wrote,
the classes an athlete was marked present at (teams, #13, through its own port), and body
weights (body, #15, through its own port too)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from domain.conditioning.ports import ConditioningUnitOfWork
from domain.training.ports import TrainingUnitOfWork


class ClassDays(Protocol):
    async def attended_since(self, athlete_id: int, since: datetime) -> list[datetime]:
        """When the classes the athlete was marked present at began, oldest first."""
        ...


class BodyWeights(Protocol):
    async def weights_since(self, athlete_id: int, since: date) -> list[tuple[date, Decimal]]:
        """The athlete's body weights (kg) from `since` on, one per local day, oldest first."""
        ...


class ProgressUnitOfWork(TrainingUnitOfWork, ConditioningUnitOfWork, Protocol):
    """Progress is a read model of training (and fixes a past set), so it needs the same; the
    weekly summary also counts the week's conditioning results (#12), and the training calendar
    the days of conditioning and of classes attended (#13); the body-weight trend reads the
    weights the athlete logged in /body (#15)."""

    @property
    def class_days(self) -> ClassDays: ...

    @property
    def body_weights(self) -> BodyWeights: ...
