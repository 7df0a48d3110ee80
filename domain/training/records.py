"""Personal records: what a new workout beat in the athlete's history of one exercise.

Rules (ours):
- Deload sets count for nothing, neither as history nor as a new record; nor do failed sets
  (0 reps), which lifted nothing.
- No PR without history: the first session of an exercise sets the baseline. Likewise a rep
  record needs earlier sets at exactly that weight, or every new weight would be a "PR".
- Strictly better only: equalling the best is not a record.
- Weights compare exactly across units (lb → kg is an exact Decimal product). Each value is
  reported in the unit it was lifted in; the e1RM in the unit of its set.
- Within the new workout the first set to reach the best value is the one reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.shared.e1rm import E1rmFormula, e1rm
from domain.shared.weights import Unit, Weight
from domain.training.model import DoneSet


class RecordKind(StrEnum):
    HEAVIEST = "heaviest"  # the most weight lifted, any reps
    E1RM = "e1rm"  # the best estimated one-rep max
    REPS_AT_WEIGHT = "reps_at_weight"  # the most reps at one exact weight


@dataclass(frozen=True, slots=True)
class DatedSet:
    weight: Weight
    reps: int
    at: datetime
    deload: bool = False  # lifted in a deload week

    @classmethod
    def of(cls, done: DoneSet, *, deload: bool = False) -> DatedSet:
        return cls(done.weight, done.reps, done.logged_at, deload)


@dataclass(frozen=True, slots=True)
class WeightRecord:
    """A HEAVIEST or E1RM record: `new` beat `previous`."""

    kind: RecordKind
    new: Weight
    previous: Weight
    new_set: DatedSet
    previous_set: DatedSet


@dataclass(frozen=True, slots=True)
class RepsRecord:
    """More reps at `weight` than ever before."""

    weight: Weight
    new: int
    previous: int
    new_set: DatedSet
    previous_set: DatedSet

    @property
    def kind(self) -> RecordKind:
        return RecordKind.REPS_AT_WEIGHT


PersonalRecord = WeightRecord | RepsRecord


def personal_records(
    history: Iterable[DatedSet],
    new: Iterable[DatedSet],
    formula: E1rmFormula = E1rmFormula.EPLEY,
) -> tuple[PersonalRecord, ...]:
    """The records `new` sets, against `history` of the same exercise: heaviest, e1RM, reps."""
    before = _counted(history)
    now = _counted(new)
    if not before or not now:
        return ()
    records: list[PersonalRecord] = []
    heaviest = _weight_record(RecordKind.HEAVIEST, before, now, lambda s: s.weight)
    if heaviest is not None:
        records.append(heaviest)
    estimated = _weight_record(
        RecordKind.E1RM,
        [s for s in before if e1rm(s.weight, s.reps, formula) is not None],
        [s for s in now if e1rm(s.weight, s.reps, formula) is not None],
        lambda s: _estimate(s, formula),
    )
    if estimated is not None:
        records.append(estimated)
    records.extend(_reps_records(before, now))
    return tuple(records)


def _counted(sets: Iterable[DatedSet]) -> list[DatedSet]:
    return [s for s in sets if not s.deload and s.reps >= 1]


def _kg(weight: Weight) -> Decimal:
    return weight.to(Unit.KG).amount


def _estimate(lifted: DatedSet, formula: E1rmFormula) -> Weight:
    estimate = e1rm(lifted.weight, lifted.reps, formula)
    if estimate is None:  # filtered out before: too few or too many reps to estimate from
        raise ValueError(lifted)
    return estimate


def _best(sets: Sequence[DatedSet], value: Callable[[DatedSet], Weight]) -> DatedSet | None:
    # max() keeps the first of equals, so the earliest set to reach the best is reported
    ordered = sorted(sets, key=lambda s: s.at)
    return max(ordered, key=lambda s: _kg(value(s)), default=None)


def _weight_record(
    kind: RecordKind,
    before: Sequence[DatedSet],
    now: Sequence[DatedSet],
    value: Callable[[DatedSet], Weight],
) -> WeightRecord | None:
    previous, best = _best(before, value), _best(now, value)
    if previous is None or best is None or _kg(value(best)) <= _kg(value(previous)):
        return None
    return WeightRecord(kind, value(best), value(previous), best, previous)


def _reps_records(before: Sequence[DatedSet], now: Sequence[DatedSet]) -> list[RepsRecord]:
    most_before = _most_reps_by_weight(before)
    records = []
    for weight, best in sorted(_most_reps_by_weight(now).items()):
        previous = most_before.get(weight)
        if previous is not None and best.reps > previous.reps:
            records.append(RepsRecord(best.weight, best.reps, previous.reps, best, previous))
    return records


def _most_reps_by_weight(sets: Sequence[DatedSet]) -> dict[Decimal, DatedSet]:
    """Exact weight in kg → the earliest set with the most reps at it."""
    most: dict[Decimal, DatedSet] = {}
    for lifted in sorted(sets, key=lambda s: s.at):
        weight = _kg(lifted.weight)
        if weight not in most or lifted.reps > most[weight].reps:
            most[weight] = lifted
    return most
