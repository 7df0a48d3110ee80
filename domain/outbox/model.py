"""What Spotter says unasked: outgoing messages as values, and what a delivery attempt decides.

Interactive replies go straight to Telegram; everything else (reminders, summaries, fan-outs)
is added to the outbox in the use case's own transaction and delivered later, once, by the
sender in scheduler/delivery/sender.py. This module holds the pure parts: the message, its states,
and the rule that turns the outcome of one attempt into the row's next state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

TEXT_LIMIT = 4096  # Telegram's limits, in characters
CAPTION_LIMIT = 1024
KEY_LIMIT = 200


class MessageKind(StrEnum):
    TEXT = "text"
    PHOTO = "photo"


class DeliveryState(StrEnum):
    """queued → claimed → sent; or back to queued for a retry; or cancelled / failed / unknown.

    `cancelled` is also a message that expired before it could be sent.

    `unknown` is a claim left by a process that died: the message may or may not have reached
    Telegram, and it is not sent again (see scheduler/delivery/sender.py for why).
    """

    QUEUED = "queued"
    CLAIMED = "claimed"
    SENT = "sent"
    CANCELLED = "cancelled"
    FAILED = "failed"
    UNKNOWN = "unknown"


class Action(StrEnum):
    """What pressing a button under a message does; the value is stored, so never renamed."""

    OPEN_TODAYS_WORKOUT = "open_todays_workout"


@dataclass(frozen=True, slots=True)
class Button:
    """A button under a message: its action and that action's parameters (none yet).

    Its label and its Telegram shape are the sender's business, worked out at send time in
    the recipient's language.
    """

    action: Action
    parameters: tuple[tuple[str, str], ...] = ()


Buttons = tuple[tuple[Button, ...], ...]  # rows of buttons, top to bottom


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """One logical message; `key` names it, so adding it twice queues it once.

    Text is HTML (parse_mode) unless `parse_mode` is None; a photo's text is its caption.
    `buttons` are rows of actions under it, labelled in `language` (the recipient's) when sent.
    A message still unsent at `expires_at` is cancelled instead (a reminder hours late is noise).
    """

    key: str
    chat_id: int
    not_before: datetime  # sent no earlier than this, as soon as the flood limits allow
    text: str | None = None
    photo: bytes | None = None
    buttons: Buttons = ()
    language: str | None = None  # the recipient's; None for the default
    parse_mode: str | None = "HTML"
    expires_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.key or len(self.key) > KEY_LIMIT:
            raise ValueError(f"an outbox key has 1 to {KEY_LIMIT} characters")
        if self.photo is None and not self.text:
            raise ValueError("a message needs text or a photo")
        limit = CAPTION_LIMIT if self.photo is not None else TEXT_LIMIT
        if self.text is not None and len(self.text) > limit:
            raise ValueError(f"text longer than Telegram's {limit} characters")
        if self.not_before.utcoffset() is None:
            raise ValueError("not_before must be timezone-aware")
        if self.expires_at is not None and self.expires_at.utcoffset() is None:
            raise ValueError("expires_at must be timezone-aware")

    @property
    def kind(self) -> MessageKind:
        return MessageKind.PHOTO if self.photo is not None else MessageKind.TEXT


@dataclass(frozen=True, slots=True)
class Sent:
    message_id: int


@dataclass(frozen=True, slots=True)
class FloodWait:
    """429: Telegram asks to wait this long before the next message."""

    retry_after: float
    error: str


@dataclass(frozen=True, slots=True)
class Transient:
    """5xx or a network failure: worth another try later."""

    error: str


@dataclass(frozen=True, slots=True)
class Blocked:
    """403: the user blocked the bot, or the bot is no longer in the group."""

    error: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """Any other 4xx: sending the same request again would fail the same way."""

    error: str


Outcome = Sent | FloodWait | Transient | Blocked | Rejected


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 8
    first_backoff: timedelta = timedelta(seconds=1)
    max_backoff: timedelta = timedelta(minutes=5)

    def backoff(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failed try: 1 s, 2 s, 4 s … up to the maximum."""
        return min(self.max_backoff, self.first_backoff * (1 << max(0, attempts - 1)))


@dataclass(frozen=True, slots=True)
class Decision:
    """The row's next state, and what the sender must hold back because of this outcome."""

    state: DeliveryState
    error: str | None = None
    message_id: int | None = None
    retry_in: timedelta = field(default=timedelta(0))  # for QUEUED: pause the chat this long
    pause_everyone: bool = False  # the flood wait applies to the whole bot, not just this chat
    deactivate_chat: bool = False


def after_attempt(
    outcome: Outcome, attempts: int, chat_id: int, policy: RetryPolicy | None = None
) -> Decision:
    """The next state of a row after its `attempts`-th try ended with `outcome`.

    A 429 in a private chat means the bot as a whole is over the limit (the sender keeps each
    private chat under its own), so everyone waits; in a group it is most likely that group's
    20-a-minute budget, so only the group waits. A flood wait does not use up an attempt.
    """
    policy = policy or RetryPolicy()
    match outcome:
        case Sent(message_id):
            return Decision(DeliveryState.SENT, message_id=message_id)
        case FloodWait(retry_after, error):
            return Decision(
                DeliveryState.QUEUED,
                error,
                retry_in=timedelta(seconds=retry_after),
                pause_everyone=chat_id > 0,
            )
        case Transient(error):
            if attempts >= policy.max_attempts:
                return Decision(DeliveryState.FAILED, error)
            return Decision(DeliveryState.QUEUED, error, retry_in=policy.backoff(attempts))
        case Blocked(error):
            return Decision(DeliveryState.CANCELLED, error, deactivate_chat=True)
        case Rejected(error):
            return Decision(DeliveryState.FAILED, error)
