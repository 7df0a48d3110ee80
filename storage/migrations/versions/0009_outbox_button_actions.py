"""outbox buttons as actions, labelled at send time in the recipient's language

`reply_markup` (the Bot API's JSON, labels included) becomes `buttons`: rows of
{"action", "parameters"} the sender turns into Telegram markup when it sends. Existing rows
are converted: the reminders' Start button (callback "remind:start") is the one button ever
queued. `language` is the recipient's, taken from the user the chat belongs to.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 06:00:00
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: a migration must not change when the code's actions or labels do.
_START_CALLBACK = "remind:start"
_START_LABEL = "▶️ Start"
_OPEN_TODAY = "open_todays_workout"

_outbox = sa.table(
    "outbox",
    sa.column("id", sa.Integer()),
    sa.column("reply_markup", sa.Text()),
    sa.column("buttons", sa.Text()),
)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _as_actions(markup: dict[str, Any]) -> str | None:
    """The rows of actions; a button other than Start has no action, so it is dropped."""
    rows = [
        [{"action": _OPEN_TODAY} for b in row if b.get("callback_data") == _START_CALLBACK]
        for row in markup.get("inline_keyboard", [])
    ]
    rows = [row for row in rows if row]
    return _dump(rows) if rows else None


def _as_markup(buttons: list[list[dict[str, Any]]]) -> str | None:
    rows = [
        [
            {"text": _START_LABEL, "callback_data": _START_CALLBACK}
            for b in row
            if b["action"] == _OPEN_TODAY
        ]
        for row in buttons
    ]
    rows = [row for row in rows if row]
    return _dump({"inline_keyboard": rows}) if rows else None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("buttons", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("language", sa.String(length=35), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_outbox.c.id, _outbox.c.reply_markup).where(_outbox.c.reply_markup.is_not(None))
    ).all()
    for row_id, markup in rows:
        connection.execute(
            sa.update(_outbox)
            .where(_outbox.c.id == row_id)
            .values(buttons=_as_actions(json.loads(markup)))
        )
    op.execute(
        "UPDATE outbox SET language ="
        " (SELECT users.language FROM users WHERE users.telegram_id = outbox.chat_id)"
    )
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("reply_markup")


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("reply_markup", sa.Text(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_outbox.c.id, _outbox.c.buttons).where(_outbox.c.buttons.is_not(None))
    ).all()
    for row_id, buttons in rows:
        connection.execute(
            sa.update(_outbox)
            .where(_outbox.c.id == row_id)
            .values(reply_markup=_as_markup(json.loads(buttons)))
        )
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("language")
        batch_op.drop_column("buttons")
