import logging

import pytest

from bot.logs import RedactingFormatter, configure_logging

TOKEN = "123456789:AAH-secret_part-0123456789"


def format_record(message: str, *args: object, exc: BaseException | None = None) -> str:
    formatter = RedactingFormatter("%(message)s", [TOKEN])
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, message, args, exc_info)
    return formatter.format(record)


def test_the_token_in_a_url_is_redacted() -> None:
    text = format_record("GET %s failed", f"https://api.telegram.org/bot{TOKEN}/getMe")

    assert TOKEN not in text
    assert "https://api.telegram.org/bot[redacted]/getMe" in text


def test_a_url_encoded_token_is_redacted() -> None:
    assert "AAH-secret" not in format_record("x=%s", TOKEN.replace(":", "%3A"))


def test_the_token_in_a_traceback_is_redacted() -> None:
    try:
        raise ConnectionError(f"cannot reach /bot{TOKEN}/sendMessage")
    except ConnectionError as error:
        text = format_record("request failed", exc=error)

    assert "ConnectionError" in text
    assert TOKEN not in text


@pytest.mark.parametrize("secrets", [[], [""]])
def test_without_secrets_nothing_is_changed(secrets: list[str]) -> None:
    formatter = RedactingFormatter("%(message)s", secrets)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "plain text", (), None)

    assert formatter.format(record) == "plain text"


def test_sql_parameters_stay_out_of_a_debug_log() -> None:
    """Every statement's parameters are people's data (their health record too, #15)."""
    root = logging.getLogger()
    handlers = root.handlers[:]
    names = ("aiosqlite", "sqlalchemy.engine", "aiohttp.access", "aiohttp.client", "httpx")
    levels = {name: logging.getLogger(name).level for name in (*names, "httpcore")}
    root_level = root.level
    try:
        configure_logging("DEBUG", [TOKEN])

        assert not logging.getLogger("aiosqlite").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.INFO)
        assert logging.getLogger("bot").isEnabledFor(logging.DEBUG)
    finally:
        root.handlers[:] = handlers
        root.setLevel(root_level)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
