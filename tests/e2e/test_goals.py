"""Goals and check-ins through the real bot: a squat e1RM goal followed set by set and
celebrated once; a weekly check-in answered by buttons and an assessment, seen by the coach
and the athlete and by no other coach."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from emulator import BotApiEmulator, UserDriver
from handlers.checkins.checkin import CheckInAnswer
from handlers.common.client_tools import ClientAssessments, ClientCheckIns
from storage.checkins.tables import CheckInDayRow
from storage.core.engine import create_engine, create_session_factory
from tests.e2e.conftest import Spotter
from tests.e2e.steps import log_day, onboard

ANN = 1001
SAM, KIM = 3001, 3002


def fast(emulator: BotApiEmulator, tmp_path: Path) -> Spotter:
    """The bot with its jobs looking every second, so what falls due is sent at once."""
    bot = Spotter(emulator, tmp_path)
    bot.env.update({"REMINDER_INTERVAL_SECONDS": "1", "DELIVERY_POLL_SECONDS": "0.2"})
    return bot


async def test_a_squat_e1rm_goal_follows_the_sets_and_is_celebrated_once(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = fast(emulator, tmp_path)
    await bot.start_polling()
    ann = emulator.user(ANN, first_name="Ann")
    try:
        await onboard(ann)
        await log_day(ann)  # day 1 is bench and OHP: day 2 starts with the squat
        due = (datetime.now(UTC).date() + timedelta(days=90)).isoformat()
        await ann.send(f"/goals squat e1rm 150 by {due}")
        set_reply = await ann.wait_for_message()
        assert "Goal set" in set_reply.content
        assert "no reading yet" in set_reply.content

        await ann.send("/today")
        await ann.wait_for_message()
        await ann.send("100x5")  # Epley: 100 × 35/30 = 116.7 kg, 77.8% of 150
        await ann.wait_for_message()
        await ann.send("/goals")
        shown = await ann.wait_for_message()
        assert "Squat e1RM: 150 kg by" in shown.content
        assert "▓▓▓▓▓▓▓░░░ 77% · now 116.7 kg" in shown.content
        await ann.press("⏸ Pause: Squat e1RM", message_id=shown.message_id)
        paused = await ann.wait_for_edit(message_id=shown.message_id)
        assert "⏸ paused" in paused.content
        await ann.press("▶️ Resume: Squat e1RM", message_id=shown.message_id)
        resumed = await ann.wait_for_edit(message_id=shown.message_id)
        assert "paused" not in resumed.content

        await ann.send("/today")
        await ann.wait_for_message()
        await ann.send("130x5")  # 130 × 35/30 = 151.7 kg: past 150
        await ann.wait_for_message()
        cheer = await ann.wait_for_message(timeout=10)
        assert "Goal reached!" in cheer.content
        assert "151.7 kg (target 150 kg)" in cheer.content
        await asyncio.sleep(3)  # three more runs of the job
        cheers = [m for m in ann.chat.bot_messages if "Goal reached" in m.content]
        assert len(cheers) == 1
        await ann.send("/goals")
        assert "✅ reached" in (await ann.wait_for_message()).content
    finally:
        await bot.terminate()


async def become_coach(coach: UserDriver) -> None:
    await coach.send("/coach")
    await coach.wait_for_message()
    await coach.press("🎓 Become a coach")
    await coach.wait_for_edit()


async def ask_now(database: Path, athlete: int) -> None:
    """Moves the athlete's check-in to a minute ago (UTC is their zone), so the job asks now."""
    moment = datetime.now(UTC) - timedelta(minutes=1)
    engine = create_engine(f"sqlite:///{database}")
    try:
        async with create_session_factory(engine).begin() as session:
            await session.execute(
                update(CheckInDayRow)
                .where(CheckInDayRow.athlete_id == athlete)
                .values(weekday=moment.weekday(), at=moment.time().replace(microsecond=0))
            )
    finally:
        await engine.dispose()


async def test_a_check_in_answered_is_on_the_coachs_card_and_no_other_coach_sees_it(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = fast(emulator, tmp_path)
    await bot.start_polling()
    ann = emulator.user(ANN, first_name="Ann")
    sam = emulator.user(SAM, first_name="Sam")
    kim = emulator.user(KIM, first_name="Kim")
    try:
        await become_coach(sam)
        await become_coach(kim)
        await onboard(ann)
        await sam.press("🔗 Invite link (one client)")
        link = (await sam.wait_for_message()).content
        await ann.send("/start " + link.split("start=")[1].split()[0])
        await ann.wait_for_message()
        await ann.press("✅ Accept")
        await ann.wait_for_edit()
        await sam.wait_for_message(timeout=10)  # "Ann accepted your invite"

        await ann.send("/checkin")
        await ann.wait_for_message()
        await ann.press("Mon")
        turned_on = await ann.wait_for_edit()
        assert "You're asked on Mon at 09:00 your time." in turned_on.content
        await ask_now(tmp_path / "spotter.db", ANN)
        question = await ann.wait_for_message(timeout=10)
        assert "Weekly check-in" in question.content
        assert "How did you sleep" in question.content
        for answer in ("4", "3", "4", "2", "5"):  # readiness 65 (docs/checkins.md)
            await ann.press(answer, message_id=question.message_id)
            question = await ann.wait_for_edit(message_id=question.message_id)
        assert "Readiness: 65/100" in question.content
        assert question.button_labels == []

        await sam.send("/clients")
        await sam.wait_for_message()
        await sam.press("Ann")
        card = await sam.wait_for_message()
        assert "readiness 65 (sleep 4, energy 3, stress 4, soreness 2, mood 5)" in card.content
        await sam.press("🗓 Check-in day", message_id=card.message_id)
        days = await sam.wait_for_message()
        assert "They're asked on" in days.content  # the day ask_now moved it to
        await sam.press("Wed", message_id=days.message_id)
        moved = await sam.wait_for_edit(message_id=days.message_id)
        assert "They're asked on Wed at" in moved.content
        await sam.press("📋 Assessments", message_id=card.message_id)
        prompt = await sam.wait_for_message()
        assert "No assessments yet" in prompt.content
        await sam.send("Squat 5RM 100 kg\nknees cave <a bit>", reply_to=prompt.message_id)
        assert "Assessment saved" in (await sam.wait_for_message()).content
        await ann.send("/goals")
        assert "No goals yet" in (await ann.wait_for_message()).content
        mine = await ann.wait_for_message()  # the assessments, a message of their own
        assert "Squat 5RM 100 kg" in mine.content
        assert "knees cave <a bit>" in mine.content  # escaped on the way, shown as typed

        kims_message = kim.chat.bot_messages[-1].message_id
        seen = len(kim.chat.bot_messages)
        for forged in (
            ClientCheckIns(athlete=ANN).pack(),
            ClientAssessments(athlete=ANN).pack(),
            CheckInAnswer(check_in=1, question="sleep", answer=1).pack(),
        ):
            query = await kim.press_forged(kims_message, forged)
            refusal = await kim.wait_for_callback_answer(query)
            assert "not your" in (refusal.text or "")
        await asyncio.sleep(0.3)
        assert len(kim.chat.bot_messages) == seen, "a forged button showed Kim something"
    finally:
        await bot.terminate()
