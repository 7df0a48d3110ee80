"""The emulator driven by a real aiogram Bot over HTTP, so aiogram itself checks every shape."""

from __future__ import annotations

import asyncio
import struct
import time
import zlib
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    ChatMemberAdministrator,
    ChatMemberLeft,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from emulator import BotApiEmulator, EmulatorTimeoutError


def png(width: int, height: int) -> bytes:
    """A real, tiny RGB PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x10\x20\x30" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data)] for text, data in buttons
        ]
    )


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(
        token="123456:TEST-token", bot_username="spotter_test_bot"
    ) as emulator:
        yield emulator


def bot_for(emu: BotApiEmulator, token: str | None = None) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url))
    return Bot(token or emu.token, session=session)


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    client = bot_for(emu)
    yield client
    await client.session.close()


async def test_get_me_describes_the_bot_from_the_token(emu: BotApiEmulator, bot: Bot) -> None:
    me = await bot.get_me()

    assert emu.base_url.startswith("http://127.0.0.1:")
    assert (me.id, me.is_bot, me.username) == (123456, True, "spotter_test_bot")


async def test_a_wrong_token_is_unauthorized(emu: BotApiEmulator) -> None:
    intruder = bot_for(emu, token="999:wrong")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await intruder.get_me()
    finally:
        await intruder.session.close()


async def test_unknown_methods_are_not_found_and_other_encodings_are_accepted(
    emu: BotApiEmulator,
) -> None:
    emu.user(1001).chat.record.started = True
    url = f"{emu.base_url}/bot{emu.token}"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/sendTelepathy") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
        async with http.post(
            f"{url}/sendmessage", json={"chat_id": 1001, "text": "json"}
        ) as response:
            assert (await response.json())["result"]["text"] == "json"
        async with http.post(
            f"{url}/sendMessage", data={"chat_id": "1001", "text": "form"}
        ) as response:
            assert (await response.json())["result"]["chat"]["id"] == 1001


async def test_a_sent_message_can_be_edited_but_not_to_the_same_content(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001, first_name="Ann")
    await ann.send("/start")
    markup = keyboard(("✅ Done", "set:done"))

    sent = await bot.send_message(1001, "<b>Squat</b> 5×5", parse_mode="HTML", reply_markup=markup)
    edited = await bot.edit_message_text(
        "<b>Squat</b> 5×5 — done",
        chat_id=1001,
        message_id=sent.message_id,
        parse_mode="HTML",
        reply_markup=markup,
    )
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<strong>Squat</strong> 5×5 — done",
            chat_id=1001,
            message_id=sent.message_id,
            parse_mode="HTML",
            reply_markup=markup,
        )

    assert isinstance(edited, Message)
    assert edited.edit_date is not None
    [shown] = ann.chat.bot_messages
    assert shown.text == "Squat 5×5 — done"
    assert shown.entity_texts("bold") == ["Squat"]
    assert shown.edited
    assert shown.button_labels == [["✅ Done"]]


async def test_editing_without_markup_removes_the_keyboard(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    sent = await bot.send_message(1001, "pick", reply_markup=keyboard(("A", "a")))

    await bot.edit_message_text("picked", chat_id=1001, message_id=sent.message_id)

    assert ann.chat.message(sent.message_id).buttons == ()  # type: ignore[union-attr]


async def test_invalid_html_is_refused_and_reported_as_an_api_error(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await emu.user(1001).send("/start")

    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1001, "bench 100 < 120", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1001, "Tom & Jerry", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1001, "<b>unclosed", parse_mode="HTML")

    assert [error.status for error in emu.api_errors] == [400, 400, 400]


async def test_text_length_is_counted_after_html_parsing(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("/start")

    await bot.send_message(1001, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(1001, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_photo(1001, BufferedInputFile(png(2, 2), "p.png"), caption="c" * 1025)

    assert len(ann.chat.bot_messages[0].text or "") == 4096


async def test_callback_data_is_limited_to_64_bytes_not_characters(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await emu.user(1001).send("/start")

    await bot.send_message(1001, "ok", reply_markup=keyboard(("a", "a" * 64), ("é", "é" * 32)))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(1001, "too long", reply_markup=keyboard(("é", "é" * 33)))
    with pytest.raises(TelegramBadRequest, match="Text buttons are unallowed"):
        await bot.send_message(
            1001,
            "no action",
            reply_markup={"inline_keyboard": [[{"text": "bare"}]]},  # type: ignore[arg-type]
        )


async def test_long_polling_wakes_as_soon_as_an_update_arrives(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001, first_name="Ann")
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.05)
    started = time.monotonic()

    update_id = await ann.send("/start@spotter_test_bot hi")
    [update] = await poll

    assert time.monotonic() - started < 1
    assert update.update_id == update_id
    assert update.message is not None
    assert update.message.from_user is not None
    assert update.message.from_user.first_name == "Ann"
    [command] = update.message.entities or []
    assert (command.type, command.offset, command.length) == ("bot_command", 0, 23)


async def test_an_empty_poll_returns_after_its_timeout(bot: Bot) -> None:
    started = time.monotonic()

    assert await bot.get_updates(timeout=1) == []
    assert 0.9 < time.monotonic() - started < 2


async def test_offset_confirms_updates_and_limit_caps_the_batch(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    ids = [await ann.send(f"m{n}") for n in range(3)]

    first = await bot.get_updates(limit=2)
    again = await bot.get_updates(limit=2)
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    after = await bot.get_updates(offset=rest[-1].update_id + 1, timeout=0)

    assert [u.update_id for u in first] == ids[:2]
    assert [u.update_id for u in again] == ids[:2]
    assert [u.update_id for u in rest] == ids[2:]
    assert after == []
    assert emu.is_confirmed(ids[2])


async def test_allowed_updates_filters_what_polling_returns(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    await bot.send_message(1001, "pick", reply_markup=keyboard(("A", "a")))
    await ann.press("A")

    updates = await bot.get_updates(allowed_updates=["callback_query"])

    assert [u.callback_query is not None for u in updates] == [True]


async def test_a_redelivered_update_arrives_again_with_the_same_id(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    update_id = await ann.send("/help", deliver_twice=True)

    first = await bot.get_updates()
    second = await bot.get_updates(offset=update_id + 1)
    third = await bot.get_updates(offset=update_id + 1)
    emu.redeliver(update_id)
    fourth = await bot.get_updates(offset=update_id + 1)

    assert [u.update_id for u in first] == [update_id]
    assert [u.update_id for u in second] == [update_id]
    assert third == []
    assert [u.update_id for u in fourth] == [update_id]
    assert fourth[0].message is not None
    assert fourth[0].message.text == "/help"


async def test_an_injected_429_carries_retry_after_and_is_not_an_api_error(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await emu.user(1001).send("/start")
    emu.fail_next("sendMessage", status=429, retry_after=3, times=2)
    emu.fail_next(None, status=502)

    for _ in range(2):
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(1001, "hi")
        assert caught.value.retry_after == 3
    with pytest.raises(TelegramServerError):
        await bot.send_message(1001, "hi")
    await bot.send_message(1001, "hi")

    assert [r.status for r in emu.calls("sendMessage")] == [429, 429, 502, 200]
    assert emu.api_errors == []


async def test_a_user_who_blocks_the_bot_gets_403_and_a_my_chat_member_update(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    start_id = await ann.send("/start")

    ann.block_bot()
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(1001, "are you there?")
    updates = await bot.get_updates(offset=start_id + 1)

    [update] = updates
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    assert update.my_chat_member.old_chat_member.status == "member"
    ann.unblock_bot()
    await bot.send_message(1001, "welcome back")


async def test_the_bot_cannot_write_first_or_to_unknown_chats(
    emu: BotApiEmulator, bot: Bot
) -> None:
    emu.user(1001)

    with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
        await bot.send_message(1001, "hello?")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(4242, "hello?")


async def test_a_photo_upload_round_trips_through_get_file_and_download(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    image = png(320, 200)

    sent = await bot.send_photo(
        1001, BufferedInputFile(image, "chart.png"), caption="<i>e1RM</i>", parse_mode="HTML"
    )
    largest = (sent.photo or [])[-1]
    file = await bot.get_file(largest.file_id)
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    resent = await bot.send_photo(1001, largest.file_id)

    assert (largest.width, largest.height, largest.file_size) == (320, 200, len(image))
    assert downloaded is not None
    assert downloaded.read() == image
    assert sent.caption == "e1RM"
    assert (resent.photo or [])[-1].file_unique_id == largest.file_unique_id
    assert ann.chat.bot_messages[0].media_kind == "photo"
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(1001, BufferedInputFile(b"not an image", "x.png"))


async def test_files_users_send_can_be_fetched_by_the_bot(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send_document(b"squat,100,5\n", "log.csv", caption="my log")
    await ann.send_video(b"\x00\x00\x00\x18ftypmp42", caption="form check")

    document, video = [u.message for u in await bot.get_updates()]
    assert document is not None
    assert document.document is not None
    assert video is not None
    assert video.video is not None
    file = await bot.get_file(document.document.file_id)
    downloaded = await bot.download_file(file.file_path or "")

    assert document.document.file_name == "log.csv"
    assert document.caption == "my log"
    assert downloaded is not None
    assert downloaded.read() == b"squat,100,5\n"
    assert video.video.duration == 5


async def test_a_video_is_sent_again_from_a_second_and_copied_with_its_start(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    await ann.send_video(b"\x00\x00\x00\x18ftypmp42", duration=12)
    await ann.send_video_note(b"round", duration=8)
    await ann.send_voice(b"OggS", duration=3)
    video, note, voice = [u.message for u in await bot.get_updates()]
    assert video is not None
    assert video.video is not None
    assert note is not None
    assert note.video_note is not None
    assert voice is not None
    assert voice.voice is not None

    replay = await bot.send_video(1001, video.video.file_id, caption="0:03", start_timestamp=3)
    copied = await bot.copy_message(1001, 1001, video.message_id, video_start_timestamp=5)
    round_copy = await bot.copy_message(1001, 1001, note.message_id)
    voice_copy = await bot.copy_message(
        1001, 1001, voice.message_id, caption="<b>Sam</b>", parse_mode="HTML"
    )

    shown = {m.message_id: m for m in ann.chat.messages}
    assert (shown[replay.message_id].start_timestamp, shown[replay.message_id].caption) == (
        3,
        "0:03",
    )
    assert shown[copied.message_id].start_timestamp == 5
    assert shown[copied.message_id].file_ids == shown[video.message_id].file_ids
    assert shown[round_copy.message_id].media_kind == "video_note"
    assert shown[voice_copy.message_id].caption == "Sam"
    for past_the_end in (13, 1_700_000_000):  # what a timedelta turned absolute would send
        with pytest.raises(TelegramBadRequest, match="VIDEO_START_TIMESTAMP_INVALID"):
            await bot.send_video(1001, video.video.file_id, start_timestamp=past_the_end)
    with pytest.raises(TelegramBadRequest, match="message to copy not found"):
        await bot.copy_message(1001, 1001, 999)


async def test_pressing_a_button_by_label_sends_a_callback_query(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    sent = await bot.send_message(
        1001,
        "Set 1: 100 kg × 5",
        reply_markup=keyboard(("✅ Done", "set:1:done"), ("✏️ Edit", "set:1:edit")),
    )
    await bot.get_updates()

    query_id = await ann.press("✅ Done")
    [update] = await bot.get_updates(offset=2)
    query = update.callback_query
    assert query is not None
    await bot.answer_callback_query(query.id, text="Logged")

    assert query.id == query_id
    assert query.data == "set:1:done"
    assert isinstance(query.message, Message)
    assert query.message.message_id == sent.message_id
    assert [(a.query_id, a.text) for a in ann.callback_answers] == [(query_id, "Logged")]
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query.id)
    with pytest.raises(LookupError):
        await ann.press("Nope")


async def test_wait_for_message_and_edit_follow_the_bot_in_a_polling_loop(
    emu: BotApiEmulator, bot: Bot
) -> None:
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        reply = await message.answer(f"you said {message.text}")
        await reply.edit_text(f"you said: {message.text}")

    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    ann = emu.user(1001)
    try:
        await ann.send("hello")
        first = await ann.wait_for_message()
        edit = await ann.wait_for_edit(message_id=first.message_id)
    finally:
        await dp.stop_polling()
        await polling

    assert first.text == "you said hello"
    assert edit.text == "you said: hello"
    assert [m.content for m in ann.chat.messages] == ["hello", "you said: hello"]
    with pytest.raises(EmulatorTimeoutError, match="a bot message"):
        await ann.wait_for_message(timeout=0.05)


async def test_deleted_messages_leave_the_chat(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    sent = await bot.send_message(1001, "temporary")

    await bot.delete_message(1001, sent.message_id)

    assert [m.content for m in ann.chat.messages] == ["/start"]
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(1001, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=1001, message_id=sent.message_id)


async def test_a_user_edit_becomes_an_edited_message_update(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("100x5")
    [sent] = await bot.get_updates()
    assert sent.message is not None

    await ann.edit(sent.message.message_id, "105x5")
    [update] = await bot.get_updates(offset=sent.update_id + 1)

    assert update.edited_message is not None
    assert update.edited_message.text == "105x5"
    assert update.edited_message.edit_date is not None


async def test_groups_have_members_the_bot_can_check(emu: BotApiEmulator, bot: Bot) -> None:
    ann, bob = emu.user(1001, first_name="Ann"), emu.user(1002, first_name="Bob")
    club = emu.group(-1001234, title="Barbell Club")
    club.add_member(ann, status="administrator")

    await ann.send("/hello", chat=club)
    [update] = await bot.get_updates()
    admin = await bot.get_chat_member(club.id, ann.id)
    outsider = await bot.get_chat_member(club.id, bob.id)
    await bot.send_message(club.id, "hi club")

    assert update.message is not None
    assert (update.message.chat.type, update.message.chat.title) == ("supergroup", "Barbell Club")
    assert isinstance(admin, ChatMemberAdministrator)
    assert isinstance(outsider, ChatMemberLeft)
    club.remove_bot(by=ann)
    with pytest.raises(TelegramForbiddenError, match="kicked"):
        await bot.send_message(club.id, "still here?")


async def test_commands_are_stored_per_scope_and_language(emu: BotApiEmulator, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command="start", description="Begin")])
    await bot.set_my_commands(
        [BotCommand(command="start", description="Начать")], language_code="ru"
    )

    assert [c.description for c in await bot.get_my_commands()] == ["Begin"]
    assert emu.commands(language_code="ru") == [{"command": "start", "description": "Начать"}]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start Now", description="x")])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == []


async def test_flood_limits_answer_429_after_a_burst(emu: BotApiEmulator, bot: Bot) -> None:
    await emu.user(1001).send("/start")
    emu.enforce_flood_limits(per_chat_per_second=1, burst=2)

    await bot.send_message(1001, "one")
    await bot.send_message(1001, "two")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1001, "three")

    assert 1 <= caught.value.retry_after <= 2
    assert [v.rule for v in emu.flood_violations] == ["per_chat"]
    assert emu.api_errors == []


async def test_chat_actions_are_recorded(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("/start")

    await bot.send_chat_action(1001, "upload_photo")

    assert ann.chat.actions == ["upload_photo"]
