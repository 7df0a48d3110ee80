"""The Bot API methods: each takes the request parameters and returns Telegram's result.

Over 400 lines on purpose: one class, one short method per Bot API call, read as a table.
"""

from __future__ import annotations

import html
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from emulator.errors import ApiError, bad_request, forbidden
from emulator.media import (
    DOWNLOAD_LIMIT,
    PHOTO_UPLOAD_LIMIT,
    FileStore,
    Media,
    image_size,
)
from emulator.params import Params, Upload
from emulator.payments import Payments
from emulator.state import CallbackAnswer, ChatRecord, Member, StoredMessage, World
from emulator.telegram_html import FormattedText
from emulator.updates import UpdateQueue
from emulator.validation import (
    check_callback_answer_text,
    check_caption,
    check_commands,
    check_reply_markup,
    check_text,
    formatted,
)
from emulator.webhook import WebhookDelivery

Handler = Callable[[Params], Awaitable[Any]]

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
ALBUM_LIMIT = 10
# Methods that post or change a message: these count against flood limits.
MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendVideo",
        "sendDocument",
        "sendVideoNote",
        "sendVoice",
        "sendMediaGroup",
        "sendInvoice",
        "copyMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
    }
)


class BotApi:
    """The method table of the emulated Bot API."""

    def __init__(self, world: World, updates: UpdateQueue, files: FileStore) -> None:
        self.world = world
        self.updates = updates
        self.files = files
        self.callback_timeout = 15.0
        self.webhook = WebhookDelivery(world, updates)
        self._media_groups = itertools.count(13_000_000_000_000_001)
        self.payments = Payments()
        self.methods: dict[str, Handler] = {
            "getMe": self.get_me,
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "editMessageCaption": self.edit_message_caption,
            "deleteMessage": self.delete_message,
            "answerCallbackQuery": self.answer_callback_query,
            "sendChatAction": self.send_chat_action,
            "sendPhoto": self.send_photo,
            "sendVideo": self.send_video,
            "sendDocument": self.send_document,
            "sendVideoNote": self.send_video_note,
            "sendVoice": self.send_voice,
            "sendMediaGroup": self.send_media_group,
            "copyMessage": self.copy_message,
            "getFile": self.get_file,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "getChatMember": self.get_chat_member,
            "getChatAdministrators": self.get_chat_administrators,
            "pinChatMessage": self.pin_chat_message,
            "unpinChatMessage": self.unpin_chat_message,
            "unpinAllChatMessages": self.unpin_all_chat_messages,
            "sendInvoice": self.send_invoice,
            "createInvoiceLink": self.create_invoice_link,
            "answerPreCheckoutQuery": self.answer_pre_checkout_query,
            "refundStarPayment": self.refund_star_payment,
            "getStarTransactions": self.get_star_transactions,
            "getMyStarBalance": self.get_my_star_balance,
        }
        self._by_lower = {name.lower(): name for name in self.methods}

    def canonical(self, method: str) -> str | None:
        """Telegram method names are case-insensitive."""
        return self._by_lower.get(method.lower())

    # --- bot and updates -------------------------------------------------------------------

    async def get_me(self, params: Params) -> Any:
        return {
            **self.world.bot.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": not self.world.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def get_updates(self, params: Params) -> Any:
        allowed = _allowed_updates(params)
        limit = params.integer("limit") or 100
        return await self.updates.get(
            offset=params.integer("offset"),
            limit=min(max(limit, 1), 100),
            wait=float(params.integer("timeout") or 0),
            allowed_updates=allowed,
        )

    async def set_webhook(self, params: Params) -> Any:
        if params.uploads:
            raise bad_request("the emulator takes no certificate: use a loopback URL")
        url = params.text("url") or ""
        drop_pending = params.flag("drop_pending_updates")
        if not url:  # an empty URL removes the webhook
            self.webhook.delete(drop_pending=drop_pending)
            return True
        max_connections = params.integer("max_connections") or 40
        if not 1 <= max_connections <= 100:
            raise bad_request("invalid max_connections specified")
        self.webhook.set(
            url,
            secret_token=params.text("secret_token"),
            allowed_updates=_allowed_updates(params),
            max_connections=max_connections,
            drop_pending=drop_pending,
        )
        return True

    async def delete_webhook(self, params: Params) -> Any:
        self.webhook.delete(drop_pending=params.flag("drop_pending_updates"))
        return True

    async def get_webhook_info(self, params: Params) -> Any:
        return self.webhook.info()

    # --- chats -----------------------------------------------------------------------------

    def chat(self, params: Params) -> ChatRecord:
        raw = params.text("chat_id", required=True)
        try:
            chat_id = int(str(raw))
        except ValueError:
            raise bad_request("chat not found") from None
        chat = self.world.chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def writable_chat(self, params: Params) -> ChatRecord:
        """The target chat, if the bot may post there now."""
        chat = self.chat(params)
        if chat.is_private:
            if chat.bot_status == "kicked":
                raise forbidden("bot was blocked by the user")
            if not chat.started:
                raise forbidden("bot can't initiate conversation with a user")
            return chat
        kind = "supergroup" if chat.type == "supergroup" else "group"
        if chat.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {kind} chat")
        if chat.bot_status == "left":
            raise forbidden(f"bot is not a member of the {kind} chat")
        return chat

    async def get_chat_member(self, params: Params) -> Any:
        chat = self.chat(params)
        user_id = params.required_integer("user_id")
        supergroup = chat.type == "supergroup"
        if user_id == self.world.bot.id:
            if chat.is_private:
                return Member(self.world.bot, "member").to_api()
            return chat.bot_member(self.world.bot).to_api(supergroup=supergroup)
        user = self.world.users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        return chat.member(user).to_api(supergroup=supergroup)

    async def get_chat_administrators(self, params: Params) -> Any:
        """The creator first, then the administrators; the bot itself when it is one (other
        bots only with return_bots, and the emulator has none)."""
        chat = self.chat(params)
        if chat.is_private:
            raise bad_request("there are no administrators in the private chat")
        supergroup = chat.type == "supergroup"
        members = sorted(
            (member for member in chat.members.values() if member.is_admin),
            key=lambda member: member.status != "creator",
        )
        if chat.bot_is_admin:
            members.append(chat.bot_member(self.world.bot))
        return [member.to_api(supergroup=supergroup) for member in members]

    def _pinning_chat(self, params: Params) -> ChatRecord:
        """The chat, if the bot may pin there: anywhere in a private chat, as any administrator
        of a basic group, as an administrator with can_pin_messages in a supergroup."""
        chat = self.writable_chat(params)
        if chat.is_private:
            return chat
        allowed = chat.bot_status == "creator" or (
            chat.bot_status == "administrator"
            and (chat.type == "group" or chat.bot_rights.can_pin_messages)
        )
        if not allowed:
            raise bad_request("not enough rights to manage pinned messages in the chat")
        return chat

    async def pin_chat_message(self, params: Params) -> Any:
        chat = self._pinning_chat(params)
        message = chat.messages.get(params.required_integer("message_id"))
        if message is None:
            raise bad_request("message to pin not found")
        if message.service is not None:
            raise bad_request("message can't be pinned")
        self.world.pin_message(
            chat, message, self.world.bot, silent=params.flag("disable_notification")
        )
        return True

    async def unpin_chat_message(self, params: Params) -> Any:
        """Unpins the given message, or the most recent pinned one; no service message."""
        chat = self._pinning_chat(params)
        message_id = params.integer("message_id")
        if message_id is None:
            if chat.pinned:
                chat.pinned.pop()
        else:
            if message_id not in chat.messages:
                raise bad_request("message to unpin not found")
            if message_id in chat.pinned:
                chat.pinned.remove(message_id)
        self.world.changed()
        return True

    async def unpin_all_chat_messages(self, params: Params) -> Any:
        chat = self._pinning_chat(params)
        chat.pinned.clear()
        self.world.changed()
        return True

    async def send_chat_action(self, params: Params) -> Any:
        chat = self.writable_chat(params)
        action = params.required_text("action")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        chat.actions.append(action)
        self.world.changed()
        return True

    # --- messages --------------------------------------------------------------------------

    def _text(self, params: Params, name: str, entities_name: str) -> tuple[FormattedText, str]:
        raw = params.text(name) or ""
        parse_mode = params.text("parse_mode")
        text = formatted(raw, parse_mode, params.object(entities_name))
        shown = raw if (parse_mode or "").lower() == "html" else html.escape(text.text, quote=False)
        return text, shown

    def _reply_to(self, chat: ChatRecord, params: Params) -> int | None:
        reply = params.object("reply_parameters")
        if isinstance(reply, dict):
            message_id, lenient = (
                reply.get("message_id"),
                bool(reply.get("allow_sending_without_reply")),
            )
        else:
            message_id, lenient = params.integer("reply_to_message_id"), False
        if message_id is None:
            return None
        if int(message_id) not in chat.messages:
            if lenient:
                return None
            raise bad_request("message to be replied not found")
        return int(message_id)

    def _post(self, chat: ChatRecord, params: Params, **fields: Any) -> Any:
        markup = check_reply_markup(params.object("reply_markup"))
        reply_to = self._reply_to(chat, params)
        message = self.world.new_message(
            chat,
            self.world.bot,
            reply_markup=markup,
            reply_to_message_id=reply_to,
            silent=params.flag("disable_notification"),
            **fields,
        )
        if markup is not None and "keyboard" in markup:
            chat.reply_keyboard = markup
        elif markup is not None and markup.get("remove_keyboard"):
            chat.reply_keyboard = None
        return message.to_api(chat)

    async def send_message(self, params: Params) -> Any:
        chat = self.writable_chat(params)
        text, shown = self._text(params, "text", "entities")
        check_text(text)
        return self._post(chat, params, text=text, html=shown)

    def _bot_message(self, params: Params) -> tuple[ChatRecord, StoredMessage]:
        if params.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self.writable_chat(params)
        message = chat.messages.get(params.required_integer("message_id"))
        if message is None:
            raise bad_request("message to edit not found")
        if not message.from_bot or message.service is not None:
            raise bad_request("message can't be edited")
        return chat, message

    def _inline_markup(self, params: Params) -> dict[str, Any] | None:
        markup = check_reply_markup(params.object("reply_markup"))
        if markup is not None and "inline_keyboard" not in markup:
            raise bad_request("inline keyboard expected")
        return markup

    async def edit_message_text(self, params: Params) -> Any:
        chat, message = self._bot_message(params)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        text, shown = self._text(params, "text", "entities")
        check_text(text)
        markup = self._inline_markup(params)
        if text == message.text and markup == message.reply_markup:
            raise bad_request(NOT_MODIFIED)
        edited = self.world.edit_message(chat, message, text=text, html=shown, reply_markup=markup)
        return edited.to_api(chat)

    async def edit_message_caption(self, params: Params) -> Any:
        chat, message = self._bot_message(params)
        if message.media is None:
            raise bad_request("there is no caption in the message to edit")
        caption, shown = self._text(params, "caption", "caption_entities")
        check_caption(caption)
        markup = self._inline_markup(params)
        current = message.caption or FormattedText("")
        if caption == current and markup == message.reply_markup:
            raise bad_request(NOT_MODIFIED)
        edited = self.world.edit_message(
            chat, message, caption=caption, caption_html=shown, reply_markup=markup
        )
        return edited.to_api(chat)

    async def edit_message_reply_markup(self, params: Params) -> Any:
        chat, message = self._bot_message(params)
        markup = self._inline_markup(params)
        if markup == message.reply_markup:
            raise bad_request(NOT_MODIFIED)
        return self.world.edit_message(chat, message, reply_markup=markup).to_api(chat)

    async def delete_message(self, params: Params) -> Any:
        chat = self.chat(params)
        message = chat.messages.get(params.required_integer("message_id"))
        if message is None:
            raise bad_request("message to delete not found")
        own = message.from_bot
        if not chat.is_private and not own and chat.bot_status not in {"administrator", "creator"}:
            raise bad_request("message can't be deleted")
        self.world.delete_message(chat, message)
        return True

    async def answer_callback_query(self, params: Params) -> Any:
        query = self.world.callback_queries.get(params.required_text("callback_query_id"))
        too_old = query is None or time.monotonic() - query.created_at > self.callback_timeout
        if query is None or query.answer is not None or too_old:
            raise bad_request(QUERY_TOO_OLD)
        text = params.text("text")
        check_callback_answer_text(text)
        query.answer = CallbackAnswer(
            query_id=query.id,
            text=text,
            show_alert=params.flag("show_alert"),
            url=params.text("url"),
            cache_time=params.integer("cache_time") or 0,
        )
        self.world.callback_answers.setdefault(query.user_id, []).append(query.answer)
        self.world.changed()
        return True

    # --- media -----------------------------------------------------------------------------

    def _input_file(self, params: Params, name: str) -> Upload | str:
        if name in params.uploads:
            return params.uploads[name]
        value = params.text(name)
        if value is None:
            raise bad_request(f"there is no {name} in the request")
        if value.startswith("attach://"):
            upload = params.uploads.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"there is no {name} in the request")
            return upload
        return value

    def _known_media(self, file_id: str, kind: str) -> Media:
        if file_id.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        media = self.files.media(file_id)
        if media is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if media.kind != kind:
            raise bad_request(
                f"can't use file of type {media.kind.capitalize()} as {kind.capitalize()}"
            )
        return media

    def _send_media(self, params: Params, kind: str, media: Media, **fields: Any) -> Any:
        chat = self.writable_chat(params)
        caption, shown = self._text(params, "caption", "caption_entities")
        check_caption(caption)
        return self._post(chat, params, media=media, caption=caption, caption_html=shown, **fields)

    def _start_timestamp(self, params: Params, name: str, media: Media | None) -> int | None:
        """Seconds into the video; a value past its end is what a misread offset looks like
        (aiogram sends a timedelta as an absolute Unix time), so it is refused."""
        start = params.integer(name)
        if start is None:
            return None
        duration = media.payload.get("duration", 0) if media and media.kind == "video" else 0
        if media is None or media.kind != "video" or not 0 <= start <= duration:
            raise bad_request("VIDEO_START_TIMESTAMP_INVALID")
        return start

    async def send_photo(self, params: Params) -> Any:
        self.writable_chat(params)
        source = self._input_file(params, "photo")
        if isinstance(source, str):
            return self._send_media(params, "photo", self._known_media(source, "photo"))
        _check_upload(source)
        if len(source.data) > PHOTO_UPLOAD_LIMIT:
            raise bad_request("PHOTO_SAVE_FILE_INVALID")
        if image_size(source.data) is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        return self._send_media(params, "photo", self.files.add_photo(source.data))

    async def send_video(self, params: Params) -> Any:
        self.writable_chat(params)
        source = self._input_file(params, "video")
        if isinstance(source, str):
            media = self._known_media(source, "video")
            start = self._start_timestamp(params, "start_timestamp", media)
            return self._send_media(params, "video", media, start_timestamp=start)
        _check_upload(source)
        media = self.files.add_video(
            source.data,
            width=params.integer("width") or 640,
            height=params.integer("height") or 360,
            duration=params.integer("duration") or 1,
            file_name=source.filename,
        )
        return self._send_media(params, "video", media)

    async def send_video_note(self, params: Params) -> Any:
        self.writable_chat(params)
        source = self._input_file(params, "video_note")
        if not isinstance(source, str):
            _check_upload(source)
            media = self.files.add_video_note(source.data, duration=params.integer("duration") or 1)
        else:
            media = self._known_media(source, "video_note")
        return self._post(self.writable_chat(params), params, media=media)

    async def send_voice(self, params: Params) -> Any:
        self.writable_chat(params)
        source = self._input_file(params, "voice")
        if not isinstance(source, str):
            _check_upload(source)
            media = self.files.add_voice(source.data, duration=params.integer("duration") or 1)
            return self._send_media(params, "voice", media)
        return self._send_media(params, "voice", self._known_media(source, "voice"))

    async def send_media_group(self, params: Params) -> Any:
        """2–10 photos and videos as one album: a message each, sharing a media_group_id, the
        whole album refused if any item is wrong; answers the messages."""
        chat = self.writable_chat(params)
        items = params.object("media")
        if isinstance(items, str):
            try:
                items = json.loads(items)
            except ValueError as error:
                raise bad_request("can't parse media JSON object") from error
        if items is None:
            raise bad_request('parameter "media" is required')
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise bad_request("expected an Array of InputMedia")
        if len(items) > ALBUM_LIMIT:
            raise bad_request("too much messages to send as an album")
        if len(items) < 2:  # the Bot API asks for 2–10 items; this wording is ours
            raise bad_request("MEDIA_GROUP_TOO_SMALL: an album needs 2 to 10 items")
        album = [self._album_item(params, item) for item in items]
        group = str(next(self._media_groups))
        return [
            self._post(
                chat, params, media=media, caption=caption, caption_html=shown, media_group_id=group
            )
            for media, caption, shown in album
        ]

    def _album_item(self, params: Params, item: dict[str, Any]) -> tuple[Media, FormattedText, str]:
        """An album's photo or video (by file id or attach://), with its caption checked."""
        kind, source = item.get("type"), item.get("media")
        if kind not in {"photo", "video"}:  # documents and audio albums: not emulated
            raise bad_request(f"can't send {kind} in an album with photos and videos")
        if not isinstance(source, str) or not source:
            raise bad_request("can't parse InputMedia: media not found")
        if source.startswith("attach://"):
            upload = params.uploads.get(source.removeprefix("attach://"))
            if upload is None:
                raise bad_request("can't parse InputMedia: media not found")
            _check_upload(upload)
            if kind == "video":
                media = self.files.add_video(
                    upload.data, width=640, height=360, duration=1, file_name=upload.filename
                )
            elif image_size(upload.data) is None or len(upload.data) > PHOTO_UPLOAD_LIMIT:
                raise bad_request("IMAGE_PROCESS_FAILED")
            else:
                media = self.files.add_photo(upload.data)
        else:
            media = self._known_media(source, kind)
        raw = item.get("caption") or ""
        parse_mode = item.get("parse_mode")
        caption = formatted(raw, parse_mode, item.get("caption_entities"))
        check_caption(caption)
        shown = raw if (parse_mode or "").lower() == "html" else html.escape(caption.text)
        return media, caption, shown

    async def copy_message(self, params: Params) -> Any:
        """Copies text or media (with its caption, or the one given); answers a MessageId."""
        chat = self.writable_chat(params)
        source_chat = self.world.chats.get(params.required_integer("from_chat_id"))
        source = (
            None
            if source_chat is None
            else source_chat.messages.get(params.required_integer("message_id"))
        )
        if source is None:
            raise bad_request("message to copy not found")
        fields: dict[str, Any] = {"text": source.text, "html": source.html, "media": source.media}
        if source.media is not None and source.media.kind not in {"video_note", "sticker"}:
            fields |= {"caption": source.caption, "caption_html": source.caption_html}
            if params.has("caption"):
                caption, shown = self._text(params, "caption", "caption_entities")
                check_caption(caption)
                fields |= {"caption": caption, "caption_html": shown}
        fields["start_timestamp"] = self._start_timestamp(
            params, "video_start_timestamp", source.media
        )
        copied = self._post(chat, params, **fields)
        return {"message_id": copied["message_id"]}

    async def send_document(self, params: Params) -> Any:
        self.writable_chat(params)
        source = self._input_file(params, "document")
        if isinstance(source, str):
            return self._send_media(params, "document", self._known_media(source, "document"))
        _check_upload(source)
        media = self.files.add_document(
            source.data, file_name=source.filename, mime_type=source.content_type
        )
        return self._send_media(params, "document", media)

    async def get_file(self, params: Params) -> Any:
        stored = self.files.get(params.required_text("file_id"))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > DOWNLOAD_LIMIT:
            raise bad_request("file is too big")
        return stored.to_api()

    # --- payments (Telegram Stars) --------------------------------------------------------

    async def send_invoice(self, params: Params) -> Any:
        chat = self.writable_chat(params)
        invoice = self.payments.invoice(params, link=False)
        markup = check_reply_markup(params.object("reply_markup"))
        if markup is None:  # Telegram's own button
            markup = {"inline_keyboard": [[{"text": f"Pay ⭐️{invoice.amount}", "pay": True}]]}
        first = (markup.get("inline_keyboard") or [[{}]])[0][0]
        if not first.get("pay"):
            raise bad_request("the first button of an invoice must be a pay button")
        message = self.world.new_message(
            chat,
            self.world.bot,
            text=None,
            invoice=invoice.to_api(),
            reply_markup=markup,
            silent=params.flag("disable_notification"),
        )
        self.payments.sent[(chat.id, message.message_id)] = invoice
        return message.to_api(chat)

    async def create_invoice_link(self, params: Params) -> Any:
        return self.payments.new_link(self.payments.invoice(params, link=True))

    async def answer_pre_checkout_query(self, params: Params) -> Any:
        self.payments.answer(params)
        self.world.changed()
        return True

    async def refund_star_payment(self, params: Params) -> Any:
        self.payments.refund(params, self.world.now())
        self.world.changed()
        return True

    async def get_star_transactions(self, params: Params) -> Any:
        return self.payments.transactions_page(params)

    async def get_my_star_balance(self, params: Params) -> Any:
        return {"amount": self.payments.balance}

    # --- commands --------------------------------------------------------------------------

    def _commands_key(self, params: Params) -> tuple[str, str]:
        scope = params.object("scope") or {"type": "default"}
        if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
            raise bad_request("can't parse BotCommandScope JSON object")
        return json.dumps(scope, sort_keys=True), params.text("language_code") or ""

    async def set_my_commands(self, params: Params) -> Any:
        commands = check_commands(params.object("commands"))
        self.world.commands[self._commands_key(params)] = commands
        self.world.changed()
        return True

    async def get_my_commands(self, params: Params) -> Any:
        return self.world.commands.get(self._commands_key(params), [])

    async def delete_my_commands(self, params: Params) -> Any:
        self.world.commands.pop(self._commands_key(params), None)
        self.world.changed()
        return True


def _allowed_updates(params: Params) -> list[str] | None:
    allowed = params.object("allowed_updates")
    if allowed is not None and not (
        isinstance(allowed, list) and all(isinstance(kind, str) for kind in allowed)
    ):
        raise bad_request("can't parse allowed_updates JSON object")
    return allowed


def _check_upload(upload: Upload) -> None:
    if not upload.data:
        raise bad_request("file must be non-empty")


__all__ = ["MESSAGE_METHODS", "ApiError", "BotApi"]
