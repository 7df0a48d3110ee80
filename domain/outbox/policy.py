"""What a delivery attempt decides: the outcomes of one try, the retry policy, the next state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from domain.outbox.model import DeliveryState


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
