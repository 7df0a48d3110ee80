"""Revenue in Stars and attendance, by the coach's calendar month (docs/analytics.md).

Revenue of a month: the Stars of payments taken in it, less the Stars of those refunded in it
(a refund lowers the month it happened in, not the month of the payment). Attendance: of the
appointments that began in the month and were marked, the share held; no-shows the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from domain.analytics.model import PaymentFact, SessionFact
from domain.analytics.retention import month_start


@dataclass(frozen=True, slots=True)
class Attendance:
    attended: int
    no_shows: int

    @property
    def marked(self) -> int:
        return self.attended + self.no_shows

    @property
    def attendance_rate(self) -> float | None:
        return self.attended / self.marked if self.marked else None

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows / self.marked if self.marked else None


def revenue_by_month(payments: Iterable[PaymentFact], zone: ZoneInfo) -> dict[date, int]:
    """Stars in, less Stars refunded, keyed by the first day of each month that had either."""
    months: dict[date, int] = {}
    for payment in payments:
        paid = month_start(payment.paid_at.astimezone(zone).date())
        months[paid] = months.get(paid, 0) + payment.stars
        if payment.refunded_at is not None:
            refunded = month_start(payment.refunded_at.astimezone(zone).date())
            months[refunded] = months.get(refunded, 0) - payment.stars
    return months


def attendance_by_month(sessions: Iterable[SessionFact], zone: ZoneInfo) -> dict[date, Attendance]:
    counts: dict[date, tuple[int, int]] = {}
    for session in sessions:
        month = month_start(session.starts_at.astimezone(zone).date())
        attended, missed = counts.get(month, (0, 0))
        counts[month] = (attended + session.attended, missed + (not session.attended))
    return {month: Attendance(*pair) for month, pair in counts.items()}
