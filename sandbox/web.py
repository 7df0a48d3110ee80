"""The chat page and the small JSON API behind it, served by the emulator's aiohttp app.

The page acts as a Telegram client would: it writes, presses buttons, edits and uploads as one
persona through the emulator's user drivers, and hears what the bot does over server-sent
events. Every request is checked like untrusted input: a bad one gets a 400 and changes nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import BodyPartReader, web

from emulator import BotApiEmulator, ChatDriver, MessageView, UserDriver
from emulator.media import PHOTO_UPLOAD_LIMIT, UPLOAD_LIMIT, image_size
from sandbox.people import People, PersonaError

STATIC = Path(__file__).with_name("static")
PAGE_FILES = {"app.js": "text/javascript", "style.css": "text/css"}
MAX_TEXT = 4096  # Telegram's limit for one message
KEEPALIVE_SECONDS = 15
# The page may talk to its own origin only: nothing it shows can call out, Telegram included.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
        "media-src 'self' blob:; connect-src 'self'; form-action 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BadRequestError(Exception):
    """What the page asked for cannot be done; the message is shown to the person."""


def _refuse(error: Exception) -> web.Response:
    return web.json_response({"error": str(error)}, status=400, headers=SECURITY_HEADERS)


class SandboxApi:
    """Routes for the page: the world, persona actions, files and the live event stream."""

    def __init__(self, emulator: BotApiEmulator, people: People) -> None:
        self.emulator = emulator
        self.people = people

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/", self.page)
        app.router.add_get("/static/{name}", self.static)
        app.router.add_get("/api/world", self.world)
        app.router.add_get("/api/events", self.events)
        app.router.add_get("/api/files/{file_id}", self.file)
        app.router.add_get("/api/commands", self.checked(self.commands))
        app.router.add_post("/api/personas", self.checked(self.add_persona))
        app.router.add_post("/api/send", self.checked(self.send))
        app.router.add_post("/api/edit", self.checked(self.edit))
        app.router.add_post("/api/press", self.checked(self.press))
        app.router.add_post("/api/upload", self.checked(self.upload))

    @staticmethod
    def checked(handler: Handler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except (BadRequestError, PersonaError, LookupError) as error:
                return _refuse(error)

        return guarded

    # --- the page --------------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        html = (STATIC / "index.html").read_bytes()
        return web.Response(body=html, content_type="text/html", headers=SECURITY_HEADERS)

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in PAGE_FILES:  # a fixed list: no path from the request reaches the disk
            raise web.HTTPNotFound
        return web.Response(
            body=(STATIC / name).read_bytes(),
            content_type=PAGE_FILES[name],
            charset="utf-8",
            headers=SECURITY_HEADERS,
        )

    async def world(self, request: web.Request) -> web.Response:
        bot = self.emulator.bot_user
        return web.json_response(
            {
                "bot": {"id": bot.id, "name": bot.first_name, "username": bot.username},
                "personas": [p.to_json() for p in self.people.personas.values()],
                "chats": [self._chat_json(chat) for chat in self.people.chats()],
            },
            headers=SECURITY_HEADERS,
        )

    def _chat_json(self, chat: ChatDriver) -> dict[str, Any]:
        record = chat.record
        if record.is_private:
            return {"id": chat.id, "type": "private", "title": None, "members": [chat.id]}
        return {
            "id": chat.id,
            "type": record.type,
            "title": record.title,
            "members": [uid for uid in record.members if uid in self.people.personas],
        }

    async def file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        stored = self.emulator.files.get(file_id)
        media = self.emulator.files.media(file_id)
        if stored is None or media is None:
            raise web.HTTPNotFound
        headers = dict(SECURITY_HEADERS)
        if media.kind == "photo" and stored.data.startswith(b"\x89PNG"):
            content_type = "image/png"
        elif media.kind == "photo" and stored.data.startswith(b"\xff\xd8"):
            content_type = "image/jpeg"
        elif media.kind in {"video", "video_note"}:
            content_type = "video/mp4"
        elif media.kind == "voice":
            content_type = "audio/ogg"
        else:  # documents download, never render: a bot's .html file is not our page's code
            content_type = "application/octet-stream"
            name = str(media.payload.get("file_name", "file")) if media.kind == "document" else ""
            headers["Content-Disposition"] = _attachment(name or "file")
        return web.Response(body=stored.data, content_type=content_type, headers=headers)

    async def commands(self, request: web.Request) -> web.Response:
        user_id = _int(request.query.get("user_id"), "user_id")
        chat_id = _int(request.query.get("chat_id"), "chat_id")
        chat = self.people.chat_of(user_id, chat_id)
        language = self.people.personas[user_id].language
        scopes = ["all_private_chats"] if chat.record.is_private else ["all_group_chats"]
        for code in (language, language.split("-")[0], ""):
            for scope in [*scopes, "default"]:
                found = self.emulator.commands(language_code=code, scope={"type": scope})
                if found:
                    return web.json_response({"commands": found}, headers=SECURITY_HEADERS)
        return web.json_response({"commands": []}, headers=SECURITY_HEADERS)

    # --- what a persona does ---------------------------------------------------------------

    async def add_persona(self, request: web.Request) -> web.Response:
        body = await _json(request)
        persona = self.people.add(
            _str(body.get("name"), "name"),
            _str(body.get("language", "en"), "language"),
            _str(body.get("role", "athlete"), "role"),
        )
        return web.json_response(persona.to_json(), headers=SECURITY_HEADERS)

    def _actor(self, body: dict[str, Any]) -> tuple[UserDriver, ChatDriver]:
        user_id = _int(body.get("user_id"), "user_id")
        chat = self.people.chat_of(user_id, _int(body.get("chat_id"), "chat_id"))
        user = self.people.driver(user_id)
        if chat.record.is_private and chat.record.bot_status == "kicked":
            raise BadRequestError("this persona has blocked the bot")
        return user, chat

    async def send(self, request: web.Request) -> web.Response:
        body = await _json(request)
        user, chat = self._actor(body)
        text = _text(body.get("text"))
        reply_to = body.get("reply_to")
        if reply_to is not None:
            reply_to = _int(reply_to, "reply_to")
            if chat.message(reply_to) is None:
                raise BadRequestError("the message replied to is gone")
        update_id = await user.send(text, chat=chat, reply_to=reply_to)
        return web.json_response({"update_id": update_id}, headers=SECURITY_HEADERS)

    async def edit(self, request: web.Request) -> web.Response:
        body = await _json(request)
        user, chat = self._actor(body)
        message_id = _int(body.get("message_id"), "message_id")
        message = chat.message(message_id)
        if message is None or message.sender_id != user.id or message.text is None:
            raise BadRequestError("only your own text messages can be edited")
        update_id = await user.edit(message_id, _text(body.get("text")), chat=chat)
        return web.json_response({"update_id": update_id}, headers=SECURITY_HEADERS)

    async def press(self, request: web.Request) -> web.Response:
        body = await _json(request)
        user, chat = self._actor(body)
        message = chat.message(_int(body.get("message_id"), "message_id"))
        data = body.get("data")
        if message is None or not message.from_bot:
            raise BadRequestError("that message is gone")
        if not any(button.callback_data == data for row in message.buttons for button in row):
            raise BadRequestError("that message has no such button (any more)")
        query_id = await user.press_forged(message.message_id, str(data), chat=chat)
        return web.json_response({"query_id": query_id}, headers=SECURITY_HEADERS)

    async def upload(self, request: web.Request) -> web.Response:
        if request.content_type != "multipart/form-data":
            raise BadRequestError("send the file as multipart/form-data")
        fields, file_name, data = await _multipart(request)
        user, chat = self._actor(
            {
                "user_id": _int_text(fields.get("user_id")),
                "chat_id": _int_text(fields.get("chat_id")),
            }
        )
        caption = fields.get("caption") or None
        if caption is not None and len(caption) > 1024:
            raise BadRequestError("a caption is 1024 characters at most")
        kind = fields.get("kind")
        if kind == "photo":
            if len(data) > PHOTO_UPLOAD_LIMIT or image_size(data) is None:
                raise BadRequestError("a photo is a PNG, JPEG or GIF of 10 MB at most")
            update_id = await user.send_photo(data, caption=caption, chat=chat)
        elif kind == "video":
            update_id = await user.send_video(
                data, caption=caption, chat=chat, filename=file_name or "video.mp4"
            )
        elif kind == "document":
            update_id = await user.send_document(
                data, file_name or "file", caption=caption, chat=chat
            )
        else:
            raise BadRequestError("kind is photo, video or document")
        return web.json_response({"update_id": update_id}, headers=SECURITY_HEADERS)

    # --- live events -----------------------------------------------------------------------

    async def events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: a snapshot of every chat, then each change as it happens."""
        response = web.StreamResponse(
            headers={
                **SECURITY_HEADERS,
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-cache",
            }
        )
        await response.prepare(request)
        stream = EventCursor(self)
        try:
            await _send_event(response, stream.snapshot())
            while not self.emulator.updates.closing:
                news = await self.emulator.world.notifier.wait_for(
                    stream.has_news, KEEPALIVE_SECONDS
                )
                if not news:
                    await response.write(b": keepalive\n\n")
                    continue
                for event in stream.take_news():
                    await _send_event(response, event)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        return response

    def message_json(self, view: MessageView) -> dict[str, Any]:
        world = self.emulator.world
        sender = world.bot if view.from_bot else world.users.get(view.sender_id)
        media: dict[str, Any] | None = None
        if view.media_kind is not None:
            file_id = view.file_ids[-1]  # photos: the largest size comes last
            payload = self.emulator.files.media(file_id)
            details = payload.payload if payload and isinstance(payload.payload, dict) else {}
            media = {
                "kind": view.media_kind,
                "file_id": file_id,
                "file_name": details.get("file_name"),
                "mime_type": details.get("mime_type"),
                "start": view.start_timestamp,  # a clip replayed from a moment
            }
        return {
            "message_id": view.message_id,
            "chat_id": view.chat_id,
            "sender_id": view.sender_id,
            "sender_name": sender.first_name if sender else "?",
            "from_bot": view.from_bot,
            "date": view.date,
            "text": view.text,
            "entities": list(view.entities),
            "caption": view.caption,
            "caption_entities": list(view.caption_entities),
            "buttons": [
                [{"text": b.text, "data": b.callback_data, "url": b.url} for b in row]
                for row in view.buttons
            ],
            "media": media,
            "edited": view.edited,
            "reply_to": view.reply_to_message_id,
        }


class EventCursor:
    """What one open page has seen: events, chat actions and callback answers, per chat."""

    def __init__(self, api: SandboxApi) -> None:
        self._api = api
        self._events: dict[int, int] = {}
        self._actions: dict[int, int] = {}
        self._answers: dict[int, int] = {}
        self._version = -1

    def snapshot(self) -> dict[str, Any]:
        chats = {}
        for chat in self._api.people.chats():
            record = chat.record
            self._events[chat.id] = len(record.events)
            self._actions[chat.id] = len(record.actions)
            chats[str(chat.id)] = [
                self._api.message_json(m.view()) for m in record.messages.values()
            ]
        world = self._api.emulator.world
        for user_id in self._api.people.personas:
            self._answers[user_id] = len(world.callback_answers.get(user_id, []))
        self._version = self._api.people.version
        return {"type": "snapshot", "chats": chats}

    def has_news(self) -> bool:
        if self._api.people.version != self._version:
            return True
        world = self._api.emulator.world
        for chat in self._api.people.chats():
            record = chat.record
            seen_events = self._events.get(chat.id, 0)
            seen_actions = self._actions.get(chat.id, 0)
            if len(record.events) > seen_events or len(record.actions) > seen_actions:
                return True
        return any(
            len(world.callback_answers.get(user_id, [])) > self._answers.get(user_id, 0)
            for user_id in self._api.people.personas
        )

    def take_news(self) -> list[dict[str, Any]]:
        news: list[dict[str, Any]] = []
        if self._api.people.version != self._version:
            self._version = self._api.people.version
            news.append({"type": "world"})
        for chat in self._api.people.chats():
            record = chat.record
            start = self._events.get(chat.id, 0)
            for event in record.events[start:]:
                message = self._api.message_json(event.message)
                news.append({"type": event.kind, "chat_id": chat.id, "message": message})
            self._events[chat.id] = len(record.events)
            start = self._actions.get(chat.id, 0)
            news.extend(
                {"type": "action", "chat_id": chat.id, "action": action}
                for action in record.actions[start:]
            )
            self._actions[chat.id] = len(record.actions)
        world = self._api.emulator.world
        for user_id in self._api.people.personas:
            answers = world.callback_answers.get(user_id, [])
            news.extend(
                {
                    "type": "answer",
                    "user_id": user_id,
                    "query_id": answer.query_id,
                    "text": answer.text,
                    "show_alert": answer.show_alert,
                }
                for answer in answers[self._answers.get(user_id, 0) :]
            )
            self._answers[user_id] = len(answers)
        return news


async def _send_event(response: web.StreamResponse, event: dict[str, Any]) -> None:
    data = json.dumps(event, ensure_ascii=False)
    await response.write(f"data: {data}\n\n".encode())


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise BadRequestError("expected a JSON object") from None
    if not isinstance(body, dict):
        raise BadRequestError("expected a JSON object")
    return body


async def _multipart(request: web.Request) -> tuple[dict[str, str], str | None, bytes]:
    fields: dict[str, str] = {}
    file_name: str | None = None
    data: bytes | None = None
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or part.name is None:
            continue
        if part.name == "file":
            file_name = part.filename
            data = bytes(await part.read(decode=True))
            if len(data) > UPLOAD_LIMIT:
                raise BadRequestError("a file is 50 MB at most")
        elif part.name in {"user_id", "chat_id", "kind", "caption"}:
            fields[part.name] = (await part.text())[:2048]
    if not data:
        raise BadRequestError("choose a file to send")
    return fields, _safe_name(file_name), data


def _safe_name(name: str | None) -> str | None:
    if not name:
        return None
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base[:128] or None


def _attachment(name: str) -> str:
    ascii_name = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name
    )
    return f'attachment; filename="{ascii_name}"'


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise BadRequestError(f"{name} must be a whole number")
    try:
        return int(value)
    except ValueError:
        raise BadRequestError(f"{name} must be a whole number") from None


def _int_text(value: str | None) -> int:
    return _int(value if value is not None else "", "id")


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise BadRequestError(f"{name} must be text")
    return value


def _text(value: Any) -> str:
    text = _str(value, "text")
    if not text.strip():
        raise BadRequestError("type something first")
    if len(text) > MAX_TEXT:
        raise BadRequestError(f"a message is {MAX_TEXT} characters at most")
    return text
