"""The warm-up ramp before the first work set of a main lift.

The default scheme: the empty bar × 10, then 40% × 5, 60% × 3 and 80% × 1 of the first work
set's weight. Each percentage is rounded to the athlete's step (their own rounding mode) and
then to what their plates can load. A step is dropped when it lands at or below the bar, at or
above the work weight, or no heavier than the step before it, so the ramp strictly rises and
stays below the work set. A work set at or below the empty bar gets no warm-up at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.athletes.equipment import PlateInventory, load_bar
from domain.athletes.model import User
from domain.plans.model import Tier
from domain.shared.weights import Rounding, Weight
from domain.training.model import WorkoutSet


@dataclass(frozen=True, slots=True)
class WarmupStep:
    percent: Decimal  # of the first work set's weight, 0 < percent < 1
    reps: int


@dataclass(frozen=True, slots=True)
class WarmupScheme:
    bar_reps: int  # reps with the empty bar, always the first warm-up
    steps: tuple[WarmupStep, ...]  # ascending percentages

    def __post_init__(self) -> None:
        if self.bar_reps < 1 or any(step.reps < 1 for step in self.steps):
            raise ValueError("a warm-up set has at least one rep")
        percents = [step.percent for step in self.steps]
        if any(not 0 < p < 1 for p in percents) or percents != sorted(set(percents)):
            raise ValueError("warm-up percentages rise strictly between 0 and 1")


DEFAULT_WARMUP = WarmupScheme(
    bar_reps=10,
    steps=(
        WarmupStep(Decimal("0.4"), 5),
        WarmupStep(Decimal("0.6"), 3),
        WarmupStep(Decimal("0.8"), 1),
    ),
)


@dataclass(frozen=True, slots=True)
class WarmupSet:
    weight: Weight  # in the bar's unit, loadable exactly with the athlete's plates
    reps: int


def warmup_sets(
    work: Weight,
    inventory: PlateInventory,
    step: Decimal,
    rounding: Rounding = Rounding.NEAREST,
    scheme: WarmupScheme = DEFAULT_WARMUP,
) -> tuple[WarmupSet, ...]:
    """The ramp up to `work` (the first work set's weight), lightest first; empty if none fits."""
    if step <= 0:
        raise ValueError(f"a rounding step is positive, not {step}")
    bar = inventory.bar
    ceiling = work.to(bar.unit).amount
    if bar.amount >= ceiling:
        return ()
    ramp = [WarmupSet(bar, scheme.bar_reps)]
    for warmup in scheme.steps:
        rounded = work.times(warmup.percent).rounded(step, rounding)
        loaded = load_bar(rounded, inventory, rounding).total
        if ramp[-1].weight.amount < loaded.amount < ceiling:
            ramp.append(WarmupSet(loaded, warmup.reps))
    return tuple(ramp)


def warmup_before(current: WorkoutSet, athlete: User) -> tuple[WarmupSet, ...]:
    """The ramp shown before the first work set of a main (T1) lift, unless switched off."""
    prescribed = current.prescribed
    if not athlete.warmups or prescribed.tier != Tier.T1 or prescribed.set_number != 1:
        return ()
    unit = prescribed.weight.unit
    inventory = PlateInventory(athlete.bar_for(unit), PlateInventory.default(unit).pairs)
    return warmup_sets(prescribed.weight, inventory, athlete.step_for(unit), athlete.rounding)
