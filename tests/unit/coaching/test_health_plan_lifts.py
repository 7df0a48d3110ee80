"""Which avoided lifts a plan has, and on which days (issue 15)."""

from __future__ import annotations

from domain.coaching.use_cases.health import AvoidedLift, lifts_in_plan
from domain.plans.library import builtin_plans


def test_starting_strength_has_the_press_on_day_a_and_the_deadlift_on_both_days() -> None:
    plan = next(p for p in builtin_plans() if p.slug == "starting-strength-1")

    lifts = lifts_in_plan(plan, frozenset({"ohp", "deadlift", "leg_press"}))

    assert lifts == (AvoidedLift("ohp", (1,)), AvoidedLift("deadlift", (1, 2)))


def test_a_plan_without_the_avoided_lifts_needs_no_warning() -> None:
    plan = next(p for p in builtin_plans() if p.slug == "starting-strength-1")

    assert lifts_in_plan(plan, frozenset({"leg_press"})) == ()
