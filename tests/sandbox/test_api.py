"""The page's API as untrusted input: bad requests get a 400 and change nothing."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from emulator import BotApiEmulator
from sandbox.people import GROUP_ID, People
from sandbox.web import STATIC, SandboxApi

TOKEN = "7000000001:sandbox-test-token"
ALEX, MASHA, SAM = 1001, 1002, 1003
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


class Page:
    """What the sandbox page can do, over HTTP."""

    def __init__(self, emulator: BotApiEmulator, people: People, http: aiohttp.ClientSession):
        self.emulator = emulator
        self.people = people
        self.http = http
        self.url = emulator.base_url

    async def post(self, path: str, body: Any) -> tuple[int, dict[str, Any]]:
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        headers = {"Content-Type": "application/json"}
        async with self.http.post(self.url + path, data=data, headers=headers) as response:
            return response.status, await response.json()

    async def bot_sends(self, method: str, **params: Any) -> Any:
        async with self.http.post(f"{self.url}/bot{TOKEN}/{method}", json=params) as response:
            answer = await response.json()
        assert answer["ok"], answer
        return answer["result"]

    def unchanged(self) -> tuple[int, int]:
        """(updates waiting for the bot, messages in every chat)."""
        messages = sum(len(chat.messages) for chat in self.people.chats())
        return self.emulator.updates.pending_count, messages


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    people: People | None = None

    def routes(app: Any) -> None:
        assert people is not None
        SandboxApi(emulator, people).add_routes(app)

    emulator = BotApiEmulator(token=TOKEN, bot_username="spotter_sandbox_bot", add_routes=routes)
    people = People(emulator)
    for persona in (ALEX, MASHA, SAM):
        emulator.user(persona).allow_messages()  # as if each had started the bot already
    async with emulator, aiohttp.ClientSession() as http:
        yield Page(emulator, people, http)


async def test_a_persona_writes_and_the_bot_gets_exactly_that_update(page: Page) -> None:
    status, answer = await page.post(
        "/api/send", {"chat_id": ALEX, "user_id": ALEX, "text": "/start"}
    )

    assert status == 200
    assert answer["update_id"] >= 1
    assert page.emulator.updates.pending_count == 1
    [sent] = page.emulator.chat(ALEX).messages
    assert (sent.text, sent.sender_id) == ("/start", ALEX)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("not json", "JSON object"),
        ("[1, 2]", "JSON object"),
        ({"chat_id": ALEX, "text": "hi"}, "user_id must be a whole number"),
        ({"chat_id": ALEX, "user_id": "Alex", "text": "hi"}, "user_id must be a whole number"),
        ({"chat_id": ALEX, "user_id": True, "text": "hi"}, "user_id must be a whole number"),
        ({"chat_id": 4242, "user_id": 4242, "text": "hi"}, "no persona 4242"),
        ({"chat_id": MASHA, "user_id": ALEX, "text": "hi"}, "not in chat"),
        ({"chat_id": ALEX, "user_id": ALEX, "text": "   "}, "type something"),
        ({"chat_id": ALEX, "user_id": ALEX, "text": 8}, "text must be text"),
        ({"chat_id": ALEX, "user_id": ALEX, "text": "x" * 4097}, "4096 characters"),
        ({"chat_id": ALEX, "user_id": ALEX, "text": "hi", "reply_to": 99}, "replied to is gone"),
    ],
)
async def test_a_bad_message_is_refused_and_changes_nothing(
    page: Page, body: Any, says: str
) -> None:
    before = page.unchanged()

    status, answer = await page.post("/api/send", body)

    assert status == 400
    assert says in answer["error"]
    assert page.unchanged() == before


async def test_only_the_buttons_on_the_message_can_be_pressed(page: Page) -> None:
    card = await page.bot_sends(
        "sendMessage",
        chat_id=ALEX,
        text="Set 1 of 9",
        reply_markup={"inline_keyboard": [[{"text": "✅ Done", "callback_data": "set:done:1"}]]},
    )
    press = {"chat_id": ALEX, "user_id": ALEX, "message_id": card["message_id"]}
    before = page.unchanged()

    for forged in ("set:done:2", None, 7):
        status, answer = await page.post("/api/press", {**press, "data": forged})
        assert (status, answer["error"]) == (400, "that message has no such button (any more)")
    status, _ = await page.post("/api/press", {**press, "user_id": MASHA, "data": "set:done:1"})
    assert status == 400
    assert page.unchanged() == before

    status, answer = await page.post("/api/press", {**press, "data": "set:done:1"})
    assert status == 200
    assert page.emulator.updates.pending_count == before[0] + 1
    assert answer["query_id"]


async def test_only_your_own_text_messages_can_be_edited(page: Page) -> None:
    reply = await page.bot_sends("sendMessage", chat_id=GROUP_ID, text="Workout of the day")
    await page.post("/api/send", {"chat_id": GROUP_ID, "user_id": ALEX, "text": "100x5"})
    mine = page.people.group.messages[-1].message_id
    before = page.unchanged()

    for user, message_id in ((ALEX, reply["message_id"]), (MASHA, mine), (ALEX, 999)):
        body = {"chat_id": GROUP_ID, "user_id": user, "message_id": message_id, "text": "8"}
        status, answer = await page.post("/api/edit", body)
        assert (status, answer["error"]) == (400, "only your own text messages can be edited")
    assert page.unchanged() == before

    body = {"chat_id": GROUP_ID, "user_id": ALEX, "message_id": mine, "text": "100x6"}
    assert (await page.post("/api/edit", body))[0] == 200
    assert page.people.group.message(mine).text == "100x6"  # type: ignore[union-attr]


async def upload(page: Page, kind: str, data: bytes, name: str) -> tuple[int, dict[str, Any]]:
    form = aiohttp.FormData()
    form.add_field("chat_id", str(ALEX))
    form.add_field("user_id", str(ALEX))
    form.add_field("kind", kind)
    form.add_field("file", data, filename=name)
    async with page.http.post(page.url + "/api/upload", data=form) as response:
        return response.status, await response.json()


async def test_uploads_arrive_as_telegram_would_send_them_and_bad_ones_do_not(page: Page) -> None:
    before = page.unchanged()
    assert await upload(page, "photo", b"not an image", "x.png") == (
        400,
        {"error": "a photo is a PNG, JPEG or GIF of 10 MB at most"},
    )
    assert (await upload(page, "sticker", PNG, "x.png"))[0] == 400
    assert page.unchanged() == before

    assert (await upload(page, "photo", PNG, "me.png"))[0] == 200
    assert (await upload(page, "document", b"T1 squat: 5x5", "plan.txt"))[0] == 200
    photo, document = page.emulator.chat(ALEX).messages[-2:]
    assert photo.media_kind == "photo"
    assert document.media_kind == "document"
    sent = page.emulator.files.media(document.file_ids[0])
    assert sent is not None
    assert sent.payload["file_name"] == "plan.txt"


async def test_files_the_bot_sends_download_and_never_render_as_a_page(page: Page) -> None:
    form = aiohttp.FormData()
    form.add_field("chat_id", str(ALEX))
    form.add_field("document", b"<script>alert(1)</script>", filename="evil.html")
    async with page.http.post(f"{page.url}/bot{TOKEN}/sendDocument", data=form) as response:
        sent = (await response.json())["result"]

    async with page.http.get(f"{page.url}/api/files/{sent['document']['file_id']}") as response:
        assert response.content_type == "application/octet-stream"
        assert response.headers["Content-Disposition"] == 'attachment; filename="evil.html"'
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    async with page.http.get(f"{page.url}/api/files/nope") as response:
        assert response.status == 404


@pytest.mark.parametrize("path", ["/static/index.html", "/static/..%2Fweb.py", "/static/x.js"])
async def test_only_the_pages_own_files_are_served(page: Page, path: str) -> None:
    async with page.http.get(page.url + path) as response:
        assert response.status == 404


async def test_nothing_the_page_loads_can_call_out_of_the_sandbox(page: Page) -> None:
    for path in ("/", "/static/app.js", "/static/style.css", "/api/world"):
        async with page.http.get(page.url + path) as response:
            policy = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in policy
            assert "connect-src 'self'" in policy
    for asset in STATIC.iterdir():
        text = asset.read_text(encoding="utf-8")
        addresses = re.findall(r"https?://[\w-]+\.[\w.-]+", text)
        assert not addresses, f"{asset.name} names {addresses}"
    page_links = re.findall(r'(?:src|href)="([^"]*)"', (STATIC / "index.html").read_text())
    assert page_links
    assert all(link.startswith("/static/") for link in page_links), page_links


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"name": "", "language": "en"}, "1 to 64 characters"),
        ({"name": "x" * 65, "language": "en"}, "1 to 64 characters"),
        ({"name": "Kim", "language": "english"}, "a code such as"),
        ({"name": "Kim", "language": "en", "role": "admin"}, "athlete or a coach"),
        ({"name": ["Kim"], "language": "en"}, "name must be text"),
    ],
)
async def test_a_bad_persona_is_refused(page: Page, body: dict[str, Any], says: str) -> None:
    status, answer = await page.post("/api/personas", body)

    assert status == 400
    assert says in answer["error"]
    assert len(page.people.personas) == 3


async def test_a_new_persona_has_a_private_chat_and_joins_the_group(page: Page) -> None:
    status, kim = await page.post("/api/personas", {"name": " Kim  Lee ", "language": "pt-BR"})
    assert status == 200
    assert (kim["name"], kim["language"], kim["role"]) == ("Kim Lee", "pt-br", "athlete")

    async with page.http.get(page.url + "/api/world") as response:
        world = await response.json()
    chats = {chat["id"]: chat for chat in world["chats"]}
    assert chats[kim["user_id"]]["type"] == "private"
    assert kim["user_id"] in chats[GROUP_ID]["members"]
    status, _ = await page.post(
        "/api/send", {"chat_id": GROUP_ID, "user_id": kim["user_id"], "text": "hi all"}
    )
    assert status == 200


async def read_events(response: aiohttp.ClientResponse, count: int) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    async with asyncio.timeout(5):
        while len(events) < count:
            line = (await response.content.readline()).decode()
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
    return events


async def test_the_page_hears_history_then_each_change_live(page: Page) -> None:
    first = await page.bot_sends("sendMessage", chat_id=ALEX, text="<b>Hi</b>", parse_mode="HTML")
    async with page.http.get(page.url + "/api/events") as events:
        [snapshot] = await read_events(events, 1)
        [shown] = snapshot["chats"][str(ALEX)]
        assert (shown["text"], shown["entities"]) == (
            "Hi",
            [{"type": "bold", "offset": 0, "length": 2}],
        )

        await page.bot_sends(
            "editMessageText", chat_id=ALEX, message_id=first["message_id"], text="Bye"
        )
        await page.bot_sends("deleteMessage", chat_id=ALEX, message_id=first["message_id"])
        edit, delete = await read_events(events, 2)

    assert (edit["type"], edit["message"]["text"], edit["message"]["edited"]) == (
        "edit",
        "Bye",
        True,
    )
    assert (delete["type"], delete["chat_id"]) == ("delete", ALEX)


async def test_a_clip_the_bot_replays_from_a_moment_shows_where_it_starts(page: Page) -> None:
    assert (await upload(page, "video", b"\x00\x00\x00\x18ftypmp42", "squat.mp4"))[0] == 200
    [clip] = page.emulator.chat(ALEX).messages[-1:]
    await page.bot_sends(
        "sendVideo", chat_id=ALEX, video=clip.file_ids[0], caption="0:03 hips", start_timestamp=3
    )
    async with page.http.get(page.url + "/api/events") as events:
        [snapshot] = await read_events(events, 1)

    sent, replay = snapshot["chats"][str(ALEX)][-2:]
    assert sent["media"]["start"] is None
    assert (replay["caption"], replay["media"]["kind"], replay["media"]["start"]) == (
        "0:03 hips",
        "video",
        3,
    )
    async with page.http.get(f"{page.url}/api/files/{clip.file_ids[0]}") as response:
        assert response.content_type == "video/mp4"
