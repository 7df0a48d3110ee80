"""Dialog widgets: a text in the athlete's language (`T("today-done-button")`), a text input."""

from __future__ import annotations

from typing import Any

from aiogram.types import Message
from aiogram_dialog.api.protocols import DialogManager
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.input.base import MessageHandlerFunc
from aiogram_dialog.widgets.text import Text

from handlers.common.deps import deps_of


class T(Text):
    """The catalogue text `key`; each of `args` names a getter value passed under that name.

    `T("athletes-switch-units", "other_unit")` renders `athletes-switch-units` with
    `$other_unit` set to the getter's "other_unit".
    """

    def __init__(self, key: str, *args: str, when: WhenCondition = None) -> None:
        super().__init__(when=when)
        self.key = key
        self.args = args

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        values = {name: data[name] for name in self.args}
        return deps_of(manager).t.get(self.key, **values)


class TextMessageInput(MessageInput):
    """A `MessageInput` for text messages.

    `MessageInput(…, content_types=["text"])` checks with a magic filter, which aiogram runs in
    a worker thread for every message; this check is a coroutine and runs in the event loop.
    """

    def __init__(self, func: MessageHandlerFunc) -> None:
        super().__init__(func, filter=_is_text)


async def _is_text(message: Message) -> bool:
    return message.text is not None
