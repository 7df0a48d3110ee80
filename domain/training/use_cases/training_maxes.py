"""Training max changes the athlete answers: declining a change, accepting a proposed reset."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from domain.plans.rules.reasons import DECLINED, Reason, ReasonKind
from domain.plans.rules.slots import working_weight
from domain.shared.ports import Clock
from domain.shared.weights import Weight
from domain.training.model import LiftTrack, TrainingMax
from domain.training.ports import TrainingUnitOfWork
from domain.training.progression import RESET_FACTOR, reset_training_max

RESET = Reason.of(ReasonKind.RESET_AFTER_STALL, factor=RESET_FACTOR)


class DeclineChange:
    """Restores the value from before a change, if that change is still the latest.

    `key` is the exercise of a training max, or with `track` the key of a working weight.
    """

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, athlete_id: int, key: str, changed_to: Decimal, *, track: bool = False
    ) -> Weight | None:
        async with self._uow:
            kept = await (self._track if track else self._training_max)(athlete_id, key, changed_to)
            if kept is not None:
                await self._uow.commit()
            return kept

    async def _training_max(
        self, athlete_id: int, exercise: str, changed_to: Decimal
    ) -> Weight | None:
        history = await self._uow.training_maxes.history(athlete_id, exercise)
        if len(history) < 2:
            return None
        latest = history[-1]
        if latest.reason.kind == ReasonKind.DECLINED or not _same(latest.weight.amount, changed_to):
            return None  # declined already, or changed again since (by plan or by hand)
        kept = TrainingMax(exercise, history[-2].weight, self._clock.now(), DECLINED)
        await self._uow.training_maxes.add(athlete_id, kept)
        return kept.weight

    async def _track(self, athlete_id: int, key: str, changed_to: Decimal) -> Weight | None:
        history = await self._uow.tracks.history(athlete_id, key)
        if not history:
            return None
        latest = history[-1]
        weight = working_weight(latest.state)
        if (
            latest.reason.kind == ReasonKind.DECLINED
            or weight is None
            or not _same(weight.amount, changed_to)
        ):
            return None
        if len(history) < 2:
            return None  # the first entry: nothing from before to go back to
        previous = history[-2].state
        await self._uow.tracks.add(
            athlete_id, LiftTrack(key, previous, self._clock.now(), DECLINED)
        )
        return working_weight(previous)


class ResetTrainingMax:
    """Takes the proposed 10% off a stalled TM, if the TM is still the one the proposal saw."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, exercise: str, reset_from: Decimal) -> Weight | None:
        async with self._uow:
            current = (await self._uow.training_maxes.current(athlete_id)).get(exercise)
            if current is None or not _same(current.weight.amount, reset_from):
                return None  # reset already, or changed since
            new = reset_training_max(current.weight)
            await self._uow.training_maxes.add(
                athlete_id, TrainingMax(exercise, new, self._clock.now(), RESET)
            )
            await self._uow.commit()
            return new


def _same(amount: Decimal, shown: Decimal) -> bool:
    """True when `amount` is the value a button showed (to two decimals, as format_amount)."""
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == shown
