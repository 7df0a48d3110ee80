"""Programming tracks: workouts by week and day, as text (docs/track-format.md), which day of a
track falls on a date for a subscription, and what a day's post holds.

Rules (ours):
- A track's day number counts calendar days: week W day D is day (W - 1) * 7 + D. Day 1 falls on
  the subscription's start date plus its offset (a negative offset joins a track already
  running). A track does not repeat: after its last programmed day nothing is programmed.
- A paid track (docs/track-format.md, "Paid tracks") is followed while its subscription has
  access: a trial until `access_until`, a one-time purchase for good, a monthly one until the
  end of what was paid. A lapsed subscription is kept and skipped; a free track ignores access.
- A team posts at its posting time, a local wall-clock time in its time zone, by
  `domain.shared.time.occurrence` (a time in the spring-forward gap moves forward, a time in
  the fall-back hour means the first of the two), so it posts once a day, every day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from domain.conditioning.text import WorkoutTextError, parse_workout, workout_to_text
from domain.conditioning.workout import Workout
from domain.plans.text.parse import parse_plan_text
from domain.plans.text.problems import LineError, PlanTextError
from domain.shared.time import local_day, occurrence

if TYPE_CHECKING:
    from domain.conditioning.text import WorkoutLineError
    from domain.plans.model import Exercise

DAYS_A_WEEK = 7
MAX_WEEKS = 104
MAX_TEXT = 60_000
NAME_LIMIT = 60
SCALING_LIMIT = 600  # characters of a day's scaling guidance
DAY_LIMIT = 3_000  # characters of a day as text: its post, with a note, stays one message
NOTE_LIMIT = 600  # characters of a team's note for a day
OFFSET_LIMIT = 3650  # days either way
DEFAULT_POST_AT = time(6, 0)
POST_GRACE = timedelta(hours=6)  # a post later than this (the bot was down) is skipped
# Posts of days before today minus this (their boards too) are no longer watched for delivery
# or board changes: the scheduler's reads stay small however long the history grows.
WATCHED = timedelta(days=2)

_DAY = re.compile(r"^week\s+(\d{1,4})\s*,?\s*day\s+(\d{1,4})\s*:?$", re.IGNORECASE)
_SECTIONS = {"strength": "strength", "metcon": "metcon", "conditioning": "metcon"}


class TrackProblem(StrEnum):
    TOO_LONG = "too_long"  # limit
    NO_NAME = "no_name"  # the text does not start with `track: name`
    NAME_TOO_LONG = "name_too_long"  # limit
    NAME_TWICE = "name_twice"
    NO_DAYS = "no_days"
    BAD_DAY = "bad_day"  # weeks, days: week W day D out of range
    DAY_TWICE = "day_twice"  # week, day
    EMPTY_DAY = "empty_day"  # week, day
    OUTSIDE_DAY = "outside_day"  # a line before the first `week W day D:`
    OUTSIDE_SECTION = "outside_section"  # a line in a day before `strength:` or `metcon:`
    NOT_STRENGTH = "not_strength"  # a strength line is `exercise: sets`
    EMPTY_WORKOUT = "empty_workout"  # a `metcon:` with nothing under it
    SCALING_TOO_LONG = "scaling_too_long"  # limit
    DAY_TOO_LONG = "day_too_long"  # week, day, limit
    WORKOUT = "workout"  # `workout` holds the conditioning format's problem
    STRENGTH = "strength"  # `strength` holds the plan format's problem


@dataclass(frozen=True, slots=True)
class TrackLineError:
    """A problem on a line of the track's text (0: the text as a whole)."""

    line: int
    problem: TrackProblem
    params: Mapping[str, str | int] = field(default_factory=dict)
    workout: WorkoutLineError | None = None  # its line is the track's line
    strength: LineError | None = None  # its line is the track's line


class TrackTextError(ValueError):
    def __init__(self, errors: list[TrackLineError]) -> None:
        super().__init__("; ".join(f"line {e.line}: {e.problem}" for e in errors))
        self.errors = tuple(errors)


@dataclass(frozen=True, slots=True)
class TrackDay:
    """One programmed day: strength lines in the plan format, conditioning workouts, and how to
    scale them."""

    week: int
    day: int
    strength: tuple[str, ...] = ()
    workouts: tuple[Workout, ...] = ()
    scaling: str = ""

    @property
    def number(self) -> int:
        return (self.week - 1) * DAYS_A_WEEK + self.day


@dataclass(frozen=True, slots=True)
class Track:
    name: str
    days: tuple[TrackDay, ...]  # in day order, each number once

    def day(self, number: int) -> TrackDay | None:
        return next((d for d in self.days if d.number == number), None)


class TrackKind(StrEnum):
    """Whose a track is; stored, so never renamed."""

    TEAM = "team"
    PERSONAL = "personal"
    PUBLIC = "public"


class PriceKind(StrEnum):
    """How a track is sold; stored, so never renamed."""

    FREE = "free"
    ONCE = "once"  # one payment, access for good
    MONTHLY = "monthly"  # a Stars subscription, 30 days a payment


MAX_TRIAL_DAYS = 90


@dataclass(frozen=True, slots=True)
class Pricing:
    """A track's price in Stars (0 when free) and the days a new subscriber follows it free."""

    kind: PriceKind = PriceKind.FREE
    price: int = 0
    trial_days: int = 0

    @property
    def paid(self) -> bool:
        return self.kind != PriceKind.FREE


@dataclass(frozen=True, slots=True)
class StoredTrack:
    """A track as kept: its canonical text, and whose it is."""

    id: int | None
    kind: TrackKind
    name: str
    text: str
    created_by: int
    created_at: datetime
    team_id: int | None = None  # a team's own
    owner_id: int | None = None  # a person's own, or the admin who published it
    pricing: Pricing = Pricing()

    @property
    def track(self) -> Track:
        return parse_track(self.text)


@dataclass(frozen=True, slots=True)
class Subscription:
    """A team (or a person) following a track; ended, never deleted: subscribing again
    starts it again."""

    id: int | None
    track_id: int
    start: date  # the subscriber's local date when it (re)started
    offset: int  # day 1 of the track falls on start + offset
    active: bool
    changed_at: datetime
    team_id: int | None = None
    user_id: int | None = None
    access_until: datetime | None = None  # of a paid track: the trial's or the paid period's end
    paid_for_good: bool = False  # a one-time purchase, not refunded

    def day_number(self, on: date) -> int | None:
        return track_day_number(self.start, self.offset, on)


def has_access(pricing: Pricing, subscription: Subscription, now: datetime) -> bool:
    """Whether the subscription receives the track's days now."""
    if not pricing.paid or subscription.paid_for_good:
        return True
    return subscription.access_until is not None and now < subscription.access_until


def trial_access(pricing: Pricing, now: datetime) -> datetime | None:
    """A new subscription's access: the trial's end, or now (nothing until paid) without one;
    None for a free track."""
    if not pricing.paid:
        return None
    return now + timedelta(days=pricing.trial_days)


ENDING_NOTICE = timedelta(days=3)  # a paid track's end is told this long before


def ending_key(subscription: Subscription) -> str:
    """The outbox key of the one notice, days before, that a subscription's access ends then."""
    until = subscription.access_until
    stamp = int(until.timestamp()) if until is not None else 0
    return f"tracks:ending:{subscription.id}:{stamp}"


def worth_telling_ending(subscription: Subscription) -> bool:
    """An access that began (or changed) within ENDING_NOTICE of its end was told its end then:
    a 3-day trial is not "ending soon" the moment it starts."""
    until = subscription.access_until
    return until is not None and until - subscription.changed_at > ENDING_NOTICE


def lapsed_key(subscription: Subscription) -> str:
    """The outbox key of the one notice that a subscription's access ended at that moment."""
    until = subscription.access_until
    stamp = int(until.timestamp()) if until is not None else 0
    return f"tracks:lapsed:{subscription.id}:{stamp}"


@dataclass(frozen=True, slots=True)
class WodSettings:
    """A team's posting time and whether a day with nothing programmed says so."""

    team_id: int
    post_at: time = DEFAULT_POST_AT
    post_rest_days: bool = False
    language: str | None = None  # the posts' language: whoever last set the team's WOD up
    next_post_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class WodNote:
    """A coach's note or scaling for a team's day, shown under every post of that day."""

    team_id: int
    on: date
    text: str
    author_id: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class WodPost:
    """A workout posted to a team's group for a date: what the whiteboard hangs on."""

    id: int | None
    team_id: int
    subscription_id: int
    track_id: int
    on: date
    day_number: int
    outbox_key: str
    chat_id: int
    message_id: int | None = None  # once the outbox delivered it


@dataclass(frozen=True, slots=True)
class WodContent:
    """What a post says, as values: the track's name, the day (None: nothing programmed) and
    the team's note."""

    track_name: str
    on: date
    day_number: int
    day: TrackDay | None
    note: str = ""

    @property
    def week_and_day(self) -> tuple[int, int]:
        return (self.day_number - 1) // DAYS_A_WEEK + 1, (self.day_number - 1) % DAYS_A_WEEK + 1


def wod_key(team_id: int, on: date, subscription_id: int) -> str:
    return f"wod:{team_id}:{on.isoformat()}:{subscription_id}"


def track_day_number(start: date, offset: int, on: date) -> int | None:
    """The day of the track that falls on `on` (1 is the first); None before it starts."""
    number = (on - start).days - offset + 1
    return number if number >= 1 else None


def next_post(at: time, zone: ZoneInfo, after: datetime) -> datetime:
    """The first posting moment strictly after `after`."""
    day = local_day(after, zone) - timedelta(days=1)  # a DST shift can cross midnight
    while True:
        moment = occurrence(day, at, zone)
        if moment > after:
            return moment
        day += timedelta(days=1)


def post_date(due: datetime, zone: ZoneInfo) -> date:
    """The local day a posting moment belongs to."""
    return local_day(due, zone)


def parse_track(text: str, exercises: Mapping[str, Exercise] | None = None) -> Track:
    """The track the text describes; TrackTextError names every wrong line. With `exercises`,
    each strength line is checked as the plan format reads it."""
    if len(text) > MAX_TEXT:
        raise TrackTextError([TrackLineError(0, TrackProblem.TOO_LONG, {"limit": MAX_TEXT})])
    reader = _Reader(exercises)
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            reader.read(line, number)
    return reader.finished()


def track_to_text(track: Track) -> str:
    """The track's text in the format `parse_track` reads back as the same track."""
    lines = [f"track: {track.name}"]
    for day in track.days:
        lines += ["", f"week {day.week} day {day.day}:", _day_text(day)]
    return "\n".join(lines) + "\n"


def _day_text(day: TrackDay) -> str:
    lines = ["strength:", *day.strength] if day.strength else []
    for workout in day.workouts:
        lines += ["metcon:", workout_to_text(workout).strip()]
    lines += [f"scaling: {line}" for line in day.scaling.split("\n") if day.scaling]
    return "\n".join(lines)


def _squeezed(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _DayDraft:
    week: int
    day: int
    line: int
    strength: list[str] = field(default_factory=list)
    workouts: list[list[tuple[int, str]]] = field(default_factory=list)  # lines by number
    scaling: list[str] = field(default_factory=list)
    section: str | None = None


class _Reader:
    def __init__(self, exercises: Mapping[str, Exercise] | None) -> None:
        self._exercises = exercises
        self.name: str | None = None
        self.days: list[_DayDraft] = []
        self.errors: list[TrackLineError] = []

    def _error(self, line: int, problem: TrackProblem, **params: str | int) -> None:
        self.errors.append(TrackLineError(line, problem, params))

    def read(self, line: str, number: int) -> None:
        key, colon, value = line.partition(":")
        key = _squeezed(key).lower()
        if colon and key == "track":
            self._read_name(value, number)
        elif self.name is None and not self.errors:
            self._error(number, TrackProblem.NO_NAME)
        elif found := _DAY.match(line):
            self._read_day(int(found[1]), int(found[2]), number)
        elif not self.days:
            self._error(number, TrackProblem.OUTSIDE_DAY)
        else:
            self._read_in_day(self.days[-1], line, number)

    def _read_name(self, value: str, number: int) -> None:
        name = _squeezed(value)
        if self.name is not None:
            self._error(number, TrackProblem.NAME_TWICE)
        elif not name:
            self._error(number, TrackProblem.NO_NAME)
        elif len(name) > NAME_LIMIT:
            self._error(number, TrackProblem.NAME_TOO_LONG, limit=NAME_LIMIT)
        else:
            self.name = name

    def _read_day(self, week: int, day: int, number: int) -> None:
        if not (1 <= week <= MAX_WEEKS and 1 <= day <= DAYS_A_WEEK):
            self._error(number, TrackProblem.BAD_DAY, weeks=MAX_WEEKS, days=DAYS_A_WEEK)
            return
        if any((d.week, d.day) == (week, day) for d in self.days):
            self._error(number, TrackProblem.DAY_TWICE, week=week, day=day)
        self.days.append(_DayDraft(week, day, number))

    def _read_in_day(self, draft: _DayDraft, line: str, number: int) -> None:
        key, colon, value = line.partition(":")
        key = _squeezed(key).lower()
        if colon and key in _SECTIONS and not value.strip():
            draft.section = _SECTIONS[key]
            if draft.section == "metcon":
                draft.workouts.append([(number, "")])
        elif colon and key == "scaling":
            draft.scaling.append(_squeezed(value))
        elif draft.section == "strength":
            self._read_strength(draft, line, number)
        elif draft.section == "metcon":
            draft.workouts[-1].append((number, line))
        else:
            self._error(number, TrackProblem.OUTSIDE_SECTION)

    def _read_strength(self, draft: _DayDraft, line: str, number: int) -> None:
        key, colon, value = line.partition(":")
        if not colon or not key.strip() or not value.strip():
            self._error(number, TrackProblem.NOT_STRENGTH)
            return
        written = f"{_squeezed(key)}: {_squeezed(value)}"
        if self._exercises is not None:
            try:
                parse_plan_text(f"plan: track\nday: day\n{written}", self._exercises)
            except PlanTextError as wrong:
                for error in wrong.errors:
                    moved = LineError(number, error.problem, error.params)
                    self.errors.append(
                        TrackLineError(number, TrackProblem.STRENGTH, strength=moved)
                    )
                return
        draft.strength.append(written)

    def _workout(self, lines: list[tuple[int, str]]) -> Workout | None:
        head, body = lines[0][0], [(n, text) for n, text in lines[1:]]
        if not body:
            self._error(head, TrackProblem.EMPTY_WORKOUT)
            return None
        try:
            return parse_workout("\n".join(text for _, text in body))
        except WorkoutTextError as wrong:
            for error in wrong.errors:
                at = body[error.line - 1][0] if 1 <= error.line <= len(body) else head
                moved = type(error)(at, error.problem, error.params)
                self.errors.append(TrackLineError(at, TrackProblem.WORKOUT, workout=moved))
            return None

    def _day(self, draft: _DayDraft) -> TrackDay | None:
        workouts = [self._workout(lines) for lines in draft.workouts]
        scaling = "\n".join(line for line in draft.scaling if line)
        if len(scaling) > SCALING_LIMIT:
            self._error(draft.line, TrackProblem.SCALING_TOO_LONG, limit=SCALING_LIMIT)
        if not draft.strength and not draft.workouts:
            self._error(draft.line, TrackProblem.EMPTY_DAY, week=draft.week, day=draft.day)
        if any(w is None for w in workouts):
            return None
        done = tuple(w for w in workouts if w is not None)
        day = TrackDay(draft.week, draft.day, tuple(draft.strength), done, scaling)
        if len(_day_text(day)) > DAY_LIMIT:
            self._error(
                draft.line, TrackProblem.DAY_TOO_LONG, week=day.week, day=day.day, limit=DAY_LIMIT
            )
        return day

    def finished(self) -> Track:
        if self.name is None and not self.errors:
            self._error(0, TrackProblem.NO_NAME)
        elif not self.days and not self.errors:
            self._error(0, TrackProblem.NO_DAYS)
        days = [self._day(draft) for draft in self.days]
        if self.errors or self.name is None:
            raise TrackTextError(sorted(self.errors, key=lambda e: e.line))
        built = sorted((d for d in days if d is not None), key=lambda d: d.number)
        return Track(self.name, tuple(built))
