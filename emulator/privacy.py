"""Privacy mode: which group messages reach a bot.

With privacy mode on (every bot's default) a bot in a group or supergroup receives only messages
that start with a command (`/cmd`, or `/cmd@its_username`, not one addressed to another bot),
replies to its own messages, messages that mention it by @username, and service messages. An
administrator bot, or one with privacy mode off, receives everything; private chats always reach
the bot. Other messages stay in the chat but produce no update.
"""

from __future__ import annotations

import re

from emulator.state import ChatRecord, StoredMessage, World

COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
MENTION = re.compile(r"(?<![\w/@])@[A-Za-z][A-Za-z0-9_]{3,31}")


def reaches_bot(world: World, chat: ChatRecord, message: StoredMessage) -> bool:
    """Whether Telegram would hand this user message (new or edited) to the bot."""
    if chat.is_private or not world.privacy_mode or chat.bot_is_admin:
        return True
    if message.service is not None:
        return True
    replied = chat.messages.get(message.reply_to_message_id or 0)
    if replied is not None and replied.from_bot:
        return True
    shown = message.text or message.caption
    text = "" if shown is None else shown.text
    username = (world.bot.username or "").lower()
    command = COMMAND.match(text)
    if command is not None:
        _, _, addressee = command.group().partition("@")
        if addressee.lower() in {"", username}:
            return True
    return any(found.group()[1:].lower() == username for found in MENTION.finditer(text))
