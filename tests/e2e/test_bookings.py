"""Scheduling through the real bot (#16): a coach sets availability; an athlete in another time
zone pays for a pack of four sessions in Stars, books two slots and sees them in their own time,
gets the .ics file; a reminder arrives through the outbox; the coach marks one done and one a
no-show, which leaves two in the pack; another coach sees none of it and their forged button is
refused."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import update

from emulator import BotApiEmulator, UserDriver
from handlers.bookings.callbacks import Mark
from storage.bookings.tables import BookingRow
from storage.core.engine import create_engine, create_session_factory
from tests.e2e.conftest import Spotter

SAM, KIM, ALEX = 3201, 3202, 3301
KOLKATA = ZoneInfo("Asia/Kolkata")  # UTC+05:30, no DST
LINK = re.compile(r"https://t\.me/spotter_test_bot\?start=(c[A-Za-z0-9_-]+)")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


async def move_booking(
    path: Path, booking_id: int, starts_at: datetime, booked_at: datetime
) -> None:
    """The test's clock: it brings a booking's time near, as the reminder tests bring a due time."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        async with create_session_factory(engine).begin() as session:
            await session.execute(
                update(BookingRow)
                .where(BookingRow.id == booking_id)
                .values(
                    starts_at=starts_at, ends_at=starts_at + timedelta(hours=1), booked_at=booked_at
                )
            )
    finally:
        await engine.dispose()


async def become_coach(coach: UserDriver) -> None:
    await coach.send("/coach")
    await coach.wait_for_message()
    await coach.press("🎓 Become a coach")
    await coach.wait_for_edit()


async def join(athlete: UserDriver, coach: UserDriver) -> None:
    await coach.press("🔗 Invite link (one client)")
    found = LINK.search((await coach.wait_for_message()).content)
    assert found
    await athlete.send(f"/start {found[1]}")
    await athlete.wait_for_message()
    await athlete.press("✅ Accept")
    await athlete.wait_for_message()  # training with the coach now
    units = await athlete.wait_for_message()
    await athlete.press("kg", message_id=units.message_id)
    await athlete.wait_for_edit(message_id=units.message_id)
    await athlete.press("nSuns 5/3/1 LP, 4 days", message_id=units.message_id)
    await athlete.wait_for_edit(message_id=units.message_id)
    await athlete.send("bench 100 squat 140 ohp 60 deadlift 180")
    await athlete.wait_for_message()


async def live_in_kolkata(athlete: UserDriver) -> None:
    await athlete.send("/settings")
    await athlete.wait_for_message()
    await athlete.press("🌍 Time zone")
    await athlete.wait_for_edit()
    await athlete.send("Kolkata")
    await athlete.wait_for_message()  # time zone set
    await athlete.wait_for_message()  # the settings card again


async def book_tomorrow(alex: UserDriver, label: str) -> str:
    await alex.press("▶️")
    tomorrow = await alex.wait_for_edit()
    await alex.press(label, message_id=tomorrow.message_id)
    return (await alex.wait_for_edit(message_id=tomorrow.message_id)).content


async def test_a_coach_s_slots_are_booked_from_another_zone_reminded_and_marked(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = Spotter(emulator, tmp_path)
    bot.env.update({"REMINDER_INTERVAL_SECONDS": "1", "DELIVERY_POLL_SECONDS": "0.2"})
    await bot.start_polling()
    sam = emulator.user(SAM, first_name="Sam")
    kim = emulator.user(KIM, first_name="Kim")
    alex = emulator.user(ALEX, first_name="Alex")
    try:
        await become_coach(sam)
        await become_coach(kim)
        await join(alex, sam)
        await live_in_kolkata(alex)
        await sam.wait_for_message(timeout=10)  # Alex accepted the invite
        # Alex pays Sam for a pack of four sessions (#16: the bookings draw from it).
        await sam.send("/packages add sessions 4 400 Four sessions")
        await sam.wait_for_message()
        await alex.send("/billing")
        card = await alex.wait_for_message()
        await alex.press("🛒 Four sessions — ⭐400", message_id=card.message_id)
        invoice = await alex.wait_for_message()
        paid = await alex.pay(invoice.message_id)
        await alex.wait_for_message()  # paid: 4 sessions
        await sam.wait_for_message(timeout=10)  # Alex paid
        # Sam lives in UTC (the default): every day 06:00-18:00, hour slots. Alex's tomorrow in
        # Kolkata has them all, 11:30 to 22:30 Kolkata time.
        await sam.send("/availability Mon Tue Wed Thu Fri Sat Sun 06:00-18:00 60min")
        availability = await sam.wait_for_message()

        await alex.send("/book")
        await alex.wait_for_message()
        first = await book_tomorrow(alex, "11:30")
        told = await sam.wait_for_message(timeout=10)
        await alex.press("➕ Book another")
        await alex.wait_for_edit()
        second = await book_tomorrow(alex, "12:30")
        await alex.press("📅 Add to calendar")
        document = await alex.wait_for_message()
        await alex.press("➕ Book another")
        page = await alex.wait_for_edit()
        await alex.press("📋 My bookings", message_id=page.message_id)
        mine = await alex.wait_for_edit(message_id=page.message_id)

        now = datetime.now(UTC).replace(second=0, microsecond=0)
        soon = now + timedelta(minutes=30)
        await move_booking(tmp_path / "spotter.db", 1, soon, now - timedelta(hours=2))
        reminder = await alex.wait_for_message(timeout=15)
        await asyncio.sleep(2)  # more runs of the job: the reminder comes once
        reminders = [m for m in alex.chat.bot_messages if m.content.startswith("⏰")]

        # Both have started now (the coach marks a session from its start on).
        started = max(now.replace(hour=0, minute=0), now - timedelta(minutes=10))
        await move_booking(tmp_path / "spotter.db", 1, started, now - timedelta(days=1))
        await move_booking(
            tmp_path / "spotter.db", 2, started + timedelta(minutes=1), now - timedelta(days=1)
        )
        await kim.send("/sessions")
        kims = await kim.wait_for_message()
        forged = await kim.press_forged(kims.message_id, Mark(booking=1, mark="n").pack())
        refused = await kim.wait_for_callback_answer(forged)
        await sam.send("/sessions")
        sessions = await sam.wait_for_message()
        await sam.press(f"✅ Alex {started:%H:%M}")
        await sam.wait_for_edit()
        await sam.press(f"🚫 Alex {started + timedelta(minutes=1):%H:%M}")
        marked = await sam.wait_for_edit()
        await alex.send("/billing")
        balance = await alex.wait_for_message()
    finally:
        await bot.terminate()

    tomorrow = (datetime.now(KOLKATA) + timedelta(days=1)).date()
    day = f"{WEEKDAYS[tomorrow.weekday()]} {tomorrow:%d.%m}"
    assert "1. Mon Tue Wed Thu Fri Sat Sun 06:00–18:00, 60 min slots" in availability.content
    assert f"Booked: {day}, 11:30–12:30 (your time, Asia/Kolkata) with Sam." in first
    assert f"Booked: {day}, 12:30–13:30 (your time, Asia/Kolkata) with Sam." in second
    # Sam hears of it in Sam's time: 11:30 in Kolkata is 06:00 UTC.
    assert told.content == f"🗓 Alex booked {WEEKDAYS[tomorrow.weekday()]} {tomorrow:%d.%m}, 06:00."
    assert document.media_kind == "document"
    calendar_file = emulator.files.get(document.file_ids[0])
    assert calendar_file is not None
    assert f"DTSTART:{tomorrow:%Y%m%d}T070000Z\r\n".encode() in calendar_file.data
    assert f"1. {day}, 11:30–12:30 with Sam" in mine.content
    assert f"2. {day}, 12:30–13:30 with Sam" in mine.content
    assert reminder.content == (
        f"⏰ Session with Sam: {WEEKDAYS[soon.astimezone(KOLKATA).weekday()]} "
        f"{soon.astimezone(KOLKATA):%d.%m, %H:%M} (your time, Asia/Kolkata)."
    )
    assert len(reminders) == 1
    assert "No sessions" in kims.content
    assert refused.show_alert
    assert "Alex · booked" in sessions.content
    assert "Alex · ✅ done" in marked.content
    assert "Alex · 🚫 no-show" in marked.content
    # One came to, one missed: both spent from the pack of four.
    assert paid.outcome == "paid"
    assert "Sessions left with Sam: 2" in balance.content
