"""A week's adherence to the targets, for the coach's card."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.athletes.model import User
from domain.nutrition.adherence import Adherence, adherence, week_before
from domain.nutrition.ports import NutritionUnitOfWork
from domain.shared.time import local_day, start_of


async def week_adherence(
    uow: NutritionUnitOfWork, athlete: User, now: datetime
) -> Adherence | None:
    """The seven days before today, inside the caller's transaction; None without targets."""
    targets = await uow.nutrition.targets(athlete.telegram_id)
    if targets is None:
        return None
    days = week_before(local_day(now, athlete.zone))
    first, last = days[0], days[-1]
    eaten = await uow.nutrition.totals(athlete.telegram_id, first, last)
    moments = await uow.training_days.trained_between(
        athlete.telegram_id,
        start_of(first, athlete.zone),
        start_of(last + timedelta(days=1), athlete.zone),
    )
    trained = {local_day(moment, athlete.zone) for moment in moments}
    return adherence(days, eaten, trained, targets)
