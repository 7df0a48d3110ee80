"""Athletes as Spotter knows them: profile, preferences and equipment, and their time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from domain.athletes.equipment import (
    DEFAULT_BAR,
    BarLoad,
    PlateInventory,
    athlete_inventory,
    load_bar,
)
from domain.athletes.kit import Division, Kit
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import DEFAULT_STEP, Rounding, Unit, Weight

DEFAULT_TIME_ZONE = "UTC"


class Language(StrEnum):
    """The languages Spotter speaks."""

    EN = "en"
    RU = "ru"


# Telegram language codes whose speakers read Russian more readily than English.
RUSSIAN_READERS = frozenset({"ru", "uk", "be", "kk"})


def language_for(language_code: str | None) -> Language:
    """The language to speak to someone whose Telegram client uses `language_code` ("pt-br")."""
    primary = (language_code or "").split("-")[0].split("_")[0].casefold()
    return Language.RU if primary in RUSSIAN_READERS else Language.EN


@dataclass(frozen=True, slots=True)
class Profile:
    """What Telegram tells us about a person; it may change between visits."""

    telegram_id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None  # the Telegram client's, e.g. "pt-br"


@dataclass(frozen=True, slots=True)
class User:
    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: Language
    time_zone: str
    registered_at: datetime
    unit: Unit = Unit.KG
    rounding_step: Decimal = DEFAULT_STEP[Unit.KG]  # follows the smallest plate: 2 x plate
    rounding: Rounding = Rounding.NEAREST
    warmups: bool = True  # a ramp before the first work set of a main lift
    e1rm_formula: E1rmFormula = E1rmFormula.EPLEY
    bar: Weight | None = None  # None: the usual bar for the unit
    deload_until: datetime | None = None  # a deload week the athlete switched on ends then
    plates: PlateInventory | None = None  # the plates owned, if told; bar and unit from it
    kit: frozenset[Kit] | None = None  # the MetCon kit, if told (a full gym until then)
    division: Division = Division.MEN  # whose Rx loads and medians

    def deloading(self, now: datetime) -> bool:
        return self.deload_until is not None and now < self.deload_until

    def loads(self, target: Weight) -> BarLoad:
        """What the athlete can put on the bar nearest to `target`, with their bar and plates."""
        return load_bar(target, self.inventory_for(target.unit), self.rounding)

    def inventory_for(self, unit: Unit) -> PlateInventory:
        """The plates the athlete said they own on their bar, or plenty of the usual ones."""
        bar = self.bar_for(unit)
        if self.plates is not None and self.plates.bar.unit == unit:
            return PlateInventory(bar, self.plates.pairs)
        return athlete_inventory(bar, self.step_for(unit) / 2)

    def bar_for(self, unit: Unit) -> Weight:
        """The athlete's bar; the unit's usual one for weights in the other unit."""
        if self.bar is not None and self.bar.unit == unit:
            return self.bar
        return DEFAULT_BAR[unit]

    def step_for(self, unit: Unit) -> Decimal:
        """The athlete's step; the unit's usual one for weights in the other unit."""
        return self.rounding_step if unit == self.unit else DEFAULT_STEP[unit]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


class UnknownTimeZoneError(ValueError):
    """The text names no time zone we know."""


@cache
def _zone_index() -> dict[str, str]:
    names = sorted(available_timezones())
    index = {name.casefold(): name for name in names}
    for name in names:  # a city is a shorthand only where no full name says otherwise
        city = name.rsplit("/", 1)[-1].casefold()
        index.setdefault(city, name)
        index.setdefault(city.replace("_", " "), name)
    return index


def find_time_zone(text: str) -> str:
    """Resolves "Europe/Berlin", "berlin" or "new york" to an IANA time zone name."""
    wanted = " ".join(text.split()).casefold()
    if not wanted or len(wanted) > 64:
        raise UnknownTimeZoneError(text)
    name = _zone_index().get(wanted) or _zone_index().get(wanted.replace(" ", "_"))
    if name is None:
        raise UnknownTimeZoneError(text)
    return name
