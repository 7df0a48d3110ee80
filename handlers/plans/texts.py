"""What /plan and plan uploads say, in `t`'s language; names from plans are escaped."""

from __future__ import annotations

from html import escape

from domain.plans.model import Plan, PlanInfo
from handlers.common.i18n import Translator

# A plan in the plan-text format, whose keywords are English in every language.
EXAMPLE_PLAN = """plan: My 5x5
progress lower: 0-1 +0, 2-4 +5kg/10lb, 5+ +10kg/20lb
day: A
T1 squat: 5x5 ; linear +2.5kg/5lb start 60%
T1 bench: 5x5 ; linear +2.5kg/5lb start 60%
T3 dumbbell_row: 3x8-12 20kg
day: B
T1 deadlift: 1x5+ @85% !"""


def write_your_own(t: Translator) -> str:
    return t.get("plans-write-your-own", example=EXAMPLE_PLAN)


def plan_text(t: Translator, plan: Plan, next_day: int, *, deloading: bool) -> str:
    lines = [f"<b>{escape(plan.name)}</b>"]
    if plan.about:
        lines.append(f"<i>{escape(plan.about)}</i>")
    week: int | None = None
    for day in plan.days:
        if day.week is not None and day.week != week:
            week = day.week
            lines.append(t.get("plans-week-deload" if day.deload else "plans-week", week=week))
        lifts = ", ".join(escape(slot.display_name) for slot in day.slots)
        key = "plans-day-next" if day.number == next_day else "plans-day"
        lines.append(t.get(key, number=day.number, lifts=lifts))
    lines.append(t.get("plans-tap-a-day"))
    if deloading:
        lines.append(t.get("plans-deloading"))
    return "\n".join(lines)


def deload_button(t: Translator, *, deloading: bool) -> str:
    return t.get("plans-deload-button-on" if deloading else "plans-deload-button-off")


def deload_toggled(t: Translator, *, deloading: bool) -> str:
    return t.get("plans-deload-started" if deloading else "plans-deload-ended")


def plan_button(info: PlanInfo, *, active: bool, athlete_id: int) -> str:
    mark = "✓ " if active else ""
    own = " 👤" if info.owner_id == athlete_id else " 📢" if info.published else ""
    return f"{mark}{info.name}{own}"


def switched(t: Translator, plan: Plan) -> str:
    return t.get("plans-switched", name=escape(plan.name))


def saved(t: Translator, plan: Plan) -> str:
    return t.get("plans-saved", name=escape(plan.name), days=len(plan.days))
