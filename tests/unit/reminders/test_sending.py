"""Sending reminders and follow-ups: once each, catch-up after downtime, missed sessions (#5)."""

from __future__ import annotations

import logging
from datetime import date, time, timedelta

import pytest

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.reminders.choices import SetQuietHours, SetTime, SwitchReminders
from domain.reminders.model import QuietHours
from domain.reminders.use_cases.sending import SendReminders
from domain.reminders.use_cases.settings import ChangeReminders, ShowReminders
from domain.reminders.use_cases.summaries import SendWeeklySummaries
from domain.training.model import SetResult
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout
from handlers.common.i18n import Catalogue
from handlers.reminders.dialog import ReminderWording
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.reminders.support import ANN, GRACE, START, Athlete, Renderer, Texts, utc


async def test_a_due_reminder_is_queued_once_with_the_plans_next_day_and_a_start_button() -> None:
    ann = await Athlete().set_up()

    before = await ann.job("2026-03-02 16:59")
    at_six = await ann.job("2026-03-02 17:00:20")
    again = await ann.job("2026-03-02 17:01")

    assert (before, at_six, again) == ([], ["reminder:1001:2026-03-02"], [])
    message = ann.outbox["reminder:1001:2026-03-02"]
    assert (message.chat_id, message.text, message.buttons, message.language) == (
        ANN,
        "reminder 1",
        START,
        "en",
    )
    assert ann.reminder.next_due == utc("2026-03-04 17:00")


async def test_a_job_that_runs_twice_over_the_same_due_time_queues_one_reminder() -> None:
    """The key names the athlete's local day: moving the time on the same day sends nothing."""
    ann = await Athlete().set_up()
    await ann.job("2026-03-02 17:00:05")
    ann.clock.current = utc("2026-03-02 17:05")
    await ChangeReminders(ann.uow, ann.clock)(ANN, SetTime(time(18, 30)))

    assert await ann.job("2026-03-02 17:30") == []
    assert [k for k in ann.outbox if k.startswith("reminder")] == ["reminder:1001:2026-03-02"]


async def test_no_reminder_on_a_day_the_athlete_already_trained() -> None:
    ann = await Athlete().set_up()
    await ann.trains("2026-03-02 07:00")  # Monday 08:00 in Berlin

    assert await ann.job("2026-03-02 17:00") == []
    assert ann.reminder.next_due == utc("2026-03-04 17:00")


async def test_a_day_counts_as_trained_by_when_sets_were_logged_not_when_the_workout_opened() -> (
    None
):
    """Regression: a workout opened Monday morning and trained Wednesday silenced Monday only."""
    ann = await Athlete().set_up()
    ann.clock.current = utc("2026-03-02 07:00")  # Monday 08:00 in Berlin: opens, logs nothing
    workout = await OpenWorkout(ann.uow, ann.clock)(ANN)

    monday = await ann.job("2026-03-02 17:00:10")
    ann.clock.current = utc("2026-03-04 15:00")  # Wednesday 16:00 in Berlin: trains
    first = workout.sets[0].prescribed.position
    await LogSet(ann.uow, ann.clock)(ANN, workout.id or 0, first, SetResult())
    await FinishWorkout(ann.uow, ann.clock)(ANN, workout.id or 0)
    wednesday = await ann.job("2026-03-04 17:00:10")
    thursday = await ann.job("2026-03-05 08:00:10")

    assert monday == ["reminder:1001:2026-03-02"]
    assert wednesday == []
    assert thursday == []  # no follow-up for a Wednesday trained


async def test_a_reminder_due_during_downtime_is_sent_when_the_bot_is_back_within_grace() -> None:
    ann = await Athlete().set_up()

    queued = await ann.job("2026-03-02 18:45")  # down from 16:55 to 18:45 UTC

    assert queued == ["reminder:1001:2026-03-02"]
    assert ann.reminder.next_due == utc("2026-03-04 17:00")


async def test_a_reminder_older_than_the_grace_window_is_dropped_with_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ann = await Athlete().set_up()
    caplog.set_level(logging.INFO, logger="domain.reminders.use_cases.sending")

    queued = await ann.job("2026-03-02 19:01")

    assert queued == []
    assert "dropped the reminder of athlete 1001" in caplog.text
    assert ann.reminder.next_due == utc("2026-03-04 17:00")
    assert await ann.job("2026-03-02 19:02") == []


async def test_after_days_of_downtime_only_the_reminder_still_in_grace_is_sent() -> None:
    ann = await Athlete().set_up()

    queued = await ann.job("2026-03-04 17:30")  # down from Monday morning to Wednesday 18:30

    assert queued == ["reminder:1001:2026-03-04"]
    assert ann.reminder.next_due == utc("2026-03-06 17:00")
    assert "missed:1001:2026-03-02" not in ann.outbox  # its morning passed long ago


async def test_a_longer_grace_window_from_the_settings_is_honoured() -> None:
    ann = await Athlete().set_up()

    assert await ann.job("2026-03-02 21:00", grace=timedelta(hours=5)) == [
        "reminder:1001:2026-03-02"
    ]


async def test_what_is_queued_expires_when_its_grace_window_ends() -> None:
    """Regression: a reminder queued at 18:00 by a process that died was sent at 23:30."""
    ann = await Athlete().set_up()
    await ann.job("2026-03-02 17:30")
    await ann.job("2026-03-03 08:00")
    ann.clock.current = utc("2026-03-08 18:00:30")
    await SendWeeklySummaries(ann.uow, ann.clock, Renderer(), GRACE)()

    assert ann.outbox["reminder:1001:2026-03-02"].expires_at == utc("2026-03-02 19:00")
    assert ann.outbox["missed:1001:2026-03-02"].expires_at == utc("2026-03-03 10:00")
    assert ann.outbox["summary:1001:2026-W10"].expires_at == utc("2026-03-08 20:00")


async def test_a_reminder_caught_up_in_quiet_hours_is_dropped_with_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Regression: a reminder due at 18:00 was caught up at 19:30, inside quiet hours 19–07."""
    ann = await Athlete().set_up(SetQuietHours(QuietHours(time(19), time(7))))
    caplog.set_level(logging.INFO, logger="domain.reminders.use_cases.sending")

    queued = await ann.job("2026-03-02 18:30")  # 19:30 in Berlin

    assert queued == []
    assert "dropped reminder:1001:2026-03-02 (caught up in the athlete's quiet hours)" in (
        caplog.text
    )
    assert ann.reminder.next_due == utc("2026-03-04 17:00")


async def test_a_missed_day_brings_one_gentle_follow_up_the_next_morning() -> None:
    ann = await Athlete().set_up()
    await ann.job("2026-03-02 17:00")

    before_nine = await ann.job("2026-03-03 07:59")  # 08:59 in Berlin
    at_nine = await ann.job("2026-03-03 08:00")
    again = await ann.job("2026-03-03 08:30")

    assert (before_nine, at_nine, again) == ([], ["missed:1001:2026-03-02"], [])
    assert ann.outbox["missed:1001:2026-03-02"].text == "missed 1"
    assert ann.reminder.check_day == date(2026, 3, 4)


async def test_a_day_trained_brings_no_follow_up() -> None:
    ann = await Athlete().set_up()
    await ann.job("2026-03-02 17:00")
    await ann.trains("2026-03-02 17:30")

    assert await ann.job("2026-03-03 08:00") == []


async def test_several_missed_days_in_a_row_bring_one_weekly_nudge_instead() -> None:
    ann = await Athlete().set_up()
    keys: list[str] = []
    for day in ("02", "04", "06", "09", "11"):  # Mon, Wed, Fri, Mon, Wed: never trained
        keys += await ann.job(f"2026-03-{day} 17:00")
        follow_up = (date(2026, 3, int(day)) + timedelta(days=1)).isoformat()
        keys += await ann.job(f"{follow_up} 08:00")

    follow_ups = [k for k in keys if not k.startswith("reminder")]
    assert follow_ups == [
        "missed:1001:2026-03-02",
        "nudge:1001:2026-W10",  # Wed missed too: 2 in a row
        "nudge:1001:2026-W11",  # Friday's fell into W10's nudge, Wednesday's into this one
    ]
    assert ann.outbox["nudge:1001:2026-W10"].text == "nudge after 2"
    assert ann.outbox["nudge:1001:2026-W11"].text == "nudge after 4"


async def test_switching_reminders_off_stops_reminders_and_follow_ups() -> None:
    ann = await Athlete().set_up()
    await ann.job("2026-03-02 17:00")
    await ChangeReminders(ann.uow, ann.clock)(ANN, SwitchReminders())

    assert await ann.job("2026-03-03 08:00") == []
    assert await ann.job("2026-03-04 17:00") == []
    assert (ann.reminder.next_due, ann.reminder.check_due) == (None, None)


async def test_an_athlete_who_moves_gets_reminders_on_the_new_local_clock_only() -> None:
    ann = await Athlete().set_up()
    await SetTimeZone(ann.uow)(ANN, "Asia/Kolkata")

    assert await ann.job("2026-03-02 12:00") == []  # worked out again, nothing sent
    assert ann.reminder.next_due == utc("2026-03-02 12:30")  # 18:00 IST
    assert await ann.job("2026-03-02 12:30") == ["reminder:1001:2026-03-02"]
    assert await ann.job("2026-03-02 17:00") == []  # Berlin's 18:00 means nothing now


async def test_every_athlete_gets_a_row_with_reminders_off_and_the_summary_on() -> None:
    uow, clock = InMemoryUnitOfWork(), FixedClock(utc("2026-03-02 09:30"))
    await RegisterUser(uow, clock)(Profile(ANN, "Ann"))

    run = await SendReminders(uow, clock, Texts())()

    row = uow.committed["reminders"][ANN]
    assert run.scheduled == 1
    assert (row.enabled, row.next_due, row.summary_due) == (
        False,
        None,
        utc("2026-03-08 19:00"),
    )
    shown = await ShowReminders(uow)(ANN)
    assert shown is not None
    assert shown.reminder == row


async def test_a_reminder_for_a_russian_athlete_is_queued_in_russian() -> None:
    """The outbox speaks the recipient's language, though no update of theirs is running (#9)."""
    ann = await Athlete(language_code="ru").set_up()
    ann.clock.current = utc("2026-03-02 17:00:20")

    await SendReminders(ann.uow, ann.clock, ReminderWording(Catalogue.load()), GRACE)()

    message = ann.outbox["reminder:1001:2026-03-02"]
    assert (message.text or "").startswith("⏰ Сегодня тренировка: <b>День 1 · ")
    assert (message.buttons, message.language) == (START, Language.RU)


def test_a_russian_nudge_counts_missed_days_in_russian() -> None:
    wording = ReminderWording(Catalogue.load())

    assert "Уже 2 тренировочных дня без тренировки." in wording.nudge(Language.RU, 2, None).text
    assert "Уже 5 тренировочных дней без тренировки." in wording.nudge(Language.RU, 5, None).text
