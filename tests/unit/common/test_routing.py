"""The commands group: only routers that take messages by command may sit behind its check."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from aiogram import F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import Command
from aiogram.types import Message

from handlers import build_router
from handlers.common.routing import commands_only
from handlers.training.maxes import EditingMax

PRIVATE = {"id": 7, "type": "private"}
ANN = {"id": 7, "is_bot": False, "first_name": "Ann"}
BOT = {"id": 42, "is_bot": True, "first_name": "Spotter"}


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


def test_a_command_prefixed_otherwise_cannot_hide_behind_the_slash_check() -> None:
    router = Router(name="bang")
    router.message.register(_handler, Command("roll", prefix="!"))

    with pytest.raises(ValueError, match="bang"):
        commands_only("commands", router)


def _captioned(caption: str, **content: Any) -> Message:
    bot_message = {"message_id": 5, "date": 0, "chat": PRIVATE, "from": BOT, "text": "Sent."}
    return Message.model_validate(
        {
            "message_id": 6,
            "date": 0,
            "chat": PRIVATE,
            "from": ANN,
            "caption": caption,
            "reply_to_message": bot_message,
            **content,
        }
    )


CAPTIONED_COMMANDS = [
    _captioned(
        "/billing", photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    ),
    _captioned("/ask how's my squat", voice={"file_id": "v", "file_unique_id": "v", "duration": 2}),
    _captioned(
        " /owed",
        video={"file_id": "v", "file_unique_id": "v", "width": 1, "height": 1, "duration": 3},
    ),
    _captioned("/packages", document={"file_id": "d", "file_unique_id": "d", "file_name": "a.csv"}),
    _captioned("/track", document={"file_id": "d", "file_unique_id": "d", "file_name": "p.txt"}),
]


@pytest.mark.parametrize("message", CAPTIONED_COMMANDS)
async def test_a_command_in_a_caption_passes_everything_before_the_commands(
    message: Message,
) -> None:
    """A reply to the bot, while it waits for a new max: still the command's, as typed text is."""
    routers = build_router().sub_routers
    before = routers[: [router.name for router in routers].index("commands")]
    data: dict[str, Any] = {
        "deps": SimpleNamespace(bot_id=BOT["id"], bot_username="spotter_test_bot"),
        "raw_state": EditingMax.weight.state,
        "event_from_user": message.from_user,
        "event_chat": message.chat,
    }

    for router in before:
        assert await router.propagate_event("message", message, **data) is UNHANDLED, router.name
