"""Coach and client writing to each other: /ask, replies to relayed messages, the thread."""

from __future__ import annotations

from contextlib import suppress

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, ForceReply, Message

from domain.coaching.model import PromptPurpose
from domain.coaching.use_cases.invites import NoCoachError, NotYourClientError
from domain.coaching.use_cases.messages import (
    Attachment,
    MessageTooLongError,
    NotARelayError,
    PromptClient,
    Relay,
    answers_a_conversation,
    thread,
)
from domain.coaching.use_cases.weekly import CommentOnWeek, NoLineError, digest_week, line_number
from handlers.coaching import texts
from handlers.coaching.programs import edit_plan_from_reply, set_maxes_from_reply
from handlers.common.callback_fields import UserId
from handlers.common.deps import Deps
from handlers.common.routing import commanded


class WriteClient(CallbackData, prefix="cwr"):
    athlete: UserId


class ShowThread(CallbackData, prefix="cthr"):
    athlete: UserId


def _relay(deps: Deps) -> Relay:
    return Relay(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))


async def on_ask(message: Message, command: CommandObject, deps: Deps) -> None:
    if not (command.args or "").strip():
        await message.answer(deps.t.get("coaching-ask-how"))
        return
    try:
        coach = await _relay(deps).ask_coach(deps.user_id, command.args or "")
    except NoCoachError:
        await message.answer(deps.t.get("coaching-no-coach"))
    except MessageTooLongError:
        await message.answer(deps.t.get("coaching-too-long"))
    else:
        await message.answer(deps.t.get("coaching-sent", to=texts.name(coach)))


def attachment_of(message: Message) -> Attachment | None:
    """A photo, voice, video, round video or document, to be copied to the other side."""
    marks = (
        (message.photo, "🖼", True),
        (message.voice, "🎤", True),
        (message.video, "🎬", True),
        (message.document, "📄", True),
        (message.video_note, "⏺", False),
    )
    for media, mark, captioned in marks:
        if media:
            return Attachment(
                message.chat.id, message.message_id, mark, captioned, message.caption or ""
            )
    return None


def replies_to_the_bot(message: Message, deps: Deps) -> bool:
    replied = message.reply_to_message
    return (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == deps.bot_id
        and (bool(message.text) or attachment_of(message) is not None)
        and not commanded(message)
    )


async def relayed_conversation(message: Message, deps: Deps) -> bool:
    """Lets the reply through only if it answers a relayed message, a report or a prompt."""
    if not replies_to_the_bot(message, deps):
        return False
    replied = message.reply_to_message
    if replied is None:
        return False
    return await answers_a_conversation(deps.uow, message.chat.id, replied.message_id)


async def on_reply(message: Message, deps: Deps) -> None:
    replied = message.reply_to_message
    if replied is None:  # the filter let only replies through
        return
    week = await digest_week(deps.uow, message.chat.id, replied.message_id)
    if week is not None:
        await _comment_on_week(message, deps, week)
        return
    try:
        prompt, athlete = await PromptClient(deps.uow, deps.clock).replied(
            deps.user_id, message.chat.id, replied.message_id
        )
    except (NotARelayError, NotYourClientError):
        prompt = None
    attachment = attachment_of(message)
    if prompt is not None and prompt.purpose == PromptPurpose.PLAN:
        await edit_plan_from_reply(message, deps, athlete)
        return
    if prompt is not None and prompt.purpose == PromptPurpose.MAXES and attachment is None:
        try:
            await set_maxes_from_reply(message, deps, athlete)
        except NotYourClientError:
            await message.answer(deps.t.get("coaching-not-a-relay"))
        return
    try:
        recipient = await _relay(deps).reply(
            deps.user_id, message.chat.id, replied.message_id, message.text or "", attachment
        )
    except (NotARelayError, NotYourClientError, NoCoachError):
        await message.answer(deps.t.get("coaching-not-a-relay"))
    except MessageTooLongError:
        await message.answer(deps.t.get("coaching-too-long"))
    else:
        await message.answer(deps.t.get("coaching-sent", to=texts.name(recipient)))


async def _comment_on_week(message: Message, deps: Deps, week: str) -> None:
    if message.text is None:  # a photo or a voice message has no line to name
        await message.reply(deps.t.get("coaching-weekly-text-only"))
        return
    quote = message.quote.text if message.quote is not None else None
    found = line_number(quote, message.text or "")
    if found is None or not found[1]:
        await message.reply(deps.t.get("coaching-weekly-which"))
        return
    number, comment = found
    commenting = CommentOnWeek(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    try:
        client = await commenting(deps.user_id, week, number, comment)
    except NoLineError:
        await message.reply(deps.t.get("coaching-weekly-no-line", number=number))
    except NotYourClientError:
        await message.reply(deps.t.get("coaching-not-your-client"))
    except MessageTooLongError:
        await message.reply(deps.t.get("coaching-too-long"))
    else:
        await message.reply(deps.t.get("coaching-sent", to=texts.name(client)))


async def on_write_client(callback: CallbackQuery, callback_data: WriteClient, deps: Deps) -> None:
    prompt = PromptClient(deps.uow, deps.clock)
    try:
        client = await prompt.check(callback.from_user.id, callback_data.athlete)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    sent = await callback.message.answer(
        deps.t.get("coaching-write-prompt", client=texts.name(client)),
        reply_markup=ForceReply(input_field_placeholder=client.first_name[:64]),
    )
    with suppress(NotYourClientError):  # they left meanwhile: a reply then goes nowhere
        await prompt.remember(callback.from_user.id, callback_data.athlete, sent.message_id)


async def on_show_thread(callback: CallbackQuery, callback_data: ShowThread, deps: Deps) -> None:
    try:
        messages = await thread(deps.uow, callback.from_user.id, callback_data.athlete)
        client = await PromptClient(deps.uow, deps.clock).check(
            callback.from_user.id, callback_data.athlete
        )
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(texts.thread_text(deps.t, client, messages))


def build_reply_router() -> Router:
    """A reply to a relayed message is for the other side, not a set."""
    router = Router(name="relay_replies")
    router.message.register(on_reply, F.chat.type == "private", relayed_conversation)
    return router


def build_router() -> Router:
    router = Router(name="relay")
    router.message.register(on_ask, Command("ask"), F.chat.type == "private")
    router.callback_query.register(on_write_client, WriteClient.filter())
    router.callback_query.register(on_show_thread, ShowThread.filter())
    return router
