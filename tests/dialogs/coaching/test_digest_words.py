"""The coach's digests as Telegram gets them: a coach with 200 clients gets every line, in
order, in messages each inside Telegram's 4096 characters."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.athletes.model import Language, User
from domain.coaching.compliance import Attention, DigestLine
from domain.coaching.model import WeekLine
from domain.progress.series import WeeklySummary
from handlers.coaching.texts import CoachingWords
from handlers.common.i18n import Catalogue

NOW = datetime(2026, 3, 8, 20, 0, tzinfo=UTC)
COACH = User(1, "Sam", None, None, Language.EN, "UTC", NOW)


def client(n: int) -> User:
    return User(100 + n, f"Client <{n}> & co", None, None, Language.EN, "UTC", NOW)


def test_two_hundred_clients_weeks_fit_in_a_few_messages_with_every_line_in_order() -> None:
    lines = [
        WeekLine(n + 1, client(n), WeeklySummary(date(2026, 3, 2), n % 5, 4, (), ()))
        for n in range(200)
    ]
    parts = CoachingWords(Catalogue.load()).weekly_digest(COACH, date(2026, 3, 8), lines)

    assert 1 < len(parts) < 10
    assert all(len(part) <= 4096 for part in parts)
    shown = [row for part in parts for row in part.splitlines() if row[:1].isdigit()]
    assert [row.split(".", 1)[0] for row in shown] == [str(n) for n in range(1, 201)]
    assert "1. <b>Client &lt;0&gt; &amp; co</b> — 0/4 sessions" in parts[0]
    assert parts[-1].endswith("they get it under their own summary.</i>")


def test_a_morning_digest_with_many_flagged_clients_is_split_too() -> None:
    lines = [DigestLine(client(n), Attention(dropped=True, quiet=True), 3, NOW) for n in range(60)]
    parts = CoachingWords(Catalogue.load()).morning_digest(COACH, lines)

    assert len(parts) > 1
    assert all(len(part) <= 4096 for part in parts)
    assert sum(part.count("• <b>Client") for part in parts) == 60
    assert "3 clips wait over 2 days" in parts[0]
