"""The plates an athlete owns, and the nearest load they can actually put on their bar.

Which load: the loadable total nearest the target; a tie between a lighter and a heavier load
goes up, as prescribed weights do (TRAINING.md, half-up), so a load never disagrees with the
number the plan printed. An athlete who rounds down gets Rounding.DOWN here too: the heaviest
load at or below the target, or the empty bar when even that is too heavy.

Which plates: among the ways to load one total, the one greedy-from-the-heaviest picks
(heaviest plates first, lexicographically largest), so with enough plates this is the greedy
loading; with too few it backtracks where greedy would fail.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType

from domain.shared.weights import Rounding, Unit, Weight

DEFAULT_BAR = {Unit.KG: Weight(Decimal(20), Unit.KG), Unit.LB: Weight(Decimal(45), Unit.LB)}
DEFAULT_PLATES = {
    Unit.KG: tuple(Decimal(p) for p in ("25", "20", "15", "10", "5", "2.5", "1.25")),
    Unit.LB: tuple(Decimal(p) for p in ("45", "35", "25", "10", "5", "2.5")),
}

DEFAULT_PAIRS = 10  # generous: ten pairs of 25 kg put 520 kg on a 20 kg bar

Pairs = tuple[tuple[Decimal, int], ...]


@dataclass(frozen=True, slots=True)
class PlateInventory:
    """A bar and the plates that go on it: plate size (in the bar's unit) → pairs owned."""

    bar: Weight
    pairs: Mapping[Decimal, int]

    def __post_init__(self) -> None:
        if self.bar.amount < 0:
            raise ValueError(f"a bar weighs nothing or more, not {self.bar}")
        for size, count in self.pairs.items():
            if not isinstance(size, Decimal) or not size.is_finite() or size <= 0:
                raise ValueError(f"plates weigh more than nothing, not {size}")
            if count < 0:
                raise ValueError(f"an athlete owns no pairs or more, not {count}")
        # heaviest first, sizes owned only: the search and equality rely on this shape
        owned = {size: count for size, count in sorted(self.pairs.items(), reverse=True) if count}
        object.__setattr__(self, "pairs", MappingProxyType(owned))

    def __hash__(self) -> int:
        return hash((self.bar, tuple(self.pairs.items())))

    @classmethod
    def default(cls, unit: Unit, pairs: int = DEFAULT_PAIRS) -> PlateInventory:
        """The standard bar and every standard plate of `unit`, `pairs` pairs of each."""
        return cls(DEFAULT_BAR[unit], dict.fromkeys(DEFAULT_PLATES[unit], pairs))


@dataclass(frozen=True, slots=True)
class BarLoad:
    per_side: tuple[Decimal, ...]  # heaviest first, in the bar's unit
    total: Weight  # what is on the bar: bar + 2 × sum(per_side), in the bar's unit
    exact: bool  # whether total is the target itself


@dataclass(frozen=True, slots=True)
class _SideLoads:
    sums: tuple[Decimal, ...]  # every loadable per-side amount, ascending; always starts at 0
    plates: tuple[tuple[Decimal, ...], ...]  # the plates for sums[i]


def load_bar(
    target: Weight, inventory: PlateInventory, rounding: Rounding = Rounding.NEAREST
) -> BarLoad:
    """The load nearest `target` (ties up; Rounding.DOWN: at or below) from the plates owned."""
    bar = inventory.bar.amount
    wanted = target.to(inventory.bar.unit).amount
    loads = _side_loads(tuple(inventory.pairs.items()))
    # the per-side amount that would be exact; comparing per side halves every distance alike
    ideal = (wanted - bar) / 2
    below = bisect_right(loads.sums, ideal) - 1  # -1 when even the empty bar is too heavy
    above = bisect_left(loads.sums, ideal)  # len(sums) when the plates run out
    if rounding == Rounding.DOWN or above == len(loads.sums):
        chosen = max(below, 0)
    elif below < 0:
        chosen = above
    else:
        nearer_above = loads.sums[above] - ideal <= ideal - loads.sums[below]
        chosen = above if nearer_above else below
    total = bar + 2 * loads.sums[chosen]
    return BarLoad(
        per_side=loads.plates[chosen],
        total=Weight(total, inventory.bar.unit),
        exact=total == wanted,
    )


@lru_cache(maxsize=64)
def _side_loads(pairs: Pairs) -> _SideLoads:
    """Every per-side amount the pairs can make, each with its greedy-preferred plates.

    Bounded subset sums, one plate size at a time, heaviest first. Keeping only the
    lexicographically largest plates per amount is safe: smaller plates appended later
    cannot reverse the order of two prefixes that weigh the same.
    """
    best: dict[Decimal, tuple[Decimal, ...]] = {Decimal(0): ()}
    for size, count in pairs:
        grown: dict[Decimal, tuple[Decimal, ...]] = {}
        for side, plates in best.items():
            for n in range(count + 1):
                amount = side + size * n
                candidate = plates + (size,) * n
                if amount not in grown or candidate > grown[amount]:
                    grown[amount] = candidate
        best = grown
    sums = tuple(sorted(best))
    return _SideLoads(sums, tuple(best[amount] for amount in sums))


def athlete_inventory(bar: Weight, smallest_plate: Decimal) -> PlateInventory:
    """The usual plates for the bar's unit, plenty of each, plus the athlete's smallest plate."""
    usual = PlateInventory.default(bar.unit).pairs
    return PlateInventory(bar, {**usual, smallest_plate: usual.get(smallest_plate, DEFAULT_PAIRS)})
