"""A local Telegram Bot API emulator for tests: real HTTP, real Bot API JSON, strict rules."""

from emulator.driver import (
    NOT_DELIVERED,
    BotApiEmulator,
    ChatDriver,
    EmulatorTimeoutError,
    UserDriver,
)
from emulator.errors import ApiError
from emulator.flood import FloodViolation
from emulator.payments import PaymentResult
from emulator.server import RecordedRequest
from emulator.state import Button, CallbackAnswer, ChatEvent, MessageView

__all__ = [
    "NOT_DELIVERED",
    "ApiError",
    "BotApiEmulator",
    "Button",
    "CallbackAnswer",
    "ChatDriver",
    "ChatEvent",
    "EmulatorTimeoutError",
    "FloodViolation",
    "MessageView",
    "PaymentResult",
    "RecordedRequest",
    "UserDriver",
]
