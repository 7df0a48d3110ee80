"""The emulated world: users, chats, messages and what tests read back from them."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from emulator.media import Media
from emulator.telegram_html import FormattedText

MemberStatus = Literal["creator", "administrator", "member", "restricted", "left", "kicked"]
EventKind = Literal["message", "edit", "delete"]
ADMIN_STATUSES: frozenset[str] = frozenset({"creator", "administrator"})
# Telegram's stand-in sender for an anonymous group admin; sender_chat is then the group.
GROUP_ANONYMOUS_BOT_ID = 1087968824


class Notifier:
    """Wakes every waiter whenever the world changes."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], bool], seconds: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                return predicate()
        return True


@dataclass
class UserRecord:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    def to_api(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if (value := getattr(self, key)) is not None:
                user[key] = value
        return user


GROUP_ANONYMOUS_BOT = UserRecord(
    GROUP_ANONYMOUS_BOT_ID, "Group", username="GroupAnonymousBot", is_bot=True
)


@dataclass(frozen=True)
class Button:
    """One inline keyboard button as the user sees it."""

    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class MessageView:
    """A message as the user sees it at one moment."""

    message_id: int
    chat_id: int
    sender_id: int
    from_bot: bool
    date: int
    text: str | None
    html: str | None
    entities: tuple[dict[str, Any], ...]
    caption: str | None
    caption_html: str | None
    caption_entities: tuple[dict[str, Any], ...]
    buttons: tuple[tuple[Button, ...], ...]
    reply_markup: dict[str, Any] | None
    media_kind: str | None
    file_ids: tuple[str, ...]
    edited: bool
    reply_to_message_id: int | None
    start_timestamp: int | None = None  # where a sent video starts playing, in seconds
    # A service message: "new_chat_members", "left_chat_member" or "pinned_message".
    service: str | None = None
    pinned_message_id: int | None = None  # the message a pinned_message service message pins
    member_ids: tuple[int, ...] = ()  # who joined or left, for those service messages
    sender_chat_id: int | None = None  # the group itself, when an anonymous admin posted
    silent: bool = False  # sent with disable_notification
    media_group_id: str | None = None  # the album it was sent in (sendMediaGroup)
    invoice: dict[str, Any] | None = None  # an invoice the bot sent (sendInvoice)
    successful_payment: dict[str, Any] | None = None  # a payment the user made

    @property
    def content(self) -> str:
        """Text, or caption for media; empty when there is neither."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def button_labels(self) -> list[list[str]]:
        return [[button.text for button in row] for row in self.buttons]

    def button(self, label: str) -> Button | None:
        return next((b for row in self.buttons for b in row if b.text == label), None)

    def entity_texts(self, entity_type: str) -> list[str]:
        """The pieces of text covered by entities of one type (e.g. "bold")."""
        source = self.text if self.text is not None else (self.caption or "")
        entities = self.entities if self.text is not None else self.caption_entities
        units = source.encode("utf-16-le")
        return [
            units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
            for e in entities
            if e["type"] == entity_type
        ]


@dataclass
class StoredMessage:
    message_id: int
    chat_id: int
    sender: UserRecord
    date: int
    text: FormattedText | None = None
    html: str | None = None
    caption: FormattedText | None = None
    caption_html: str | None = None
    reply_markup: dict[str, Any] | None = None
    media: Media | None = None
    edit_date: int | None = None
    reply_to_message_id: int | None = None
    start_timestamp: int | None = None
    quote: str | None = None  # the part of the replied message the user quoted
    new_chat_members: tuple[UserRecord, ...] = ()
    left_chat_member: UserRecord | None = None
    pinned_message_id: int | None = None
    sender_chat_id: int | None = None  # the chat posted as (an anonymous group admin)
    author_signature: str | None = None  # an anonymous admin's custom title
    silent: bool = False
    media_group_id: str | None = None
    invoice: dict[str, Any] | None = None
    successful_payment: dict[str, Any] | None = None

    @property
    def service(self) -> str | None:
        if self.new_chat_members:
            return "new_chat_members"
        if self.left_chat_member is not None:
            return "left_chat_member"
        if self.pinned_message_id is not None:
            return "pinned_message"
        if self.successful_payment is not None:
            return "successful_payment"
        return None

    @property
    def from_bot(self) -> bool:
        """Sent by the bot under test (GroupAnonymousBot is a bot too, but stands for a user)."""
        return self.sender.is_bot and self.sender.id != GROUP_ANONYMOUS_BOT_ID

    def to_api(self, chat: ChatRecord, *, with_reply: bool = True) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender.to_api(),
            "chat": chat.to_api(),
            "date": self.date,
        }
        message.update(self._group_fields(chat))
        if self.edit_date is not None:
            message["edit_date"] = self.edit_date
        if self.text is not None:
            message["text"] = self.text.text
            if self.text.entities:
                message["entities"] = list(self.text.entities)
        if self.media is not None:
            message[self.media.kind] = self.media.payload
        if self.media_group_id is not None:
            message["media_group_id"] = self.media_group_id
        if self.invoice is not None:
            message["invoice"] = self.invoice
        if self.successful_payment is not None:
            message["successful_payment"] = self.successful_payment
        if self.caption is not None and self.caption.text:
            message["caption"] = self.caption.text
            if self.caption.entities:
                message["caption_entities"] = list(self.caption.entities)
        if self.reply_markup is not None and "inline_keyboard" in self.reply_markup:
            message["reply_markup"] = self.reply_markup
        replied = chat.messages.get(self.reply_to_message_id or 0)
        if with_reply and replied is not None:
            message["reply_to_message"] = replied.to_api(chat, with_reply=False)
            if self.quote is not None:
                shown = replied.text.text if replied.text is not None else ""
                message["quote"] = {"text": self.quote, "position": max(0, shown.find(self.quote))}
        return message

    def _group_fields(self, chat: ChatRecord) -> dict[str, Any]:
        """sender_chat and the service messages' fields, as Telegram adds them."""
        fields: dict[str, Any] = {}
        if self.sender_chat_id == chat.id:
            fields["sender_chat"] = chat.to_api()
        if self.author_signature is not None:
            fields["author_signature"] = self.author_signature
        if self.new_chat_members:
            fields["new_chat_members"] = [user.to_api() for user in self.new_chat_members]
        if self.left_chat_member is not None:
            fields["left_chat_member"] = self.left_chat_member.to_api()
        if self.pinned_message_id is not None:
            pinned = chat.messages.get(self.pinned_message_id)
            fields["pinned_message"] = (
                {"chat": chat.to_api(), "message_id": self.pinned_message_id, "date": 0}
                if pinned is None  # an InaccessibleMessage: the pinned one is gone
                else pinned.to_api(chat, with_reply=False)
            )
        return fields

    def view(self) -> MessageView:
        inline = (self.reply_markup or {}).get("inline_keyboard", [])
        return MessageView(
            message_id=self.message_id,
            chat_id=self.chat_id,
            sender_id=self.sender.id,
            from_bot=self.from_bot,
            date=self.date,
            text=None if self.text is None else self.text.text,
            html=self.html,
            entities=() if self.text is None else self.text.entities,
            caption=None if self.caption is None else self.caption.text,
            caption_html=self.caption_html,
            caption_entities=() if self.caption is None else self.caption.entities,
            buttons=tuple(
                tuple(Button(b["text"], b.get("callback_data"), b.get("url")) for b in row)
                for row in inline
            ),
            reply_markup=self.reply_markup,
            media_kind=None if self.media is None else self.media.kind,
            file_ids=() if self.media is None else self.media.file_ids,
            edited=self.edit_date is not None,
            reply_to_message_id=self.reply_to_message_id,
            start_timestamp=self.start_timestamp,
            service=self.service,
            pinned_message_id=self.pinned_message_id,
            member_ids=tuple(user.id for user in self.new_chat_members)
            + (() if self.left_chat_member is None else (self.left_chat_member.id,)),
            sender_chat_id=self.sender_chat_id,
            silent=self.silent,
            media_group_id=self.media_group_id,
            invoice=self.invoice,
            successful_payment=self.successful_payment,
        )


@dataclass(frozen=True)
class ChatEvent:
    """Something that happened to a message in a chat, in order."""

    kind: EventKind
    message: MessageView


@dataclass(frozen=True)
class AdminRights:
    """What an administrator may do (the creator may do everything); Telegram's field names."""

    is_anonymous: bool = False
    can_manage_chat: bool = True
    can_delete_messages: bool = True
    can_manage_video_chats: bool = True
    can_restrict_members: bool = True
    can_promote_members: bool = False
    can_change_info: bool = True
    can_invite_users: bool = True
    can_pin_messages: bool = True
    can_manage_topics: bool = False
    custom_title: str | None = None


@dataclass
class Member:
    user: UserRecord
    status: MemberStatus
    rights: AdminRights = AdminRights()

    @property
    def is_admin(self) -> bool:
        return self.status in ADMIN_STATUSES

    def to_api(self, *, until_date: int = 0, supergroup: bool = True) -> dict[str, Any]:
        member: dict[str, Any] = {"status": self.status, "user": self.user.to_api()}
        rights = self.rights
        if self.status == "creator":
            member["is_anonymous"] = rights.is_anonymous
            if rights.custom_title is not None:
                member["custom_title"] = rights.custom_title
        elif self.status == "administrator":
            member.update(
                can_be_edited=False,
                is_anonymous=rights.is_anonymous,
                can_manage_chat=rights.can_manage_chat,
                can_delete_messages=rights.can_delete_messages,
                can_manage_video_chats=rights.can_manage_video_chats,
                can_restrict_members=rights.can_restrict_members,
                can_promote_members=rights.can_promote_members,
                can_change_info=rights.can_change_info,
                can_invite_users=rights.can_invite_users,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
                can_send_welcome_messages=False,
                can_pin_messages=rights.can_pin_messages,
            )
            if supergroup:
                member["can_manage_topics"] = rights.can_manage_topics
            if rights.custom_title is not None:
                member["custom_title"] = rights.custom_title
        elif self.status == "kicked":
            member["until_date"] = until_date
        elif self.status == "restricted":
            member.update(
                is_member=True,
                until_date=until_date,
                **dict.fromkeys(_RESTRICTED_PERMISSIONS, False),
            )
        return member


_RESTRICTED_PERMISSIONS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_react_to_messages",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
    "can_edit_tag",
)


@dataclass
class ChatRecord:
    id: int
    type: str  # "private" | "group" | "supergroup"
    title: str | None = None
    user: UserRecord | None = None
    members: dict[int, Member] = field(default_factory=dict)
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    events: list[ChatEvent] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    reply_keyboard: dict[str, Any] | None = None
    next_message_id: int = 1
    bot_status: MemberStatus = "member"
    bot_rights: AdminRights = AdminRights()  # what the bot may do while an administrator
    started: bool = False  # private chats: the user has written to the bot
    pinned: list[int] = field(default_factory=list)  # pinned message ids, the newest last

    @property
    def is_private(self) -> bool:
        return self.type == "private"

    def to_api(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.user is not None:
            chat["first_name"] = self.user.first_name
            if self.user.last_name:
                chat["last_name"] = self.user.last_name
            if self.user.username:
                chat["username"] = self.user.username
        else:
            chat["title"] = self.title or ""
        return chat

    def status_of(self, user: UserRecord) -> MemberStatus:
        if self.is_private:
            return "member"
        member = self.members.get(user.id)
        return "left" if member is None else member.status

    def member(self, user: UserRecord) -> Member:
        """The user's membership as getChatMember tells it ("left" if never a member)."""
        if self.is_private:
            return Member(user, "member")
        return self.members.get(user.id) or Member(user, "left")

    def bot_member(self, bot: UserRecord) -> Member:
        """The bot's membership (in a private chat "kicked" means the user blocked it)."""
        return Member(bot, self.bot_status, self.bot_rights)

    @property
    def bot_is_admin(self) -> bool:
        return not self.is_private and self.bot_status in ADMIN_STATUSES

    @property
    def chat_instance(self) -> str:
        return str((self.id * 2654435761) % (1 << 62))


@dataclass(frozen=True)
class CallbackAnswer:
    """What the bot answered to one callback query."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int


@dataclass
class CallbackQueryRecord:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: float
    answer: CallbackAnswer | None = None


class World:
    """All mutable state of one emulator; every change wakes waiters."""

    def __init__(self, token: str, bot_username: str, bot_first_name: str) -> None:
        self.token = token
        self.bot = UserRecord(
            id=int(token.split(":", 1)[0]),
            first_name=bot_first_name,
            username=bot_username,
            is_bot=True,
        )
        self.notifier = Notifier()
        self.users: dict[int, UserRecord] = {}
        self.chats: dict[int, ChatRecord] = {}
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.callback_answers: dict[int, list[CallbackAnswer]] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.privacy_mode = True  # the bot's default: in groups it hears only what is for it
        self._next_callback_id = 1

    def changed(self) -> None:
        self.notifier.notify()

    @staticmethod
    def now() -> int:
        return int(time.time())

    def add_message(self, chat: ChatRecord, message: StoredMessage) -> StoredMessage:
        chat.messages[message.message_id] = message
        chat.events.append(ChatEvent("message", message.view()))
        self.changed()
        return message

    def new_message(self, chat: ChatRecord, sender: UserRecord, **fields: Any) -> StoredMessage:
        message_id = chat.next_message_id
        chat.next_message_id += 1
        message = StoredMessage(message_id, chat.id, sender, self.now(), **fields)
        return self.add_message(chat, message)

    def edit_message(
        self, chat: ChatRecord, message: StoredMessage, **fields: Any
    ) -> StoredMessage:
        edited = replace(message, edit_date=self.now(), **fields)
        chat.messages[message.message_id] = edited
        chat.events.append(ChatEvent("edit", edited.view()))
        self.changed()
        return edited

    def delete_message(self, chat: ChatRecord, message: StoredMessage) -> None:
        del chat.messages[message.message_id]
        if message.message_id in chat.pinned:  # a deleted message is no longer pinned
            chat.pinned.remove(message.message_id)
        chat.events.append(ChatEvent("delete", message.view()))
        self.changed()

    def pin_message(
        self, chat: ChatRecord, message: StoredMessage, by: UserRecord, *, silent: bool = False
    ) -> StoredMessage:
        """Pin a message (the newest pin shows on top) and post the pinned_message service
        message from whoever pinned it, as Telegram does; returns that service message."""
        if message.message_id in chat.pinned:
            chat.pinned.remove(message.message_id)
        chat.pinned.append(message.message_id)
        return self.new_message(chat, by, pinned_message_id=message.message_id, silent=silent)

    def new_callback_id(self) -> str:
        query_id = f"{self.bot.id}{self._next_callback_id:08d}"
        self._next_callback_id += 1
        return query_id
