"""The SQL adapter for the domain's PlanRepository: each plan stored as its text."""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.plans.model import Exercise, Plan, PlanInfo
from domain.plans.text.parse import parse_plan_text
from domain.plans.text.render import plan_to_text
from storage.plans.exercises import SqlExerciseRepository
from storage.plans.tables import PlanRow

_PARSED_KEPT = 64


class _ParsedPlans:
    """Plans read from their text, by text: a plan is read on every set, its text rarely changes."""

    def __init__(self) -> None:
        self._plans: OrderedDict[str, Plan] = OrderedDict()

    def get(self, definition: str) -> Plan | None:
        plan = self._plans.get(definition)
        if plan is not None:
            self._plans.move_to_end(definition)
        return plan

    def put(self, definition: str, plan: Plan) -> None:
        self._plans[definition] = plan
        if len(self._plans) > _PARSED_KEPT:
            self._plans.popitem(last=False)


_parsed = _ParsedPlans()


class SqlPlanRepository:
    """Plans in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._library: dict[str, Exercise] | None = None

    async def get(self, slug: str) -> Plan | None:
        row = await self._session.scalar(select(PlanRow).where(PlanRow.slug == slug))
        if row is None or not row.definition:
            return None
        plan = _parsed.get(row.definition)
        if plan is None:
            plan = parse_plan_text(row.definition, await self._exercises())
            _parsed.put(row.definition, plan)
        return plan

    async def save(self, plan: Plan, *, builtin: bool = True, owner_id: int | None = None) -> None:
        """Stores the plan under its slug, replacing the stored text if it differs.

        The plan row itself stays, so athletes' plans and workouts keep pointing at it.
        """
        definition = plan_to_text(plan, await self._exercises())
        row = await self._session.scalar(select(PlanRow).where(PlanRow.slug == plan.slug))
        if row is None:
            self._session.add(
                PlanRow(
                    slug=plan.slug,
                    name=plan.name,
                    definition=definition,
                    is_builtin=builtin,
                    owner_id=owner_id,
                    is_published=False,
                )
            )
            return
        row.is_builtin = builtin
        row.name = plan.name
        row.definition = definition
        row.owner_id = owner_id

    async def builtin(self) -> list[Plan]:
        rows = await self._session.scalars(
            select(PlanRow.slug).where(PlanRow.is_builtin.is_(True)).order_by(PlanRow.slug)
        )
        return [plan for slug in rows.all() if (plan := await self.get(slug)) is not None]

    async def available(self, athlete_id: int) -> list[PlanInfo]:
        rows = await self._session.execute(
            select(
                PlanRow.slug,
                PlanRow.name,
                PlanRow.is_builtin,
                PlanRow.owner_id,
                PlanRow.is_published,
            )
            .where(
                or_(
                    PlanRow.is_builtin.is_(True),
                    PlanRow.is_published.is_(True),
                    PlanRow.owner_id == athlete_id,
                ),
                PlanRow.definition != "",
            )
            .order_by(PlanRow.is_builtin.desc(), PlanRow.name)
        )
        return [
            PlanInfo(slug, name, builtin=builtin, owner_id=owner, published=published)
            for slug, name, builtin, owner, published in rows.all()
        ]

    async def owner_of(self, slug: str) -> int | None:
        owner: int | None = await self._session.scalar(
            select(PlanRow.owner_id).where(PlanRow.slug == slug)
        )
        return owner

    async def publish(self, slug: str, *, published: bool) -> bool:
        row = await self._session.scalar(select(PlanRow).where(PlanRow.slug == slug))
        if row is None or row.is_builtin:
            return False
        row.is_published = published
        return True

    async def _exercises(self) -> dict[str, Exercise]:
        """The exercise library, read once per unit of work (saving eight plans at start-up
        read it eight times)."""
        if self._library is None:
            self._library = await SqlExerciseRepository(self._session).all()
        return self._library
