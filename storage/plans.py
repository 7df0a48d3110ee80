"""The SQL adapter for the domain's PlanRepository: plans as normalised templates."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from domain.plans import (
    AmrapProgression,
    BodyRegion,
    Increment,
    Plan,
    PlanDay,
    SetTemplate,
    Slot,
    Tier,
)
from storage.models import (
    PlanDayRow,
    PlanProgressionBracketRow,
    PlanProgressionRow,
    PlanRow,
    PlanSetRow,
    PlanSlotRow,
)

_WHOLE_PLAN = (
    selectinload(PlanRow.days).selectinload(PlanDayRow.slots).selectinload(PlanSlotRow.sets),
    selectinload(PlanRow.progressions).selectinload(PlanProgressionRow.brackets),
)


class SqlPlanRepository:
    """Plan templates in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, slug: str) -> Plan | None:
        row = await self._session.scalar(_plans().where(PlanRow.slug == slug))
        return None if row is None else _to_plan(row)

    async def save(self, plan: Plan, *, builtin: bool = True) -> None:
        """Stores the plan, replacing the stored definition with the same slug if it differs.

        The plan row itself stays, so athletes' plans and workouts keep pointing at it.
        """
        row = await self._session.scalar(_plans().where(PlanRow.slug == plan.slug))
        if row is None:
            self._session.add(
                PlanRow(
                    slug=plan.slug,
                    name=plan.name,
                    training_max_percent=plan.training_max_percent,
                    is_builtin=builtin,
                    days=_day_rows(plan),
                    progressions=_progression_rows(plan),
                )
            )
            return
        row.is_builtin = builtin
        if _to_plan(row) == plan:
            return
        row.name = plan.name
        row.training_max_percent = plan.training_max_percent
        row.days.clear()
        row.progressions.clear()
        # The old rows must be gone before the new ones take their (plan, number) places;
        # one flush would insert the new ones first.
        await self._session.flush()
        row.days.extend(_day_rows(plan))
        row.progressions.extend(_progression_rows(plan))

    async def builtin(self) -> list[Plan]:
        rows = await self._session.scalars(
            _plans().where(PlanRow.is_builtin.is_(True)).order_by(PlanRow.slug)
        )
        return [_to_plan(row) for row in rows]


def _plans() -> Select[PlanRow]:
    return select(PlanRow).options(*_WHOLE_PLAN).execution_options(populate_existing=True)


def _to_plan(row: PlanRow) -> Plan:
    return Plan(
        slug=row.slug,
        name=row.name,
        days=tuple(
            PlanDay(
                number=day.number,
                name=day.name,
                slots=tuple(
                    Slot(
                        order=slot.position,
                        tier=Tier(slot.tier),
                        exercise=slot.exercise,
                        training_max_of=slot.training_max_of,
                        display_name=slot.display_name,
                        sets=tuple(
                            SetTemplate(
                                percent=template.percent,
                                reps=template.reps,
                                amrap=template.amrap,
                                drives_progression=template.drives_progression,
                            )
                            for template in slot.sets
                        ),
                    )
                    for slot in day.slots
                ),
            )
            for day in row.days
        ),
        progression=tuple(
            AmrapProgression(
                brackets=tuple(
                    Increment(min_reps=bracket.min_reps, kg=bracket.kg, lb=bracket.lb)
                    for bracket in rule.brackets
                ),
                exercise=rule.exercise,
                region=None if rule.region is None else BodyRegion(rule.region),
            )
            for rule in row.progressions
        ),
        training_max_percent=row.training_max_percent,
    )


def _day_rows(plan: Plan) -> list[PlanDayRow]:
    return [
        PlanDayRow(
            number=day.number,
            name=day.name,
            slots=[
                PlanSlotRow(
                    position=slot.order,
                    tier=slot.tier.value,
                    exercise=slot.exercise,
                    training_max_of=slot.training_max_of,
                    display_name=slot.display_name,
                    sets=[
                        PlanSetRow(
                            position=position,
                            percent=template.percent,
                            reps=template.reps,
                            amrap=template.amrap,
                            drives_progression=template.drives_progression,
                        )
                        for position, template in enumerate(slot.sets)
                    ],
                )
                for slot in day.slots
            ],
        )
        for day in plan.days
    ]


def _progression_rows(plan: Plan) -> list[PlanProgressionRow]:
    return [
        PlanProgressionRow(
            position=position,
            exercise=rule.exercise,
            region=None if rule.region is None else rule.region.value,
            brackets=[
                PlanProgressionBracketRow(min_reps=bracket.min_reps, kg=bracket.kg, lb=bracket.lb)
                for bracket in rule.brackets
            ],
        )
        for position, rule in enumerate(plan.progression)
    ]
