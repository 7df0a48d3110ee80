"""What /tracks and /track today say stays within Telegram's 4096 characters a message,
however many tracks there are and however many days a person follows (#13 review: a long
list was a "sorry")."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.outbox.model import TEXT_LIMIT
from domain.teams.tracks import (
    DAY_LIMIT,
    PriceKind,
    Pricing,
    StoredTrack,
    Subscription,
    TrackDay,
    TrackKind,
    WodContent,
)
from domain.teams.use_cases.tracks import Listed
from handlers.common.i18n import Catalogue
from handlers.teams.track_texts import today_texts, tracks_list

ENGLISH = Catalogue.load().translator("en")
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def listed(number: int, *, followed: bool = False, pricing: Pricing | None = None) -> Listed:
    track = StoredTrack(
        number,
        TrackKind.PUBLIC,
        f"Track {number:02} " + "x" * 48,
        "",
        1,
        NOW,
        pricing=pricing or Pricing(PriceKind.MONTHLY, 10_000, 90),  # the longest price line
    )
    held = Subscription(number, number, date(2026, 12, 7), 0, True, NOW, user_id=5)
    return Listed(track, held if followed else None)


def test_two_hundred_tracks_list_the_followed_first_and_count_the_rest() -> None:
    rows = [listed(n) for n in range(1, 200)] + [listed(200, followed=True)]

    text = tracks_list(ENGLISH, rows, None)

    assert len(text) <= TEXT_LIMIT
    assert text.index("#200") < text.index("#1 ")
    assert "#31 " not in text
    assert "170 more" in text


def test_a_paid_track_shows_its_price_in_the_list_and_a_free_one_none() -> None:
    rows = [
        listed(1, pricing=Pricing(PriceKind.MONTHLY, 250, 3)),
        listed(2, pricing=Pricing(PriceKind.ONCE, 300)),
        listed(3, followed=True, pricing=Pricing()),
    ]

    lines = tracks_list(ENGLISH, rows, None).split("\n")

    assert lines[1].endswith("✅ day 1: 2026-12-07")
    assert lines[2].endswith("⭐250/month")
    assert lines[3].endswith("⭐300")


def test_each_followed_day_is_its_own_message() -> None:
    day = TrackDay(1, 1, strength=tuple(["squat 5x5 " + "y" * 90] * (DAY_LIMIT // 100)))
    shown = [WodContent(f"Track {n}", date(2026, 12, 7), 1, day) for n in range(3)]

    texts = today_texts(ENGLISH, shown)

    assert len(texts) == 3
    assert all(len(text) <= TEXT_LIMIT for text in texts)
    assert today_texts(ENGLISH, []) == [ENGLISH.get("tracks-today-none")]
