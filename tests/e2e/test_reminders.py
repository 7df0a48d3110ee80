"""Reminders through the real bot (#5): set up in /reminders, sent by the job via the outbox."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import update

from emulator import BotApiEmulator, UserDriver
from storage.core.engine import create_engine, create_session_factory
from storage.reminders.tables import ReminderRow
from storage.uow import SqlUnitOfWork
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard
from tests.fakes import FixedClock

KOLKATA = ZoneInfo("Asia/Kolkata")
ANN = 1001


class Database:
    """The bot's SQLite file, as the test reads a reminder row or moves its due time."""

    def __init__(self, path: Path) -> None:
        self.url = f"sqlite:///{path}"

    async def next_due(self) -> datetime | None:
        engine = create_engine(self.url)
        try:
            async with SqlUnitOfWork(create_session_factory(engine), FixedClock()) as uow:
                reminder = await uow.reminders.get(ANN)
        finally:
            await engine.dispose()
        return None if reminder is None else reminder.next_due

    async def move_next_due(self, to: datetime) -> None:
        engine = create_engine(self.url)
        try:
            async with create_session_factory(engine).begin() as session:
                await session.execute(
                    update(ReminderRow).where(ReminderRow.athlete_id == ANN).values(next_due=to)
                )
        finally:
            await engine.dispose()


async def wait_for_press_answer(ann: UserDriver, label: str) -> None:
    await ann.press(label)
    await ann.wait_for_edit()


async def test_a_reminder_arrives_at_its_local_time_once_and_its_start_button_opens_today(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = Spotter(emulator, tmp_path)
    # The job looks every second (not every minute), so a due time a few seconds ahead is met.
    bot.env.update({"REMINDER_INTERVAL_SECONDS": "1", "DELIVERY_POLL_SECONDS": "0.2"})
    await bot.start_polling()
    database = Database(tmp_path / "spotter.db")
    ann = emulator.user(ANN, first_name="Ann")
    try:
        await onboard(ann)
        await ann.send("/settings")
        await ann.wait_for_message()
        await wait_for_press_answer(ann, "🌍 Time zone")
        await ann.send("Kolkata")
        await ann.wait_for_message()  # "time zone set"
        await ann.wait_for_message()  # the settings card again
        await ann.send("/reminders")
        card = await ann.wait_for_message()
        assert "Days: Mon, Wed, Fri at <b>18:00</b> (Asia/Kolkata)" in (card.html or "")
        await ann.press("🔔 Turn reminders on")
        turned_on = await ann.wait_for_edit()
        await ann.press("Done")
        await ann.wait_for_edit()
        planned = await database.next_due()

        # The test only brings the due time near; the job notices it, queues and sends it.
        due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=3)
        await database.move_next_due(due)
        reminder = await ann.wait_for_message(timeout=15)
        arrived = datetime.now(UTC)
        await asyncio.sleep(3)  # several more runs of the job
        reminders = [m for m in ann.chat.bot_messages if m.content.startswith("⏰ Training")]
        after = await database.next_due()

        await ann.press("▶️ Start", message_id=reminder.message_id)
        # as a day picked in /plan does, the card takes the place of the message pressed
        today = await ann.wait_for_edit(message_id=reminder.message_id)
    finally:
        await bot.terminate()

    assert "Next reminder:" in (turned_on.html or "")
    assert planned is not None
    local = planned.astimezone(KOLKATA)
    assert (local.time(), local.weekday() in {0, 2, 4}) == (time(18), True)
    assert planned.minute == 30  # 18:00 in India is half past the hour in UTC
    assert arrived >= due
    assert (
        reminder.html
        == "⏰ Training day today: <b>Day 1 · Bench press (volume), Overhead press</b>"
    )
    assert reminder.button_labels == [["▶️ Start"]]
    assert len(reminders) == 1
    assert after is not None
    assert after > due
    assert after.astimezone(KOLKATA).time() == time(18)
    assert "Day 1" in today.content
    assert "set 1 of 9" in today.content
