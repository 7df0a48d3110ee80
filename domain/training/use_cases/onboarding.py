"""Getting an athlete going: a plan and the training maxes it needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from domain.athletes.use_cases.registration import registered_user
from domain.plans.model import Plan, UnknownPlanError
from domain.plans.rules import TM_PERCENTS, CycleState, StagedState
from domain.plans.rules.reasons import SET_BY_HAND, Reason, ReasonKind
from domain.plans.rules.slots import working_weight
from domain.shared.ports import Clock
from domain.shared.weights import Weight
from domain.training.model import ActivePlan, LiftTrack, TrainingMax
from domain.training.ports import TrainingUnitOfWork
from domain.training.use_cases.logging import WorkoutInProgressError


async def active_plan(uow: TrainingUnitOfWork, athlete_id: int) -> ActivePlan | None:
    async with uow:
        return await uow.athlete_plans.active(athlete_id)


class StartPlan:
    """Makes a plan the athlete's active one, from its first day.

    Training maxes and working weights stay: the new plan asks only for what it lacks. An open
    workout with nothing logged is closed; one with sets logged is finished first (raises).
    """

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, plan_slug: str) -> Plan:
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            offered = {info.slug for info in await self._uow.plans.available(athlete_id)}
            plan = await self._uow.plans.get(plan_slug) if plan_slug in offered else None
            if plan is None:
                raise UnknownPlanError(plan_slug)
            current = await self._uow.workouts.open_for(athlete_id)
            if current is not None:
                if any(not s.is_open for s in current.sets):
                    raise WorkoutInProgressError(current)
                await self._uow.workouts.finish(current.id or 0, self._clock.now())
            await self._uow.athlete_plans.start(athlete_id, plan_slug, self._clock.now())
            await self._uow.commit()
            return plan


class SetTrainingMaxes:
    """Records training maxes, given directly or as one-rep maxes (TM = the plan's % of 1RM)."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self,
        athlete_id: int,
        maxes: Mapping[str, Weight],
        *,
        one_rep_maxes: bool,
        percent: Decimal | None = None,
    ) -> dict[str, Weight]:
        """`percent` of each 1RM (one of TM_PERCENTS) instead of the plan's own share."""
        if percent is not None and percent not in TM_PERCENTS:
            raise ValueError(f"a training max is 85% or 90% of the 1RM, not {percent}")
        async with self._uow:
            active = await self._uow.athlete_plans.active(athlete_id)
            plan = await self._uow.plans.get(active.plan_slug) if active else None
            if percent is None:
                percent = plan.training_max_percent if plan else None
            now = self._clock.now()
            recorded: dict[str, Weight] = {}
            for exercise, weight in maxes.items():
                if one_rep_maxes and percent is not None:
                    tm = weight.times(percent)
                    reason = Reason.of(
                        ReasonKind.FROM_ONE_REP_MAX, percent=percent, one_rep_max=weight
                    )
                else:
                    tm, reason = weight, SET_BY_HAND
                await self._uow.training_maxes.add(
                    athlete_id, TrainingMax(exercise, tm, now, reason)
                )
                recorded[exercise] = tm
            await self._uow.commit()
            return recorded


async def missing_training_maxes(uow: TrainingUnitOfWork, athlete_id: int) -> tuple[str, ...]:
    """The lifts the active plan needs a training max for that the athlete has none of."""
    async with uow:
        active = await uow.athlete_plans.active(athlete_id)
        if active is None:
            return ()
        plan = await uow.plans.get(active.plan_slug)
        if plan is None:
            return ()
        current = await uow.training_maxes.current(athlete_id)
        return tuple(e for e in plan.training_max_exercises if e not in current)


async def training_maxes_with_history(
    uow: TrainingUnitOfWork, athlete_id: int
) -> dict[str, list[TrainingMax]]:
    """Every lift's training-max history, oldest first, by lift."""
    async with uow:
        current = await uow.training_maxes.current(athlete_id)
        return {
            exercise: await uow.training_maxes.history(athlete_id, exercise) for exercise in current
        }


async def active_plan_definition(
    uow: TrainingUnitOfWork, athlete_id: int
) -> tuple[Plan, int] | None:
    """The athlete's active plan and the number of the day that comes next."""
    async with uow:
        active = await uow.athlete_plans.active(athlete_id)
        plan = await uow.plans.get(active.plan_slug) if active else None
        return (plan, active.next_day) if plan and active else None


async def working_weights(uow: TrainingUnitOfWork, athlete_id: int) -> dict[str, Weight]:
    """The weight each working-weight lift ("squat/T1") is at now; TM rules keep none."""
    async with uow:
        tracks = await uow.tracks.current(athlete_id)
    return {
        key: weight
        for key, track in sorted(tracks.items())
        if (weight := working_weight(track.state)) is not None
    }


class UnknownTrackError(LookupError):
    """The athlete has no working weight of that key."""


class SetWorkingWeight:
    """The athlete sets a working weight by hand; the rule goes on from there."""

    def __init__(self, uow: TrainingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, key: str, weight: Weight) -> Weight:
        async with self._uow:
            track = (await self._uow.tracks.current(athlete_id)).get(key)
            if track is None or isinstance(track.state, CycleState):
                raise UnknownTrackError(key)
            state = replace(track.state, weight=weight)
            if isinstance(state, StagedState) and state.stage == 0:
                state = replace(state, first_stage_weight=weight)
            await self._uow.tracks.add(
                athlete_id, LiftTrack(key, state, self._clock.now(), SET_BY_HAND)
            )
            await self._uow.commit()
            return weight
