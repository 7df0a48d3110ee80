"""What Spotter says unasked: outgoing messages as values, and their delivery states.

Interactive replies go straight to Telegram; everything else (reminders, summaries, fan-outs)
is added to the outbox in the use case's own transaction and delivered later, once, by the
sender in scheduler/delivery/. The rule that turns an attempt's outcome into the row's next
state is in `domain.outbox.policy`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

TEXT_LIMIT = 4096  # Telegram's limits, in characters
CAPTION_LIMIT = 1024
KEY_LIMIT = 200


class MessageKind(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    VIDEO = "video"  # a video Telegram has, sent again by its file id
    COPY = "copy"  # a message copied from another chat (copyMessage)


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
    REVIEW_VIDEO = "review_video"  # parameters: video
    KEEP_PROPOSAL = "keep_proposal"  # parameters: proposal
    DECLINE_PROPOSAL = "decline_proposal"  # parameters: proposal
    EDIT_PROPOSAL = "edit_proposal"  # parameters: proposal
    SKIP_CLASS_REMINDERS = "skip_class_reminders"  # parameters: team
    CHECKIN_ANSWER = "checkin_answer"  # parameters: check_in, question, answer


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
class Video:
    """A video Telegram already has, sent again by its file id, from `start_at` seconds on."""

    file_id: str
    start_at: int | None = None


@dataclass(frozen=True, slots=True)
class Copy:
    """A message of another chat (a relayed voice, photo, video note …), copied as it is.

    `start_at` starts a copied video at that second; the text, if any, replaces its caption.
    """

    chat_id: int
    message_id: int
    start_at: int | None = None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """One logical message; `key` names it, so adding it twice queues it once.

    Text is HTML (parse_mode) unless `parse_mode` is None; a photo's, video's or copy's text is
    its caption. `reply_to` is a message of the recipient's chat it answers, if still there.
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
    video: Video | None = None
    copy: Copy | None = None
    reply_to: int | None = None
    pin: bool = False  # pinned once sent, where the bot may pin (a team's workout of the day)

    def __post_init__(self) -> None:
        if not self.key or len(self.key) > KEY_LIMIT:
            raise ValueError(f"an outbox key has 1 to {KEY_LIMIT} characters")
        media = [m for m in (self.photo, self.video, self.copy) if m is not None]
        if len(media) > 1:
            raise ValueError("a message carries one photo, video or copy at most")
        if not media and not self.text:
            raise ValueError("a message needs text, a photo, a video or a copy")
        limit = CAPTION_LIMIT if media else TEXT_LIMIT
        if self.text is not None and len(self.text) > limit:
            raise ValueError(f"text longer than Telegram's {limit} characters")
        if self.not_before.utcoffset() is None:
            raise ValueError("not_before must be timezone-aware")
        if self.expires_at is not None and self.expires_at.utcoffset() is None:
            raise ValueError("expires_at must be timezone-aware")

    @property
    def kind(self) -> MessageKind:
        if self.photo is not None:
            return MessageKind.PHOTO
        if self.video is not None:
            return MessageKind.VIDEO
        if self.copy is not None:
            return MessageKind.COPY
        return MessageKind.TEXT
