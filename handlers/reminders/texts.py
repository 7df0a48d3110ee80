"""What /reminders, the reminders, the follow-ups and the nudges say (HTML)."""

from __future__ import annotations

from datetime import datetime, time
from html import escape

from domain.plans.model import PlanDay, Tier
from domain.reminders.model import QuietHours, Reminder
from domain.reminders.parsing import TimeProblem

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MAIN_TIERS = (Tier.T1, Tier.T2)


def clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def day_line(day: PlanDay) -> str:
    """ "Day 2 · Squat, Sumo deadlift": the day's main lifts (every lift if none is tiered so)."""
    main = [slot.display_name for slot in day.slots if slot.tier in MAIN_TIERS]
    names = dict.fromkeys(main or [slot.display_name for slot in day.slots])
    return f"Day {day.number} · {escape(', '.join(names))}"


# --- the card ----------------------------------------------------------------------------------

TITLE = "⏰ <b>Reminders</b>"
TIME_BUTTON = "🕕 Time"
QUIET_BUTTON = "🌙 Quiet hours"
TURN_ON = "🔔 Turn reminders on"
TURN_OFF = "🔕 Turn reminders off"
SUMMARY_ON = "📊 Weekly summary: turn on"
SUMMARY_OFF = "📊 Weekly summary: turn off"
CLOSE_BUTTON = "Done"
BACK_BUTTON = "⬅️ Back"


def weekday_button(weekday: int, *, chosen: bool) -> str:
    return f"✅ {WEEKDAYS[weekday]}" if chosen else WEEKDAYS[weekday]


def card(reminder: Reminder, time_zone: str, next_due: datetime | None) -> str:
    days = ", ".join(WEEKDAYS[d] for d in sorted(reminder.days)) or "no days chosen"
    quiet = reminder.quiet
    lines = [
        f"{TITLE}: {'<b>on</b>' if reminder.enabled else 'off'}",
        f"Days: {days} at <b>{clock(reminder.at)}</b> ({escape(time_zone)})",
        f"Quiet hours: {'none' if quiet is None else span(quiet)}",
        f"Weekly summary: {'Sundays at 19:00' if reminder.weekly_summary else 'off'}",
    ]
    if next_due is not None:
        lines.append(f"Next reminder: {WEEKDAYS[next_due.weekday()]} {clock(next_due.time())}")
    elif reminder.enabled:
        lines.append("Tap the days you train on to get reminders.")
    lines.append(
        "\nA missed day brings one gentle note the next morning; nothing unasked arrives "
        "in quiet hours."
    )
    return "\n".join(lines)


def span(quiet: QuietHours) -> str:
    return f"{clock(quiet.start)}–{clock(quiet.end)}"


TIME_PROMPT = (
    "Send the time for your reminders, e.g. <code>18:00</code>, <code>6pm</code> or "
    "<code>7:30</code> (a 24-hour clock unless you add am or pm)."
)
QUIET_PROMPT = (
    "Send your quiet hours as a span, e.g. <code>22-7</code> or <code>22:30-06:00</code>: "
    "no follow-ups or summaries arrive then. Send <code>off</code> for none."
)
NOT_TEXT = "Please send it as text."


def _shown(text: str) -> str:
    return escape(text if len(text) <= 40 else text[:40] + "…")


def time_problem(problem: TimeProblem, text: str) -> str:
    shown = _shown(text)
    match problem:
        case TimeProblem.HOUR:
            return f"“{shown}” has no such hour: use 0–23, or 1–12 with am or pm."
        case TimeProblem.MINUTE:
            return f"“{shown}”: minutes go from 00 to 59."
        case TimeProblem.HALF_DAY:
            return (
                f"“{shown}” mixes the 24-hour clock with am/pm: send <code>13:00</code> "
                "or <code>1pm</code>."
            )
        case TimeProblem.UNREADABLE:
            return (
                f"I can't read “{shown}” as a time. Try <code>18:00</code>, <code>6pm</code> "
                "or <code>7:30</code>."
            )


def quiet_problem(problem: TimeProblem | None, text: str) -> str:
    if problem is None or problem == TimeProblem.UNREADABLE:
        return (
            f"I can't read “{_shown(text)}” as quiet hours. Send a start and an end that "
            "differ, e.g. <code>22-7</code>, or <code>off</code>."
        )
    return time_problem(problem, text)


def time_in_quiet_hours(at: time, quiet: QuietHours) -> str:
    return (
        f"{clock(at)} is inside your quiet hours ({span(quiet)}). Pick another time, "
        "or change the quiet hours first."
    )


def quiet_hours_cover_reminders(at: time, quiet: QuietHours) -> str:
    return (
        f"Your reminders come at {clock(at)}, inside {span(quiet)}. Choose quiet hours "
        "around them, or change the time first."
    )


# --- the messages ------------------------------------------------------------------------------

START_BUTTON = "▶️ Start"
NO_PLAN_YET = "Pick a plan with /plan and I'll name the day here."


def reminder(day: PlanDay | None) -> str:
    if day is None:
        return f"⏰ Training day today! {NO_PLAN_YET}"
    return f"⏰ Training day today: <b>{day_line(day)}</b>"


def missed(day: PlanDay | None) -> str:
    waiting = f"<b>{day_line(day)}</b> is waiting" if day else "Your plan is waiting"
    return f"👋 No session yesterday? No problem, it happens. {waiting} whenever you are ready."


def nudge(missed: int, day: PlanDay | None) -> str:
    next_up = f" <b>{day_line(day)}</b> is next." if day else ""
    return (
        f"👋 It's been {missed} training days without a session. One short workout gets you "
        f"rolling again.{next_up} Other days suit you better? Change them in /reminders."
    )
