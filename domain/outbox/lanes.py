"""Priority lanes for the bot's one flood budget: who goes first when Telegram's limits are full.

A reply to what a person just did goes before a reminder or a relay, and those before bulk
(summaries, digests, fan-outs): a lower lane never takes a slot a higher lane is waiting for.
An outbox row's lane is read from its key's prefix, so the rows need no column of their own.
"""

from __future__ import annotations

from enum import IntEnum


class Lane(IntEnum):
    """Lower goes first."""

    REPLY = 0  # an answer to a person's own action, in the chat they acted in
    TIMELY = 1  # reminders, relays between coach and athlete, a group's posts and cards
    BULK = 2  # weekly summaries, digests, fan-outs: late by a minute is no harm


# Keys of what is sent to many at once and read at leisure (see docs/architecture.md for the keys).
BULK_PREFIXES = (
    "summary:",  # an athlete's weekly summary
    "weekly:",  # a coach's Sunday digest
    "digest:",  # a coach's morning digest
    "board-summary:",  # a group's whiteboard at the end of its day
    "fan-out",  # bench/fanout.py and announcements to everyone
)


def lane_of(key: str) -> Lane:
    """The lane of an outbox row by its key: bulk by its prefix, otherwise timely.

    Unknown keys are timely: a new kind of message that should have been bulk only competes
    with reminders, while one that should have been timely would wait behind a fan-out.
    """
    return Lane.BULK if key.startswith(BULK_PREFIXES) else Lane.TIMELY
