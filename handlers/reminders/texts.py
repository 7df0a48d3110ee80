"""What /reminders, the reminders, the follow-ups and the nudges say (HTML), in `t`'s language."""

from __future__ import annotations

from datetime import datetime, time
from html import escape

from domain.plans.model import PlanDay, Tier
from domain.reminders.model import QuietHours, Reminder
from domain.reminders.parsing import TimeProblem
from handlers.common.i18n import Translator

MAIN_TIERS = (Tier.T1, Tier.T2)
SHOWN_TYPED = 40  # characters of what the athlete typed, quoted back


def clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def weekday(t: Translator, day: int) -> str:
    return t.get("reminders-weekday", weekday=day)


def day_line(t: Translator, day: PlanDay) -> str:
    """ "Day 2 · Squat, Sumo deadlift": the day's main lifts (every lift if none is tiered so)."""
    main = [slot.display_name for slot in day.slots if slot.tier in MAIN_TIERS]
    names = dict.fromkeys(main or [slot.display_name for slot in day.slots])
    return t.get("reminders-day-line", number=day.number, lifts=escape(", ".join(names)))


# --- the card ----------------------------------------------------------------------------------


def weekday_button(t: Translator, day: int, *, chosen: bool) -> str:
    return f"✅ {weekday(t, day)}" if chosen else weekday(t, day)


def card(t: Translator, reminder: Reminder, time_zone: str, next_due: datetime | None) -> str:
    days = ", ".join(weekday(t, d) for d in sorted(reminder.days)) or t.get("reminders-no-days")
    quiet = reminder.quiet
    lines = [
        t.get("reminders-title-on" if reminder.enabled else "reminders-title-off"),
        t.get("reminders-days", days=days, time=clock(reminder.at), zone=escape(time_zone)),
        t.get("reminders-quiet-none")
        if quiet is None
        else t.get("reminders-quiet", span=span(quiet)),
        t.get("reminders-summary-on" if reminder.weekly_summary else "reminders-summary-off"),
    ]
    if next_due is not None:
        lines.append(
            t.get(
                "reminders-next",
                weekday=weekday(t, next_due.weekday()),
                time=clock(next_due.time()),
            )
        )
    elif reminder.enabled:
        lines.append(t.get("reminders-tap-days"))
    lines += ["", t.get("reminders-promise")]
    return "\n".join(lines)


def span(quiet: QuietHours) -> str:
    return f"{clock(quiet.start)}–{clock(quiet.end)}"


def _shown(text: str) -> str:
    return escape(text if len(text) <= SHOWN_TYPED else text[:SHOWN_TYPED] + "…")


TIME_PROBLEMS = {
    TimeProblem.HOUR: "reminders-bad-hour",
    TimeProblem.MINUTE: "reminders-bad-minute",
    TimeProblem.HALF_DAY: "reminders-bad-half-day",
    TimeProblem.UNREADABLE: "reminders-unreadable-time",
}


def time_problem(t: Translator, problem: TimeProblem, text: str) -> str:
    return t.get(TIME_PROBLEMS[problem], typed=_shown(text))


def quiet_problem(t: Translator, problem: TimeProblem | None, text: str) -> str:
    if problem is None or problem == TimeProblem.UNREADABLE:
        return t.get("reminders-unreadable-quiet", typed=_shown(text))
    return time_problem(t, problem, text)


def time_in_quiet_hours(t: Translator, at: time, quiet: QuietHours) -> str:
    return t.get("reminders-time-in-quiet-hours", time=clock(at), span=span(quiet))


def quiet_hours_cover_reminders(t: Translator, at: time, quiet: QuietHours) -> str:
    return t.get("reminders-quiet-hours-cover-reminders", time=clock(at), span=span(quiet))


# --- the messages ------------------------------------------------------------------------------


def reminder(t: Translator, day: PlanDay | None) -> str:
    if day is None:
        return t.get("reminders-training-day-no-plan")
    return t.get("reminders-training-day", day=day_line(t, day))


def missed(t: Translator, day: PlanDay | None) -> str:
    if day is None:
        return t.get("reminders-missed-no-plan")
    return t.get("reminders-missed", day=day_line(t, day))


def nudge(t: Translator, missed: int, day: PlanDay | None) -> str:
    if day is None:
        return t.get("reminders-nudge-no-plan", missed=missed)
    return t.get("reminders-nudge", missed=missed, day=day_line(t, day))
