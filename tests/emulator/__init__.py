"""A local Telegram Bot API emulator for tests: real HTTP, real Bot API JSON, strict rules."""

from tests.emulator.driver import BotApiEmulator, ChatDriver, EmulatorTimeoutError, UserDriver
from tests.emulator.errors import ApiError
from tests.emulator.flood import FloodViolation
from tests.emulator.server import RecordedRequest
from tests.emulator.state import Button, CallbackAnswer, ChatEvent, MessageView

__all__ = [
    "ApiError",
    "BotApiEmulator",
    "Button",
    "CallbackAnswer",
    "ChatDriver",
    "ChatEvent",
    "EmulatorTimeoutError",
    "FloodViolation",
    "MessageView",
    "RecordedRequest",
    "UserDriver",
]
