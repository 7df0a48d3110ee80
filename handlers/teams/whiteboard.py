"""The whiteboard in the group and in private: a reply to the day's post is a score, /score in
private scores the day's team workout, /fix and /remove in reply to a score correct it.

A score in the group gets no reply of its own: the board (edited in place every few seconds by
the refresh job) shows it, so scoring never floods the group; only a mistake is answered, in
one short reply. /score in private is answered there.
"""

from __future__ import annotations

from html import escape

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import InlineKeyboardMarkup, Message

from domain.conditioning.entry import BadTiebreakError
from domain.conditioning.scores import BadScoreError
from domain.teams.model import Actor
from domain.teams.use_cases.membership import NotAllowedError
from domain.teams.use_cases.whiteboard import (
    BoardLogged,
    CorrectBoardScore,
    LogBoardScore,
    NoPostTodayError,
    NotAPostError,
    NotAScoreError,
    NothingToScoreError,
    NotMemberError,
    replied_post,
)
from handlers.common.deps import Deps
from handlers.common.keyboards import callback_button
from handlers.teams.admins import is_chat_admin
from handlers.teams.group import TeamJoin
from handlers.teams.whiteboard_texts import score_how, score_text, workout_name

GROUPS = F.chat.type.in_({"group", "supergroup"})
PRIVATE = F.chat.type == "private"


class RepliesToPost(Filter):
    """A text reply to one of the bot's messages that is a posted workout (anything else is
    left to other handlers)."""

    async def __call__(self, message: Message, deps: Deps) -> bool:
        replied = message.reply_to_message
        text = message.text or ""
        if replied is None or not text or text.startswith("/"):
            return False
        if replied.from_user is None or replied.from_user.id != deps.bot_id:
            return False
        return await replied_post(deps.uow, message.chat.id, replied.message_id) is not None


def _mistake(deps: Deps, error: Exception) -> tuple[str, InlineKeyboardMarkup | None]:
    t = deps.t
    if isinstance(error, NotMemberError):
        join = callback_button(t.get("teams-join-button"), TeamJoin(team=error.team_id))
        return t.get("whiteboard-join-first"), InlineKeyboardMarkup(inline_keyboard=[[join]])
    if isinstance(error, BadScoreError):
        return t.get("whiteboard-bad-score", how=score_how(t, error.scheme)), None
    if isinstance(error, BadTiebreakError):
        return t.get("whiteboard-bad-tiebreak"), None
    if isinstance(error, NotAllowedError):
        return t.get("whiteboard-not-yours"), None
    if isinstance(error, NotAScoreError):
        return t.get("whiteboard-not-a-score"), None
    return t.get("whiteboard-nothing-to-score"), None


_MISTAKES = (
    NotMemberError,
    BadScoreError,
    BadTiebreakError,
    NothingToScoreError,
    NotAllowedError,
    NotAScoreError,
)


async def on_post_reply(message: Message, deps: Deps) -> None:
    sender, replied = message.from_user, message.reply_to_message
    if sender is None or replied is None or message.sender_chat is not None:
        return  # an anonymous admin or a channel: nobody to put on the board
    try:
        await LogBoardScore(deps.uow, deps.clock).reply(
            message.chat.id, replied.message_id, sender.id, message.text or "", message.message_id
        )
    except NotAPostError:
        return
    except _MISTAKES as error:
        text, markup = _mistake(deps, error)
        await message.reply(text, reply_markup=markup)


async def on_fix(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    """`/fix 4:22` or `/remove` in reply to a score message."""
    t, sender, replied = deps.t, message.from_user, message.reply_to_message
    removing = command.command.lower() == "remove"
    typed = (command.args or "").strip()
    if replied is None or (not removing and not typed):
        await message.reply(t.get("whiteboard-fix-help"))
        return
    user_id = sender.id if sender else 0
    admin = await is_chat_admin(bot, message.chat.id, user_id, message.sender_chat)
    try:
        done = await CorrectBoardScore(deps.uow, deps.clock)(
            message.chat.id,
            Actor(user_id, admin),
            replied.message_id,
            None if removing else typed,
            message.message_id,
        )
    except NotAPostError:
        await message.reply(t.get("whiteboard-not-a-score"))
        return
    except _MISTAKES as error:
        text, markup = _mistake(deps, error)
        await message.reply(text, reply_markup=markup)
        return
    if done.score.removed:
        await message.reply(t.get("whiteboard-removed"))
    else:
        await message.reply(t.get("whiteboard-fixed", score=_score(deps, done)))


def _score(deps: Deps, done: BoardLogged) -> str:
    return score_text(deps.t, done.score.score, rx=done.score.rx, unit=done.unit)


async def on_score(message: Message, command: CommandObject, deps: Deps) -> None:
    """`/score 4:22` in private: the day's workout of the person's team."""
    t, typed = deps.t, (command.args or "").strip()
    if not typed:
        await message.answer(t.get("whiteboard-score-help"))
        return
    try:
        done = await LogBoardScore(deps.uow, deps.clock).private(
            deps.user_id, typed, message.message_id
        )
    except NoPostTodayError:
        await message.answer(t.get("whiteboard-no-post-today"))
        return
    except _MISTAKES as error:
        text, markup = _mistake(deps, error)
        await message.answer(text, reply_markup=markup)
        return
    await message.answer(
        t.get(
            "whiteboard-scored",
            score=_score(deps, done),
            workout=workout_name(t, done.workout),
            team=escape(done.team.title),
        )
    )


def build_reply_router() -> Router:
    """A reply to a posted workout is a score."""
    router = Router(name="whiteboard_replies")
    router.message.register(on_post_reply, GROUPS, RepliesToPost())
    return router


def build_router() -> Router:
    router = Router(name="whiteboard")
    router.message.register(on_fix, GROUPS, Command("fix", "remove"))
    router.message.register(on_score, PRIVATE, Command("score"))
    return router
