"""A local Telegram Bot API emulator for tests: real HTTP, real Bot API JSON, strict rules."""

from emulator.driver import BotApiEmulator, ChatDriver, EmulatorTimeoutError, UserDriver
from emulator.errors import ApiError
from emulator.flood import FloodViolation
from emulator.server import RecordedRequest
from emulator.state import Button, CallbackAnswer, ChatEvent, MessageView

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
