"""Logging, showing and comparing progress entries, and the weekly weigh-in reminder, over the
in-memory unit of work."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.body.model import Measurement, Pose
from domain.body.parsing import BodyEntryError
from domain.body.use_cases.entries import (
    AddPhoto,
    ComparePhotos,
    LogBody,
    NoPhotosError,
    ShowBody,
    SwitchWeighInReminder,
)
from domain.body.use_cases.reminders import SendWeighInReminders
from domain.shared.weights import Unit
from tests.fakes import FixedClock, InMemoryUnitOfWork

ANN, BOB = 1001, 1002


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Words:
    def reminder(self, language: Language) -> str:
        return f"weigh in ({language})"


async def athletes(zone: str = "Europe/Berlin") -> tuple[InMemoryUnitOfWork, FixedClock]:
    uow, clock = InMemoryUnitOfWork(), FixedClock(utc("2026-12-04 08:00"))
    for athlete_id, name in ((ANN, "Ann"), (BOB, "Bob")):
        await RegisterUser(uow, clock)(Profile(athlete_id, name))
        await SetTimeZone(uow)(athlete_id, zone)
    return uow, clock


async def test_typed_readings_go_into_todays_entry():
    uow, clock = await athletes()
    await LogBody(uow, clock)(ANN, "82.4")
    entry = await LogBody(uow, clock)(ANN, "waist 81")

    assert entry.day == date(2026, 12, 4)
    assert entry.measurements == (
        Measurement("weight", Decimal("82.4")),
        Measurement("waist", Decimal(81)),
    )


async def test_bad_input_changes_nothing():
    uow, clock = await athletes()
    await LogBody(uow, clock)(ANN, "82.4")
    commits = uow.commits

    with pytest.raises(BodyEntryError):
        await LogBody(uow, clock)(ANN, "82.0\nwaist -1")

    assert uow.commits == commits
    assert (await ShowBody(uow, clock)(ANN)).today is not None
    assert (await uow.body.weights(ANN, date(2026, 1, 1))) == [(date(2026, 12, 4), Decimal("82.4"))]


async def test_a_pound_athlete_types_pounds_and_is_stored_in_kilograms():
    uow, clock = await athletes()
    user = uow.committed_users[ANN]
    async with uow:
        await uow.users.update(replace(user, unit=Unit.LB))
        await uow.commit()

    await LogBody(uow, clock)(ANN, "182")

    # 182 × 0.45359237 = 82.55381134 kg, kept to the gram
    assert await uow.body.weights(ANN, date(2026, 1, 1)) == [(date(2026, 12, 4), Decimal("82.554"))]
    trend = (await ShowBody(uow, clock)(ANN)).trend
    assert trend is not None
    assert trend.latest.quantize(Decimal("0.1")) == Decimal("182.0")


async def test_photos_are_kept_by_pose_and_the_same_pose_again_replaces_it():
    uow, clock = await athletes()
    await AddPhoto(uow, clock)(ANN, Pose.FRONT, "old", "u-old")
    entry = await AddPhoto(uow, clock)(ANN, Pose.FRONT, "new", "u-new")

    assert [(p.pose, p.file_id) for p in entry.photos] == [(Pose.FRONT, "new")]


async def test_two_days_are_compared_pose_by_pose_and_only_the_athletes_own():
    uow, clock = await athletes()
    clock.current = utc("2026-11-20 08:00")
    await AddPhoto(uow, clock)(ANN, Pose.FRONT, "f1", "u1")
    await AddPhoto(uow, clock)(ANN, Pose.BACK, "b1", "u2")
    clock.current = utc("2026-12-04 08:00")
    await AddPhoto(uow, clock)(ANN, Pose.FRONT, "f2", "u3")

    compared = await ComparePhotos(uow)(ANN, date(2026, 12, 4), date(2026, 11, 20))

    assert (compared.first, compared.second) == (date(2026, 11, 20), date(2026, 12, 4))
    assert [(a.file_id, b.file_id) for a, b in compared.pairs] == [("f1", "f2")]
    assert [p.file_id for p in compared.unpaired] == ["b1"]
    with pytest.raises(NoPhotosError):  # Bob asks for Ann's days: he has no photos on them
        await ComparePhotos(uow)(BOB, date(2026, 12, 4), date(2026, 11, 20))
    with pytest.raises(NoPhotosError):
        await ComparePhotos(uow)(ANN, date(2026, 12, 4), date(2026, 12, 4))


async def test_the_reminder_is_opt_in_and_switches_back_off():
    uow, clock = await athletes()
    assert not (await ShowBody(uow, clock)(ANN)).reminder

    assert await SwitchWeighInReminder(uow)(ANN) is True
    assert (await ShowBody(uow, clock)(ANN)).reminder
    assert await SwitchWeighInReminder(uow)(ANN) is False


async def test_the_weigh_in_reminder_comes_at_seven_on_monday_local_time_once_a_week():
    uow, clock = await athletes("America/New_York")
    await SwitchWeighInReminder(uow)(ANN)
    send = SendWeighInReminders(uow, clock, Words())

    # Monday 7 December 2026, 07:00 in New York (EST, UTC-5) is 12:00 UTC
    clock.current = utc("2026-12-07 11:59")
    assert await send() == []
    clock.current = utc("2026-12-07 12:00")
    assert await send() == ["weigh-in:1001:2026-W50"]
    clock.current = utc("2026-12-07 12:01")
    assert await send() == []  # queued once: Bob never asked
    queued = uow.committed["outbox"]
    assert [message.text for message, _ in queued.values()] == ["weigh in (en)"]


async def test_after_the_clocks_change_the_reminder_still_comes_at_seven_local():
    uow, clock = await athletes("America/New_York")
    await SwitchWeighInReminder(uow)(ANN)
    send = SendWeighInReminders(uow, clock, Words())

    # Monday 9 March 2026 is EDT (UTC-4, since the 8th): 07:00 is 11:00 UTC
    clock.current = utc("2026-03-09 10:59")
    assert await send() == []
    clock.current = utc("2026-03-09 11:00")
    assert await send() == ["weigh-in:1001:2026-W11"]


async def test_no_reminder_once_weighed_this_week_nor_half_a_day_late():
    uow, clock = await athletes("UTC")
    await SwitchWeighInReminder(uow)(ANN)
    send = SendWeighInReminders(uow, clock, Words())
    clock.current = utc("2026-12-07 06:30")  # Monday, before the reminder: weighs in anyway
    await LogBody(uow, clock)(ANN, "82")
    clock.current = utc("2026-12-07 07:00")
    assert await send() == []

    clock.current = utc("2026-12-14 19:00")  # the next Monday, 12 hours after 07:00
    assert await send() == []
