"""The workout of the day through the real bot (#13): a coach pastes a track and subscribes the
team with an offset (a member may not); at the team's local posting time the day's workout is
posted once and pinned, and a note in reply to it edits it in place."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from emulator import BotApiEmulator
from storage.core.engine import create_engine, create_session_factory
from storage.teams.tracks import TeamWodSettingsRow
from tests.e2e.conftest import Spotter

KOLKATA = ZoneInfo("Asia/Kolkata")
ANN, BEN = 4401, 4402
TRACK = """/track
track: North Gym Q1
week 1 day 1:
strength:
squat: 5x5 @75%
week 1 day 3:
metcon:
name: Cindy
AMRAP 20: 5 pull-ups, 10 push-ups, 15 air squats
scaling: ring rows for pull-ups
"""


class Database:
    """The bot's SQLite file, as the test reads the team's next post or brings it near."""

    def __init__(self, path: Path) -> None:
        self.url = f"sqlite:///{path}"

    async def next_post(self, to: datetime | None = None) -> datetime | None:
        engine = create_engine(self.url)
        try:
            async with create_session_factory(engine).begin() as session:
                if to is not None:
                    await session.execute(update(TeamWodSettingsRow).values(next_post_at=to))
                return await session.scalar(select(TeamWodSettingsRow.next_post_at))
        finally:
            await engine.dispose()


async def test_a_subscribed_teams_workout_is_posted_at_its_local_time_and_pinned(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = Spotter(emulator, tmp_path)
    bot.env.update({"REMINDER_INTERVAL_SECONDS": "1", "DELIVERY_POLL_SECONDS": "0.2"})
    await bot.start_polling()
    database = Database(tmp_path / "spotter.db")
    ann = emulator.user(ANN, first_name="Ann")
    ben = emulator.user(BEN, first_name="Ben")
    gym = emulator.group(-1004400, "North Gym", bot_status="left")
    gym.add_member(ann, "creator")
    gym.add_member(ben)
    try:
        gym.add_bot(by=ann)
        card = await ann.wait_for_message(chat=gym, timeout=10)
        await ben.press("✅ Join", chat=gym, message_id=card.message_id)
        promoted = gym.promote_bot(can_pin_messages=True)
        assert promoted is not None
        await bot.handled(promoted)
        await ann.send("/team tz Asia/Kolkata", chat=gym)
        await ann.wait_for_message(chat=gym)

        await ann.send(TRACK, chat=gym)
        saved = await ann.wait_for_message(chat=gym)
        await ben.send("/track subscribe North Gym Q1", chat=gym)
        refused = await ben.wait_for_message(chat=gym)
        await ann.send("/track subscribe north gym q1 offset -2", chat=gym)
        subscribed = await ann.wait_for_message(chat=gym)
        await ann.send("/wod_time 05:30", chat=gym)
        timed = await ann.wait_for_message(chat=gym)
        planned = await database.next_post()

        # The test only brings the posting time near; the job notices it and posts.
        due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=3)
        await database.next_post(to=due)
        post = await ann.wait_for_message(chat=gym, timeout=15)
        await emulator.wait_until(lambda: gym.pinned_message_id == post.message_id, 5, "the pin")
        await asyncio.sleep(3)  # several more runs of the job
        posts = [m for m in gym.bot_messages if m.content.startswith("📋 WOD")]
        after = await database.next_post()

        await ann.send("/wod_note Bring a jump rope", chat=gym, reply_to=post.message_id)
        edited = await ann.wait_for_edit(chat=gym, message_id=post.message_id)
    finally:
        await bot.terminate()

    today = datetime.now(KOLKATA).date()
    assert "Saved the track North Gym Q1" in saved.content
    assert refused.content == (
        "Only the team's owners, coaches and group admins can change its programming."
    )
    first = (today - timedelta(days=2)).isoformat()
    assert f"day 1 falls on {first} (offset -2)" in subscribed.content
    assert "posted at 05:30 (Asia/Kolkata)" in timed.content
    assert planned is not None
    assert planned.astimezone(KOLKATA).time() == time(5, 30)
    assert planned.minute == 0  # 05:30 in India is midnight UTC
    assert post.content.startswith(f"📋 WOD · {today.isoformat()} — North Gym Q1 (week 1, day 3)")
    assert "Cindy" in post.content
    assert "Scaling: ring rows for pull-ups" in post.content
    assert len(posts) == 1
    assert after is not None
    assert after > due
    assert after.astimezone(KOLKATA).time() == time(5, 30)
    assert "Coach: Bring a jump rope" in edited.content
