"""Form-video review: the athlete sends a clip of a set, the coach answers with timed notes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import Coaching, ThreadEvent, ThreadMessage
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.invites import NoCoachError, NotYourClientError
from domain.coaching.use_cases.messages import MessageTooLongError
from domain.coaching.videos import (
    VIDEO_KEY_PREFIX,
    Clip,
    ClipKind,
    Feedback,
    FeedbackKind,
    FeedbackMessage,
    FormVideo,
    SetRef,
    ShownSet,
    TimedNote,
    VideoStatus,
    notes_past_the_end,
    parse_feedback,
    shown_set,
)
from domain.outbox.model import (
    CAPTION_LIMIT,
    TEXT_LIMIT,
    Action,
    Button,
    Copy,
    OutgoingMessage,
    Video,
)
from domain.shared.ports import Clock
from domain.training.model import Workout, WorkoutSet

RECENT_WORKOUTS = 3  # a clip sent after training offers the sets of this many workouts
NOTES_LIMIT = 10  # replays per feedback: more would flood the athlete's chat


class UnknownVideoError(LookupError):
    """No such clip of this athlete's, or one they cannot choose a set for any more."""


class NoSuchSetError(LookupError):
    """The set named is not one of the athlete's workouts."""


class NotesPastTheEndError(ValueError):
    def __init__(self, notes: list[TimedNote], duration: int) -> None:
        super().__init__(f"{len(notes)} notes past {duration} s")
        self.notes = notes
        self.duration = duration


class TooManyNotesError(ValueError):
    """More timed notes than replays one feedback sends."""


@dataclass(frozen=True, slots=True)
class SetChoice:
    """A button under a fresh clip: the set it shows, or a new take the coach asked for."""

    shown: ShownSet
    revision_of: int | None = None
    current: bool = False  # the set the athlete is on now, in a workout in progress


@dataclass(frozen=True, slots=True)
class ReviewItem:
    video: FormVideo
    client: User
    shown: ShownSet | None


class ReceiveVideo:
    """Keeps a clip an athlete with a coach sent, and offers the sets it may show."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, clip: Clip) -> tuple[FormVideo, list[SetChoice]]:
        async with self._uow:
            coaching = await self._uow.coachings.current_for_athlete(athlete_id)
            if coaching is None:
                raise NoCoachError(athlete_id)
            video = await self._uow.videos.add(
                FormVideo(None, coaching.id or 0, athlete_id, clip, self._clock.now())
            )
            choices = await self._choices(coaching, athlete_id)
            await self._uow.commit()
            return video, choices

    async def _choices(self, coaching: Coaching, athlete_id: int) -> list[SetChoice]:
        choices = [
            SetChoice(shown, revision_of=asked.id)
            for asked in await self._uow.videos.asked_again(coaching.id or 0)
            if asked.shows is not None
            and (shown := await _shown(self._uow, athlete_id, asked.shows)) is not None
        ]
        open_workout = await self._uow.workouts.open_for(athlete_id)
        if open_workout is not None:
            return choices + _in_workout(open_workout)
        for workout in await self._uow.workouts.finished(athlete_id, RECENT_WORKOUTS):
            choices += [SetChoice(shown) for shown in _top_sets(workout)]
        return choices


def _in_workout(workout: Workout) -> list[SetChoice]:
    """The set the athlete is on and the last one they logged, the choice the issue asks for."""
    current = next(
        (i for i, s in enumerate(workout.sets) if s.done is None and not s.skipped), None
    )
    logged = [i for i, s in enumerate(workout.sets) if s.done is not None]
    positions = [p for p in (current, logged[-1] if logged else None) if p is not None]
    return [
        SetChoice(shown, current=position == current)
        for position in positions
        if (shown := shown_set(workout, position)) is not None
    ]


def _top_sets(workout: Workout) -> list[ShownSet]:
    """One set per lift done in the workout: its heaviest, the one worth filming."""
    best: dict[str, int] = {}
    for position, workout_set in enumerate(workout.sets):
        done = workout_set.done
        if done is None or workout_set.prescribed.warmup:
            continue
        lift = workout_set.prescribed.exercise
        held = best.get(lift)
        if held is None or done.weight.amount > _done_amount(workout.sets[held]):
            best[lift] = position
    return [s for p in best.values() if (s := shown_set(workout, p)) is not None]


def _done_amount(workout_set: WorkoutSet) -> float:
    return float(workout_set.done.weight.amount) if workout_set.done is not None else 0.0


async def _shown(uow: CoachingUnitOfWork, athlete_id: int, ref: SetRef) -> ShownSet | None:
    workout = await uow.workouts.get(ref.workout_id)
    if workout is None or workout.athlete_id != athlete_id:
        return None
    return shown_set(workout, ref.position)


class AttachVideo:
    """The athlete names the set a clip shows; the coach is told, with a Review button."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(
        self, athlete_id: int, video_id: int, ref: SetRef, revision_of: int | None = None
    ) -> tuple[ShownSet, User]:
        """Returns the set and the coach; pressing again after the first time changes nothing."""
        async with self._uow:
            video = await self._uow.videos.get(video_id, lock=True)
            if video is None or video.athlete_id != athlete_id:
                raise UnknownVideoError(video_id)
            coaching = await self._uow.coachings.current_for_athlete(athlete_id)
            if coaching is None or coaching.id != video.coaching_id:
                raise NoCoachError(athlete_id)
            shown = await _shown(self._uow, athlete_id, video.shows or ref)
            if shown is None:
                raise NoSuchSetError(ref)
            coach = await registered_user(self._uow, coaching.coach_id)
            if video.status != VideoStatus.CHOOSING:
                return shown, coach
            if revision_of is not None:
                asked = await self._uow.videos.get(revision_of)
                if asked is None or asked.coaching_id != coaching.id or asked.shows != ref:
                    raise UnknownVideoError(revision_of)
            now = self._clock.now()
            await self._uow.videos.submit(video_id, ref, revision_of, now)
            client = await registered_user(self._uow, athlete_id)
            await self._uow.outbox.add(
                OutgoingMessage(
                    key=f"{VIDEO_KEY_PREFIX}{video_id}:submitted",
                    chat_id=coach.telegram_id,
                    not_before=now,
                    text=self._wording.video_sent(coach, client, shown, again=bool(revision_of)),
                    buttons=((Button(Action.REVIEW_VIDEO, (("video", str(video_id)),)),),),
                    language=coach.language.value,
                )
            )
            await self._uow.commit()
            return shown, coach


async def _reviewable(uow: CoachingUnitOfWork, coach_id: int, video_id: int) -> FormVideo:
    """A clip of a current client of this coach's, shown to them; anything else is not theirs."""
    video = await uow.videos.get(video_id, lock=True)
    if video is None or video.status == VideoStatus.CHOOSING:
        raise NotYourClientError(coach_id)
    for coaching in await uow.coachings.clients(coach_id):
        if coaching.id == video.coaching_id:
            return video
    raise NotYourClientError(coach_id)


async def waiting_reviews(uow: CoachingUnitOfWork, coach_id: int) -> list[ReviewItem]:
    """The coach's clips waiting for a review, oldest first (/reviews)."""
    async with uow:
        return [await _item(uow, video) for video in await uow.videos.waiting(coach_id)]


async def _item(uow: CoachingUnitOfWork, video: FormVideo) -> ReviewItem:
    client = await registered_user(uow, video.athlete_id)
    shown = None if video.shows is None else await _shown(uow, video.athlete_id, video.shows)
    return ReviewItem(video, client, shown)


class OpenReview:
    """The coach opens a clip: it is IN_REVIEW from then, and the card they reply to is kept."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, video_id: int) -> ReviewItem:
        async with self._uow:
            video = await _reviewable(self._uow, coach_id, video_id)
            if video.status == VideoStatus.PENDING:
                await self._uow.videos.set_status(video_id, VideoStatus.IN_REVIEW)
                video = replace(video, status=VideoStatus.IN_REVIEW)
            item = await _item(self._uow, video)
            await self._uow.commit()
            return item

    async def remember_card(self, coach_id: int, message_id: int, video_id: int) -> None:
        """The message in the coach's chat that shows the clip: replying to it gives feedback."""
        async with self._uow:
            await _reviewable(self._uow, coach_id, video_id)
            await self._uow.videos.add_card(coach_id, message_id, video_id, self._clock.now())
            await self._uow.commit()


class GiveFeedback:
    """The coach's reply to a clip goes to the athlete: the words, then each timed note as the
    clip again from that second (a round clip cannot start mid-way: the note answers it).

    Words too long for Telegram once named and escaped raise MessageTooLongError, sending nothing.
    """

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def card_video(self, coach_id: int, chat_id: int, message_id: int) -> int | None:
        """The clip a message in the coach's chat shows, if it is a review card of theirs."""
        async with self._uow:
            return await self._uow.videos.card(chat_id, message_id) if chat_id == coach_id else None

    async def __call__(self, coach_id: int, video_id: int, reply: FeedbackMessage) -> ReviewItem:
        feedback = parse_feedback(reply.text)
        async with self._uow:
            video = await _reviewable(self._uow, coach_id, video_id)
            late = notes_past_the_end(feedback, video.clip)
            if late:
                raise NotesPastTheEndError(late, video.clip.duration)
            if len(feedback.notes) > NOTES_LIMIT:
                raise TooManyNotesError(len(feedback.notes))
            now = self._clock.now()
            feedback_id = await self._uow.videos.add_feedback(video_id, reply, now)
            if video.status != VideoStatus.NEEDS_REVISION:
                await self._uow.videos.set_status(video_id, VideoStatus.REVIEWED)
            item = await _item(self._uow, video)
            coach = await registered_user(self._uow, coach_id)
            await self._uow.outbox.add_all(
                self._messages(
                    f"{VIDEO_KEY_PREFIX}{video_id}:{feedback_id}", item, coach, reply, feedback
                )
            )
            await _event(self._uow, coach_id, ThreadEvent.VIDEO_REVIEWED, item, now)
            await self._uow.commit()
            return item

    def _messages(
        self, key: str, item: ReviewItem, coach: User, reply: FeedbackMessage, feedback: Feedback
    ) -> list[OutgoingMessage]:
        athlete, clip, now = item.client, item.video.clip, self._clock.now()
        remarks = feedback.remarks if reply.kind == FeedbackKind.TEXT else ""

        def to_athlete(suffix: str, **content: object) -> OutgoingMessage:
            text = content.get("text")
            limit = CAPTION_LIMIT if "video" in content else TEXT_LIMIT
            if isinstance(text, str) and len(text) > limit:  # once named and escaped
                raise MessageTooLongError(len(text))
            return OutgoingMessage(
                key=f"{key}:{suffix}",
                chat_id=athlete.telegram_id,
                not_before=now,
                language=athlete.language.value,
                **content,  # type: ignore[arg-type]
            )

        head = self._wording.feedback(athlete, coach, item.shown, remarks)
        messages = [to_athlete("head", text=head, reply_to=clip.message_id)]
        if reply.kind != FeedbackKind.TEXT:
            messages.append(to_athlete("copy", copy=Copy(reply.chat_id, reply.message_id)))
        for number, note in enumerate(feedback.notes):
            caption = self._wording.timed_note(athlete, note)
            if clip.kind == ClipKind.VIDEO:  # the clip again, from the note's second
                replay = to_athlete(
                    f"note:{number}", text=caption, video=Video(clip.file_id, note.second)
                )
            else:  # a round clip cannot start mid-way: the note answers it
                replay = to_athlete(f"note:{number}", text=caption, reply_to=clip.message_id)
            messages.append(replay)
        return messages


class AskRevision:
    """The coach asks for a new clip; the next one the athlete sends may be linked to it."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, video_id: int) -> ReviewItem:
        async with self._uow:
            video = await _reviewable(self._uow, coach_id, video_id)
            item = await _item(self._uow, video)
            if video.status == VideoStatus.NEEDS_REVISION:
                return item
            await self._uow.videos.set_status(video_id, VideoStatus.NEEDS_REVISION)
            coach = await registered_user(self._uow, coach_id)
            now = self._clock.now()
            await self._uow.outbox.add(
                OutgoingMessage(
                    key=f"{VIDEO_KEY_PREFIX}{video_id}:again",
                    chat_id=item.client.telegram_id,
                    not_before=now,
                    text=self._wording.revision_asked(item.client, coach, item.shown),
                    reply_to=video.clip.message_id,
                    language=item.client.language.value,
                )
            )
            await _event(self._uow, coach_id, ThreadEvent.REVISION_ASKED, item, now)
            await self._uow.commit()
            return replace(item, video=replace(video, status=VideoStatus.NEEDS_REVISION))


async def _event(
    uow: CoachingUnitOfWork, coach_id: int, event: ThreadEvent, item: ReviewItem, at: datetime
) -> None:
    """A line in the coaching's thread: what happened to which clip."""
    video = item.video
    what = "" if item.shown is None else item.shown.set.prescribed.display_name
    await uow.threads.add(
        ThreadMessage(None, video.coaching_id, coach_id, video.athlete_id, what, at, event)
    )
