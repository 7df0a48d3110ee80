"""sendMediaGroup as Telegram has it: 2–10 photos and videos as one album, a message each
sharing a media_group_id, refused whole when any item is wrong (#15: progress photos compared)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, InputMediaPhoto, InputMediaVideo

from emulator import BotApiEmulator
from tests.emulator.test_emulator import bot_for, png


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(
        token="123456:TEST-token", bot_username="spotter_test_bot"
    ) as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    client = bot_for(emu)
    yield client
    await client.session.close()


async def test_photos_by_file_id_arrive_as_one_album_with_its_caption(
    emu: BotApiEmulator, bot: Bot
) -> None:
    ann = emu.user(1001)
    await ann.send_photo(png(30, 40), caption="front")
    await ann.send_photo(png(40, 30), caption="front")
    before, after = [
        (u.message.photo or [])[-1].file_id for u in await bot.get_updates() if u.message
    ]

    sent = await bot.send_media_group(
        1001,
        media=[
            InputMediaPhoto(media=before, caption="<b>1 Nov</b> → 4 Dec", parse_mode="HTML"),
            InputMediaPhoto(media=after),
        ],
    )

    assert len(sent) == 2
    assert sent[0].media_group_id is not None
    assert sent[0].media_group_id == sent[1].media_group_id
    assert sent[0].caption == "1 Nov → 4 Dec"
    assert sent[1].caption is None
    assert [(m.photo or [])[-1].file_id for m in sent] == [before, after]
    shown = ann.chat.bot_messages
    assert [m.media_kind for m in shown] == ["photo", "photo"]
    assert shown[0].media_group_id == shown[1].media_group_id == sent[0].media_group_id


async def test_uploads_and_videos_may_share_an_album_and_each_album_has_its_own_id(
    emu: BotApiEmulator, bot: Bot
) -> None:
    emu.user(1001)
    await emu.user(1001).send("/start")
    photo = InputMediaPhoto(media=BufferedInputFile(png(10, 10), "a.png"))
    first = await bot.send_media_group(1001, media=[photo, photo])
    video = (await bot.send_video(1001, BufferedInputFile(b"\x00\x00\x00\x18ftyp", "v.mp4"))).video
    assert video is not None
    second = await bot.send_media_group(
        1001, media=[InputMediaVideo(media=video.file_id), InputMediaPhoto(media=photo.media)]
    )

    assert first[0].media_group_id != second[0].media_group_id
    assert second[0].video is not None
    assert second[1].photo is not None


@pytest.mark.parametrize(("count", "error"), [(1, "2 to 10"), (11, "too much messages")])
async def test_an_album_has_two_to_ten_items(
    emu: BotApiEmulator, bot: Bot, count: int, error: str
) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    image = (await bot.send_photo(1001, BufferedInputFile(png(10, 10), "p.png"))).photo
    assert image is not None

    with pytest.raises(TelegramBadRequest, match=error):
        await bot.send_media_group(1001, media=[InputMediaPhoto(media=image[-1].file_id)] * count)

    assert len(ann.chat.bot_messages) == 1  # the photo alone: nothing of the album was sent


async def test_one_wrong_item_refuses_the_whole_album(emu: BotApiEmulator, bot: Bot) -> None:
    ann = emu.user(1001)
    await ann.send("/start")
    image = (await bot.send_photo(1001, BufferedInputFile(png(10, 10), "p.png"))).photo
    assert image is not None

    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_media_group(
            1001,
            media=[InputMediaPhoto(media=image[-1].file_id), InputMediaPhoto(media="forged")],
        )
    with pytest.raises(TelegramBadRequest, match="caption"):
        await bot.send_media_group(
            1001,
            media=[
                InputMediaPhoto(media=image[-1].file_id, caption="x" * 1025),
                InputMediaPhoto(media=image[-1].file_id),
            ],
        )

    assert len(ann.chat.bot_messages) == 1
