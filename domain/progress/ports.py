"""What the progress context needs from storage: it reads what training and conditioning wrote."""

from __future__ import annotations

from typing import Protocol

from domain.conditioning.ports import ConditioningUnitOfWork
from domain.training.ports import TrainingUnitOfWork


class ProgressUnitOfWork(TrainingUnitOfWork, ConditioningUnitOfWork, Protocol):
    """Progress is a read model of training (and fixes a past set), so it needs the same; the
    weekly summary also counts the week's conditioning results (#12)."""
