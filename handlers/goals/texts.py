"""The words of /goals and of assessments, from the catalogue."""

from __future__ import annotations

import html
from decimal import ROUND_HALF_UP, Decimal

from domain.athletes.model import User
from domain.goals.model import Assessment, Goal, GoalKind, GoalStatus
from domain.goals.progress import bar
from domain.goals.text import GoalProblem
from domain.goals.use_cases.goals import GoalView
from domain.shared.weights import format_amount
from handlers.common.i18n import Catalogue, Translator


def _seconds(amount: Decimal) -> str:
    minutes, seconds = divmod(int(amount), 60)
    return f"{minutes}:{seconds:02d}"


TENTH = Decimal("0.1")


def _tenths(value: Decimal) -> str:
    """To one decimal, halves up: an e1RM of 116.65 shows 116.7."""
    return format_amount(value.quantize(TENTH, ROUND_HALF_UP))


def amount(goal: Goal, value: Decimal) -> str:
    """A reading or target as the goal counts it: 160 kg, 3:30, 4, 80 cm."""
    match goal.kind:
        case GoalKind.BENCHMARK:
            return _seconds(value)
        case GoalKind.SESSIONS:
            return str(int(value))
        case GoalKind.MEASUREMENT:
            return f"{_tenths(value)} cm"
        case _:
            unit = goal.unit.value if goal.unit else ""
            return f"{_tenths(value)} {unit}".strip()


def subject(t: Translator, goal: Goal, subject_name: str | None) -> str:
    name = html.escape(subject_name or "")
    match goal.kind:
        case GoalKind.E1RM:
            return t.get("goals-kind-e1rm", lift=name)
        case GoalKind.LIFT:
            return t.get("goals-kind-lift", lift=name)
        case GoalKind.BODY_WEIGHT:
            return t.get("goals-kind-body-weight")
        case GoalKind.SESSIONS:
            return t.get("goals-kind-sessions")
        case _:
            return name.capitalize()


def goal_text(t: Translator, view: GoalView) -> str:
    goal, progress = view.goal, view.progress
    head = t.get(
        "goals-line",
        subject=subject(t, goal, view.subject_name),
        target=amount(goal, goal.target),
        due=goal.due.isoformat(),
    )
    if goal.status == GoalStatus.COMPLETED:
        state = t.get("goals-completed")
    elif progress.current is None:
        state = t.get("goals-no-reading")
    else:
        now = amount(goal, progress.current)
        shown = bar(progress.fraction) if progress.fraction is not None else ""
        state = t.get("goals-now", current=now, bar=shown)
    if goal.status == GoalStatus.PAUSED:
        state += " " + t.get("goals-paused")
    return f"{head}\n{state}"


def goals_text(t: Translator, views: list[GoalView]) -> str:
    if not views:
        text = t.get("goals-empty")
    else:
        text = t.get("goals-title") + "\n\n" + "\n\n".join(goal_text(t, v) for v in views)
    return text + "\n\n" + t.get("goals-help")


def assessments_text(t: Translator, assessments: list[Assessment]) -> str:
    lines = [t.get("goals-assessments-title")]
    for entry in assessments:
        tests = html.escape(entry.tests)
        lines.append(t.get("goals-assessment-line", day=entry.day.isoformat(), tests=tests))
        if entry.notes:
            lines.append(t.get("goals-assessment-notes", notes=html.escape(entry.notes)))
    return "\n".join(lines)


def problem(t: Translator, code: GoalProblem) -> str:
    return t.get(f"goals-problem-{code.value}")


class GoalWords:
    """The celebration's words, in the athlete's language (for the outbox)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def goal_reached(
        self, athlete: User, goal: Goal, current: Decimal, subject_name: str | None
    ) -> str:
        t = self._catalogue.translator(athlete.language)
        return t.get(
            "goals-reached",
            subject=subject(t, goal, subject_name),
            target=amount(goal, goal.target),
            current=amount(goal, current),
        )
