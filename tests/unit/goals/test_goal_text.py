"""Goals as typed after /goals: each kind, and every mistake named."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.goals.model import GoalKind
from domain.goals.text import GoalDraft, GoalError, GoalProblem, read_goal
from domain.shared.weights import Unit

DUE = date(2027, 3, 1)


@pytest.mark.parametrize(
    ("typed", "draft"),
    [
        (
            "squat e1rm 160 by 2027-03-01",
            GoalDraft(GoalKind.E1RM, "squat", Decimal(160), DUE, Unit.KG),
        ),
        ("Bench 225lb 01.03.2027", GoalDraft(GoalKind.LIFT, "bench", Decimal(225), DUE, Unit.LB)),
        (
            "bodyweight 80,5 by 2027-03-01",
            GoalDraft(GoalKind.BODY_WEIGHT, None, Decimal("80.5"), DUE, Unit.KG),
        ),
        ("fran 3:30 by 2027-03-01", GoalDraft(GoalKind.BENCHMARK, "Fran", Decimal(210), DUE)),
        ("sessions 4 a week by 2027-03-01", GoalDraft(GoalKind.SESSIONS, None, Decimal(4), DUE)),
        ("waist 80cm до 2027-03-01", GoalDraft(GoalKind.MEASUREMENT, "waist", Decimal(80), DUE)),
    ],
)
def test_each_kind_of_goal_reads(typed: str, draft: GoalDraft) -> None:
    assert read_goal(typed, Unit.KG) == draft


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("get strong", GoalProblem.FORMAT),
        ("squat 160", GoalProblem.FORMAT),
        ("squat 160 by 2027-02-30", GoalProblem.DATE),
        ("squat 0 by 2027-03-01", GoalProblem.TARGET),
        ("squat 5000 by 2027-03-01", GoalProblem.TARGET),
        ("sessions 8 by 2027-03-01", GoalProblem.TARGET),
        ("squat 3:30 by 2027-03-01", GoalProblem.TARGET),
        ("fran 210 by 2027-03-01", GoalProblem.FORMAT),
        ("fran 3:75 by 2027-03-01", GoalProblem.TARGET),
    ],
)
def test_a_mistake_is_named(typed: str, problem: GoalProblem) -> None:
    with pytest.raises(GoalError) as raised:
        read_goal(typed, Unit.KG)
    assert raised.value.problem == problem
