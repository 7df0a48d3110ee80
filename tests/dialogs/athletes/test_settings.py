from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.dialogs.conftest import RecordingBot, spotter_dispatcher


async def test_settings_before_start_asks_to_start_first(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/settings")

    assert "/start" in bot.sent[-1].text
    assert message_manager.sent_messages == []


async def test_the_card_shows_utc_for_a_new_athlete(
    client: BotClient, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")

    card = message_manager.one_message()
    assert "Time zone: <b>UTC</b>" in (card.text or "")


async def test_typing_a_city_sets_the_time_zone_and_the_card_shows_it(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    await client.click(message_manager.one_message(), InlineButtonTextLocator(".*Time zone"))
    message_manager.reset_history()

    await client.send("Berlin")

    assert "Europe/Berlin" in bot.sent[-1].text
    assert "Time zone: <b>Europe/Berlin</b>" in (message_manager.last_message().text or "")
    message_manager.reset_history()
    await client.send("/settings")
    assert "Europe/Berlin" in (message_manager.one_message().text or "")


async def test_an_unknown_time_zone_is_explained_escaped_and_changes_nothing(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    await client.click(message_manager.one_message(), InlineButtonTextLocator(".*Time zone"))

    await client.send("<b>Atlantis</b>")

    assert "&lt;b&gt;Atlantis&lt;/b&gt;" in bot.sent[-1].text
    message_manager.reset_history()
    await client.send("/settings")
    assert "Time zone: <b>UTC</b>" in (message_manager.one_message().text or "")


async def test_the_card_survives_a_restart_of_the_dispatcher(
    client: BotClient,
    bot: RecordingBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """The dialog stack lives in the database: a new dispatcher continues the same card."""
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    card = message_manager.one_message()

    restarted = spotter_dispatcher(session_factory, message_manager)
    after_restart = BotClient(restarted, user_id=1001, chat_id=1001, bot=bot)
    after_restart.last_update_id = 1_000  # update ids keep growing across a restart

    await after_restart.click(card, InlineButtonTextLocator(".*Time zone"))

    assert "Type your time zone" in (message_manager.last_message().text or "")


async def test_units_plates_and_rounding_are_set_from_the_card(
    client: BotClient, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    card = message_manager.one_message()
    assert "Units: <b>kg</b>" in (card.text or "")
    assert "Smallest plate: <b>1.25 kg</b>" in (card.text or "")

    await client.click(card, InlineButtonTextLocator(".*Use lb"))
    in_pounds = message_manager.last_message()
    await client.click(in_pounds, InlineButtonTextLocator(".*Round down"))
    rounding_down = message_manager.last_message()

    assert "Units: <b>lb</b>" in (in_pounds.text or "")
    assert "Smallest plate: <b>2.5 lb</b>" in (in_pounds.text or "")
    assert "weights round down" in (rounding_down.text or "")
    await client.click(rounding_down, InlineButtonTextLocator(".*Smallest plate"))
    await client.click(message_manager.last_message(), InlineButtonTextLocator("1.25"))
    assert "Smallest plate: <b>1.25 lb</b>" in (message_manager.last_message().text or "")


def buttons(message: object) -> list[str]:
    markup = getattr(message, "reply_markup", None)
    return [button.text for row in (markup.inline_keyboard if markup else []) for button in row]


async def test_the_language_switch_changes_the_card_the_menu_and_survives_a_new_start(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    assert "🌐 Русский" in buttons(message_manager.one_message())

    await client.click(message_manager.one_message(), InlineButtonTextLocator(".*Русский"))

    card = message_manager.last_message()
    assert "🌐 English" in buttons(card)
    assert "Язык: <b>Русский</b>" in (card.text or "")
    menu = bot.menus[-1]
    assert menu.scope is not None
    assert menu.scope.model_dump(exclude_none=True) == {"type": "chat", "chat_id": 1001}
    assert menu.commands[0].description == "Тренировка на сегодня, подход за подходом"
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    assert "🌐 English" in buttons(message_manager.one_message())


async def test_a_russian_client_is_spoken_to_in_russian_from_the_first_start(
    client: BotClient, message_manager: MockMessageManager
) -> None:
    client.user = TelegramUser(id=1001, is_bot=False, first_name="Оля", language_code="ru")
    await client.send("/start")
    message_manager.reset_history()

    await client.send("/settings")

    assert "🌐 English" in buttons(message_manager.one_message())


async def test_the_metcon_kit_is_ticked_on_its_card_and_a_repeated_tap_changes_nothing_more(
    client: BotClient, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    card = message_manager.one_message()
    assert "MetCon kit: <b>a full gym (not set yet)</b>" in (card.text or "")

    await client.click(card, InlineButtonTextLocator(".*MetCon kit"))
    kit_card = message_manager.last_message()
    assert "✅ Barbell" in buttons(kit_card)
    await client.click(kit_card, InlineButtonTextLocator("✅ Barbell"))
    assert "▫️ Barbell" in buttons(message_manager.last_message())
    await client.click(kit_card, InlineButtonTextLocator("✅ Barbell"))  # the same tap again
    after = message_manager.last_message()
    assert "▫️ Barbell" in buttons(after)
    assert "✅ Rower" in buttons(after)

    await client.click(after, InlineButtonTextLocator(".*Back"))
    summary = message_manager.last_message().text or ""
    assert "MetCon kit: <b>Dumbbells, Kettlebell, Pull-up bar, Rower," in summary
    assert "Barbell" not in summary


async def test_bodyweight_only_and_womens_rx_are_set_from_the_card(
    client: BotClient, message_manager: MockMessageManager
) -> None:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/settings")
    await client.click(message_manager.one_message(), InlineButtonTextLocator(".*MetCon kit"))
    await client.click(message_manager.last_message(), InlineButtonTextLocator(".*Nothing.*"))
    assert not [b for b in buttons(message_manager.last_message()) if b.startswith("✅")]
    await client.click(message_manager.last_message(), InlineButtonTextLocator(".*Back"))

    await client.click(message_manager.last_message(), InlineButtonTextLocator(".*women's Rx"))

    summary = message_manager.last_message().text or ""
    assert "MetCon kit: <b>bodyweight only</b>" in summary
    assert "Rx loads and medians: <b>women's</b>" in summary
