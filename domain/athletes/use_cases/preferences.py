"""An athlete's preferences: language, units, the bar, rounding, warm-ups, the e1RM formula."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from domain.athletes.equipment import PlateInventory
from domain.athletes.kit import FULL_GYM, Division, Kit
from domain.athletes.model import Language
from domain.athletes.plate_list import read_plates
from domain.athletes.ports import AthletesUnitOfWork
from domain.athletes.use_cases.registration import registered_user
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import DEFAULT_STEP, Rounding, Unit, Weight


class SetLanguage:
    """Sets the language Spotter speaks to the athlete, whatever their Telegram client says."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, language: Language) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if user.language != language:
                await self._uow.users.update(replace(user, language=language))
            await self._uow.commit()


class ChooseUnits:
    """Sets kg or lb; the rounding step follows the unit's usual smallest plate pair."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, unit: Unit) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if user.unit != unit:
                await self._uow.users.update(
                    replace(user, unit=unit, rounding_step=DEFAULT_STEP[unit], plates=None)
                )
            await self._uow.commit()


SMALLEST_PLATES = {
    Unit.KG: (Decimal("0.25"), Decimal("0.5"), Decimal("1.25"), Decimal("2.5")),
    Unit.LB: (Decimal("1.25"), Decimal("2.5"), Decimal("5")),
}


class InvalidPlateError(ValueError):
    """Not a plate size we offer for the athlete's unit."""


class SetRounding:
    """Rounding follows the smallest plate: the step is two of them; or always round down."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(
        self, athlete_id: int, smallest_plate: Decimal | None, rounding: Rounding | None
    ) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            changed = user
            if smallest_plate is not None:
                if smallest_plate not in SMALLEST_PLATES[user.unit]:
                    raise InvalidPlateError(str(smallest_plate))
                changed = replace(changed, rounding_step=smallest_plate * 2)
            if rounding is not None:
                changed = replace(changed, rounding=rounding)
            if changed != user:
                await self._uow.users.update(changed)
            await self._uow.commit()


class SetWarmups:
    """Switches the warm-up ramp before main lifts on or off."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, on: bool) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if user.warmups != on:
                await self._uow.users.update(replace(user, warmups=on))
            await self._uow.commit()


BARS = {
    Unit.KG: (Decimal(20), Decimal(15), Decimal(10)),
    Unit.LB: (Decimal(45), Decimal(35), Decimal(33), Decimal(15)),
}


class InvalidBarError(ValueError):
    """Not a bar we offer for the athlete's unit."""


class SetBar:
    """The bar the athlete loads: plates per side and warm-ups are worked out on it."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, amount: Decimal) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if amount not in BARS[user.unit]:
                raise InvalidBarError(str(amount))
            await self._uow.users.update(replace(user, bar=Weight(amount, user.unit)))
            await self._uow.commit()


class SetE1rmFormula:
    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, formula: E1rmFormula) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            await self._uow.users.update(replace(user, e1rm_formula=formula))
            await self._uow.commit()


class SetPlates:
    """The plates the athlete owns (pairs per size, in their unit), or back to plenty of all."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, text: str) -> PlateInventory | None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            pairs = read_plates(text, user.unit)
            inventory = None if pairs is None else PlateInventory(user.bar_for(user.unit), pairs)
            await self._uow.users.update(replace(user, plates=inventory))
            await self._uow.commit()
            return inventory


class SetKit:
    """Says whether the athlete has one piece of kit (a full gym until they first say); `None`
    for the piece says they have none at all. Said twice, it changes nothing more."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, piece: Kit | None, has: bool) -> frozenset[Kit]:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            had = FULL_GYM if user.kit is None else user.kit
            if piece is None:
                kit: frozenset[Kit] = frozenset()
            elif has:
                kit = had | {piece}
            else:
                kit = had - {piece}
            if kit != user.kit:
                await self._uow.users.update(replace(user, kit=kit))
            await self._uow.commit()
            return kit


class SetDivision:
    """Whose Rx loads and reference medians the athlete's conditioning results are read against."""

    def __init__(self, uow: AthletesUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, division: Division) -> None:
        async with self._uow:
            user = await registered_user(self._uow, athlete_id)
            if user.division != division:
                await self._uow.users.update(replace(user, division=division))
            await self._uow.commit()
