"""How the routers are grouped so that a typed set reaches its card past few of them.

aiogram offers each message to the routers in order, and each visit costs about 20 µs of CPU
before any filter runs (the update's data copied and wrapped a few times); with forty routers a
typed "+" spent 1.2 ms — more than its SQL — finding the card (bench/updates.py, issue 14).
So routers are grouped by what a message must be for them to look at it — a reply, a command —
behind one check each: a typed set, neither, passes each group at the cost of one filter.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiogram import Router
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.filters import Command
from aiogram.types import Message


def commanded(message: Message) -> bool:
    """What aiogram's Command filter could match: text, or a caption, starting with "/" (it
    splits the text first, so leading blanks do not count)."""
    return (message.text or message.caption or "").lstrip().startswith("/")


async def is_command(message: Message) -> bool:
    return commanded(message)


async def not_a_command(message: Message) -> bool:
    """For what reads messages ahead of the commands group: a caption can be a command too."""
    return not commanded(message)


async def is_reply(message: Message) -> bool:
    return message.reply_to_message is not None


def replies_only(name: str, *routers: Router) -> Router:
    """One router over `routers`, which take only messages that reply to another (their own
    filters say which: a relayed message, a prompt, a clip's card, each refusing commands)."""
    group = Router(name=name)
    group.message.filter(is_reply)
    group.include_routers(*routers)
    return group


def commands_only(name: str, *routers: Router) -> Router:
    """One router over `routers`, which may take a message only through a Command filter (their
    buttons and other updates are not affected); ValueError names a message handler without one,
    so a router that starts reading plain text cannot be hidden here by mistake."""
    group = Router(name=name)
    group.message.filter(is_command)
    for router in routers:
        for handler in _message_handlers(router):
            if not any(_slash_command(each.callback) for each in handler.filters or ()):
                raise ValueError(
                    f"{router.name}: {handler.callback.__name__} reads messages that are not "
                    "commands; it cannot sit behind commands_only"
                )
        group.include_router(router)
    return group


def _slash_command(callback: object) -> bool:
    return isinstance(callback, Command) and "/" in callback.prefix


def _message_handlers(router: Router) -> Iterator[HandlerObject]:
    yield from router.message.handlers
    for sub_router in router.sub_routers:
        yield from _message_handlers(sub_router)
