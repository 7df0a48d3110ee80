"""Revenue in Stars and attendance by the coach's month (docs/analytics.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from domain.analytics.business import Attendance, attendance_by_month, revenue_by_month
from domain.analytics.model import PaymentFact, SessionFact
from handlers.analytics.texts import percent

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_refund_takes_its_stars_from_the_month_it_happened_in():
    payments = [
        # 00:30 on 1 February in Berlin
        PaymentFact(400, datetime(2026, 1, 31, 23, 30, tzinfo=UTC), None),
        PaymentFact(
            300, datetime(2026, 2, 10, 12, tzinfo=UTC), datetime(2026, 3, 2, 8, tzinfo=UTC)
        ),
        PaymentFact(150, datetime(2026, 3, 1, 12, tzinfo=UTC), None),
    ]
    # February: 400 + 300; March: 150 paid, 300 given back
    assert revenue_by_month(payments, BERLIN) == {date(2026, 2, 1): 700, date(2026, 3, 1): -150}


def test_attendance_is_the_share_of_marked_sessions_held_and_no_shows_the_rest():
    march = datetime(2026, 3, 3, 9, tzinfo=UTC)
    sessions = [SessionFact(march, attended=True)] * 3 + [SessionFact(march, attended=False)]
    [(month, attendance)] = attendance_by_month(sessions, BERLIN).items()
    assert month == date(2026, 3, 1)
    assert attendance == Attendance(attended=3, no_shows=1)
    assert attendance.attendance_rate == 0.75
    assert attendance.no_show_rate == 0.25


def test_no_marked_session_has_no_rate_rather_than_zero():
    assert Attendance(0, 0).attendance_rate is None
    assert Attendance(0, 0).no_show_rate is None


def test_a_rate_is_shown_as_a_whole_percentage_halves_up():
    assert percent(2 / 3) == "67%"
    assert percent(0.125) == "13%"
    assert percent(1.0) == "100%"
