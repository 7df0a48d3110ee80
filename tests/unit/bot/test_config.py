import logging
import re
from pathlib import Path

import pytest

from bot import __main__ as entry_point
from bot.config import ConfigError, Settings, config_path, load_settings
from bot.logs import RedactingFormatter

KEY = re.compile(r"^(?:# )?([a-z_]+) = ")
GOOD_TOKEN = "123456789:AAH-example_token_for_tests_only-0123"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "BOT_TOKEN",
        "TELEGRAM_API_BASE",
        "DATABASE_URL",
        "LOG_LEVEL",
        "BOT_ADMINS",
        "BOT_CONFIG",
    ):
        monkeypatch.delenv(name, raising=False)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_use_the_official_api_and_a_local_sqlite_file() -> None:
    settings = load_settings(None)

    assert settings.telegram_api_base == "https://api.telegram.org"
    assert settings.database_url.startswith("sqlite")
    assert "data/" in settings.database_url
    assert settings.log_level == "INFO"
    assert settings.bot_admins == frozenset()


def test_the_environment_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        tmp_path, 'log_level = "DEBUG"\ndatabase_url = "sqlite:///file.db"\nbot_admins = [1]\n'
    )
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/spotter")
    monkeypatch.setenv("BOT_ADMINS", "7, 8 9")
    monkeypatch.setenv("TELEGRAM_API_BASE", "http://127.0.0.1:8081/")

    settings = load_settings(path)

    assert settings.log_level == "DEBUG"
    assert settings.database_url == "postgresql://db/spotter"
    assert settings.bot_admins == {7, 8, 9}
    assert settings.telegram_api_base == "http://127.0.0.1:8081"


def test_the_example_config_documents_a_valid_configuration() -> None:
    example = Path(__file__).parents[3] / "config.example.toml"
    settings = load_settings(example)
    documented = {
        match[1] for line in example.read_text().splitlines() if (match := KEY.match(line))
    }

    assert documented == set(Settings.model_fields)
    assert settings.bot_token is not None


@pytest.mark.parametrize(
    "token", ["", "   ", "abc", "123456", ":abc", "12ab:xyz", "123:has space", "123:"]
)
def test_a_missing_or_malformed_token_says_how_to_get_one(
    token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_TOKEN", token)

    with pytest.raises(ConfigError, match="@BotFather") as raised:
        load_settings(None).require_token()

    if token.strip():
        assert token.strip() not in str(raised.value)


def test_a_good_token_is_accepted_and_hidden_from_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", GOOD_TOKEN)

    settings = load_settings(None)

    assert settings.require_token() == GOOD_TOKEN
    assert GOOD_TOKEN not in repr(settings)


def test_a_token_with_a_trailing_newline_is_still_redacted_from_the_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the log redaction got the token with its newline, so it never matched."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOT_TOKEN", GOOD_TOKEN + "\n")
    redacted: list[list[str]] = []

    async def no_migration(url: str) -> None:
        pass

    monkeypatch.setattr("storage.core.migrate.upgrade_to_head", no_migration)
    monkeypatch.setattr(
        entry_point, "configure_logging", lambda _, secrets: redacted.append(secrets)
    )

    assert entry_point.main(["migrate"]) == 0
    formatter = RedactingFormatter("%(message)s", redacted[0])
    url = f"https://api.telegram.org/bot{GOOD_TOKEN}/sendMessage"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "POST %s", (url,), None)
    assert GOOD_TOKEN not in formatter.format(record)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("log_levl = 'INFO'", "log_levl"),
        ("log_level = 'LOUD'", "log_level"),
        ("telegram_api_base = 'ftp://x'", "telegram_api_base"),
        ("bot_admins = ['me']", "bot_admins"),
        ("this is not toml", "Cannot read"),
    ],
)
def test_a_bad_config_file_is_one_clear_error(tmp_path: Path, text: str, complaint: str) -> None:
    with pytest.raises(ConfigError, match=complaint):
        load_settings(write(tmp_path, text))


def test_a_config_path_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        config_path(str(tmp_path / "missing.toml"))


def test_bot_config_names_the_file_when_no_flag_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "")
    monkeypatch.setenv("BOT_CONFIG", str(path))

    assert config_path(None) == path
