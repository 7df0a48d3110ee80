"""Coaches, invites and coachings as values; the rules of who may join whom."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.athletes.model import User
from domain.progress.series import WeeklySummary

INVITE_LIFETIME = timedelta(days=7)
INVITE_PREFIX = "c"  # a /start payload that starts with it is a coach's invite
# 24 random bytes are 192 bits, 32 URL-safe characters: with the prefix, well inside
# Telegram's 64-character deep-link payload.
INVITE_TOKEN_BYTES = 24
START_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def new_invite_payload() -> str:
    """A fresh invite payload for a t.me/<bot>?start= link; only its hash is ever stored."""
    return INVITE_PREFIX + secrets.token_urlsafe(INVITE_TOKEN_BYTES)


def payload_hash(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()


def is_invite_payload(payload: str) -> bool:
    return payload.startswith(INVITE_PREFIX) and START_PAYLOAD.fullmatch(payload) is not None


@dataclass(frozen=True, slots=True)
class Invite:
    """A coach's invite link. Single-use ones are spent by one acceptance; all expire."""

    id: int | None
    coach_id: int
    payload_hash: str
    created_at: datetime
    expires_at: datetime
    multi_use: bool = False
    uses: int = 0
    revoked_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        return (
            self.revoked_at is None and now < self.expires_at and (self.multi_use or self.uses == 0)
        )


@dataclass(frozen=True, slots=True)
class Coaching:
    """One coach coaching one athlete, from `started_at` until `ended_at`."""

    id: int | None
    coach_id: int
    athlete_id: int
    started_at: datetime
    ended_at: datetime | None = None
    reports_muted: bool = False  # the coach hears of this client's workouts no more

    @property
    def current(self) -> bool:
        return self.ended_at is None


RELAY_KEY_PREFIX = "relay:"  # an outbox key: relay:<thread message id>
NOTE_KEY_PREFIX = "note:"  # an outbox key: note:<coaching id>:<workout id>, a workout report


def note_key(coaching_id: int, workout_id: int) -> str:
    return f"{NOTE_KEY_PREFIX}{coaching_id}:{workout_id}"


def coaching_of_note(key: str) -> int | None:
    """The coaching a workout report's outbox key names."""
    if not key.startswith(NOTE_KEY_PREFIX):
        return None
    coaching, _, _ = key.removeprefix(NOTE_KEY_PREFIX).partition(":")
    return int(coaching) if coaching.isdigit() else None


WEEKLY_KEY_PREFIX = "weekly:"  # weekly:<coach>:<iso week>:<part>


def weekly_key(coach_id: int, week: str, part: int) -> str:
    return f"{WEEKLY_KEY_PREFIX}{coach_id}:{week}:{part}"


def week_of_key(key: str) -> str | None:
    """The ISO week a weekly digest's outbox key names."""
    parts = key.removeprefix(WEEKLY_KEY_PREFIX).split(":")
    return parts[1] if key.startswith(WEEKLY_KEY_PREFIX) and len(parts) == 3 else None


PROPOSAL_KEY_PREFIX = "proposal:"  # proposal:<id>, a training-max change sent to the coach


def proposal_key(proposal_id: int) -> str:
    return f"{PROPOSAL_KEY_PREFIX}{proposal_id}"


MESSAGE_LIMIT = 3500  # of a person's words, leaving room for who sent them within 4096


class ThreadEvent(StrEnum):
    """Something the coach did that the thread shows between the messages; stored."""

    PLAN_ASSIGNED = "plan_assigned"  # text: the plan's name
    PLAN_EDITED = "plan_edited"  # text: the plan's name
    MAXES_SET = "maxes_set"  # text: the lifts and their new training maxes
    VIDEO_REVIEWED = "video_reviewed"  # text: the lift the clip shows
    REVISION_ASKED = "revision_asked"  # text: the lift the clip shows


@dataclass(frozen=True, slots=True)
class ThreadMessage:
    """One message between coach and client, relayed by Spotter; the thread keeps them all.

    An `event` is no message but a line about what the coach did, `text` its subject.
    """

    id: int | None
    coaching_id: int
    sender_id: int
    recipient_id: int
    text: str
    sent_at: datetime
    event: ThreadEvent | None = None

    @property
    def relay_key(self) -> str:
        return f"{RELAY_KEY_PREFIX}{self.id}"


class PromptPurpose(StrEnum):
    """What replying to a prompt in the coach's chat does; stored, so never renamed."""

    MESSAGE = "message"  # writes to the client
    MAXES = "maxes"  # sets the client's training maxes
    PLAN = "plan"  # replaces the client's copy of their plan with the text replied


@dataclass(frozen=True, slots=True)
class Prompt:
    coaching_id: int
    purpose: PromptPurpose


@dataclass(frozen=True, slots=True)
class ClientFacts:
    """A current client as the coach's list reads them in one query."""

    coaching: Coaching
    client: User
    plan_slug: str | None


@dataclass(frozen=True, slots=True)
class RecordedDays:
    """A client's ended local days as analytics' daily job recorded them for their coach (#16)."""

    sessions: Mapping[date, int]  # coaching's sessions (`compliance`) on each day with a row
    last_session: datetime | None  # the latest the rows know; None from rows before 0036 only


@dataclass(frozen=True, slots=True)
class WeekLine:
    """A client's week as the coach's digest numbers it."""

    number: int
    client: User
    summary: WeeklySummary
