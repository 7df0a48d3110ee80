"""Webhook mode's settings: polling stays the default; the URL and secret are checked at start."""

from pathlib import Path

import pytest

from bot import __main__ as entry_point
from bot.config import ConfigError, Settings, load_settings

GOOD_TOKEN = "123456789:AAH-example_token_for_tests_only-0123"
SECRET = "Abc-123_xyz"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no ./config.toml
    for name in ("BOT_TOKEN", "BOT_CONFIG", "MODE", "WEBHOOK_URL", "WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)


def test_polling_is_the_default_mode() -> None:
    assert load_settings(None).mode == "polling"


def test_webhook_mode_and_its_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MODE", "Webhook")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.com/tg/hook")
    monkeypatch.setenv("WEBHOOK_SECRET", SECRET)

    settings = load_settings(None)
    webhook = settings.require_webhook()

    assert settings.mode == "webhook"
    assert (webhook.url, webhook.secret, webhook.path) == (
        "https://bot.example.com/tg/hook",
        SECRET,
        "/tg/hook",
    )
    assert (webhook.host, webhook.port) == ("127.0.0.1", 8443)
    assert SECRET not in repr(settings)
    assert SECRET in settings.secrets()  # so the logs redact it


@pytest.mark.parametrize("secret", ["has space", "ключ", "x" * 257, "semi;colon"])
def test_a_secret_telegram_would_refuse_is_a_config_error_that_does_not_repeat_it(
    monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    monkeypatch.setenv("WEBHOOK_SECRET", secret)

    with pytest.raises(ConfigError, match="webhook_secret") as raised:
        load_settings(None)

    assert secret not in str(raised.value)


def test_a_webhook_url_must_be_an_absolute_http_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "bot.example.com/hook")

    with pytest.raises(ConfigError, match="webhook_url"):
        load_settings(None)


def test_webhook_mode_without_url_or_secret_names_what_is_missing() -> None:
    with pytest.raises(ConfigError, match="webhook_url and webhook_secret"):
        Settings(mode="webhook").require_webhook()
    with pytest.raises(ConfigError, match="needs webhook_secret \\("):
        Settings(mode="webhook", webhook_url="https://x.example/h").require_webhook()


def test_python_m_bot_webhook_without_a_secret_exits_2_saying_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_TOKEN", GOOD_TOKEN)
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.com/hook")
    monkeypatch.setattr(entry_point, "configure_logging", lambda *_: None)

    assert entry_point.main(["webhook"]) == entry_point.EXIT_CONFIG_ERROR
    assert "webhook_secret" in capsys.readouterr().err
