"""GZCLP: linear progression through rep schemes at one weight, then a reset."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.plans.model import BodyRegion
from domain.plans.rules.common import (
    LOWER_STEP,
    UPPER_STEP,
    Amount,
    LiftedSet,
    Loading,
    Outcome,
    all_made,
)
from domain.plans.rules.reasons import Reason, ReasonKind, SetScheme
from domain.shared.weights import Weight


class AfterLastStage(StrEnum):
    """What follows a failed session in the last stage."""

    RETEST = "retest"  # T1: test a new rep max, restart the first stage at a share of it
    BUMP = "bump"  # T2: back to the first stage at its last weight plus a bump
    REPEAT = "repeat"  # T3: the same weight again


@dataclass(frozen=True, slots=True)
class Stage:
    sets: int
    reps: int
    amrap: bool = False  # the last set is "as many as possible", at least `reps`

    @property
    def scheme(self) -> SetScheme:
        return SetScheme(self.sets, self.reps, self.amrap)


@dataclass(frozen=True, slots=True)
class StagedLinear:
    """Success adds `increment` in the same stage; failure moves to the next stage, same weight.

    With `advance_at`, a success also needs the last set to reach that many reps (GZCLP T3).
    """

    stages: tuple[Stage, ...]
    increment: Amount
    after_last: AfterLastStage
    bump: Amount | None = None  # BUMP: added to the last first-stage weight
    retest_reps: int = 5  # RETEST: the rep max tested
    restart_percent: Decimal = Decimal("0.85")  # RETEST: share of the new rep max to restart at
    advance_at: int | None = None

    def __post_init__(self) -> None:
        if not self.stages:
            raise ValueError("a staged rule has at least one stage")
        if (self.after_last == AfterLastStage.BUMP) != (self.bump is not None):
            raise ValueError("a bump is given exactly when the rule bumps after its last stage")


@dataclass(frozen=True, slots=True)
class StagedState:
    weight: Weight  # the working weight for the next session
    stage: int = 0  # index into the rule's stages; one past the last means "test a rep max"
    first_stage_weight: Weight | None = None  # the last weight prescribed for the first stage

    def __post_init__(self) -> None:
        if self.stage < 0:
            raise ValueError(f"stages count from 0, got {self.stage}")


def _increment(region: BodyRegion) -> Amount:
    return LOWER_STEP if region == BodyRegion.LOWER else UPPER_STEP


def gzclp_t1(region: BodyRegion) -> StagedLinear:
    """5×3+ → 6×2+ → 10×1+ → new 5RM, restart 5×3+ at 85% of it."""
    return StagedLinear(
        stages=(Stage(5, 3, amrap=True), Stage(6, 2, amrap=True), Stage(10, 1, amrap=True)),
        increment=_increment(region),
        after_last=AfterLastStage.RETEST,
    )


# (ours) TRAINING.md allows 7.5–10 kg (15–20 lb) after a failed 3×6: the lower end for upper-body
# lifts, whose increments are half as big, the upper end for lower-body lifts.
T2_BUMP = {
    BodyRegion.UPPER: Amount(Decimal("7.5"), Decimal(15)),
    BodyRegion.LOWER: Amount(Decimal(10), Decimal(20)),
}


def gzclp_t2(region: BodyRegion) -> StagedLinear:
    """3×10 → 3×8 → 3×6 at one weight, then 3×10 at the last 3×10 weight + the bump."""
    return StagedLinear(
        stages=(Stage(3, 10), Stage(3, 8), Stage(3, 6)),
        increment=_increment(region),
        after_last=AfterLastStage.BUMP,
        bump=T2_BUMP[region],
    )


def gzclp_t3(increment: Amount = UPPER_STEP) -> StagedLinear:
    """3×15+, more weight once the last set reaches 25 reps; (ours) 2.5 kg / 5 lb by default."""
    return StagedLinear(
        stages=(Stage(3, 15, amrap=True),),
        increment=increment,
        after_last=AfterLastStage.REPEAT,
        advance_at=25,
    )


def _retest(
    rule: StagedLinear, state: StagedState, lifted: Sequence[LiftedSet], loading: Loading
) -> Outcome[StagedState]:
    unit = state.weight.unit
    tested = [done.weight.to(unit) for done in lifted if done.reps >= rule.retest_reps]
    if not tested:
        return Outcome(
            state.weight, state, Reason.of(ReasonKind.RETEST_AGAIN, reps=rule.retest_reps)
        )
    best = max(tested, key=lambda weight: weight.amount)
    new = loading.round(best.times(rule.restart_percent))
    reason = Reason.of(
        ReasonKind.RETEST_RESTART,
        scheme=rule.stages[0].scheme,
        weight=new,
        percent=rule.restart_percent,
        reps=rule.retest_reps,
        best=best,
    )
    return Outcome(new, StagedState(new, 0, new), reason)


def advance_staged(
    rule: StagedLinear,
    state: StagedState,
    lifted: Sequence[LiftedSet],
    loading: Loading | None = None,
) -> Outcome[StagedState]:
    """The next working weight and stage after a session; `lifted` is its sets in order."""
    loading = loading or Loading()
    if state.stage > len(rule.stages):
        raise ValueError(f"the rule has {len(rule.stages)} stages, not {state.stage + 1}")
    if state.stage == len(rule.stages):
        return _retest(rule, state, lifted, loading)
    stage = rule.stages[state.stage]
    weight = state.weight
    first_weight = weight if state.stage == 0 else state.first_stage_weight
    if not all_made(lifted, stage.sets, stage.reps):
        return _after_failure(rule, state, first_weight)
    last = lifted[stage.sets - 1].reps
    if rule.advance_at is not None and last < rule.advance_at:
        return Outcome(
            weight,
            StagedState(weight, state.stage, first_weight),
            Reason.of(
                ReasonKind.LAST_SET_SHORT, reps=last, scheme=stage.scheme, needed=rule.advance_at
            ),
        )
    increment = Weight(rule.increment.in_unit(weight.unit), weight.unit)
    new = weight.plus(increment.amount)
    after = StagedState(new, state.stage, new if state.stage == 0 else first_weight)
    reason = Reason.of(ReasonKind.ALL_SETS_MADE, increment=increment, scheme=stage.scheme)
    if rule.advance_at is not None:
        reason = Reason.of(
            ReasonKind.LAST_SET_REACHED, increment=increment, reps=last, scheme=stage.scheme
        )
    return Outcome(new, after, reason)


def _after_failure(
    rule: StagedLinear, state: StagedState, first_weight: Weight | None
) -> Outcome[StagedState]:
    weight = state.weight
    failed = rule.stages[state.stage].scheme
    if state.stage + 1 < len(rule.stages):
        following = rule.stages[state.stage + 1]
        after = StagedState(weight, state.stage + 1, first_weight)
        reason = Reason.of(ReasonKind.STAGE_ADVANCED, scheme=following.scheme, failed=failed)
        return Outcome(weight, after, reason)
    if rule.after_last == AfterLastStage.RETEST:
        after = StagedState(weight, len(rule.stages), None)
        return Outcome(
            weight, after, Reason.of(ReasonKind.RETEST_NEXT, reps=rule.retest_reps, failed=failed)
        )
    if rule.after_last == AfterLastStage.BUMP and rule.bump is not None:
        base = (first_weight or weight).to(weight.unit)
        bump = rule.bump.in_unit(weight.unit)
        new = base.plus(bump)
        reason = Reason.of(
            ReasonKind.STAGE_RESTART_BUMPED,
            scheme=rule.stages[0].scheme,
            weight=new,
            failed=failed,
            increment=Weight(bump, weight.unit),
        )
        return Outcome(new, StagedState(new, 0, new), reason)
    return Outcome(
        weight,
        StagedState(weight, state.stage, first_weight),
        Reason.of(ReasonKind.SET_FELL_SHORT, scheme=failed),
    )
