"""Telegram's rules for texts, captions, keyboards and commands."""

from __future__ import annotations

import re
from typing import Any

from emulator.errors import bad_request
from emulator.telegram_html import (
    FormattedText,
    HtmlParseError,
    parse_html,
    sort_entities,
    trim,
    utf16_len,
)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
CALLBACK_ANSWER_LIMIT = 200
BUTTON_LIMIT = 100
COMMAND_LIMIT = 100

_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "login_url",
    "web_app",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_URL = re.compile(r"^(https?|tg)://\S+$", re.IGNORECASE)
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def formatted(raw: str, parse_mode: str | None, entities: Any) -> FormattedText:
    """Turn a text/caption parameter into what the user sees."""
    mode = (parse_mode or "").strip()
    if mode.lower() == "html":
        try:
            return parse_html(raw)
        except HtmlParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
    if mode and mode.lower() not in {"markdown", "markdownv2"}:
        raise bad_request(f"unsupported parse_mode {mode!r}")
    # Markdown modes are accepted but not parsed: the text is kept verbatim.
    return trim(FormattedText(raw, tuple(sort_entities(_explicit_entities(raw, entities)))))


def _explicit_entities(text: str, entities: Any) -> list[dict[str, Any]]:
    if entities is None:
        return []
    if not isinstance(entities, list):
        raise bad_request("can't parse entities JSON object")
    size = utf16_len(text)
    checked: list[dict[str, Any]] = []
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
            raise bad_request("can't parse MessageEntity JSON object")
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            raise bad_request("can't parse MessageEntity JSON object")
        if offset < 0 or length < 0 or offset + length > size:
            raise bad_request("can't parse entities: entity is out of the text bounds")
        if length:
            checked.append(dict(entity))
    return checked


def check_text(text: FormattedText) -> None:
    if not text.text:
        raise bad_request("message text is empty")
    if len(text.text) > TEXT_LIMIT:
        raise bad_request("message is too long")


def check_caption(caption: FormattedText) -> None:
    if len(caption.text) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")


def check_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validate any reply_markup; return it, or None when absent."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
    elif "keyboard" in markup:
        _check_reply_keyboard(markup["keyboard"])
    elif markup.get("remove_keyboard") is not True and markup.get("force_reply") is not True:
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def _rows(keyboard: Any, kind: str) -> list[list[Any]]:
    if not isinstance(keyboard, list) or not all(isinstance(row, list) for row in keyboard):
        raise bad_request(f"can't parse {kind} keyboard: field is not an array of arrays")
    if sum(len(row) for row in keyboard) > BUTTON_LIMIT:
        raise bad_request("reply markup is too long")
    return keyboard


def _check_inline_keyboard(keyboard: Any) -> None:
    for row in _rows(keyboard, "inline"):
        for button in row:
            check_inline_button(button)


def check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    text = button.get("text")
    if not isinstance(text, str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [key for key in _INLINE_ACTIONS if key in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise bad_request("can't parse inline keyboard button: only one action field is allowed")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button:
        url = button["url"]
        if not isinstance(url, str) or not _URL.match(url):
            raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def _check_reply_keyboard(keyboard: Any) -> None:
    for row in _rows(keyboard, "reply"):
        for button in row:
            text = button.get("text") if isinstance(button, dict) else button
            if not isinstance(text, str) or not text.strip():
                raise bad_request("keyboard button text is empty")


def check_commands(commands: Any) -> list[dict[str, str]]:
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > COMMAND_LIMIT:
        raise bad_request("too many commands")
    checked: list[dict[str, str]] = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand JSON object")
        name, description = command.get("command"), command.get("description")
        if not isinstance(name, str) or not _COMMAND.match(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise bad_request(
                "command description is empty"
                if not description
                else "BOT_COMMAND_DESCRIPTION_INVALID"
            )
        checked.append({"command": name, "description": description})
    return checked


def check_callback_answer_text(text: str | None) -> None:
    if text is not None and len(text) > CALLBACK_ANSWER_LIMIT:
        raise bad_request("MESSAGE_TOO_LONG")
