"""The thread as the coach reads it: what the coach did shows between the messages, in words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.athletes.model import Language, User
from domain.coaching.model import ThreadEvent, ThreadMessage
from handlers.coaching.texts import thread_text
from handlers.common.i18n import Catalogue

NOW = datetime(2026, 3, 8, 20, 0, tzinfo=UTC)
CLIENT = User(2, "Alex", None, None, Language.EN, "UTC", NOW)


@pytest.mark.parametrize("language", [Language.EN, Language.RU])
def test_every_event_has_words_in_both_languages(language: Language) -> None:
    t = Catalogue.load().translator(language)
    messages = [
        ThreadMessage(n, 1, 1, 2, "Squat <5×5>", NOW, event) for n, event in enumerate(ThreadEvent)
    ]

    shown = thread_text(t, CLIENT, messages).splitlines()[1:]

    assert len(shown) == len(ThreadEvent)
    assert all("coaching-event" not in line and "Squat &lt;5×5&gt;" in line for line in shown)
