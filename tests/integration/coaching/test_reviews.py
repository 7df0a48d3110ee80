"""Form-video review on SQLite and PostgreSQL: a clip of a set reaches the athlete's coach, and
only them; the feedback comes back as the clip from each noted second."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.model import ThreadEvent
from domain.coaching.use_cases.invites import LeaveCoach, NoCoachError, NotYourClientError
from domain.coaching.use_cases.messages import MessageTooLongError, thread
from domain.coaching.use_cases.reviews import (
    AskRevision,
    AttachVideo,
    GiveFeedback,
    NoSuchSetError,
    NotesPastTheEndError,
    OpenReview,
    ReceiveVideo,
    UnknownVideoError,
    waiting_reviews,
)
from domain.coaching.videos import (
    Clip,
    ClipKind,
    FeedbackKind,
    FeedbackMessage,
    SetRef,
    VideoStatus,
)
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words, accept, invite

CARD = 900  # the message id of the review card in the coach's chat


def clip(message_id: int, chat: int = ALEX, kind: ClipKind = ClipKind.VIDEO) -> Clip:
    return Clip(f"BAAC{message_id}", kind, chat, message_id, duration=10)


async def coached_with_a_set_logged(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    """Alex, Sam's client on StrongLifts, mid-workout with the first set logged; the workout."""
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    workout = await OpenWorkout(uow, clock)(ALEX)
    await LogSet(uow, clock)(ALEX, workout.id or 0, 0, SetResult())
    return workout.id or 0


async def sent(
    session_factory: async_sessionmaker[AsyncSession], chat: int
) -> list[tuple[str, str | None, dict[str, object] | None, int | None, str | None]]:
    """What the outbox queued for a chat: (key, text, media, reply_to, buttons), in order."""
    async with session_factory() as session:
        rows = await session.scalars(
            select(OutboxRow)
            .where(OutboxRow.chat_id == chat, OutboxRow.idempotency_key.startswith("video:"))
            .order_by(OutboxRow.not_before, OutboxRow.id)
        )
        return [
            (
                row.idempotency_key,
                row.text,
                None if row.media is None else json.loads(row.media),
                row.reply_to,
                row.buttons,
            )
            for row in rows
        ]


async def test_a_clip_of_a_set_reaches_the_coach_and_notes_come_back_as_replays(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    workout = await coached_with_a_set_logged(uow, clock)
    video, choices = await ReceiveVideo(uow, clock)(ALEX, clip(40))
    again, _ = await ReceiveVideo(uow, clock)(ALEX, clip(40))  # the update, delivered twice

    assert again.id == video.id
    # the set Alex is on (the second) and the one just logged (the first)
    assert [(c.shown.ref.position, c.current) for c in choices] == [(1, True), (0, False)]
    assert await waiting_reviews(uow, SAM) == []  # not shown before a set is chosen

    await AttachVideo(uow, clock, Words())(ALEX, video.id or 0, SetRef(workout, 0))
    [(_key, text, _, _, buttons)] = await sent(session_factory, SAM)
    assert text == "video Alex Squat"
    assert json.loads(buttons or "[]") == [
        [{"action": "review_video", "parameters": {"video": str(video.id)}}]
    ]
    [waiting] = await waiting_reviews(uow, SAM)
    assert (waiting.client.first_name, waiting.video.status) == ("Alex", VideoStatus.PENDING)
    assert await waiting_reviews(uow, KIM) == []

    opened = await OpenReview(uow, clock)(SAM, video.id or 0)
    await OpenReview(uow, clock).remember_card(SAM, CARD, video.id or 0)
    assert opened.video.status == VideoStatus.IN_REVIEW
    giving = GiveFeedback(uow, clock, Words())
    assert await giving.card_video(SAM, SAM, CARD) == video.id
    assert await giving.card_video(KIM, SAM, CARD) is None  # only in the coach's own chat

    reply = FeedbackMessage(FeedbackKind.TEXT, SAM, 950, "0:03 hips rise first\nGood depth")
    await giving(SAM, video.id or 0, reply)

    to_alex = await sent(session_factory, ALEX)
    assert [(text, media, reply_to) for _, text, media, reply_to, _ in to_alex] == [
        ("feedback Sam: Good depth", None, 40),  # an answer to Alex's own clip
        ("3 hips rise first", {"video": "BAAC40", "start": 3}, None),
    ]
    assert await waiting_reviews(uow, SAM) == []
    events = [m.event for m in await thread(uow, SAM, ALEX)]
    assert events == [ThreadEvent.VIDEO_REVIEWED]


async def test_a_note_past_the_end_sends_nothing(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    workout = await coached_with_a_set_logged(uow, clock)
    video, _ = await ReceiveVideo(uow, clock)(ALEX, clip(41))
    await AttachVideo(uow, clock, Words())(ALEX, video.id or 0, SetRef(workout, 0))

    reply = FeedbackMessage(FeedbackKind.TEXT, SAM, 951, "0:04 fine\n0:30 lockout")
    with pytest.raises(NotesPastTheEndError) as late:
        await GiveFeedback(uow, clock, Words())(SAM, video.id or 0, reply)

    assert [note.text for note in late.value.notes] == ["lockout"]
    too_long = FeedbackMessage(FeedbackKind.TEXT, SAM, 952, "0:04 " + "x" * 1100)
    with pytest.raises(MessageTooLongError):  # a replay's caption holds 1024 characters
        await GiveFeedback(uow, clock, Words())(SAM, video.id or 0, too_long)
    assert await sent(session_factory, ALEX) == []
    [still] = await waiting_reviews(uow, SAM)
    assert still.video.status == VideoStatus.PENDING


async def test_only_the_athletes_current_coach_can_review_and_only_they_can_attach(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    workout = await coached_with_a_set_logged(uow, clock)
    video, _ = await ReceiveVideo(uow, clock)(ALEX, clip(42))
    video_id = video.id or 0
    with pytest.raises(NotYourClientError):  # not shown to the coach before a set is chosen
        await OpenReview(uow, clock)(SAM, video_id)
    with pytest.raises(UnknownVideoError):  # another athlete's clip
        await AttachVideo(uow, clock, Words())(MASHA, video_id, SetRef(workout, 0))
    await StartPlan(uow, clock)(MASHA, "stronglifts")
    mashas = await OpenWorkout(uow, clock)(MASHA)
    with pytest.raises(NoSuchSetError):  # a set of another athlete's workout
        await AttachVideo(uow, clock, Words())(ALEX, video_id, SetRef(mashas.id or 0, 0))
    await AttachVideo(uow, clock, Words())(ALEX, video_id, SetRef(workout, 0))
    await OpenReview(uow, clock).remember_card(SAM, CARD, video_id)

    reply = FeedbackMessage(FeedbackKind.TEXT, KIM, 952, "0:01 mine now")
    for forged in (
        OpenReview(uow, clock)(KIM, video_id),
        OpenReview(uow, clock).remember_card(KIM, CARD, video_id),
        GiveFeedback(uow, clock, Words())(KIM, video_id, reply),
        AskRevision(uow, clock, Words())(KIM, video_id),
    ):
        with pytest.raises(NotYourClientError):
            await forged

    await LeaveCoach(uow, clock, Words())(ALEX)
    with pytest.raises(NotYourClientError):  # the coaching ended: the coach sees nothing more
        await OpenReview(uow, clock)(SAM, video_id)
    assert await waiting_reviews(uow, SAM) == []
    with pytest.raises(NoCoachError):
        await ReceiveVideo(uow, clock)(ALEX, clip(43))
    assert await sent(session_factory, ALEX) == []


async def test_a_new_clip_the_coach_asked_for_is_linked_to_the_first(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    workout = await coached_with_a_set_logged(uow, clock)
    first, _ = await ReceiveVideo(uow, clock)(ALEX, clip(44, kind=ClipKind.ROUND))
    await AttachVideo(uow, clock, Words())(ALEX, first.id or 0, SetRef(workout, 0))

    asked = await AskRevision(uow, clock, Words())(SAM, first.id or 0)
    await AskRevision(uow, clock, Words())(SAM, first.id or 0)  # pressed twice: asked once
    assert asked.video.status == VideoStatus.NEEDS_REVISION
    assert [(text, reply_to) for _, text, _, reply_to, _ in await sent(session_factory, ALEX)] == [
        ("again Sam", 44)
    ]

    second, choices = await ReceiveVideo(uow, clock)(ALEX, clip(45))
    assert (choices[0].revision_of, choices[0].shown.ref) == (first.id, SetRef(workout, 0))
    await AttachVideo(uow, clock, Words())(ALEX, second.id or 0, SetRef(workout, 0), first.id)
    assert (await sent(session_factory, SAM))[-1][1] == "video Alex Squat again"
    _, after = await ReceiveVideo(uow, clock)(ALEX, clip(46))
    assert all(choice.revision_of is None for choice in after)  # answered: not offered again

    # feedback on a round clip: the note answers the clip, which cannot start mid-way
    reply = FeedbackMessage(FeedbackKind.TEXT, SAM, 953, "0:02 better")
    await GiveFeedback(uow, clock, Words())(SAM, first.id or 0, reply)
    assert [(m, r) for _, _, m, r, _ in await sent(session_factory, ALEX)][-1] == (None, 44)
