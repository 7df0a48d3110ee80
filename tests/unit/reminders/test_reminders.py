"""Reminders (#5): due times across time zones and DST, quiet hours, catch-up after downtime,
missed-session follow-ups and the weekly summary, on a fixed clock with in-memory storage."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.outbox.model import OutgoingMessage
from domain.plans.model import PlanDay
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.series import WeeklySummary
from domain.reminders.model import QuietHours, Reminder
from domain.reminders.reminders import (
    ChangeReminders,
    QuietConflictError,
    QuietHoursError,
    SendReminders,
    SendWeeklySummaries,
    SetQuietHours,
    SetTime,
    ShowReminders,
    SummaryMessage,
    SwitchReminders,
    SwitchWeeklySummary,
    TimeEntryError,
    TimeProblem,
    ToggleDay,
    Wording,
    missed_in_a_row,
    next_reminder,
    next_summary,
    occurrence,
    outside_quiet,
    parse_quiet_hours,
    parse_time,
    scheduled,
    summary_sunday,
)
from domain.shared.weights import Unit, Weight
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from domain.training.use_cases.sessions import FinishWorkout, LogSet, OpenWorkout, SetResult
from handlers.common.i18n import Catalogue
from handlers.reminders.dialog import ReminderWording
from tests.fakes import FixedClock, InMemoryUnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")
ADELAIDE = ZoneInfo("Australia/Adelaide")
UTC_ZONE = ZoneInfo("UTC")
MON_WED_FRI = frozenset({0, 2, 4})
ANN = 1001
GRACE = timedelta(hours=2)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- due times ---------------------------------------------------------------------------------


def test_a_berlin_reminder_in_winter_is_due_at_its_local_time_on_the_next_chosen_day() -> None:
    monday_morning = utc("2026-03-02 09:30")  # a Monday

    due = next_reminder(MON_WED_FRI, time(18), BERLIN, monday_morning)

    assert due == utc("2026-03-02 17:00")  # 18:00 CET
    assert next_reminder(MON_WED_FRI, time(18), BERLIN, due) == utc("2026-03-04 17:00")
    assert next_reminder(frozenset({4}), time(18), BERLIN, due) == utc("2026-03-06 17:00")


def test_a_utc_reminder_keeps_its_wall_time_all_year() -> None:
    assert next_reminder({0}, time(7, 15), UTC_ZONE, utc("2026-03-29 12:00")) == utc(
        "2026-03-30 07:15"
    )
    assert next_reminder({0}, time(7, 15), UTC_ZONE, utc("2026-10-25 12:00")) == utc(
        "2026-10-26 07:15"
    )


def test_a_half_hour_zone_gets_its_half_hour() -> None:
    assert next_reminder({0}, time(18), KOLKATA, utc("2026-03-02 00:00")) == utc("2026-03-02 12:30")
    # Adelaide is +10:30 in summer and +9:30 in winter; DST starts on Sunday 4 October 2026
    assert occurrence(date(2026, 10, 3), time(18), ADELAIDE) == utc("2026-10-03 08:30")
    assert occurrence(date(2026, 10, 5), time(18), ADELAIDE) == utc("2026-10-05 07:30")


def test_a_time_lost_to_spring_forward_moves_forward_by_the_gap() -> None:
    """Berlin, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens."""
    sunday_0230 = next_reminder({6}, time(2, 30), BERLIN, utc("2026-03-28 12:00"))

    assert sunday_0230 == utc("2026-03-29 01:30")
    assert sunday_0230.astimezone(BERLIN).time() == time(3, 30)
    assert occurrence(date(2026, 10, 4), time(2, 30), ADELAIDE) == utc("2026-10-03 17:00")


def test_an_evening_reminder_follows_the_clock_change_in_berlin() -> None:
    saturday = next_reminder({5, 6}, time(18), BERLIN, utc("2026-03-28 12:00"))
    assert saturday == utc("2026-03-28 17:00")  # 18:00 CET

    assert next_reminder({5, 6}, time(18), BERLIN, saturday) == utc("2026-03-29 16:00")  # CEST


def test_a_time_that_happens_twice_at_fall_back_means_the_first_and_fires_once() -> None:
    """Berlin, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 is twice."""
    first = next_reminder({6}, time(2, 30), BERLIN, utc("2026-10-24 12:00"))

    assert first == utc("2026-10-25 00:30")  # 02:30 CEST, not 02:30 CET (01:30 UTC)
    assert next_reminder({6}, time(2, 30), BERLIN, first) == utc("2026-11-01 01:30")
    autumn_evening = next_reminder({6}, time(18), BERLIN, utc("2026-10-24 12:00"))
    assert autumn_evening == utc("2026-10-25 17:00")


def test_no_chosen_day_means_no_reminder() -> None:
    assert next_reminder(frozenset(), time(18), BERLIN, utc("2026-03-02 09:30")) is None


# --- quiet hours -------------------------------------------------------------------------------


def test_quiet_hours_that_wrap_midnight_hold_the_night_and_release_the_morning() -> None:
    night = QuietHours(time(22), time(7))

    assert time(23, 30) in night
    assert time(6, 59) in night
    assert time(7) not in night
    assert time(21, 59) not in night


def test_a_message_in_quiet_hours_waits_for_them_to_end() -> None:
    night = QuietHours(time(22), time(7))
    late_evening = utc("2026-03-02 22:30")  # 23:30 in Berlin

    assert outside_quiet(late_evening, BERLIN, night) == utc("2026-03-03 06:00")  # 07:00 CET
    assert outside_quiet(utc("2026-03-03 04:00"), BERLIN, night) == utc("2026-03-03 06:00")
    assert outside_quiet(utc("2026-03-03 08:00"), BERLIN, night) == utc("2026-03-03 08:00")
    morning = QuietHours(time(8), time(10))
    assert outside_quiet(utc("2026-03-03 08:00"), BERLIN, morning) == utc("2026-03-03 09:00")


def test_the_weekly_summary_is_sunday_evening_and_a_quiet_evening_moves_it_to_monday() -> None:
    friday = utc("2026-03-06 12:00")

    assert next_summary(BERLIN, None, friday) == utc("2026-03-08 18:00")  # Sunday 19:00 CET
    quiet_evenings = QuietHours(time(18), time(8))
    delayed = next_summary(BERLIN, quiet_evenings, friday)
    assert delayed == utc("2026-03-09 07:00")  # Monday 08:00 CET
    assert summary_sunday(delayed, BERLIN) == date(2026, 3, 8)  # still that Sunday's week


def test_a_follow_up_waits_for_quiet_hours_that_cover_the_morning() -> None:
    reminder = Reminder(
        ANN, enabled=True, quiet=QuietHours(time(22), time(10)), since=utc("2026-03-01 00:00")
    )

    later = scheduled(reminder, "Europe/Berlin", utc("2026-03-02 09:30"))

    assert later.check_day == date(2026, 3, 2)
    assert later.check_due == utc("2026-03-03 09:00")  # Tuesday 10:00 CET, not 09:00


# --- what the athlete types --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00", time(18)),
        ("7:30", time(7, 30)),
        ("07.05", time(7, 5)),
        ("6pm", time(18)),
        ("6 PM", time(18)),
        ("6:30 p.m.", time(18, 30)),
        ("7a", time(7)),
        ("12am", time(0)),
        ("12pm", time(12)),
        (" 9 ", time(9)),
        ("0:00", time(0)),
    ],
)
def test_times_are_read_as_athletes_write_them(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("abc", TimeProblem.UNREADABLE),
        ("", TimeProblem.UNREADABLE),
        ("18:0", TimeProblem.UNREADABLE),
        ("1" * 500, TimeProblem.UNREADABLE),
        ("-5", TimeProblem.UNREADABLE),
        ("6m", TimeProblem.UNREADABLE),
        ("18h", TimeProblem.UNREADABLE),
        ("7.5", TimeProblem.UNREADABLE),
        ("25:00", TimeProblem.HOUR),
        ("0pm", TimeProblem.HOUR),
        ("18:75", TimeProblem.MINUTE),
        ("13pm", TimeProblem.HALF_DAY),
    ],
)
def test_a_time_that_cannot_be_read_names_its_problem(text: str, problem: TimeProblem) -> None:
    with pytest.raises(TimeEntryError) as raised:
        parse_time(text)

    assert raised.value.problem is problem


def test_quiet_hours_are_read_as_a_span_or_off() -> None:
    assert parse_quiet_hours("22-7") == QuietHours(time(22), time(7))
    assert parse_quiet_hours("22:30 – 06:00") == QuietHours(time(22, 30), time(6))
    assert parse_quiet_hours("10pm to 7am") == QuietHours(time(22), time(7))
    assert parse_quiet_hours("off") is None
    for bad in ("22", "22-22", "-7", "night", "22-25"):
        with pytest.raises(QuietHoursError):
            parse_quiet_hours(bad)


async def test_a_reminder_time_in_quiet_hours_is_refused_and_the_refusal_changes_nothing() -> None:
    uow, clock = InMemoryUnitOfWork(), FixedClock(utc("2026-03-02 09:30"))
    await RegisterUser(uow, clock)(Profile(ANN, "Ann"))
    change = ChangeReminders(uow, clock)
    await change(ANN, SetQuietHours(QuietHours(time(22), time(7))))
    with pytest.raises(QuietConflictError):
        await change(ANN, SetTime(time(23)))
    await change(ANN, SetTime(time(19)))
    with pytest.raises(QuietConflictError):
        await change(ANN, SetQuietHours(QuietHours(time(18), time(20))))

    saved = uow.committed["reminders"][ANN]
    assert (saved.at, saved.quiet) == (time(19), QuietHours(time(22), time(7)))


# --- sending -----------------------------------------------------------------------------------


class Texts:
    """The domain's ReminderTexts, spelling out what it was given."""

    def reminder(self, language: Language, day: PlanDay | None) -> Wording:
        return Wording(f"reminder {day.number if day else '-'}", {"start": True})

    def missed(self, language: Language, day: PlanDay | None) -> Wording:
        return Wording(f"missed {day.number if day else '-'}")

    def nudge(self, language: Language, missed: int, day: PlanDay | None) -> Wording:
        return Wording(f"nudge after {missed}")


class Athlete:
    """Ann on nSuns in Berlin, reminders Mon/Wed/Fri at 18:00, switched on Monday 2 March."""

    def __init__(self, zone: str = "Europe/Berlin", language_code: str | None = None) -> None:
        self.uow = InMemoryUnitOfWork()
        self.clock = FixedClock(utc("2026-03-02 09:30"))
        self.zone = zone
        self.language_code = language_code

    async def set_up(self, *changes: object) -> Athlete:
        await install_builtin_programs(self.uow)
        await RegisterUser(self.uow, self.clock)(
            Profile(ANN, "Ann", language_code=self.language_code)
        )
        await SetTimeZone(self.uow)(ANN, self.zone)
        await StartPlan(self.uow, self.clock)(ANN, "nsuns-4day")
        tms = {"bench": "100", "squat": "126", "ohp": "60", "deadlift": "180"}
        await SetTrainingMaxes(self.uow, self.clock)(
            ANN,
            {lift: Weight(Decimal(kg), Unit.KG) for lift, kg in tms.items()},
            one_rep_maxes=False,
        )
        await ChangeReminders(self.uow, self.clock)(ANN, SwitchReminders())
        for change in changes:
            await ChangeReminders(self.uow, self.clock)(ANN, change)  # type: ignore[arg-type]
        return self

    async def job(self, at: str, grace: timedelta = GRACE) -> list[str]:
        self.clock.current = utc(at)
        run = await SendReminders(self.uow, self.clock, Texts(), grace)()
        return run.queued

    async def trains(self, at: str) -> None:
        """Opens the next day, logs its first set as prescribed, and finishes."""
        self.clock.current = utc(at)
        workout = await OpenWorkout(self.uow, self.clock)(ANN)
        first = workout.sets[0].prescribed.position
        await LogSet(self.uow, self.clock)(ANN, workout.id or 0, first, SetResult())
        await FinishWorkout(self.uow, self.clock)(ANN, workout.id or 0)

    @property
    def outbox(self) -> dict[str, OutgoingMessage]:
        return {key: message for key, (message, _) in self.uow.committed["outbox"].items()}

    @property
    def reminder(self) -> Reminder:
        found: Reminder = self.uow.committed["reminders"][ANN]
        return found


async def test_a_due_reminder_is_queued_once_with_the_plans_next_day_and_a_start_button() -> None:
    ann = await Athlete().set_up()

    before = await ann.job("2026-03-02 16:59")
    at_six = await ann.job("2026-03-02 17:00:20")
    again = await ann.job("2026-03-02 17:01")

    assert (before, at_six, again) == ([], ["reminder:1001:2026-03-02"], [])
    message = ann.outbox["reminder:1001:2026-03-02"]
    assert (message.chat_id, message.text, message.reply_markup) == (
        ANN,
        "reminder 1",
        {"start": True},
    )
    assert ann.reminder.next_due == utc("2026-03-04 17:00")


async def test_a_reminder_for_a_russian_athlete_is_queued_in_russian() -> None:
    """The outbox speaks the recipient's language, though no update of theirs is running (#9)."""
    ann = await Athlete(language_code="ru").set_up()
    ann.clock.current = utc("2026-03-02 17:00:20")

    await SendReminders(ann.uow, ann.clock, ReminderWording(Catalogue.load()), GRACE)()

    message = ann.outbox["reminder:1001:2026-03-02"]
    assert (message.text or "").startswith("⏰ Сегодня тренировка: <b>День 1 · ")
    assert message.reply_markup == {
        "inline_keyboard": [[{"text": "▶️ Начать", "callback_data": "remind:start"}]]
    }


def test_a_russian_nudge_counts_missed_days_in_russian() -> None:
    wording = ReminderWording(Catalogue.load())

    assert "Уже 2 тренировочных дня без тренировки." in wording.nudge(Language.RU, 2, None).text
    assert "Уже 5 тренировочных дней без тренировки." in wording.nudge(Language.RU, 5, None).text


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
    caplog.set_level(logging.INFO, logger="domain.reminders.reminders")

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
    caplog.set_level(logging.INFO, logger="domain.reminders.reminders")

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


def test_missed_days_count_from_the_last_workout_and_not_before_reminders_began() -> None:
    reminder = Reminder(ANN, enabled=True, since=utc("2026-03-02 09:30"))

    assert missed_in_a_row(date(2026, 3, 6), reminder, BERLIN, [date(2026, 3, 3)]) == 2
    assert missed_in_a_row(date(2026, 3, 6), reminder, BERLIN, []) == 3
    later = Reminder(ANN, enabled=True, since=utc("2026-03-02 17:30"))  # after Monday's 18:00
    assert missed_in_a_row(date(2026, 3, 6), later, BERLIN, []) == 2


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


async def test_toggling_days_reschedules_from_now() -> None:
    ann = await Athlete().set_up(ToggleDay(0), ToggleDay(1))  # Monday off, Tuesday on

    assert ann.reminder.days == frozenset({1, 2, 4})
    assert ann.reminder.next_due == utc("2026-03-03 17:00")


# --- the weekly summary -----------------------------------------------------------------------


class Renderer:
    def __init__(self) -> None:
        self.calls: list[tuple[int, WeeklySummary, datetime]] = []
        self.languages: list[Language] = []

    async def __call__(
        self, athlete_id: int, language: Language, summary: WeeklySummary, at: datetime
    ) -> SummaryMessage:
        self.calls.append((athlete_id, summary, at))
        self.languages.append(language)
        return SummaryMessage(f"{summary.sessions_done} of {summary.sessions_planned}", b"PNG")


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
