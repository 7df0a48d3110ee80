"""The team's own roles from the group: `/team role Judge: scores`, and `/team give Judge` or
`/team take` in reply to a member's message."""

from __future__ import annotations

from html import escape

from aiogram import Bot
from aiogram.types import Message

from domain.teams.model import Actor, Permission
from domain.teams.use_cases.membership import NotAllowedError, NoTeamError
from domain.teams.use_cases.roles import (
    DefineRole,
    GiveRole,
    NoSuchRoleError,
    NotAMemberError,
    RoleNameError,
    TooManyRolesError,
    UnknownPermissionError,
)
from handlers.common.deps import Deps
from handlers.teams.admins import is_chat_admin

REFUSALS: dict[type[Exception], str] = {
    RoleNameError: "teams-role-usage",
    TooManyRolesError: "teams-role-too-many",
    NotAMemberError: "teams-role-not-a-member",
    NoTeamError: "teams-no-team",
    NotAllowedError: "teams-not-allowed",
}


async def on_role_command(message: Message, bot: Bot, deps: Deps, verb: str, rest: str) -> None:
    t, sender = deps.t, message.from_user
    admin = await is_chat_admin(
        bot, message.chat.id, sender.id if sender else None, message.sender_chat
    )
    actor = Actor(sender.id if sender else 0, admin)
    try:
        text = await _act(message, deps, actor, verb, rest)
    except UnknownPermissionError as unknown:
        text = t.get("teams-role-unknown-permission", word=escape(unknown.word[:32]))
    except NoSuchRoleError:
        text = t.get("teams-role-no-such", name=escape(rest.strip()[:32]))
    except tuple(REFUSALS) as refused:
        text = t.get(REFUSALS[type(refused)])
    await message.reply(text)


async def _act(message: Message, deps: Deps, actor: Actor, verb: str, rest: str) -> str:
    t = deps.t
    if verb == "role":
        role = await DefineRole(deps.uow)(message.chat.id, actor, rest)
        granted = ", ".join(p.value for p in Permission if p in role.permissions)
        return t.get("teams-role-defined", name=escape(role.name), permissions=granted or "—")
    replied = message.reply_to_message
    member = replied.from_user if replied is not None else None
    if member is None or member.is_bot:
        return t.get("teams-role-reply-to-member")
    name = rest.strip() or None
    if verb == "give" and name is None:
        return t.get("teams-role-usage")
    _, given = await GiveRole(deps.uow)(
        message.chat.id, actor, member.id, name if verb == "give" else None
    )
    if given is None:
        return t.get("teams-role-taken")
    return t.get("teams-role-given", name=escape(given.name))
