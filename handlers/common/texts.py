"""Every string Spotter shows, in one place. HTML; user-provided parts are escaped by callers."""

from __future__ import annotations

from html import escape

from domain.athletes.equipment import DEFAULT_PAIRS
from domain.athletes.use_cases.preferences import PlatesProblem
from handlers.common.commands import command_list
from handlers.common.i18n import Translator

BOT_NAME = "Spotter"


def welcome_new(t: Translator, first_name: str) -> str:
    return (
        f"Hi {escape(first_name)}, I'm <b>{BOT_NAME}</b>, your training partner in this chat.\n\n"
        "Your plan generates every set from your training maxes; you log each set with one tap "
        "(or by typing 8, 100x5 or +), and when the day is done your maxes go up from what "
        "you actually lifted.\n\n"
        f"{command_list(t)}"
    )


def welcome_back(t: Translator, first_name: str) -> str:
    return f"Welcome back, {escape(first_name)}! Here is what I can do:\n{command_list(t)}"


def help_text(t: Translator) -> str:
    return (
        f"<b>{BOT_NAME}</b> commands:\n{command_list(t)}\n\n"
        "Log a set by typing <code>+</code>, <code>8</code> or <code>100x5</code> "
        "(add <code>@8</code> for RPE). Paste a plan that starts with <code>plan:</code>, or send "
        "it as a .txt file, to train your own; /plan → ✍️ shows how."
    )


GROUP_START = "Let's talk in private: tap the button below and press Start."
GROUP_START_BUTTON = "Open Spotter"
UNKNOWN_COMMAND = "I don't know that command. Send /help to see what I can do."
NO_CARD_FOR_SET = "To log a set, open your workout with /today first."
UNKNOWN_TEXT = "I'm not sure what you mean. Send /help to see what I can do."
UNSUPPORTED_MESSAGE = "I can't do anything with that yet. Send /help to see what I can do."
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
OUTDATED_CARD = "This card is out of date. Send the command again to get a fresh one."
REGISTER_FIRST = "Send /start first so I know who you are."

SWITCH_UNITS = "⚖️ Use {other_unit}"
PLATES_BUTTON = "🔩 Smallest plate"
PLATES_PROMPT = (
    "Your smallest plate? Weights round to two of them (one per side).\n\n"
    "Short of some plates? Send the ones you own as pairs, e.g. "
    "<code>25x4 20x2 10 5 2.5 1.25</code> (no count: plenty), or <code>all</code> for every "
    "plate: the card then prescribes what you can load."
)
ROUND_DOWN = "↧ Round down"
ROUND_NEAREST = "↕ Round to nearest"


BAR_BUTTON = "🏋️ Bar"
BAR_PROMPT = "Which bar do you load? Plates per side and warm-ups are worked out on it."


def use_formula(name: str) -> str:
    return f"📈 e1RM by {name}"


WARMUPS_ON = "🔥 Show warm-ups"
WARMUPS_OFF = "🔥 Hide warm-ups"


def settings_summary(
    *,
    time_zone: str,
    unit: str,
    smallest_plate: str,
    rounds_down: bool,
    warmups: bool,
    bar: str,
    formula: str,
    plates: str = "",
) -> str:
    rounding = "down" if rounds_down else "to the nearest step"
    return (
        "<b>Settings</b>\n"
        f"Time zone: <b>{escape(time_zone)}</b>\n"
        f"Units: <b>{unit}</b>\n"
        f"Smallest plate: <b>{smallest_plate} {unit}</b>, weights round {rounding}\n"
        f"Bar: <b>{bar}</b>\n"
        f"Plates: <b>{plates}</b>\n"
        f"Warm-up ramps before main lifts: <b>{'on' if warmups else 'off'}</b>\n"
        f"e1RM formula: <b>{formula}</b>"
    )


def owned_plates(pairs: list[tuple[str, int]] | None) -> str:
    if pairs is None:
        return "plenty of every usual plate"
    return ", ".join(f"{size}×{count}" if count < DEFAULT_PAIRS else size for size, count in pairs)


PLATES_PROBLEMS = {
    PlatesProblem.NOT_PLATES: "I read “{part}” as no plate. Send sizes, like 25x4 20x2 10 5 2.5.",
    PlatesProblem.TOO_HEAVY: "“{part}” is not a plate I know of (50 kg / 100 lb at most).",
    PlatesProblem.PAIRS: "“{part}”: say how many pairs, 1 to 20.",
    PlatesProblem.TOO_MANY: "That's more plate sizes than a gym has: 12 at most.",
}


def plates_problem(problem: PlatesProblem, part: str) -> str:
    return PLATES_PROBLEMS[problem].format(part=escape(part[:20]))


SETTINGS_TIME_ZONE_BUTTON = "🌍 Time zone"
SETTINGS_CLOSE_BUTTON = "Done"
SETTINGS_CLOSED = "Settings saved."
TIME_ZONE_PROMPT = (
    "Type your time zone or a city near you, for example <code>Europe/Berlin</code>, "
    "<code>Berlin</code> or <code>New York</code>."
)
BACK_BUTTON = "⬅️ Back"


def time_zone_set(time_zone: str) -> str:
    return f"Time zone set to <b>{escape(time_zone)}</b>."


def unknown_time_zone(text: str) -> str:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return (
        f"I don't know the time zone “{escape(shown)}”. Try a city such as "
        "<code>Berlin</code> or a name such as <code>America/New_York</code>."
    )
