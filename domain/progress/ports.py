"""What the progress context needs from storage: it reads what training wrote."""

from __future__ import annotations

from typing import Protocol

from domain.training.ports import TrainingUnitOfWork


class ProgressUnitOfWork(TrainingUnitOfWork, Protocol):
    """Progress is a read model of training (and fixes a past set), so it needs the same."""
