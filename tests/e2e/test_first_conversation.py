"""A person meets Spotter: /start, /help, the command menu, hints, groups."""

from __future__ import annotations

from emulator import BotApiEmulator
from tests.e2e.conftest import BOT_USERNAME, Spotter
from tests.e2e.steps import start


async def test_start_greets_a_new_athlete_and_help_lists_the_commands(
    emulator: BotApiEmulator, fresh_spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")

    greeting = await start(ann)
    await ann.send("/help")
    help_message = await ann.wait_for_message()

    assert "Ann" in greeting.content
    assert "Spotter" in greeting.content
    for command in ("/start", "/help", "/settings"):
        assert command in help_message.content
    assert "Running upgrade" in fresh_spotter.output()  # its empty database, migrated at start


async def test_a_second_start_welcomes_back_instead_of_registering_again(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    first = await start(ann)

    second = await start(ann)

    assert "Welcome back" not in first.content
    assert "Welcome back, Ann" in second.content


async def test_the_command_menu_is_set_at_start_up_in_english_and_in_russian(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    private = {"type": "all_private_chats"}
    menu = emulator.commands(scope=private)
    russian = emulator.commands(scope=private, language_code="ru")
    ukrainian = emulator.commands(scope=private, language_code="uk")

    assert {"start", "help", "settings"} <= {command["command"] for command in menu}
    assert [c["command"] for c in russian] == [c["command"] for c in menu]
    described = {c["command"]: c["description"] for c in russian}
    assert described["today"] == "Тренировка на сегодня, подход за подходом"
    assert ukrainian == russian
    groups = {c["command"] for c in emulator.commands(scope={"type": "all_group_chats"})}
    assert {"team", "classes", "track"} <= groups  # a group's menu is what a team does there
    assert "today" not in groups


async def test_a_name_with_html_is_shown_as_typed(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    mallory = emulator.user(1002, first_name="<b>Mal & Co</b>")

    greeting = await start(mallory)

    assert "<b>Mal & Co</b>" in greeting.content  # escaped on the way out, plain text on screen


async def test_unknown_text_and_commands_get_a_hint_not_silence(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")

    await ann.send("what now?")
    hint = await ann.wait_for_message()
    await ann.send("/squat")
    unknown = await ann.wait_for_message()
    await ann.send_document(b"hello", filename="notes.txt")
    unsupported = await ann.wait_for_message()

    assert "/help" in hint.content
    assert "don't know that command" in unknown.content
    assert "/help" in unsupported.content


async def test_in_a_group_spotter_speaks_only_when_addressed(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    club = emulator.group(-1001234, title="Barbell Club")
    club.add_member(ann)

    await ann.send("great session today", chat=club)
    await ann.send("/nonsense", chat=club)
    await ann.send(f"@{BOT_USERNAME} hello", chat=club)
    hint = await ann.wait_for_message(chat=club)
    await ann.send("/start", chat=club)
    invitation = await ann.wait_for_message(chat=club)

    assert len(club.bot_messages) == 2
    assert "/help" in hint.content
    assert invitation.buttons[0][0].url == f"https://t.me/{BOT_USERNAME}?start=group"
