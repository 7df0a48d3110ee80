"""Method parameters as they arrive (form fields, urlencoded, JSON, uploads) with typed getters."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from emulator.errors import bad_request

# Parameters whose values are JSON objects or arrays (strings in form data).
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
        "reply_parameters",
        "link_preview_options",
        "media",
        "prices",
    }
)


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart request."""

    filename: str
    data: bytes
    content_type: str | None


@dataclass
class Params:
    values: dict[str, Any] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in JSON_FIELDS & self.values.keys():
            value = self.values[key]
            if isinstance(value, str):
                try:
                    self.values[key] = json.loads(value)
                except ValueError:
                    raise bad_request(f"can't parse {key} JSON object") from None

    def recorded(self) -> dict[str, Any]:
        """The parameters for emu.requests, with uploads summarised."""
        summary = {
            name: f"<upload {upload.filename} {len(upload.data)} bytes>"
            for name, upload in self.uploads.items()
        }
        return {**self.values, **summary}

    def has(self, name: str) -> bool:
        value = self.values.get(name)
        return (value is not None and value != "") or name in self.uploads

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def required_text(self, name: str) -> str:
        value = self.text(name, required=True)
        assert value is not None
        return value

    def integer(self, name: str, *, required: bool = False) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return None
        if isinstance(value, bool):
            raise bad_request(f"invalid {name} specified")
        if isinstance(value, int):
            return value
        try:
            return int(str(value))
        except ValueError:
            raise bad_request(f"invalid {name} specified") from None

    def required_integer(self, name: str) -> int:
        value = self.integer(name, required=True)
        assert value is not None
        return value

    def flag(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.lower() in {"true", "1"}
        return bool(value)

    def object(self, name: str) -> Any:
        return self.values.get(name)
