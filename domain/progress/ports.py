"""What the progress context needs from storage: it reads what training and conditioning wrote,
and the classes an athlete was marked present at (teams, #13, through its own port)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.conditioning.ports import ConditioningUnitOfWork
from domain.training.ports import TrainingUnitOfWork


class ClassDays(Protocol):
    async def attended_since(self, athlete_id: int, since: datetime) -> list[datetime]:
        """When the classes the athlete was marked present at began, oldest first."""
        ...


class ProgressUnitOfWork(TrainingUnitOfWork, ConditioningUnitOfWork, Protocol):
    """Progress is a read model of training (and fixes a past set), so it needs the same; the
    weekly summary also counts the week's conditioning results (#12), and the training calendar
    the days of conditioning and of classes attended (#13)."""

    @property
    def class_days(self) -> ClassDays: ...
