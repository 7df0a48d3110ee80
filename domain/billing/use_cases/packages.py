"""A coach's packages: define, archive, and what an athlete may buy from their coach."""

from __future__ import annotations

from dataclasses import replace

from domain.billing.model import MAX_PRICE, Package, PackageDraft, PackageKind
from domain.billing.ports import BillingUnitOfWork
from domain.coaching.use_cases.invites import NotACoachError
from domain.coaching.use_cases.programs import plans_to_assign
from domain.plans.model import UnknownPlanError
from domain.shared.ports import Clock


class BadPriceError(ValueError):
    """A price outside 1 to 10,000 Stars."""


class UnknownPackageError(LookupError):
    """No package of this coach's (or of the athlete's coach) has that id, or it is archived."""


async def _coach(uow: BillingUnitOfWork, coach_id: int) -> None:
    if not await uow.coaches.is_coach(coach_id):
        raise NotACoachError(coach_id)


class DefinePackage:
    """A coach offers a package; a program package must name a plan the coach may assign."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, draft: PackageDraft) -> Package:
        async with self._uow:
            await _coach(self._uow, coach_id)
            if draft.kind == PackageKind.PROGRAM:
                slugs = {info.slug for info in await plans_to_assign(self._uow, coach_id)}
                if draft.program_slug not in slugs:
                    raise UnknownPlanError(draft.program_slug or "")
            package = await self._uow.packages.add(
                Package(None, coach_id, draft, self._clock.now())
            )
            await self._uow.commit()
            return package


class ArchivePackage:
    """The coach stops offering a package; invoices already sent are refused at checkout."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, package_id: int) -> Package:
        async with self._uow:
            package = await self._uow.packages.get(package_id)
            if package is None or package.coach_id != coach_id or not package.offered:
                raise UnknownPackageError(package_id)
            await self._uow.packages.archive(package_id, self._clock.now())
            await self._uow.commit()
            return package


class RepricePackage:
    """The coach changes a package's price: invoices sent at the old one are refused at
    checkout (the athlete asks for a new one), never charged at a price nobody agreed to."""

    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, position: int, price: int) -> Package:
        """`position` is the package's number in the coach's /packages list, from 1."""
        if not 1 <= price <= MAX_PRICE:
            raise BadPriceError(price)
        async with self._uow:
            await _coach(self._uow, coach_id)
            offered = await self._uow.packages.offered(coach_id)
            if not 1 <= position <= len(offered):
                raise UnknownPackageError(position)
            package = offered[position - 1]
            await self._uow.packages.set_price(package.id or 0, price)
            await self._uow.commit()
            return replace(package, draft=replace(package.draft, price=price))


async def own_packages(uow: BillingUnitOfWork, coach_id: int) -> list[Package]:
    """The coach's packages on offer; NotACoachError for anyone else."""
    async with uow:
        await _coach(uow, coach_id)
        return await uow.packages.offered(coach_id)


async def coach_packages(
    uow: BillingUnitOfWork, athlete_id: int
) -> tuple[int, list[Package]] | None:
    """The athlete's coach and the packages they offer; None without a coach."""
    async with uow:
        coaching = await uow.coachings.current_for_athlete(athlete_id)
        if coaching is None:
            return None
        return coaching.coach_id, await uow.packages.offered(coaching.coach_id)
