"""The weekly summary: once per ISO week, dropped when stale or in quiet hours."""

from __future__ import annotations

from datetime import date, time

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.reminders.choices import SetQuietHours, SwitchWeeklySummary
from domain.reminders.model import QuietHours
from domain.reminders.use_cases.sending import SendReminders
from domain.reminders.use_cases.summaries import SendWeeklySummaries
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.reminders.support import GRACE, Athlete, Renderer, Texts, utc


async def test_the_weekly_summary_is_queued_once_per_iso_week_with_its_chart() -> None:
    ann = await Athlete().set_up()
    await ann.trains("2026-03-02 17:30")
    render = Renderer()
    summaries = SendWeeklySummaries(ann.uow, ann.clock, render, GRACE)

    ann.clock.current = utc("2026-03-08 17:59")
    early = await summaries()
    ann.clock.current = utc("2026-03-08 18:00:30")  # Sunday 19:00 in Berlin
    on_time = await summaries()
    again = await summaries()

    assert (early, on_time, again) == ([], ["summary:1001:2026-W10"], [])
    message = ann.outbox["summary:1001:2026-W10"]
    assert (message.text, message.photo) == ("1 of 4", b"PNG")
    assert render.languages == [Language.EN]
    assert render.calls[0][1].week == date(2026, 3, 2)
    assert ann.reminder.summary_due == utc("2026-03-15 18:00")


async def test_a_summary_past_the_grace_window_is_dropped_and_nobody_with_nothing_hears() -> None:
    ann = await Athlete().set_up()
    render = Renderer()
    ann.clock.current = utc("2026-03-08 21:00")

    assert await SendWeeklySummaries(ann.uow, ann.clock, render, GRACE)() == []
    assert render.calls == []
    assert ann.reminder.summary_due == utc("2026-03-15 18:00")

    idle = InMemoryUnitOfWork()
    clock = FixedClock(utc("2026-03-02 09:30"))
    await RegisterUser(idle, clock)(Profile(2002, "Bo"))  # no plan, never trained
    await SendReminders(idle, clock, Texts())()
    clock.current = utc("2026-03-08 19:00")
    assert await SendWeeklySummaries(idle, clock, render, GRACE)() == []
    assert render.calls == []


async def test_a_summary_caught_up_in_quiet_hours_is_dropped() -> None:
    """Regression: a summary due at 19:00 was caught up at 19:45, inside quiet hours 19:30–07."""
    ann = await Athlete().set_up(SetQuietHours(QuietHours(time(19, 30), time(7))))
    render = Renderer()
    ann.clock.current = utc("2026-03-08 18:45")  # 19:45 in Berlin

    assert await SendWeeklySummaries(ann.uow, ann.clock, render, GRACE)() == []
    assert render.calls == []
    assert ann.reminder.summary_due == utc("2026-03-15 18:00")


async def test_switching_the_summary_off_stops_it() -> None:
    ann = await Athlete().set_up(SwitchWeeklySummary())
    ann.clock.current = utc("2026-03-08 18:00")

    assert await SendWeeklySummaries(ann.uow, ann.clock, Renderer(), GRACE)() == []
    assert ann.reminder.summary_due is None


async def test_a_russian_athletes_summary_is_rendered_in_russian() -> None:
    ann = await Athlete(language_code="ru").set_up()
    await ann.trains("2026-03-02 17:30")
    render = Renderer()
    ann.clock.current = utc("2026-03-08 18:00:30")

    await SendWeeklySummaries(ann.uow, ann.clock, render, GRACE)()

    assert render.languages == [Language.RU]
