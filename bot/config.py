"""Configuration: config.toml (path from --config or BOT_CONFIG) with environment overrides."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

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

BOTFATHER_ADVICE = (
    "No valid bot token: create a bot with @BotFather in Telegram (/newbot), then set "
    "BOT_TOKEN=<the token it gives you> or bot_token in config.toml."
)


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to fix, in one line."""


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
    delivery_headroom: Annotated[float, Field(ge=0, lt=1)] = 0.05
    delivery_concurrency: PositiveInt = 8
    delivery_poll_seconds: PositiveFloat = 1.0
    outbox_retention_days: PositiveInt = 14
    # Reminders (domain/reminders/): how often the job looks for due ones, and how late one
    # may still go out after downtime before it is dropped.
    reminder_interval_seconds: PositiveFloat = 60.0
    reminder_grace_minutes: PositiveFloat = 120.0

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
