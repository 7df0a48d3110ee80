"""What /plan and plan uploads say."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from domain.plans.model import Plan, PlanInfo
from domain.plans.text.grammar import MAX_ERRORS
from domain.plans.text.problems import LineError
from handlers.plans.problems import plan_problem_text

SWITCH_BUTTON = "🔁 Switch plan"
AS_TEXT_BUTTON = "📄 Plan as text"
WRITE_BUTTON = "✍️ Write your own"
BACK_BUTTON = "‹ Back"
START_IT_BUTTON = "▶️ Start it now"
PUBLISH_BUTTON = "📢 Publish to everyone"
UNPUBLISH_BUTTON = "Stop publishing"

PICK_PLAN = "Pick a plan. Your training maxes and working weights come along."
UNKNOWN_PLAN = "That plan isn't available any more. Send /plan for the current list."
NOT_ADMIN = "Only the bot's admins can publish plans."
PUBLISHED = "Published: everyone can pick it in /plan now."
UNPUBLISHED = "No longer published."
FILE_TOO_BIG = "That file is too big for a plan: send a .txt of at most 64 KB."
NOT_A_PLAN_FILE = (
    "That file isn't a plan: a plan starts with its “plan: …” line. "
    "See /help for what I can do with files and messages."
)
FILE_UNREADABLE = "I couldn't read that file as text (UTF-8). Save it as plain text and resend."
AS_TEXT_CAPTION = (
    "Your plan as text. Edit it and send it back (as a message or a .txt file) to save your own."
)

WRITE_YOUR_OWN = """✍️ <b>Write your own plan</b> — send it as a message (or a .txt file):

<code>plan: My 5x5
progress lower: 0-1 +0, 2-4 +5kg/10lb, 5+ +10kg/20lb
day: A
T1 squat: 5x5 ; linear +2.5kg/5lb start 60%
T1 bench: 5x5 ; linear +2.5kg/5lb start 60%
T3 dumbbell_row: 3x8-12 20kg
day: B
T1 deadlift: 1x5+ @85% !</code>

Sets: <code>3x5 @75%</code> (of the TM), <code>1x5+</code> (AMRAP), <code>5x5 80kg</code>, \
<code>3x8-12</code>, <code>3x5 @8</code> (RPE); marks <code>!</code> (drives the TM), \
<code>warmup</code>, <code>joker</code>. Rules after <code>;</code>: linear, stages, double, rpe, \
cycle, complete. Tap “📄 Plan as text” on any plan for a full example."""


def plan_text(plan: Plan, next_day: int, *, deloading: bool) -> str:
    lines = [f"<b>{escape(plan.name)}</b>"]
    if plan.about:
        lines.append(f"<i>{escape(plan.about)}</i>")
    week: int | None = None
    for day in plan.days:
        if day.week is not None and day.week != week:
            week = day.week
            lines.append(f"<b>Week {week}</b>{' (deload)' if day.deload else ''}")
        marker = " ← next" if day.number == next_day else ""
        lifts = ", ".join(escape(slot.display_name) for slot in day.slots)
        lines.append(f"Day {day.number}: {lifts}{marker}")
    lines.append("Tap a day to train it now, or send /today for the next one.")
    if deloading:
        lines.append("🪶 Deload week on: 60% loads, no AMRAPs, records or progression.")
    return "\n".join(lines)


def deload_button(*, deloading: bool) -> str:
    return "🪶 Deload week: on — end it" if deloading else "🪶 Deload week: off — start one"


def deload_toggled(*, deloading: bool) -> str:
    if deloading:
        return "Deload week on for 7 days: the next workouts are lighter and move nothing."
    return "Deload week off: back to the plan's loads from the next workout."


def plan_button(info: PlanInfo, *, active: bool, athlete_id: int) -> str:
    mark = "✓ " if active else ""
    own = " 👤" if info.owner_id == athlete_id else " 📢" if info.published else ""
    return f"{mark}{info.name}{own}"


def switched(plan: Plan) -> str:
    return f"Switched to <b>{escape(plan.name)}</b>. Send /today to start day 1."


def saved(plan: Plan) -> str:
    days = len(plan.days)
    return (
        f"Saved your plan <b>{escape(plan.name)}</b>: {days} day{'s' if days != 1 else ''}. "
        "Sending a plan with the same name again replaces it."
    )


def errors(problems: Sequence[LineError]) -> str:
    listed = "\n".join(
        f"• {escape(_clipped(plan_problem_text(problem)))}" for problem in problems[:MAX_ERRORS]
    )
    return f"That plan has a problem, so nothing was saved:\n{listed}\nFix it and send it again."


ERROR_SHOWN = 300  # characters of one error: eight of them stay well inside a message


def _clipped(text: str) -> str:
    return text if len(text) <= ERROR_SHOWN else text[: ERROR_SHOWN - 1] + "…"
