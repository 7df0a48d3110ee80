"""The test-facing side: start the emulator, play users and groups, wait for what the bot does.

Over 400 lines on purpose: BotApiEmulator and the user and chat drivers it hands out call each
other, and one module keeps that pair whole rather than splitting it across an import cycle.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from emulator.control import add_control_routes
from emulator.flood import FloodLimiter, FloodLimits, FloodViolation
from emulator.media import FileStore
from emulator.methods import BotApi
from emulator.payments import STARS, Charge, Invoice, PaymentResult, successful_payment
from emulator.privacy import COMMAND, MENTION, reaches_bot
from emulator.server import ApiServer, RecordedRequest
from emulator.state import (
    GROUP_ANONYMOUS_BOT,
    AdminRights,
    CallbackAnswer,
    CallbackQueryRecord,
    ChatEvent,
    ChatRecord,
    Member,
    MemberStatus,
    MessageView,
    StoredMessage,
    UserRecord,
    World,
)
from emulator.telegram_html import FormattedText, utf16_len
from emulator.updates import UpdateQueue
from emulator.webhook import WebhookDelivery

# What a user action returns instead of an update_id when privacy mode keeps the message from
# the bot: the message is in the chat, but no update was queued.
NOT_DELIVERED = 0


class EmulatorTimeoutError(AssertionError):
    """The bot did not do what a test waited for in time."""


def user_text(text: str) -> FormattedText:
    """A user's plain text with the bot_command and mention entities Telegram adds."""
    found = [("bot_command", match) for match in COMMAND.finditer(text)]
    found += [("mention", match) for match in MENTION.finditer(text)]
    entities = [
        {
            "type": kind,
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
        }
        for kind, match in sorted(found, key=lambda pair: pair[1].start())
    ]
    return FormattedText(text, tuple(entities))


class ChatDriver:
    """A chat as tests see it: its messages now, its members, the bot's place in it."""

    def __init__(self, emulator: BotApiEmulator, record: ChatRecord) -> None:
        self._emu = emulator
        self.record = record

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def type(self) -> str:
        return self.record.type

    @property
    def title(self) -> str | None:
        return self.record.title

    @property
    def messages(self) -> list[MessageView]:
        """The chat as it looks now: edits applied, deleted messages gone."""
        return [message.view() for message in self.record.messages.values()]

    @property
    def bot_messages(self) -> list[MessageView]:
        """What the bot sent (its pinned_message service messages are not among them)."""
        return [m for m in self.messages if m.from_bot and m.service is None]

    @property
    def service_messages(self) -> list[MessageView]:
        """new_chat_members, left_chat_member and pinned_message messages, in order."""
        return [m for m in self.messages if m.service is not None]

    @property
    def pinned_message_id(self) -> int | None:
        """The most recently pinned message still pinned (the one Telegram shows on top)."""
        return self.record.pinned[-1] if self.record.pinned else None

    @property
    def pinned_message_ids(self) -> list[int]:
        """Every pinned message, the oldest pin first."""
        return list(self.record.pinned)

    @property
    def last_bot_message(self) -> MessageView | None:
        bot_messages = self.bot_messages
        return bot_messages[-1] if bot_messages else None

    def message(self, message_id: int) -> MessageView | None:
        stored = self.record.messages.get(message_id)
        return None if stored is None else stored.view()

    @property
    def events(self) -> list[ChatEvent]:
        """Every message, edit and deletion in order, as snapshots."""
        return list(self.record.events)

    @property
    def actions(self) -> list[str]:
        """Chat actions (typing, upload_photo...) the bot sent, in order."""
        return list(self.record.actions)

    @property
    def reply_keyboard(self) -> dict[str, Any] | None:
        """The reply keyboard the bot last showed here, if not removed."""
        return self.record.reply_keyboard

    def add_member(
        self,
        user: UserDriver,
        status: MemberStatus = "member",
        *,
        is_anonymous: bool = False,
        can_pin_messages: bool = True,
        custom_title: str | None = None,
    ) -> None:
        """Set a membership up quietly (no service message, no update): the world as it was."""
        rights = AdminRights(
            is_anonymous=is_anonymous,
            can_pin_messages=can_pin_messages,
            custom_title=custom_title,
        )
        self.record.members[user.id] = Member(user.record, status, rights)
        self._emu.world.changed()

    def member_status(self, user: UserDriver) -> MemberStatus:
        return self.record.status_of(user.record)

    def join(self, user: UserDriver, *, by: UserDriver | None = None) -> int:
        """The user joins (or `by` adds them): a new_chat_members service message, and a
        chat_member update when the bot is an administrator. Returns the message's update_id."""
        if self.record.status_of(user.record) in {"creator", "administrator", "member"}:
            raise ValueError(f"user {user.id} is already in chat {self.id}")
        actor = by or user
        message = self._emu.world.new_message(
            self.record, actor.record, new_chat_members=(user.record,)
        )
        update_id = self._emu.deliver_message(self.record, message)
        self._change_member(user, Member(user.record, "member"), actor)
        return update_id

    def leave(self, user: UserDriver) -> int:
        """The user leaves: a left_chat_member service message (and chat_member update)."""
        return self._part(user, "left", user)

    def remove(self, user: UserDriver, *, by: UserDriver) -> int:
        """An admin removes the user (banned in a supergroup, as Telegram's "remove" does)."""
        return self._part(user, "kicked" if self.type == "supergroup" else "left", by)

    def _part(self, user: UserDriver, status: MemberStatus, actor: UserDriver) -> int:
        if self.record.status_of(user.record) in {"left", "kicked"}:
            raise ValueError(f"user {user.id} is not in chat {self.id}")
        message = self._emu.world.new_message(
            self.record, actor.record, left_chat_member=user.record
        )
        update_id = self._emu.deliver_message(self.record, message)
        self._change_member(user, Member(user.record, status), actor)
        return update_id

    def promote(
        self,
        user: UserDriver,
        *,
        is_anonymous: bool = False,
        can_pin_messages: bool = True,
        custom_title: str | None = None,
        by: UserDriver | None = None,
    ) -> int | None:
        """Make a member an administrator; returns the chat_member update's id, if one is
        queued (Telegram tells only an administrator bot). `by` defaults to the creator."""
        if self.record.status_of(user.record) in {"left", "kicked"}:
            raise ValueError(f"user {user.id} is not in chat {self.id}: join() first")
        rights = AdminRights(
            is_anonymous=is_anonymous,
            can_pin_messages=can_pin_messages,
            custom_title=custom_title,
        )
        promoted = Member(user.record, "administrator", rights)
        return self._change_member(user, promoted, self._actor(by))

    def demote(self, user: UserDriver, *, by: UserDriver | None = None) -> int | None:
        """An administrator becomes a plain member again."""
        if self.record.status_of(user.record) != "administrator":
            raise ValueError(f"user {user.id} is not an administrator of chat {self.id}")
        return self._change_member(user, Member(user.record, "member"), self._actor(by))

    def promote_bot(
        self,
        *,
        can_pin_messages: bool = True,
        is_anonymous: bool = False,
        by: UserDriver | None = None,
    ) -> int | None:
        """Make the bot an administrator; a my_chat_member update is queued (its id)."""
        rights = AdminRights(is_anonymous=is_anonymous, can_pin_messages=can_pin_messages)
        return self._emu.set_bot_status(
            self.record, "administrator", self._actor(by), rights=rights
        )

    def demote_bot(self, *, by: UserDriver | None = None) -> int | None:
        return self._emu.set_bot_status(self.record, "member", self._actor(by))

    def _actor(self, by: UserDriver | None) -> UserDriver:
        if by is not None:
            return by
        creator = next((m for m in self.record.members.values() if m.status == "creator"), None)
        if creator is None:
            raise ValueError(f"chat {self.id} has no creator: say who acts (by=...)")
        return self._emu.user(creator.user.id)

    def _change_member(self, user: UserDriver, new: Member, actor: UserDriver) -> int | None:
        old = self.record.member(user.record)
        self.record.members[user.id] = new
        self._emu.world.changed()
        return self._emu.chat_member_update(self.record, old, new, actor.record)

    def remove_bot(self, by: UserDriver | None = None) -> int | None:
        """The bot is removed from the group; a my_chat_member update is queued (its id)."""
        status: MemberStatus = "kicked" if self.type == "supergroup" else "left"
        return self._emu.set_bot_status(self.record, status, by)

    def add_bot(self, by: UserDriver | None = None, status: MemberStatus = "member") -> None:
        self._emu.set_bot_status(self.record, status, by)

    def transcript(self, last: int = 15) -> str:
        lines = []
        for message in self.messages[-last:]:
            who = "bot" if message.from_bot else f"user {message.sender_id}"
            if message.service is not None:
                target = message.pinned_message_id or list(message.member_ids)
                lines.append(f"#{message.message_id} {who}: [{message.service} {target}]")
                continue
            labels = f" {message.button_labels}" if message.buttons else ""
            media = f" [{message.media_kind}]" if message.media_kind else ""
            lines.append(f"#{message.message_id} {who}{media}: {message.content!r}{labels}")
        return "\n".join(lines) or "(no messages)"


class UserDriver:
    """One Telegram user: writes, presses buttons, edits, blocks; waits for the bot's answers."""

    def __init__(self, emulator: BotApiEmulator, record: UserRecord, chat: ChatDriver) -> None:
        self._emu = emulator
        self.record = record
        self.chat = chat
        self._message_cursor: dict[int, int] = {}
        self._edit_cursor: dict[int, int] = {}

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        return list(self._emu.world.callback_answers.get(self.id, []))

    def _target(self, chat: ChatDriver | None) -> ChatRecord:
        record = (chat or self.chat).record
        if record.is_private and record.bot_status == "kicked":
            raise RuntimeError(f"user {self.id} has blocked the bot: call unblock_bot() first")
        if not record.is_private:
            if record.bot_status in {"left", "kicked"}:
                raise RuntimeError(f"the bot is not in chat {record.id}: call add_bot() first")
            if record.status_of(self.record) == "kicked" or (
                self.id in record.members and record.status_of(self.record) == "left"
            ):
                raise RuntimeError(f"user {self.id} is not in chat {record.id}: join() first")
            record.members.setdefault(self.id, Member(self.record, "member"))
        return record

    def _mark(self, chat: ChatRecord) -> None:
        """Everything the bot does from now on is an answer to this action."""
        self._message_cursor[chat.id] = len(chat.events)
        self._edit_cursor[chat.id] = len(chat.events)

    async def _post(
        self,
        chat: ChatDriver | None,
        deliver_twice: bool,
        *,
        anonymous: bool = False,
        **fields: Any,
    ) -> int:
        """Post as this user (or as the group, for an anonymous admin); the update_id, or
        NOT_DELIVERED when privacy mode keeps the message from the bot."""
        record = self._target(chat)
        self._mark(record)
        record.started = True
        sender = self.record
        if anonymous:
            member = record.member(self.record)
            if record.is_private or not member.is_admin or not member.rights.is_anonymous:
                raise ValueError(
                    f"user {self.id} is no anonymous admin of chat {record.id}: "
                    "promote(user, is_anonymous=True) first"
                )
            sender = GROUP_ANONYMOUS_BOT
            fields |= {"sender_chat_id": record.id, "author_signature": member.rights.custom_title}
        message = self._emu.world.new_message(record, sender, **fields)
        return self._emu.deliver_message(record, message, deliver_twice=deliver_twice)

    async def send(
        self,
        text: str,
        *,
        chat: ChatDriver | None = None,
        reply_to: int | None = None,
        quote: str | None = None,
        anonymous: bool = False,
        deliver_twice: bool = False,
    ) -> int:
        """Write a text message (a reply may quote part of the message replied to).

        anonymous=True posts as the group, the way an anonymous admin's messages arrive:
        `from` GroupAnonymousBot with `sender_chat` = the group. Returns the update_id, or
        NOT_DELIVERED (0) when privacy mode keeps the message from the bot.
        """
        if quote is not None:
            replied = self._target(chat).messages.get(reply_to or 0)
            if replied is None or replied.text is None or quote not in replied.text.text:
                raise ValueError("a quote is a part of the message replied to")
        return await self._post(
            chat,
            deliver_twice,
            anonymous=anonymous,
            text=user_text(text),
            reply_to_message_id=reply_to,
            quote=quote,
        )

    async def pin(
        self, message_id: int, *, chat: ChatDriver | None = None, silent: bool = False
    ) -> int:
        """The user pins a message: a pinned_message service message; returns its update_id."""
        record = self._target(chat)
        message = record.messages.get(message_id)
        if message is None or message.service is not None:
            raise LookupError(f"chat {record.id} has no message {message_id} to pin")
        self._mark(record)
        pinned = self._emu.world.pin_message(record, message, self.record, silent=silent)
        return self._emu.deliver_message(record, pinned)

    async def send_photo(
        self,
        data: bytes,
        *,
        caption: str | None = None,
        chat: ChatDriver | None = None,
        deliver_twice: bool = False,
    ) -> int:
        media = self._emu.files.add_photo(data)
        return await self._post(chat, deliver_twice, media=media, caption=_caption(caption))

    async def send_document(
        self,
        data: bytes,
        filename: str = "file.bin",
        *,
        caption: str | None = None,
        mime_type: str | None = None,
        chat: ChatDriver | None = None,
        deliver_twice: bool = False,
    ) -> int:
        media = self._emu.files.add_document(data, file_name=filename, mime_type=mime_type)
        return await self._post(chat, deliver_twice, media=media, caption=_caption(caption))

    async def send_video(
        self,
        data: bytes,
        *,
        caption: str | None = None,
        duration: int = 5,
        width: int = 640,
        height: int = 360,
        filename: str = "video.mp4",
        chat: ChatDriver | None = None,
        reply_to: int | None = None,
        deliver_twice: bool = False,
    ) -> int:
        media = self._emu.files.add_video(
            data, width=width, height=height, duration=duration, file_name=filename
        )
        return await self._post(
            chat,
            deliver_twice,
            media=media,
            caption=_caption(caption),
            reply_to_message_id=reply_to,
        )

    async def send_video_note(
        self,
        data: bytes,
        *,
        duration: int = 5,
        chat: ChatDriver | None = None,
        reply_to: int | None = None,
        deliver_twice: bool = False,
    ) -> int:
        """A round video message (no caption); returns the update_id."""
        media = self._emu.files.add_video_note(data, duration=duration)
        return await self._post(chat, deliver_twice, media=media, reply_to_message_id=reply_to)

    async def send_voice(
        self,
        data: bytes,
        *,
        duration: int = 3,
        chat: ChatDriver | None = None,
        reply_to: int | None = None,
        deliver_twice: bool = False,
    ) -> int:
        media = self._emu.files.add_voice(data, duration=duration)
        return await self._post(chat, deliver_twice, media=media, reply_to_message_id=reply_to)

    async def press_forged(
        self,
        message_id: int,
        data: str,
        *,
        chat: ChatDriver | None = None,
    ) -> str:
        """A modified client: sends any callback data from a bot message, button or not."""
        record = self._target(chat)
        message = record.messages[message_id]
        return self._send_callback(record, message, data, deliver_twice=False)

    def _send_callback(
        self, record: ChatRecord, message: StoredMessage, data: str, deliver_twice: bool
    ) -> str:
        self._mark(record)
        world = self._emu.world
        query = CallbackQueryRecord(
            id=world.new_callback_id(),
            user_id=self.id,
            chat_id=record.id,
            message_id=message.message_id,
            data=data,
            created_at=time.monotonic(),
        )
        world.callback_queries[query.id] = query
        payload = {
            "id": query.id,
            "from": self.record.to_api(),
            "chat_instance": record.chat_instance,
            "message": message.to_api(record),
            "data": query.data,
        }
        self._emu.updates.push("callback_query", payload, deliver_twice=deliver_twice)
        return query.id

    async def press(
        self,
        label: str,
        *,
        chat: ChatDriver | None = None,
        message_id: int | None = None,
        deliver_twice: bool = False,
    ) -> str:
        """Press the inline button with this label on the newest bot message that has it."""
        record = self._target(chat)
        candidates = [m for m in record.messages.values() if m.from_bot]
        if message_id is not None:
            candidates = [m for m in candidates if m.message_id == message_id]
        for message in reversed(candidates):
            button = message.view().button(label)
            if button is None:
                continue
            if button.callback_data is None:
                raise ValueError(f"button {label!r} does not send a callback (url={button.url})")
            return self._send_callback(record, message, button.callback_data, deliver_twice)
        shown = [m.view().button_labels for m in candidates[-3:]]
        raise LookupError(f"no bot message in chat {record.id} has a button {label!r}; {shown}")

    async def edit(self, message_id: int, text: str, *, chat: ChatDriver | None = None) -> int:
        """Edit one of this user's messages; returns the edited_message update_id (or
        NOT_DELIVERED when privacy mode keeps the edit from the bot)."""
        record = self._target(chat)
        message = record.messages.get(message_id)
        if message is None or message.sender.id != self.id:
            raise LookupError(f"user {self.id} has no message {message_id} in chat {record.id}")
        self._mark(record)
        edited = self._emu.world.edit_message(record, message, text=user_text(text))
        return self._emu.deliver_message(record, edited, kind="edited_message")

    async def pay(self, message_id: int | None = None) -> PaymentResult:
        """Pay the newest invoice the bot sent this user (or the one with this message id):
        the bot gets a pre_checkout_query, and on its ok a successful_payment message."""
        record = self._target(None)
        sent = self._emu.api.payments.sent
        found = [
            (key[1], invoice)
            for key, invoice in sent.items()
            if key[0] == record.id and message_id in {None, key[1]}
        ]
        if not found:
            raise LookupError(f"no invoice in chat {record.id} to pay")
        self._mark(record)
        return await self._emu.pay(self, max(found, key=lambda pair: pair[0])[1])

    async def pay_link(self, url: str) -> PaymentResult:
        """Open an invoice link (createInvoiceLink) and pay it."""
        invoice = self._emu.api.payments.by_link(url)
        self._mark(self._target(None))
        return await self._emu.pay(self, invoice)

    @property
    def payment_errors(self) -> list[str]:
        """The error messages the bot refused this user's payments with, as they saw them."""
        return list(self._emu.payment_errors.get(self.id, []))

    def block_bot(self, *, notify: bool = True) -> int | None:
        """Block the bot: sends fail with 403 and a my_chat_member (kicked) update is queued.

        notify=False leaves the update out, as when the bot has not fetched it yet. Returns
        the update's id, if one was queued.
        """
        return self._emu.set_bot_status(self.chat.record, "kicked", self, notify=notify)

    def unblock_bot(self, *, notify: bool = True) -> int | None:
        return self._emu.set_bot_status(self.chat.record, "member", self, notify=notify)

    def allow_messages(self) -> None:
        """The user started the bot some time ago: the bot may write first, no update queued."""
        self.chat.record.started = True

    async def wait_for_message(
        self,
        timeout: float = 5.0,  # noqa: ASYNC109 - a plain deadline reads best in tests
        *,
        chat: ChatDriver | None = None,
    ) -> MessageView:
        """The next new bot message in the chat since this user's last action, as sent."""
        record = (chat or self.chat).record
        event = await self._next_event(record, self._message_cursor, "message", None, timeout)
        return event.message

    async def wait_for_edit(
        self,
        timeout: float = 5.0,  # noqa: ASYNC109
        *,
        message_id: int | None = None,
        chat: ChatDriver | None = None,
    ) -> MessageView:
        """The next edit of a bot message since this user's last action, as edited."""
        record = (chat or self.chat).record
        event = await self._next_event(record, self._edit_cursor, "edit", message_id, timeout)
        return event.message

    async def wait_for_callback_answer(
        self,
        query_id: str,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> CallbackAnswer:
        def answered() -> CallbackAnswer | None:
            return next((a for a in self.callback_answers if a.query_id == query_id), None)

        await self._emu.wait_until(
            lambda: answered() is not None, timeout, f"no answer to callback query {query_id}"
        )
        answer = answered()
        assert answer is not None
        return answer

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> None:
        await self._emu.wait_until(predicate, timeout, chat=self.chat)

    async def _next_event(
        self,
        record: ChatRecord,
        cursors: dict[int, int],
        kind: str,
        message_id: int | None,
        seconds: float,
    ) -> ChatEvent:
        found: list[ChatEvent] = []

        def arrived() -> bool:
            start = cursors.get(record.id, 0)
            for index in range(start, len(record.events)):
                event = record.events[index]
                if event.kind != kind or not event.message.from_bot or event.message.service:
                    continue
                if message_id is not None and event.message.message_id != message_id:
                    continue
                cursors[record.id] = index + 1
                found.append(event)
                return True
            return False

        what = f"a bot {kind}" + ("" if message_id is None else f" of message {message_id}")
        chat = self._emu.chat(record.id)
        await self._emu.wait_until(arrived, seconds, f"{what} in chat {record.id}", chat=chat)
        return found[0]


def _caption(caption: str | None) -> FormattedText | None:
    return None if caption is None else FormattedText(caption)


class BotApiEmulator:
    """A local Bot API server on 127.0.0.1 with drivers for users, groups and faults."""

    def __init__(
        self,
        token: str = "123456:TEST-token",  # noqa: S107 - a fake token for a local server
        bot_username: str = "spotter_test_bot",
        *,
        bot_first_name: str = "Spotter",
        host: str = "127.0.0.1",
        port: int = 0,
        first_update_id: int = 1,
        control: bool = False,
        add_routes: Callable[[web.Application], None] | None = None,
        privacy_mode: bool = True,
    ) -> None:
        self.token = token
        self._control = control
        self._add_routes = add_routes
        self.world = World(token, bot_username, bot_first_name)
        self.world.privacy_mode = privacy_mode
        self.files = FileStore()
        self.updates = UpdateQueue(self.world.notifier, first_update_id)
        self.api = BotApi(self.world, self.updates, self.files)
        self.server = ApiServer(self.api, self.files, token)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self._users: dict[int, UserDriver] = {}
        self._chats: dict[int, ChatDriver] = {}
        self.payment_errors: dict[int, list[str]] = {}
        self.payment_messages: dict[str, StoredMessage] = {}

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        app = self.server.app()
        if self._control:
            add_control_routes(app, self)
        if self._add_routes is not None:
            self._add_routes(app)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, self._port))
        await web.SockSite(runner, sock).start()
        self._runner = runner
        host, port = sock.getsockname()[:2]
        self.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        self.updates.closing = True
        self.world.changed()
        await self.api.webhook.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # --- the world -------------------------------------------------------------------------

    @property
    def bot_user(self) -> UserRecord:
        return self.world.bot

    def user(
        self,
        user_id: int,
        first_name: str = "User",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> UserDriver:
        """The user with this id (created on first call); their private chat has the same id."""
        if user_id in self._users:
            return self._users[user_id]
        record = UserRecord(user_id, first_name, last_name, username, language_code)
        self.world.users[user_id] = record
        chat = ChatRecord(user_id, "private", user=record)
        self.world.chats[user_id] = chat
        driver = UserDriver(self, record, self._chat_driver(chat))
        self._users[user_id] = driver
        return driver

    def group(
        self,
        chat_id: int,
        title: str = "Group",
        *,
        chat_type: str | None = None,
        bot_status: MemberStatus = "member",
    ) -> ChatDriver:
        """A group (ids from -100... are supergroups) that the bot is already in."""
        if chat_id in self._chats:
            return self._chats[chat_id]
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        kind = chat_type or ("supergroup" if str(chat_id).startswith("-100") else "group")
        record = ChatRecord(chat_id, kind, title=title, bot_status=bot_status)
        self.world.chats[chat_id] = record
        return self._chat_driver(record)

    def chat(self, chat_id: int) -> ChatDriver:
        return self._chats[chat_id]

    def _chat_driver(self, record: ChatRecord) -> ChatDriver:
        driver = ChatDriver(self, record)
        self._chats[record.id] = driver
        return driver

    @property
    def privacy_mode(self) -> bool:
        """On (Telegram's default): in groups the bot hears commands, replies to it, mentions
        of it and service messages only, unless it is an administrator."""
        return self.world.privacy_mode

    @privacy_mode.setter
    def privacy_mode(self, on: bool) -> None:
        self.world.privacy_mode = on

    def deliver_message(
        self,
        chat: ChatRecord,
        message: StoredMessage,
        *,
        kind: str = "message",
        deliver_twice: bool = False,
    ) -> int:
        """Queue a user's message as an update, if privacy mode lets it reach the bot."""
        if not reaches_bot(self.world, chat, message):
            return NOT_DELIVERED
        payload = message.to_api(chat)
        return self.updates.push(kind, payload, deliver_twice=deliver_twice)

    def chat_member_update(
        self, chat: ChatRecord, old: Member, new: Member, actor: UserRecord
    ) -> int | None:
        """Queue a chat_member update; Telegram sends them to administrator bots only (and
        getUpdates hands them out only when allowed_updates names chat_member)."""
        if not chat.bot_is_admin:
            return None
        return self.updates.push("chat_member", self._member_change(chat, old, new, actor))

    def _member_change(
        self, chat: ChatRecord, old: Member, new: Member, actor: UserRecord
    ) -> dict[str, Any]:
        supergroup = chat.type == "supergroup"
        return {
            "chat": chat.to_api(),
            "from": actor.to_api(),
            "date": self.world.now(),
            "old_chat_member": old.to_api(supergroup=supergroup),
            "new_chat_member": new.to_api(supergroup=supergroup),
        }

    def set_bot_status(
        self,
        chat: ChatRecord,
        status: MemberStatus,
        by: UserDriver | None,
        *,
        notify: bool = True,
        rights: AdminRights | None = None,
    ) -> int | None:
        """Change the bot's membership (and rights, as an administrator) and queue the
        my_chat_member update; returns its id."""
        old = chat.bot_member(self.world.bot)
        new_rights = rights or AdminRights()
        if old.status == status and (status != "administrator" or old.rights == new_rights):
            return None
        chat.bot_status, chat.bot_rights = status, new_rights
        if not notify:
            self.world.changed()
            return None
        actor = by.record if by is not None else chat.user
        if actor is None:
            raise ValueError("say which user changed the bot's membership (by=...)")
        payload = self._member_change(chat, old, chat.bot_member(self.world.bot), actor)
        self.world.changed()
        return self.updates.push("my_chat_member", payload)

    # --- payments ------------------------------------------------------------------------

    async def pay(
        self, user: UserDriver, invoice: Invoice, *, recurring: bool = False
    ) -> PaymentResult:
        """The user pays: the pre-checkout question first (the bot has the Bot API's limit to
        answer it), then the charge and its successful_payment message."""
        payments = self.api.payments
        query = payments.ask(user.id, invoice)
        self.updates.push(
            "pre_checkout_query",
            {
                "id": query.id,
                "from": user.record.to_api(),
                "currency": STARS,
                "total_amount": invoice.amount,
                "invoice_payload": invoice.payload,
            },
        )
        answered = await self.world.notifier.wait_for(
            lambda: query.ok is not None, payments.pre_checkout_timeout
        )
        if not answered:
            return PaymentResult("timed_out")
        if not query.ok:
            self.payment_errors.setdefault(user.id, []).append(query.error_message or "")
            return PaymentResult(
                "refused", error_message=query.error_message, answered_after=query.answered_after
            )
        paid = self._paid(user, payments.charge(query, self.world.now(), recurring=recurring))
        return dataclasses.replace(paid, answered_after=query.answered_after)

    def _paid(self, user: UserDriver, charge: Charge) -> PaymentResult:
        period = charge.invoice.subscription_period
        period_end = None if period is None else charge.date + period
        chat = user.chat.record
        message = self.world.new_message(
            chat, user.record, successful_payment=successful_payment(charge, period_end)
        )
        self.payment_messages[charge.id] = message
        update_id = self.deliver_message(chat, message)
        return PaymentResult("paid", charge.id, update_id)

    def renew(self, charge_id: str) -> PaymentResult:
        """A subscription's next period is charged: a new charge, is_recurring, no question."""
        first = self.api.payments.charges[charge_id]
        if first.invoice.subscription_period is None:
            raise ValueError(f"charge {charge_id} is no subscription")
        user = self.user(first.user_id)
        query = self.api.payments.ask(first.user_id, first.invoice)
        return self._paid(user, self.api.payments.charge(query, self.world.now(), recurring=True))

    def deliver_payment_again(self, charge_id: str) -> int:
        """The same successful_payment message once more, in a new update (its own id)."""
        message = self.payment_messages[charge_id]
        chat = self.world.chats[message.chat_id]
        return self.updates.push("message", message.to_api(chat))

    @property
    def star_balance(self) -> int:
        """The bot's Stars, as getMyStarBalance tells them."""
        return self.api.payments.balance

    def charge(self, charge_id: str) -> Charge:
        return self.api.payments.charges[charge_id]

    @property
    def pre_checkout_timeout(self) -> float:
        return self.api.payments.pre_checkout_timeout

    @pre_checkout_timeout.setter
    def pre_checkout_timeout(self, seconds: float) -> None:
        self.api.payments.pre_checkout_timeout = seconds

    # --- faults, limits, redelivery --------------------------------------------------------

    def fail_next(
        self,
        method: str | None = None,
        *,
        status: int = 429,
        retry_after: int | None = None,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` (any method if None) with an error."""
        self.server.add_fault(
            method, status=status, retry_after=retry_after, times=times, description=description
        )

    def enforce_flood_limits(
        self,
        per_chat_per_second: float = 1.0,
        per_group_per_minute: int = 20,
        global_per_second: int = 30,
        burst: int = 3,
    ) -> None:
        limits = FloodLimits(per_chat_per_second, per_group_per_minute, global_per_second, burst)
        self.server.limiter = FloodLimiter(limits)

    def disable_flood_limits(self) -> None:
        self.server.limiter = None

    @property
    def webhook(self) -> WebhookDelivery:
        """The webhook the bot set (url, secret, attempts, retry timing), if any."""
        return self.api.webhook

    def redeliver(self, update_id: int) -> None:
        """Hand this update to the bot once more, with the same update_id."""
        self.updates.redeliver(update_id)

    @property
    def callback_query_timeout(self) -> float:
        return self.api.callback_timeout

    @callback_query_timeout.setter
    def callback_query_timeout(self, seconds: float) -> None:
        self.api.callback_timeout = seconds

    # --- what happened ---------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        return self.server.requests

    @property
    def api_errors(self) -> list[RecordedRequest]:
        """Non-2xx answers that were neither injected faults nor flood-limit refusals."""
        return self.server.api_errors

    @property
    def flood_violations(self) -> list[FloodViolation]:
        return self.server.flood_violations

    def calls(self, method: str) -> list[RecordedRequest]:
        return [r for r in self.server.requests if r.method.lower() == method.lower()]

    def commands(
        self, *, language_code: str = "", scope: dict[str, Any] | None = None
    ) -> list[dict[str, str]]:
        """The bot's command list for a scope and language, as getMyCommands would return it."""
        key = json.dumps(scope or {"type": "default"}, sort_keys=True)
        return self.world.commands.get((key, language_code), [])

    def is_confirmed(self, update_id: int) -> bool:
        return self.updates.is_confirmed(update_id)

    async def wait_confirmed(
        self,
        update_id: int,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> None:
        """Wait until the bot has confirmed the update by polling with a higher offset."""
        await self.wait_until(
            lambda: self.updates.is_confirmed(update_id), timeout, f"confirmation of {update_id}"
        )

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
        what: str = "the condition",
        *,
        chat: ChatDriver | None = None,
    ) -> None:
        """Wait until the predicate holds, re-checking after every change; raise on timeout."""
        if await self.world.notifier.wait_for(predicate, timeout):
            return
        details = [f"timed out after {timeout}s waiting for {what}"]
        if chat is not None:
            details.append(f"chat {chat.id}:\n{chat.transcript()}")
        details.extend(
            f"API error {error.method} {error.status}: {error.response}"
            for error in self.api_errors[-5:]
        )
        raise EmulatorTimeoutError("\n".join(details))
