"""Who is in the sandbox: personas (emulated Telegram users) and the group chat they share."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from emulator import BotApiEmulator, ChatDriver, UserDriver

Role = Literal["athlete", "coach"]
ROLES: tuple[Role, ...] = ("athlete", "coach")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
MAX_NAME = 64  # Telegram's first_name limit
MAX_PERSONAS = 50
FIRST_PERSONA_ID = 1001
GROUP_ID = -1001000000001


class PersonaError(ValueError):
    """A persona that cannot be added; the message says why, for the page to show."""


@dataclass(frozen=True)
class Persona:
    user_id: int
    name: str
    language: str
    role: Role

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT_PERSONAS = (
    ("Alex", "en", "athlete"),
    ("Маша", "ru", "athlete"),
    ("Coach Sam", "en", "coach"),
)
DEFAULT_GROUP = "Iron Club"


class People:
    """The personas and the one group chat, kept in step with the emulator's users and chats."""

    def __init__(self, emulator: BotApiEmulator) -> None:
        self._emulator = emulator
        self.personas: dict[int, Persona] = {}
        self.group: ChatDriver = emulator.group(GROUP_ID, DEFAULT_GROUP)
        self.version = 0  # grows with every change the page should re-read
        for name, language, role in DEFAULT_PERSONAS:
            self.add(name, language, role)

    def add(self, name: str, language: str, role: str = "athlete") -> Persona:
        name = " ".join(name.split())
        language = language.strip().lower()
        if not 1 <= len(name) <= MAX_NAME:
            raise PersonaError(f"a name is 1 to {MAX_NAME} characters")
        if not LANGUAGE_CODE.fullmatch(language):
            raise PersonaError("a language is a code such as en, ru or pt-br")
        if role not in ROLES:
            raise PersonaError("a persona is an athlete or a coach")
        if len(self.personas) >= MAX_PERSONAS:
            raise PersonaError(f"the sandbox holds {MAX_PERSONAS} personas at most")
        user_id = FIRST_PERSONA_ID + len(self.personas)
        persona = Persona(user_id, name, language, "coach" if role == "coach" else "athlete")
        driver = self._emulator.user(user_id, name, language_code=language)
        # The group's first coach created it, so /team there makes them the team's owner.
        creator = persona.role == "coach" and not any(
            p.role == "coach" for p in self.personas.values()
        )
        self.group.add_member(driver, "creator" if creator else "member")
        self.personas[user_id] = persona
        self.version += 1
        self._emulator.world.changed()
        return persona

    def driver(self, user_id: int) -> UserDriver:
        if user_id not in self.personas:
            raise LookupError(f"no persona {user_id}")
        return self._emulator.user(user_id)

    def chat_of(self, user_id: int, chat_id: int) -> ChatDriver:
        """The chat, if this persona may write in it: their own private chat, or the group."""
        if user_id not in self.personas:
            raise LookupError(f"no persona {user_id}")
        if chat_id == user_id:
            return self._emulator.chat(chat_id)
        if chat_id == self.group.id:
            return self.group
        raise LookupError(f"persona {user_id} is not in chat {chat_id}")

    def chats(self) -> list[ChatDriver]:
        return [self._emulator.chat(user_id) for user_id in self.personas] + [self.group]
