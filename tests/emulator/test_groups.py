"""Group chats as a bot sees them over HTTP: admins, pins, privacy mode, joins, anonymous admins."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import (
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
)

from emulator import NOT_DELIVERED, BotApiEmulator, ChatDriver, UserDriver

ANONYMOUS_BOT_ID = 1087968824


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(
        token="123456:TEST-token", bot_username="spotter_test_bot"
    ) as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url))
    client = Bot(emu.token, session=session)
    yield client
    await client.session.close()


def team(emu: BotApiEmulator, chat_id: int = -1001234) -> tuple[ChatDriver, UserDriver, UserDriver]:
    """A group with its creator Ann and a member Bob; the bot is a plain member."""
    club = emu.group(chat_id, title="Barbell Club")
    ann, bob = emu.user(1001, first_name="Ann"), emu.user(1002, first_name="Bob")
    club.add_member(ann, "creator")
    club.add_member(bob)
    return club, ann, bob


# --- getChatAdministrators -----------------------------------------------------------------


async def test_administrators_are_the_creator_the_admins_and_the_bot_when_it_is_one(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, bob = team(emu)
    cat = emu.user(1003, first_name="Cat")
    club.add_member(cat, "administrator", is_anonymous=True, custom_title="Coach")

    before = await bot.get_chat_administrators(club.id)
    club.promote_bot(can_pin_messages=False)
    after = await bot.get_chat_administrators(club.id)

    assert [(type(m), m.user.id) for m in before] == [
        (ChatMemberOwner, ann.id),
        (ChatMemberAdministrator, cat.id),
    ]
    coach = before[1]
    assert isinstance(coach, ChatMemberAdministrator)
    assert (coach.is_anonymous, coach.custom_title, coach.can_pin_messages) == (
        True,
        "Coach",
        True,
    )
    assert [m.user.id for m in after] == [ann.id, cat.id, emu.bot_user.id]
    me = after[-1]
    assert isinstance(me, ChatMemberAdministrator)
    assert (me.user.is_bot, me.can_pin_messages) == (True, False)
    assert bob.id not in {m.user.id for m in after}


async def test_a_private_chat_or_an_unknown_one_has_no_administrators(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await emu.user(1001).send("/start")

    with pytest.raises(TelegramBadRequest, match="there are no administrators in the private"):
        await bot.get_chat_administrators(1001)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat_administrators(-100999)


async def test_get_chat_member_reflects_promotions_of_users_and_of_the_bot(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, bob = team(emu)

    club.promote(bob, is_anonymous=True, by=ann)
    club.promote_bot()
    promoted = await bot.get_chat_member(club.id, bob.id)
    me = await bot.get_chat_member(club.id, emu.bot_user.id)
    club.demote(bob)
    demoted = await bot.get_chat_member(club.id, bob.id)

    assert isinstance(promoted, ChatMemberAdministrator)
    assert promoted.is_anonymous is True
    assert isinstance(me, ChatMemberAdministrator)
    assert me.can_pin_messages is True
    assert isinstance(demoted, ChatMemberMember)


# --- pinning -------------------------------------------------------------------------------


async def test_pinning_in_a_supergroup_needs_an_admin_bot_with_can_pin_messages(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, _, _ = team(emu)
    board = await bot.send_message(club.id, "Team board")
    no_rights = "not enough rights to manage pinned messages in the chat"

    with pytest.raises(TelegramBadRequest, match=no_rights):
        await bot.pin_chat_message(club.id, board.message_id)
    club.promote_bot(can_pin_messages=False)
    with pytest.raises(TelegramBadRequest, match=no_rights):
        await bot.pin_chat_message(club.id, board.message_id)
    club.promote_bot(can_pin_messages=True)
    with pytest.raises(TelegramBadRequest, match="message to pin not found"):
        await bot.pin_chat_message(club.id, 999)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.pin_chat_message(-100999, board.message_id)

    assert await bot.pin_chat_message(club.id, board.message_id, disable_notification=True)
    assert club.pinned_message_id == board.message_id


async def test_a_pin_posts_a_pinned_message_service_message_but_no_update_for_the_bot(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, _, _ = team(emu)
    club.promote_bot()
    first = await bot.send_message(club.id, "Week 1 board")
    second = await bot.send_message(club.id, "Week 2 board")

    await bot.pin_chat_message(club.id, first.message_id)
    await bot.pin_chat_message(club.id, second.message_id, disable_notification=True)

    [loud, quiet] = club.service_messages
    assert (loud.service, loud.pinned_message_id, loud.from_bot) == (
        "pinned_message",
        first.message_id,
        True,
    )
    assert (quiet.pinned_message_id, quiet.silent) == (second.message_id, True)
    assert [m.content for m in club.bot_messages] == ["Week 1 board", "Week 2 board"]
    assert club.pinned_message_ids == [first.message_id, second.message_id]
    [promotion] = await bot.get_updates()  # no update for the bot's own pins
    assert promotion.my_chat_member is not None
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await bot.edit_message_text("x", chat_id=club.id, message_id=loud.message_id)

    await bot.unpin_chat_message(club.id)  # the most recent pin
    assert club.pinned_message_id == first.message_id
    await bot.unpin_chat_message(club.id, message_id=first.message_id)
    assert club.pinned_message_id is None
    await bot.pin_chat_message(club.id, second.message_id)
    await bot.unpin_all_chat_messages(club.id)
    assert club.pinned_message_ids == []


async def test_any_admin_may_pin_in_a_basic_group_and_anyone_in_a_private_chat(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, _ = team(emu, chat_id=-4242)
    ann_chat = emu.user(1001).chat
    await ann.send("/start")
    hello = await bot.send_message(ann.id, "hello")
    board = await bot.send_message(club.id, "board")

    await bot.pin_chat_message(ann.id, hello.message_id)
    with pytest.raises(TelegramBadRequest, match="not enough rights"):
        await bot.pin_chat_message(club.id, board.message_id)
    club.promote_bot(can_pin_messages=False)
    await bot.pin_chat_message(club.id, board.message_id)

    assert club.type == "group"
    assert (ann_chat.pinned_message_id, club.pinned_message_id) == (
        hello.message_id,
        board.message_id,
    )


async def test_a_deleted_message_is_no_longer_pinned(emu: BotApiEmulator, bot: Bot) -> None:
    club, _, _ = team(emu)
    club.promote_bot()
    board = await bot.send_message(club.id, "board")
    await bot.pin_chat_message(club.id, board.message_id)

    await bot.delete_message(club.id, board.message_id)

    assert club.pinned_message_id is None


async def test_a_user_s_pin_reaches_the_bot_as_a_pinned_message(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, _ = team(emu)
    board = await bot.send_message(club.id, "board")

    update_id = await ann.pin(board.message_id, chat=club)
    [update] = await bot.get_updates()

    assert update.update_id == update_id
    assert update.message is not None
    assert update.message.from_user is not None
    assert update.message.from_user.id == ann.id
    assert update.message.pinned_message is not None
    assert update.message.pinned_message.message_id == board.message_id
    assert club.pinned_message_id == board.message_id


# --- privacy mode --------------------------------------------------------------------------


async def test_with_privacy_mode_a_group_bot_hears_only_what_is_meant_for_it(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, bob = team(emu)
    board = await bot.send_message(club.id, "board")
    me = await bot.get_me()

    chatter = await ann.send("great session today", chat=club)
    reply_to_ann = await bob.send("same", chat=club, reply_to=club.messages[-1].message_id)
    other_bots = await ann.send("/start@other_bot", chat=club)
    late_command = await ann.send("try /start", chat=club)
    heard = [
        await ann.send("/start", chat=club),
        await ann.send("/log@Spotter_Test_Bot 100x5", chat=club),
        await bob.send("hey @spotter_test_bot", chat=club),
        await bob.send("done", chat=club, reply_to=board.message_id),
    ]
    edited = await ann.edit(club.messages[1].message_id, "great session, again", chat=club)
    updates = await bot.get_updates()

    assert me.can_read_all_group_messages is False
    assert [chatter, reply_to_ann, other_bots, late_command, edited] == [NOT_DELIVERED] * 5
    assert NOT_DELIVERED not in heard
    assert [u.update_id for u in updates] == heard
    assert len(club.messages) == 9  # kept in the chat all the same


async def test_without_privacy_mode_or_as_an_admin_the_bot_hears_everything(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, _ = team(emu)
    other = emu.group(-1005678, "Other")
    other.add_member(ann)
    other.promote_bot(by=ann)

    as_admin = await ann.send("chatter in a group where the bot is admin", chat=other)
    emu.privacy_mode = False
    unfiltered = await ann.send("chatter", chat=club)
    edit = await ann.edit(club.messages[-1].message_id, "chatter!", chat=club)
    me = await bot.get_me()

    assert NOT_DELIVERED not in {as_admin, unfiltered, edit}
    assert me.can_read_all_group_messages is True
    updates = await bot.get_updates(allowed_updates=["message", "edited_message"])
    assert [u.update_id for u in updates] == [as_admin, unfiltered, edit]


async def test_privacy_mode_can_be_switched_off_when_the_emulator_is_made() -> None:
    async with BotApiEmulator(privacy_mode=False) as emu:
        club, ann, _ = team(emu)

        assert await ann.send("chatter", chat=club) != NOT_DELIVERED


# --- joining and leaving -------------------------------------------------------------------


async def test_joins_and_leaves_are_service_messages_the_bot_always_receives(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, bob = team(emu)
    cat, dan = emu.user(1003, first_name="Cat"), emu.user(1004, first_name="Dan")

    joined = club.join(cat)
    added = club.join(dan, by=ann)
    left = club.leave(bob)
    removed = club.remove(cat, by=ann)
    updates = await bot.get_updates()
    statuses = [await bot.get_chat_member(club.id, u.id) for u in (bob, cat, dan)]

    assert [u.update_id for u in updates] == [joined, added, left, removed]
    messages = [u.message for u in updates]
    assert all(m is not None for m in messages)
    assert [[u.id for u in m.new_chat_members or []] for m in messages if m] == [
        [cat.id],
        [dan.id],
        [],
        [],
    ]
    assert [m.from_user.id for m in messages if m and m.from_user] == [
        cat.id,
        ann.id,
        bob.id,
        ann.id,
    ]
    assert [m.left_chat_member.id for m in messages if m and m.left_chat_member] == [
        bob.id,
        cat.id,
    ]
    assert [type(s) for s in statuses] == [ChatMemberLeft, ChatMemberBanned, ChatMemberMember]
    assert [m.service for m in club.service_messages] == [
        "new_chat_members",
        "new_chat_members",
        "left_chat_member",
        "left_chat_member",
    ]
    with pytest.raises(RuntimeError, match="join"):
        await bob.send("/start", chat=club)
    with pytest.raises(ValueError, match="already"):
        club.join(dan)


async def test_chat_member_updates_reach_an_admin_bot_that_asks_for_them(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, bob = team(emu)
    cat = emu.user(1003, first_name="Cat")

    assert club.join(cat) != NOT_DELIVERED
    assert club.promote(bob) is None  # a plain member bot is not told
    promoted_bot = club.promote_bot()
    joined = club.join(emu.user(1004))
    promoted = club.promote(cat, is_anonymous=True)
    updates = await bot.get_updates(allowed_updates=["message", "chat_member", "my_chat_member"])

    assert promoted_bot is not None
    assert promoted is not None
    kinds = [
        "message" if u.message else "my_chat_member" if u.my_chat_member else "chat_member"
        for u in updates
    ]
    assert kinds == ["message", "my_chat_member", "message", "chat_member", "chat_member"]
    change = updates[-1].chat_member
    assert change is not None
    assert (change.from_user.id, change.new_chat_member.user.id) == (ann.id, cat.id)
    assert isinstance(change.old_chat_member, ChatMemberMember)
    assert isinstance(change.new_chat_member, ChatMemberAdministrator)
    assert change.new_chat_member.is_anonymous is True
    assert updates[-2].update_id > joined


async def test_chat_member_updates_are_left_out_unless_allowed(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, _, _ = team(emu)
    promoted = club.promote_bot()
    assert promoted is not None

    joined = club.join(emu.user(1003))
    updates = await bot.get_updates(allowed_updates=["message", "my_chat_member"])

    assert [u.update_id for u in updates] == [promoted, joined]


# --- anonymous admins ----------------------------------------------------------------------


async def test_an_anonymous_admin_posts_as_the_group_from_group_anonymous_bot(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, ann, bob = team(emu)
    club.promote(bob, is_anonymous=True, custom_title="Head coach")

    update_id = await bob.send("/team", chat=club, anonymous=True)
    [update] = await bot.get_updates()

    message = update.message
    assert update.update_id == update_id
    assert message is not None
    assert message.from_user is not None
    assert (message.from_user.id, message.from_user.username, message.from_user.is_bot) == (
        ANONYMOUS_BOT_ID,
        "GroupAnonymousBot",
        True,
    )
    assert message.sender_chat is not None
    assert message.sender_chat.id == club.id
    assert message.author_signature == "Head coach"
    view = club.messages[-1]
    assert (view.sender_id, view.sender_chat_id, view.from_bot) == (
        ANONYMOUS_BOT_ID,
        club.id,
        False,
    )
    with pytest.raises(ValueError, match="anonymous admin"):
        await ann.send("/team", chat=club, anonymous=True)


# --- flood limits --------------------------------------------------------------------------


async def test_edits_count_against_a_group_s_twenty_messages_a_minute(
    emu: BotApiEmulator, bot: Bot
) -> None:
    club, _, _ = team(emu)
    emu.enforce_flood_limits(per_chat_per_second=100, burst=100)
    board = await bot.send_message(club.id, "board 0")

    for n in range(1, 20):
        await bot.edit_message_text(f"board {n}", chat_id=club.id, message_id=board.message_id)
    with pytest.raises(TelegramRetryAfter):
        await bot.edit_message_text("board 20", chat_id=club.id, message_id=board.message_id)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(club.id, "one more")

    assert [v.rule for v in emu.flood_violations] == ["per_group", "per_group"]
