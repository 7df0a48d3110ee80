"""Files kept in memory: uploads, their file_ids and the shapes Telegram describes them with."""

from __future__ import annotations

import hashlib
import mimetypes
import struct
from dataclasses import dataclass
from typing import Any

DEFAULT_IMAGE_SIZE = (800, 600)
THUMBNAIL_SIDE = 90
DOWNLOAD_LIMIT = 20 * 1024 * 1024
UPLOAD_LIMIT = 50 * 1024 * 1024
PHOTO_UPLOAD_LIMIT = 10 * 1024 * 1024


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG, GIF or JPEG header, if the bytes are one."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in {b"GIF87a", b"GIF89a"} and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker in {0xD8, 0x01} or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        # SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
        if 0xC0 <= marker <= 0xCF and marker not in {0xC4, 0xC8, 0xCC}:
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return int(width), int(height)
        pos += 2 + length
    return None


@dataclass(frozen=True)
class StoredFile:
    """One downloadable file, as getFile describes it."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str

    def to_api(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass(frozen=True)
class Media:
    """What a message carries besides text: its kind and the Bot API JSON for it."""

    kind: str  # "photo" | "video" | "document" | "video_note" | "voice"
    payload: Any  # list of PhotoSize for photos, one Video/Document object otherwise
    file_ids: tuple[str, ...]


class FileStore:
    """Every file the emulator knows, by file_id and by download path."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._media_by_id: dict[str, Media] = {}
        self._counter = 0

    def get(self, file_id: str) -> StoredFile | None:
        return self._by_id.get(file_id)

    def by_path(self, path: str) -> StoredFile | None:
        return self._by_path.get(path)

    def media(self, file_id: str) -> Media | None:
        return self._media_by_id.get(file_id)

    def _store(self, data: bytes, kind: str, extension: str, variant: str = "") -> StoredFile:
        self._counter += 1
        digest = hashlib.sha256(data + variant.encode()).hexdigest()
        prefix = {
            "photo": "AgAC",
            "video": "BAAC",
            "document": "BQAC",
            "video_note": "DQAC",
            "voice": "AwAC",
        }[kind]
        stored = StoredFile(
            file_id=f"{prefix}{self._counter:06d}{digest[:24]}",
            file_unique_id=f"AQAD{digest[:16]}",
            data=data,
            file_path=f"{kind}s/file_{self._counter}{extension}",
        )
        self._by_id[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def _remember(self, media: Media) -> Media:
        for file_id in media.file_ids:
            self._media_by_id[file_id] = media
        return media

    def add_photo(self, data: bytes) -> Media:
        width, height = image_size(data) or DEFAULT_IMAGE_SIZE
        extension = ".png" if data.startswith(b"\x89PNG") else ".jpg"
        sizes: list[dict[str, Any]] = []
        scale = THUMBNAIL_SIDE / max(width, height, 1)
        if scale < 1:
            thumb = self._store(data, "photo", extension, variant="s")
            sizes.append(_photo_size(thumb, round(width * scale), round(height * scale)))
        full = self._store(data, "photo", extension)
        sizes.append(_photo_size(full, width, height))
        return self._remember(Media("photo", sizes, tuple(size["file_id"] for size in sizes)))

    def add_video(
        self,
        data: bytes,
        *,
        width: int,
        height: int,
        duration: int,
        file_name: str | None = None,
    ) -> Media:
        stored = self._store(data, "video", ".mp4")
        payload: dict[str, Any] = {
            **_file_fields(stored),
            "width": width,
            "height": height,
            "duration": duration,
            "mime_type": "video/mp4",
        }
        if file_name:
            payload["file_name"] = file_name
        return self._remember(Media("video", payload, (stored.file_id,)))

    def add_video_note(self, data: bytes, *, duration: int, length: int = 240) -> Media:
        """A round video message: square, up to a minute, no caption."""
        stored = self._store(data, "video_note", ".mp4")
        payload = {**_file_fields(stored), "length": length, "duration": duration}
        return self._remember(Media("video_note", payload, (stored.file_id,)))

    def add_voice(self, data: bytes, *, duration: int) -> Media:
        stored = self._store(data, "voice", ".oga")
        payload = {**_file_fields(stored), "duration": duration, "mime_type": "audio/ogg"}
        return self._remember(Media("voice", payload, (stored.file_id,)))

    def add_document(self, data: bytes, *, file_name: str, mime_type: str | None = None) -> Media:
        guessed = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        extension = mimetypes.guess_extension(guessed) or ""
        stored = self._store(data, "document", extension)
        payload = {**_file_fields(stored), "file_name": file_name, "mime_type": guessed}
        return self._remember(Media("document", payload, (stored.file_id,)))


def _file_fields(stored: StoredFile) -> dict[str, Any]:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }


def _photo_size(stored: StoredFile, width: int, height: int) -> dict[str, Any]:
    return {**_file_fields(stored), "width": max(width, 1), "height": max(height, 1)}
