"""Form videos: a clip of one set, its way through the coach's review, and timed notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.training.model import Workout, WorkoutSet

VIDEO_KEY_PREFIX = "video:"  # outbox keys of everything a form video sends


class VideoStatus(StrEnum):
    """CHOOSING → PENDING → IN_REVIEW → REVIEWED | NEEDS_REVISION; stored, so never renamed.

    CHOOSING is a clip whose set the athlete has not picked yet: the coach does not see it.
    """

    CHOOSING = "choosing"
    PENDING = "pending"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"
    NEEDS_REVISION = "needs_revision"


WAITING = (VideoStatus.PENDING, VideoStatus.IN_REVIEW)


class ClipKind(StrEnum):
    VIDEO = "video"
    ROUND = "video_note"  # Telegram's round video message: no caption, no start time


@dataclass(frozen=True, slots=True)
class Clip:
    """A video as the athlete sent it: only Telegram's file id, never the bytes."""

    file_id: str
    kind: ClipKind
    chat_id: int
    message_id: int  # the athlete's message: feedback answers it
    duration: int  # seconds


@dataclass(frozen=True, slots=True)
class SetRef:
    """The set a clip shows: a workout of the athlete's and the set's position in it."""

    workout_id: int
    position: int


@dataclass(frozen=True, slots=True)
class FormVideo:
    id: int | None
    coaching_id: int
    athlete_id: int
    clip: Clip
    received_at: datetime
    status: VideoStatus = VideoStatus.CHOOSING
    shows: SetRef | None = None
    revision_of: int | None = None  # the clip the coach asked this one to replace
    submitted_at: datetime | None = None  # when the coach was told of it


@dataclass(frozen=True, slots=True)
class ShownSet:
    """The set a clip shows, with its workout's day: what the coach's line names."""

    ref: SetRef
    day_number: int
    day_name: str
    set: WorkoutSet


def shown_set(workout: Workout, position: int) -> ShownSet | None:
    if workout.id is None or not 0 <= position < len(workout.sets):
        return None
    return ShownSet(
        SetRef(workout.id, position), workout.day_number, workout.day_name, workout.sets[position]
    )


class FeedbackKind(StrEnum):
    TEXT = "text"
    VOICE = "voice"
    ROUND = "video_note"


@dataclass(frozen=True, slots=True)
class FeedbackMessage:
    """What the coach replied to a clip with: text, or a voice or round video message to copy."""

    kind: FeedbackKind
    chat_id: int
    message_id: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class TimedNote:
    """A line of feedback about one moment of the clip: `0:07 knees cave`."""

    at: Decimal  # seconds into the clip
    text: str

    @property
    def second(self) -> int:
        """Where a replay starts: Telegram takes whole seconds."""
        return int(self.at)

    @property
    def label(self) -> str:
        all_minutes, seconds = divmod(self.at, 60)
        whole = int(seconds)
        fraction = str(seconds - whole)[1:] if seconds != whole else ""
        hours, minutes = divmod(int(all_minutes), 60)
        if hours:
            return f"{hours}:{minutes:02d}:{whole:02d}{fraction}"
        return f"{minutes}:{whole:02d}{fraction}"


@dataclass(frozen=True, slots=True)
class Feedback:
    """A coach's text feedback: notes tied to moments, and the lines that are not."""

    notes: tuple[TimedNote, ...]
    remarks: str


# `0:07 text`, `1:02.5 text`, `1:02:03 text`; a dash or colon may follow the time.
_TIMED = re.compile(
    r"^\s*(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,3}):(?P<s>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?"
    r"\s*[-–—:]?\s+(?P<text>\S.*)$"
)


def parse_feedback(text: str) -> Feedback:
    """Splits feedback into timed notes (in the order written) and the other lines."""
    notes: list[TimedNote] = []
    remarks: list[str] = []
    for line in text.splitlines():
        match = _TIMED.match(line)
        if match is None or (match["h"] is not None and int(match["m"]) > 59):
            remarks.append(line)
            continue
        seconds = Decimal(int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"]))
        if match["f"]:
            seconds += Decimal(f"0.{match['f']}")
        notes.append(TimedNote(seconds, match["text"].strip()))
    return Feedback(tuple(notes), "\n".join(remarks).strip())


def notes_past_the_end(feedback: Feedback, clip: Clip) -> list[TimedNote]:
    """Notes at a moment the clip does not have (a typo the coach should hear about).

    Telegram rounds a clip's duration to whole seconds, so a note in its last second counts.
    """
    if clip.duration <= 0:  # unknown
        return []
    return [note for note in feedback.notes if note.second > clip.duration]
