"""Configuration: config.toml (path from --config or BOT_CONFIG) with environment overrides."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    Field,
    PositiveFloat,
    PositiveInt,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

DEFAULT_CONFIG_FILE = Path("config.toml")
OFFICIAL_API_BASE = "https://api.telegram.org"
TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,200}$")
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
Mode = Literal["polling", "webhook"]
# What Telegram allows in X-Telegram-Bot-Api-Secret-Token (setWebhook's secret_token).
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

BOTFATHER_ADVICE = (
    "No valid bot token: create a bot with @BotFather in Telegram (/newbot), then set "
    "BOT_TOKEN=<the token it gives you> or bot_token in config.toml."
)


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to fix, in one line."""


@dataclass(frozen=True)
class WebhookSettings:
    """What webhook mode needs, all present: where Telegram calls, the secret, where to listen."""

    url: str
    secret: str
    host: str
    port: int

    @property
    def path(self) -> str:
        """The path Telegram's POSTs arrive on: the public URL's (a proxy passes it through)."""
        return urlsplit(self.url).path or "/"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="forbid", case_sensitive=False, frozen=True)

    bot_token: SecretStr | None = None
    telegram_api_base: str = OFFICIAL_API_BASE
    database_url: str = "sqlite+aiosqlite:///data/spotter.db"
    redis_url: str | None = None
    log_level: LogLevel = "INFO"
    bot_admins: Annotated[frozenset[int], NoDecode] = frozenset()
    polling_timeout_seconds: int = 10
    shutdown_grace_seconds: float = 7.0
    rest_refresh_seconds: float = 15.0
    # The outbox sender (scheduler/delivery/sender.py): Telegram's flood limits and how it drains.
    delivery_global_per_second: PositiveFloat = 30.0
    delivery_per_chat_per_second: PositiveFloat = 1.0
    delivery_group_per_minute: PositiveFloat = 20.0
    delivery_headroom: Annotated[float, Field(ge=0, lt=1)] = 0.03
    delivery_concurrency: PositiveInt = 8
    delivery_poll_seconds: PositiveFloat = 1.0
    outbox_retention_days: PositiveInt = 14
    # Reminders (domain/reminders/): how often the job looks for due ones, and how late one
    # may still go out after downtime before it is dropped.
    reminder_interval_seconds: PositiveFloat = 60.0
    reminder_grace_minutes: PositiveFloat = 120.0
    # Several processes on PostgreSQL: how often one that does not run the periodic jobs tries
    # to take them over (scheduler/leader.py), and so how long they may stop when the one
    # running them dies.
    leader_retry_seconds: PositiveFloat = 5.0
    # How updates arrive: long polling (one process, the default) or Telegram's webhook, served
    # by an aiohttp server on webhook_host:webhook_port with /healthz, /readyz and /metrics.
    mode: Mode = "polling"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: Annotated[int, Field(ge=1, le=65535)] = 8443
    # Set by `python -m bot cluster` for its workers: processes sharing the database keep
    # nothing in memory another one could contradict (the ledger asks SQL, the FSM no cache).
    cluster_worker: bool = False

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment overrides the file, whose values arrive as init arguments.
        return env_settings, init_settings

    @field_validator("bot_admins", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(",", " ").split())
        return value

    @field_validator("bot_token")
    @classmethod
    def _strip_token(cls, value: SecretStr | None) -> SecretStr | None:
        # A token pasted or read from a file often ends in a newline; the log redaction and
        # the requests must both see the token itself.
        return None if value is None else SecretStr(value.get_secret_value().strip())

    @field_validator("telegram_api_base")
    @classmethod
    def _strip_trailing_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("webhook_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError("must be an absolute http:// or https:// URL")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        secret = value.get_secret_value().strip()
        if not WEBHOOK_SECRET_PATTERN.fullmatch(secret):
            # The message never repeats the value: it is a secret.
            raise ValueError("must be 1 to 256 characters, each A-Z, a-z, 0-9, _ or -")
        return SecretStr(secret)

    @field_validator("mode", mode="before")
    @classmethod
    def _lower_case_mode(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    def require_token(self) -> str:
        """The bot token, or a ConfigError that tells how to get one."""
        token = self.bot_token.get_secret_value() if self.bot_token else ""
        if not TOKEN_PATTERN.fullmatch(token):
            raise ConfigError(BOTFATHER_ADVICE)
        return token

    def require_webhook(self) -> WebhookSettings:
        """Webhook mode's settings, or a ConfigError that names what is missing."""
        missing = [
            name
            for name, value in (
                ("webhook_url", self.webhook_url),
                ("webhook_secret", self.webhook_secret),
            )
            if value is None
        ]
        if missing or self.webhook_url is None or self.webhook_secret is None:
            raise ConfigError(
                f"Webhook mode needs {' and '.join(missing)} (WEBHOOK_URL: the public HTTPS "
                "URL Telegram calls; WEBHOOK_SECRET: 1-256 of A-Z a-z 0-9 _ -, e.g. from "
                "`openssl rand -hex 32`)."
            )
        return WebhookSettings(
            url=self.webhook_url,
            secret=self.webhook_secret.get_secret_value(),
            host=self.webhook_host,
            port=self.webhook_port,
        )

    def secrets(self) -> list[str]:
        """What the logs must never show."""
        values = (self.bot_token, self.webhook_secret)
        return [value.get_secret_value() for value in values if value is not None]


def config_path(cli_path: str | None) -> Path | None:
    """The config file to read: --config, else BOT_CONFIG, else ./config.toml if it exists."""
    explicit = cli_path or os.environ.get("BOT_CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"Config file {path} does not exist.")
        return path
    return DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.is_file() else None


def load_settings(path: Path | None) -> Settings:
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"Cannot read {path}: {error}") from error
    try:
        return Settings(**values)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}"
            for issue in error.errors(include_input=False)
        )
        raise ConfigError(f"Invalid configuration: {problems}") from error
