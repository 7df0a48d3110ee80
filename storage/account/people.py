"""Which columns name a person, read from the metadata, and what erasing one does to its row.

Every table that names an athlete has a foreign key to `users.telegram_id` (the rule for new
tables), so the metadata finds them: a NOT NULL one means the row is theirs (erasing deletes
it), a nullable one that they own something others share (a team, a class they coach:
erasing clears the id). Older tables name people by a bare id or a private chat's id; those
columns are listed here by hand, each with what erasing does.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Column, MetaData, Table


class Action(StrEnum):
    DELETE = "delete"  # the row is the person's
    CLEAR = "clear"  # the row is shared: the id becomes NULL
    ANONYMISE = "anonymise"  # the row is shared and the id NOT NULL: it becomes 0, nobody


PEOPLE = "users"

# (table, column) → action, for the columns that name a person without a foreign key.
UNLINKED: dict[tuple[str, str], Action] = {
    ("inactive_chats", "chat_id"): Action.DELETE,
    ("outbox", "chat_id"): Action.DELETE,  # queued messages to them are cancelled
    ("coach_week_lines", "athlete_id"): Action.DELETE,
    ("conditioning_prompts", "chat_id"): Action.DELETE,
    ("conditioning_prompts", "athlete_id"): Action.DELETE,
    ("team_wod_notes", "author_id"): Action.ANONYMISE,  # the team's note stays
    ("tracks", "owner_id"): Action.DELETE,  # a personal track
    ("tracks", "created_by"): Action.ANONYMISE,  # a team's track stays
    ("coaching_messages", "sender_id"): Action.DELETE,
    ("coaching_messages", "recipient_id"): Action.DELETE,
    ("coaching_prompts", "chat_id"): Action.DELETE,
    ("form_videos", "athlete_id"): Action.DELETE,
    ("form_videos", "chat_id"): Action.DELETE,
    ("team_invites", "created_by"): Action.DELETE,  # their links stop working
    ("track_subscriptions", "user_id"): Action.DELETE,
    ("form_video_cards", "chat_id"): Action.DELETE,
    ("form_video_feedback", "chat_id"): Action.DELETE,
    ("team_board_results", "user_id"): Action.DELETE,
    ("team_board_scores", "user_id"): Action.DELETE,
    ("team_board_scores", "chat_id"): Action.DELETE,
    ("team_board_scores", "entered_by"): Action.CLEAR,  # the score stays, its athlete's
}

# Rows an athlete owns that others may use: deleted, unless another's row refers to them
# (a published plan someone follows, an exercise in it); then only their id is cleared.
SHARED_IF_USED = frozenset({"plans", "exercises"})


def person_columns(metadata: MetaData) -> dict[str, list[tuple[Column[object], Action]]]:
    """Each table's columns that name a person, with what erasing does."""
    found: dict[str, list[tuple[Column[object], Action]]] = {}
    for table in metadata.sorted_tables:
        for column in table.columns:
            action = _action(table, column)
            if action is not None:
                found.setdefault(table.name, []).append((column, action))
    return found


def _action(table: Table, column: Column[object]) -> Action | None:
    if (table.name, column.name) in UNLINKED:
        return UNLINKED[(table.name, column.name)]
    if table.name == PEOPLE:
        return None
    for key in column.foreign_keys:
        if key.column.table.name == PEOPLE:
            return Action.CLEAR if column.nullable else Action.DELETE
    return None
