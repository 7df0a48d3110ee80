"""Form videos in chat: the athlete's clip and the set it shows, /reviews, the coach's feedback."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, timedelta

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from domain.coaching.model import MESSAGE_LIMIT
from domain.coaching.use_cases.invites import NoCoachError, NotYourClientError
from domain.coaching.use_cases.messages import MessageTooLongError
from domain.coaching.use_cases.reviews import (
    NOTES_LIMIT,
    AskRevision,
    AttachVideo,
    GiveFeedback,
    NoSuchSetError,
    NotesPastTheEndError,
    OpenReview,
    ReceiveVideo,
    ReviewItem,
    SetChoice,
    TooManyNotesError,
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
    parse_feedback,
)
from handlers.coaching import texts
from handlers.common.callback_fields import OptionalRowId, Position, RowId
from handlers.common.deps import Deps
from handlers.common.filters import bot_message_replied_to
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.common.routing import not_a_command

REVIEWS_SHOWN = 20


class AttachTo(CallbackData, prefix="fva"):
    """A button under a fresh clip: the set it shows (and the clip it films again, if any)."""

    video: RowId
    workout: RowId
    position: Position
    again: OptionalRowId = 0  # the clip the coach asked to film again; 0 for none


class Review(CallbackData, prefix="frv"):
    video: RowId


class AskAgain(CallbackData, prefix="fre"):
    video: RowId


def _choice_label(t: Translator, choice: SetChoice) -> str:
    prescribed = choice.shown.set.prescribed
    wanted = f"{prescribed.reps}+" if prescribed.amrap else str(prescribed.reps)
    what = f"{prescribed.display_name} {prescribed.weight} × {wanted}"
    if choice.revision_of is not None:
        return t.get("coaching-video-again-button", set=what)
    if choice.current:
        return t.get("coaching-video-current-button", set=what)
    return t.get("coaching-video-set-button", set=what, number=choice.shown.day_number)


async def on_clip(message: Message, deps: Deps) -> None:
    if message.video is not None:
        kind, file_id, duration = ClipKind.VIDEO, message.video.file_id, message.video.duration
    elif message.video_note is not None:
        note = message.video_note
        kind, file_id, duration = ClipKind.ROUND, note.file_id, note.duration
    else:
        return
    clip = Clip(file_id, kind, message.chat.id, message.message_id, duration)
    try:
        video, choices = await ReceiveVideo(deps.uow, deps.clock)(deps.user_id, clip)
    except NoCoachError:
        await message.answer(deps.t.get("coaching-video-no-coach"))
        return
    if not choices:
        await message.reply(deps.t.get("coaching-video-no-sets"))
        return
    rows = [
        [
            callback_button(
                _choice_label(deps.t, choice),
                AttachTo(
                    video=video.id or 0,
                    workout=choice.shown.ref.workout_id,
                    position=choice.shown.ref.position,
                    again=choice.revision_of or 0,
                ),
            )
        ]
        for choice in choices[:8]
    ]
    await message.reply(
        deps.t.get("coaching-video-which"),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )


async def on_attach(callback: CallbackQuery, callback_data: AttachTo, deps: Deps) -> None:
    attach = AttachVideo(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    ref = SetRef(callback_data.workout, callback_data.position)
    try:
        shown, coach = await attach(
            callback.from_user.id, callback_data.video, ref, callback_data.again or None
        )
    except (UnknownVideoError, NoSuchSetError):
        await callback.answer(deps.t.get("coaching-video-gone"), show_alert=True)
        return
    except NoCoachError:
        await callback.answer(deps.t.get("coaching-no-coach"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        with suppress(TelegramBadRequest):  # pressed twice: it says so already
            await callback.message.edit_text(
                deps.t.get(
                    "coaching-video-attached",
                    coach=texts.name(coach),
                    set=texts.shown_set_text(deps.t, shown),
                )
            )


def _age(t: Translator, since: datetime | None, now: datetime) -> str:
    waited = now - since if since is not None else timedelta()
    if waited < timedelta(hours=1):
        return t.get("coaching-age-minutes", minutes=max(1, int(waited.total_seconds() // 60)))
    if waited < timedelta(days=2):
        return t.get("coaching-age-hours", hours=int(waited.total_seconds() // 3600))
    return t.get("coaching-age-days", days=waited.days)


async def on_reviews(message: Message, deps: Deps) -> None:
    items = await waiting_reviews(deps.uow, deps.user_id)
    t = deps.t
    if not items:
        await message.answer(t.get("coaching-reviews-empty"))
        return
    now = deps.clock.now()
    shown = items[:REVIEWS_SHOWN]
    lines = [t.get("coaching-reviews-title", count=len(items))]
    lines += [
        t.get(
            "coaching-reviews-line",
            client=texts.name(item.client),
            set=texts.shown_set_text(t, item.shown),
            age=_age(t, item.video.submitted_at, now),
            opened="👁 " if item.video.status == VideoStatus.IN_REVIEW else "",
        )
        for item in shown
    ]
    rows = [
        [
            callback_button(
                t.get("coaching-review-button", client=item.client.first_name),
                Review(video=item.video.id or 0),
            )
        ]
        for item in shown
    ]
    await message.answer("\n".join(lines), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


def _card_markup(t: Translator, item: ReviewItem) -> InlineKeyboardMarkup:
    ask = callback_button(t.get("coaching-revision-button"), AskAgain(video=item.video.id or 0))
    return InlineKeyboardMarkup(inline_keyboard=[[ask]])


async def on_review(callback: CallbackQuery, callback_data: Review, deps: Deps) -> None:
    opening = OpenReview(deps.uow, deps.clock)
    try:
        item = await opening(callback.from_user.id, callback_data.video)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    t, clip = deps.t, item.video.clip
    card = t.get("coaching-review-card", client=texts.name(item.client))
    card += "\n" + texts.shown_set_text(t, item.shown)
    markup = _card_markup(t, item)
    chat = callback.from_user.id
    if clip.kind == ClipKind.VIDEO:
        sent = [await deps.bot.send_video(chat, clip.file_id, caption=card, reply_markup=markup)]
    else:  # a round clip takes no caption: the words follow it, and either may be replied to
        sent = [
            await deps.bot.send_video_note(chat, clip.file_id),
            await deps.bot.send_message(chat, card, reply_markup=markup),
        ]
    with suppress(NotYourClientError):  # the client left in between: a reply goes nowhere
        for shown in sent:
            await opening.remember_card(chat, shown.message_id, item.video.id or 0)


async def on_ask_again(callback: CallbackQuery, callback_data: AskAgain, deps: Deps) -> None:
    asking = AskRevision(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    try:
        item = await asking(callback.from_user.id, callback_data.video)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer(deps.t.get("coaching-revision-sent", client=item.client.first_name))


async def replies_to_a_card(message: Message, deps: Deps) -> dict[str, int] | bool:
    """Lets a reply to a clip the coach opened through, with the clip's id."""
    replied = bot_message_replied_to(message, deps)
    if replied is None:
        return False
    feedback = GiveFeedback(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    video = await feedback.card_video(deps.user_id, message.chat.id, replied)
    return False if video is None else {"video_id": video}


def _feedback_of(message: Message) -> FeedbackMessage | None:
    chat, sent = message.chat.id, message.message_id
    if message.text:
        return FeedbackMessage(FeedbackKind.TEXT, chat, sent, message.text)
    if message.voice is not None:
        return FeedbackMessage(FeedbackKind.VOICE, chat, sent)
    if message.video_note is not None:
        return FeedbackMessage(FeedbackKind.ROUND, chat, sent)
    return None


async def on_feedback(message: Message, deps: Deps, video_id: int) -> None:
    t = deps.t
    reply = _feedback_of(message)
    if reply is None:
        await message.reply(t.get("coaching-feedback-how"))
        return
    if len(reply.text) > MESSAGE_LIMIT:
        await message.reply(t.get("coaching-too-long"))
        return
    giving = GiveFeedback(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    try:
        item = await giving(deps.user_id, video_id, reply)
    except NotYourClientError:
        await message.reply(t.get("coaching-not-your-client"))
    except NotesPastTheEndError as late:
        times = ", ".join(note.label for note in late.notes)
        await message.reply(t.get("coaching-notes-past-end", duration=late.duration, times=times))
    except TooManyNotesError:
        await message.reply(t.get("coaching-too-many-notes", limit=NOTES_LIMIT))
    except MessageTooLongError:
        await message.reply(t.get("coaching-too-long"))
    else:
        notes = len(parse_feedback(reply.text).notes)
        await message.reply(
            t.get("coaching-feedback-sent", client=texts.name(item.client), notes=notes),
            reply_markup=_card_markup(t, item),
        )


def coach_menu_row(t: Translator) -> list[InlineKeyboardButton]:
    return [callback_button(t.get("coaching-reviews-button"), ShowReviews())]


class ShowReviews(CallbackData, prefix="frvs"):
    pass


async def on_show_reviews(callback: CallbackQuery, deps: Deps) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await on_reviews(callback.message, deps)


def build_reply_router() -> Router:
    """A reply to a clip under review is feedback on it."""
    router = Router(name="reviews_replies")
    router.message.register(on_feedback, F.chat.type == "private", replies_to_a_card)
    return router


def build_clip_router() -> Router:
    """A video sent in private is a clip for the coach."""
    router = Router(name="clips")
    router.message.register(
        on_clip, F.chat.type == "private", F.video | F.video_note, not_a_command
    )
    return router


def build_router() -> Router:
    router = Router(name="reviews")
    router.message.register(on_reviews, Command("reviews"), F.chat.type == "private")
    router.callback_query.register(on_attach, AttachTo.filter())
    router.callback_query.register(on_review, Review.filter())
    router.callback_query.register(on_ask_again, AskAgain.filter())
    router.callback_query.register(on_show_reviews, ShowReviews.filter())
    return router
