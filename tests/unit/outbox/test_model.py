"""Outgoing messages as values: what Telegram would refuse cannot be made."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.outbox.model import Copy, MessageKind, OutgoingMessage, Video

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def test_a_message_with_a_photo_is_a_photo_and_its_text_the_caption() -> None:
    photo = OutgoingMessage("k", 1, NOW, text="caption", photo=b"png")
    text = OutgoingMessage("k", 1, NOW, text="hello")
    video = OutgoingMessage("k", 1, NOW, video=Video("BAAC1", 3))
    copy = OutgoingMessage("k", 1, NOW, copy=Copy(5, 7))

    assert (photo.kind, text.kind, video.kind, copy.kind) == (
        MessageKind.PHOTO,
        MessageKind.TEXT,
        MessageKind.VIDEO,
        MessageKind.COPY,
    )


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"key": ""}, "key"),
        ({"key": "k" * 201}, "key"),
        ({"text": None}, "needs text, a photo"),
        ({"text": "x" * 4097}, "4096"),
        ({"text": "x" * 1025, "photo": b"png"}, "1024"),
        ({"text": "x" * 1025, "video": Video("BAAC1", 3)}, "1024"),
        ({"photo": b"png", "copy": Copy(5, 7)}, "one photo, video or copy"),
        ({"not_before": datetime(2026, 1, 1)}, "timezone"),  # noqa: DTZ001 - the point of it
    ],
)
def test_a_message_telegram_would_refuse_cannot_be_made(
    fields: dict[str, object], problem: str
) -> None:
    values: dict[str, object] = {"key": "k", "chat_id": 1, "not_before": NOW, "text": "hi"}
    with pytest.raises(ValueError, match=problem):
        OutgoingMessage(**(values | fields))  # type: ignore[arg-type]
