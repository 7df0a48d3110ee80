"""The commands group: only routers that take messages by command may sit behind its check."""

from __future__ import annotations

import pytest
from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message

from handlers import build_router
from handlers.common.routing import commands_only


async def _handler(message: Message) -> None: ...


def test_a_router_reading_plain_text_is_refused_with_its_name() -> None:
    router = Router(name="notes")
    router.message.register(_handler, Command("notes"))
    router.message.register(_handler, F.text)  # would never see a typed note behind the group

    with pytest.raises(ValueError, match="notes: _handler reads messages that are not commands"):
        commands_only("commands", router)


def test_a_dialog_below_a_command_router_is_refused_too() -> None:
    router = Router(name="settings")
    router.message.register(_handler, Command("settings"))
    dialog_like = Router(name="SettingsSG")
    dialog_like.message.register(_handler)
    router.include_router(dialog_like)

    with pytest.raises(ValueError, match="settings"):
        commands_only("commands", router)


def test_buttons_only_and_command_routers_are_grouped() -> None:
    buttons = Router(name="buttons")
    buttons.callback_query.register(_handler)
    commands = Router(name="commands")
    commands.message.register(_handler, F.chat.type == "private", Command("book"))

    group = commands_only("group", buttons, commands)

    assert group.sub_routers == [buttons, commands]


def test_the_bot_s_routers_are_built_with_their_commands_grouped() -> None:
    names = [router.name for router in build_router().sub_routers]

    assert "commands" in names
    assert names.index("commands") < names.index("today") < names.index("fallback")
