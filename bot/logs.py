"""Logging set-up that never lets a secret (the bot token) reach the output."""

from __future__ import annotations

import logging
import sys
from urllib.parse import quote

REDACTED = "[redacted]"


class RedactingFormatter(logging.Formatter):
    """Formats a record, tracebacks included, then blanks every known secret."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        variants = {form for secret in secrets if secret for form in (secret, quote(secret))}
        self._secrets = sorted(variants, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's access and client loggers would print request URLs, which contain the token.
    for noisy in ("aiohttp.access", "aiohttp.client", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    # aiosqlite (at DEBUG) and SQLAlchemy's engine (at INFO) log every statement with its
    # parameters: what people typed, their health record included, would reach the log.
    for telling in ("aiosqlite", "sqlalchemy.engine"):
        logging.getLogger(telling).setLevel(max(logging.WARNING, root.level))
