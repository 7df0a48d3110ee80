"""The fullest health record still fits one Telegram message, for the athlete and the coach,
in both languages, with what the athlete typed escaped (#15)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import pytest

from domain.athletes.model import Language, User
from domain.coaching.use_cases.health import ClientHealth
from domain.health.model import EmergencyContact, FitnessLevel, HealthRecord
from domain.health.use_cases import MAX_CONTACT_TEXT, MAX_CONTACTS, MAX_HISTORY_TEXT
from domain.plans.library import load_exercises
from handlers.coaching.health import health_text
from handlers.common.health import parq_summary, record_lines
from handlers.common.i18n import Catalogue

MESSAGE_LIMIT = 4096  # characters of text, after entities are parsed
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
LONGEST = "<" * MAX_HISTORY_TEXT  # escaped, four characters each before parsing
NAMES = {slug: exercise.name for slug, exercise in load_exercises().items()}
RECORD = HealthRecord(
    1,
    answers=(True,) * 7,
    history=(LONGEST,) * 4,
    fitness=FitnessLevel.INTERMEDIATE,
    completed_at=NOW,
    updated_at=NOW,
)
CONTACTS = [
    EmergencyContact(
        n, 1, "N" * MAX_CONTACT_TEXT, "R" * MAX_CONTACT_TEXT, "+" + "9" * 15, n == 1, NOW
    )
    for n in range(1, MAX_CONTACTS + 1)
]
EVERY_LIFT = frozenset(NAMES)


def as_read(html: str) -> str:
    """The text Telegram shows: tags parsed away, entities one character each."""
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("language", list(Language))
def test_the_coach_reads_the_fullest_record_in_one_message(language: Language) -> None:
    t = Catalogue.load().translator(language)
    client = User(1, "Z" * 64, None, None, language, "UTC", NOW)
    health = ClientHealth(client, RECORD, CONTACTS, frozenset(range(7)), EVERY_LIFT)

    text = health_text(t, health, NAMES)

    assert len(as_read(text)) <= MESSAGE_LIMIT
    assert LONGEST not in text
    assert "&lt;" * MAX_HISTORY_TEXT in text


@pytest.mark.parametrize("language", list(Language))
def test_the_athlete_reads_their_fullest_record_in_one_message(language: Language) -> None:
    t = Catalogue.load().translator(language)

    lines = [parq_summary(t, RECORD.answers), *record_lines(t, RECORD, CONTACTS, EVERY_LIFT, NAMES)]

    assert len(as_read("\n".join(lines))) <= MESSAGE_LIMIT
