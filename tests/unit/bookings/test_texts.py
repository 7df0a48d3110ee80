"""Bookings' words: every /availability problem has its own text in both languages, times
are shown in the reader's zone, and reminder offsets read as people say them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.athletes.model import Language
from domain.bookings.parsing import AvailabilityProblem, SeriesProblem
from handlers.bookings import texts
from handlers.common.i18n import Catalogue

CATALOGUE = Catalogue.load()


@pytest.mark.parametrize("language", list(Language))
def test_every_availability_problem_has_its_own_text(language: Language) -> None:
    t = CATALOGUE.translator(language.value)

    said = {t.get("bookings-problem", problem=p.value) for p in AvailabilityProblem}

    assert len(said) == len(AvailabilityProblem)


@pytest.mark.parametrize("language", list(Language))
def test_every_series_problem_has_its_own_text(language: Language) -> None:
    t = CATALOGUE.translator(language.value)

    said = {t.get("bookings-series-problem", problem=p.value) for p in SeriesProblem}

    assert len(said) == len(SeriesProblem)


def test_a_time_is_shown_with_its_weekday_in_the_readers_zone() -> None:
    t = CATALOGUE.translator("en")
    starts = datetime(2026, 3, 4, 6, tzinfo=UTC).astimezone(ZoneInfo("America/New_York"))

    assert texts.when(t, starts, datetime(2026, 3, 4, 7, tzinfo=UTC)) == "Wed 04.03, 01:00–02:00"


def test_offsets_read_in_days_hours_or_minutes() -> None:
    t = CATALOGUE.translator("ru")

    assert texts.offsets(t, (timedelta(days=2), timedelta(hours=3), timedelta(minutes=90))) == (
        "2 д, 3 ч, 90 мин"
    )
