"""The command menu, in each language Spotter speaks."""

from __future__ import annotations

from aiogram.types import BotCommand

from handlers.common.i18n import Translator

# In menu order: each command and the catalogue key of its description.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("today", "common-command-today"),
    ("plan", "common-command-plan"),
    ("wod", "common-command-wod"),
    ("food", "nutrition-command"),
    ("maxes", "common-command-maxes"),
    ("history", "common-command-history"),
    ("progress", "common-command-progress"),
    ("body", "common-command-body"),
    ("goals", "common-command-goals"),
    ("checkin", "common-command-checkin"),
    ("start", "common-command-start"),
    ("reminders", "common-command-reminders"),
    ("settings", "common-command-settings"),
    ("health", "common-command-health"),
    ("coach", "common-command-coach"),
    ("clients", "common-command-clients"),
    ("reviews", "common-command-reviews"),
    ("billing", "common-command-billing"),
    ("packages", "common-command-packages"),
    ("stats", "analytics-command"),
    ("book", "bookings-command-book"),
    ("sessions", "bookings-command-sessions"),
    ("availability", "bookings-command-availability"),
    ("teams", "common-command-teams"),
    ("tracks", "common-command-tracks"),
    ("score", "common-command-score"),
    ("exercises", "common-command-exercises"),
    ("export", "common-command-export"),
    ("delete", "common-command-delete"),
    ("help", "common-command-help"),
)

# The menu in groups: what a team does there (the bot hears only commands and replies to it).
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("team", "common-group-command-team"),
    ("classes", "common-group-command-classes"),
    ("class", "common-group-command-class"),
    ("tracks", "common-group-command-tracks"),
    ("track", "common-group-command-track"),
    ("wod_time", "common-group-command-wod-time"),
    ("wod_note", "common-group-command-wod-note"),
)


def command_menu(t: Translator) -> list[BotCommand]:
    return [BotCommand(command=name, description=t.get(key)) for name, key in COMMANDS]


def group_command_menu(t: Translator) -> list[BotCommand]:
    return [BotCommand(command=name, description=t.get(key)) for name, key in GROUP_COMMANDS]


def command_list(t: Translator) -> str:
    """The commands as lines of a message: "/today — Today's workout, set by set"."""
    return "\n".join(f"/{name} — {t.get(key)}" for name, key in COMMANDS)
