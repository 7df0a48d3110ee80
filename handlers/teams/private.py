"""Teams from the private chat: /teams, and an invite link opened (`/start t…`), accepted or
declined; the link's maker revokes it from the message that gave it."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from domain.teams.model import TEAM_INVITE_PREFIX, Actor
from domain.teams.use_cases.invites import (
    AcceptTeamInvite,
    InvalidTeamInviteError,
    RevokeTeamInvite,
    open_team_invite,
)
from domain.teams.use_cases.membership import NotAllowedError, my_teams
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.common.profiles import profile_of
from handlers.teams import texts

PRIVATE = F.chat.type == "private"


class TeamAnswer(CallbackData, prefix="tma"):
    payload: str
    accept: bool


class TeamRevoke(CallbackData, prefix="tmr"):
    payload: str


def revoke_markup(t: Translator, payload: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [callback_button(t.get("teams-revoke-button"), TeamRevoke(payload=payload))]
        ]
    )


async def on_teams(message: Message, deps: Deps) -> None:
    await message.answer(
        texts.teams_list(deps.t, await my_teams(deps.uow, deps.clock, deps.user_id))
    )


async def on_invite_link(message: Message, command: CommandObject, deps: Deps) -> None:
    """`/start t…`: which team, as what, with Accept and Decline; a bad link changes nothing."""
    payload = command.args or ""
    t = deps.t
    try:
        offer = await open_team_invite(deps.uow, deps.clock, payload, deps.user_id)
    except InvalidTeamInviteError:
        await message.answer(t.get("teams-invite-invalid"))
        return
    text = t.get(
        "teams-invite", title=escape(offer.team.title), role=texts.role_name(t, offer.role)
    )
    if offer.yours is not None:
        text += "\n" + t.get("teams-invite-already", role=texts.role_name(t, offer.yours.role))
    answer = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                callback_button(
                    t.get("teams-accept-button"), TeamAnswer(payload=payload, accept=True)
                ),
                callback_button(
                    t.get("teams-decline-button"), TeamAnswer(payload=payload, accept=False)
                ),
            ]
        ]
    )
    await message.answer(text, reply_markup=answer)


async def on_answer(callback: CallbackQuery, callback_data: TeamAnswer, deps: Deps) -> None:
    t = deps.t
    message = callback.message if isinstance(callback.message, Message) else None
    if not callback_data.accept:
        await callback.answer()
        if message:
            await message.edit_text(t.get("teams-invite-declined"))
        return
    person = callback.from_user
    try:  # possession of the link is the proof: the callback carries it, checked again
        team, membership = await AcceptTeamInvite(deps.uow, deps.clock)(
            callback_data.payload,
            profile_of(person),
        )
    except InvalidTeamInviteError:
        await callback.answer(t.get("teams-invite-invalid"), show_alert=True)
        return
    await callback.answer()
    if message:
        await message.edit_text(
            t.get(
                "teams-invite-accepted",
                title=escape(team.title),
                role=texts.role_name(t, membership.role),
            )
        )


async def on_revoke(callback: CallbackQuery, callback_data: TeamRevoke, deps: Deps) -> None:
    t = deps.t
    try:
        await RevokeTeamInvite(deps.uow, deps.clock)(
            callback_data.payload, Actor(callback.from_user.id)
        )
    except InvalidTeamInviteError:
        await callback.answer(t.get("teams-invite-invalid"), show_alert=True)
        return
    except NotAllowedError:
        await callback.answer(t.get("teams-not-allowed"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(t.get("teams-invite-revoked"))


def build_router() -> Router:
    router = Router(name="teams_private")
    router.message.register(
        on_invite_link,
        PRIVATE,
        CommandStart(deep_link=True, magic=F.args.startswith(TEAM_INVITE_PREFIX)),
    )
    router.message.register(on_teams, PRIVATE, Command("teams"))
    router.callback_query.register(on_answer, TeamAnswer.filter())
    router.callback_query.register(on_revoke, TeamRevoke.filter())
    return router
