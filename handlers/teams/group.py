"""A group with Spotter is a team: the bot's arrival and removal, the team card (/team) with
Join and invite links, and people leaving the group."""

from __future__ import annotations

import logging
import time
from html import escape

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardMarkup,
    Message,
)

from domain.athletes.model import UnknownTimeZoneError
from domain.teams.model import Actor, Role
from domain.teams.use_cases.invites import MakeTeamInvite
from domain.teams.use_cases.membership import (
    BotAdded,
    BotRemoved,
    JoinTeam,
    LeaveTeam,
    NotAllowedError,
    NoTeamError,
    SetTeamTimeZone,
    TeamView,
    chat_moved,
    team_view,
)
from handlers.common.callback_fields import RowId
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.common.profiles import profile_of
from handlers.teams import roles, texts
from handlers.teams.admins import is_chat_admin
from handlers.teams.card_edits import card_edits
from handlers.teams.private import revoke_markup

logger = logging.getLogger(__name__)

GROUPS = F.chat.type.in_({"group", "supergroup"})
_IN = frozenset({"member", "administrator", "creator", "restricted"})
INVITABLE = {Role.COACH.value: Role.COACH, Role.MEMBER.value: Role.MEMBER}


class TeamJoin(CallbackData, prefix="tmj"):
    team: RowId


class TeamInvite(CallbackData, prefix="tmi"):
    team: RowId
    role: str  # "coach" | "member"


def card_markup(t: Translator, team_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [callback_button(t.get("teams-join-button"), TeamJoin(team=team_id))],
            [
                callback_button(
                    t.get("teams-invite-coach-button"), TeamInvite(team=team_id, role="coach")
                ),
                callback_button(
                    t.get("teams-invite-member-button"), TeamInvite(team=team_id, role="member")
                ),
            ],
        ]
    )


async def on_bot_membership(event: ChatMemberUpdated, bot: Bot, deps: Deps) -> None:
    """The team side of the bot's arrival or removal; then the chat-member router's turn."""
    status = event.new_chat_member.status
    chat = event.chat
    if status in _IN and event.old_chat_member.status not in _IN:
        adder = event.from_user
        admin = await is_chat_admin(bot, chat.id, adder.id if adder else None)
        team, greet = await BotAdded(deps.uow, deps.clock)(
            chat.id, chat.title or "", profile_of(adder) if adder else None, admin
        )
        if greet and team.id is not None:
            view = await team_view(deps.uow, chat.id, adder.id if adder else 0)
            await _post_card(bot, deps, chat.id, view)
    elif status not in _IN:
        await BotRemoved(deps.uow)(chat.id)
    raise SkipHandler  # the chat-member router stops or resumes the chat's deliveries


async def _post_card(bot: Bot, deps: Deps, chat_id: int, view: TeamView) -> None:
    try:
        await bot.send_message(
            chat_id, texts.card(deps.t, view), reply_markup=card_markup(deps.t, view.team.id or 0)
        )
    except TelegramAPIError as error:
        logger.warning("could not post the team card in chat %d: %s", chat_id, error)


async def on_team(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    """/team in the group: the card; `/team tz Europe/Berlin` sets the team's time zone. A group
    the bot was in before teams existed becomes one now (owned by whoever asked, if an admin)."""
    words = (command.args or "").split(maxsplit=1)
    verb, rest = (words[0].lower(), words[1] if len(words) > 1 else "") if words else ("", "")
    if verb in {"tz", "timezone"}:
        await _set_time_zone(message, bot, deps, rest)
        return
    if verb in {"role", "give", "take"}:
        await roles.on_role_command(message, bot, deps, verb, rest)
        return
    sender = message.from_user
    viewer = sender.id if sender else 0
    try:
        view = await team_view(deps.uow, message.chat.id, viewer)
    except NoTeamError:
        admin = await is_chat_admin(bot, message.chat.id, viewer, message.sender_chat)
        adder = profile_of(sender) if sender and message.sender_chat is None else None
        await BotAdded(deps.uow, deps.clock)(
            message.chat.id, message.chat.title or "", adder, admin
        )
        view = await team_view(deps.uow, message.chat.id, viewer)
    await message.answer(
        texts.card(deps.t, view), reply_markup=card_markup(deps.t, view.team.id or 0)
    )


async def _set_time_zone(message: Message, bot: Bot, deps: Deps, typed: str) -> None:
    t, sender = deps.t, message.from_user
    admin = await is_chat_admin(
        bot, message.chat.id, sender.id if sender else None, message.sender_chat
    )
    try:
        team = await SetTeamTimeZone(deps.uow)(
            message.chat.id, Actor(sender.id if sender else 0, admin), typed
        )
    except UnknownTimeZoneError:
        await message.reply(t.get("teams-unknown-time-zone", typed=escape(typed[:64])))
        return
    except NoTeamError:
        await message.reply(t.get("teams-no-team"))
        return
    except NotAllowedError:
        await message.reply(t.get("teams-not-allowed"))
        return
    await message.reply(t.get("teams-time-zone-set", zone=escape(team.time_zone)))


async def on_join(callback: CallbackQuery, callback_data: TeamJoin, deps: Deps) -> None:
    """Only the pressing person joins, and only the team of the chat the card is in."""
    t = deps.t
    card = callback.message if isinstance(callback.message, Message) else None
    if card is None:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    try:
        membership, changed = await JoinTeam(deps.uow, deps.clock)(
            callback_data.team, card.chat.id, profile_of(callback.from_user)
        )
    except NoTeamError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    role = texts.role_name(t, membership.role)
    await callback.answer(t.get("teams-joined" if changed else "teams-already-in", role=role))
    if changed and card.bot is not None:
        read_at = time.monotonic()
        view = await team_view(deps.uow, card.chat.id, callback.from_user.id)
        text = texts.card(t, view)
        card_edits.edit(
            card.bot, card.chat.id, card.message_id, text, card.reply_markup, read_at=read_at
        )


async def on_invite(
    callback: CallbackQuery, callback_data: TeamInvite, bot: Bot, deps: Deps
) -> None:
    """A link for the presser, sent in private (never in the group, where anyone could use it)."""
    t = deps.t
    card = callback.message if isinstance(callback.message, Message) else None
    role = INVITABLE.get(callback_data.role)
    if card is None or role is None:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    presser = callback.from_user.id
    admin = await is_chat_admin(bot, card.chat.id, presser)
    try:
        made = await MakeTeamInvite(deps.uow, deps.clock)(card.chat.id, Actor(presser, admin), role)
    except NoTeamError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    except NotAllowedError:
        await callback.answer(t.get("teams-not-allowed"), show_alert=True)
        return
    if made.team.id != callback_data.team:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    link = f"https://t.me/{deps.bot_username}?start={made.payload}"
    text = t.get(
        "teams-invite-link",
        title=escape(made.team.title),
        role=texts.role_name(t, role),
        link=link,
        single="yes" if made.invite.max_uses == 1 else "no",
    )
    try:
        await bot.send_message(presser, text, reply_markup=revoke_markup(t, made.payload))
    except TelegramForbiddenError:
        await callback.answer(t.get("teams-start-me-first", bot=deps.bot_username), show_alert=True)
        return
    await callback.answer(t.get("teams-link-sent"))


async def on_left(message: Message, deps: Deps) -> None:
    """Someone left the group or was removed: their membership ends (history kept)."""
    gone = message.left_chat_member
    if gone is not None and not gone.is_bot:
        await LeaveTeam(deps.uow, deps.clock)(message.chat.id, gone.id)


async def on_migrated(message: Message, deps: Deps) -> None:
    if message.migrate_to_chat_id is not None:
        await chat_moved(deps.uow, message.chat.id, message.migrate_to_chat_id)


def build_router() -> Router:
    router = Router(name="teams")
    router.my_chat_member.register(on_bot_membership, GROUPS)
    router.message.filter(GROUPS)  # one check, not three, for each private message
    router.message.register(on_left, F.left_chat_member)
    router.message.register(on_migrated, F.migrate_to_chat_id)
    router.message.register(on_team, Command("team"))
    router.callback_query.register(on_join, TeamJoin.filter())
    router.callback_query.register(on_invite, TeamInvite.filter())
    return router
