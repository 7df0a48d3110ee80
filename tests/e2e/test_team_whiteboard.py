"""The whiteboard through the real bot (#13): members reply to the day's posted workout with
their scores, the board appears as a reply to the post and is edited in place in the board's
order (Rx above scaled, ties sharing a place, capped below finishers); a bad score is answered
with the scheme's shape, a non-member is asked to join, and a coach's /fix corrects a score."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from emulator import BotApiEmulator
from emulator.driver import ChatDriver
from tests.e2e.conftest import Spotter
from tests.e2e.test_team_wod import Database

ANN, BEN, CARA, DAN, EVE = 4501, 4502, 4503, 4504, 4505
TRACK = """/track
track: Board Test
week 1 day 1:
metcon:
name: Fran
For time, 21-15-9: thruster 43/29kg, pull-up
cap: 10
"""


def post_recorded(tmp_path: Path) -> bool:
    with sqlite3.connect(tmp_path / "spotter.db") as db:
        query = "SELECT 1 FROM outbox WHERE idempotency_key LIKE 'wod:%' AND message_id IS NOT NULL"
        return db.execute(query).fetchone() is not None


def board_of(gym: ChatDriver, post_id: int) -> str:
    boards = [m for m in gym.bot_messages if m.reply_to_message_id == post_id]
    boards = [m for m in boards if m.content.startswith("🏆")]
    return boards[0].content if boards else ""


async def test_members_scores_make_one_board_edited_in_place_in_order(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = Spotter(emulator, tmp_path)
    bot.env.update({"REMINDER_INTERVAL_SECONDS": "1", "DELIVERY_POLL_SECONDS": "0.2"})
    await bot.start_polling()
    database = Database(tmp_path / "spotter.db")
    ann = emulator.user(ANN, first_name="Ann")
    ben = emulator.user(BEN, first_name="Ben")
    cara = emulator.user(CARA, first_name="Cara")
    dan = emulator.user(DAN, first_name="Dan")
    eve = emulator.user(EVE, first_name="Eve")
    gym = emulator.group(-1004500, "Board Gym", bot_status="left")
    gym.add_member(ann, "creator")
    for person in (ben, cara, dan, eve):
        gym.add_member(person)
    try:
        gym.add_bot(by=ann)
        card = await ann.wait_for_message(chat=gym, timeout=10)
        for person in (ben, cara, dan):
            await person.press("✅ Join", chat=gym, message_id=card.message_id)
        await ann.send(TRACK, chat=gym)
        await ann.wait_for_message(chat=gym)
        await ann.send("/track subscribe Board Test", chat=gym)
        await ann.wait_for_message(chat=gym)
        await database.next_post(to=datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2))
        post = await ann.wait_for_message(chat=gym, timeout=15)
        # People reply to a post seconds after it arrives, not in the milliseconds before the
        # bot has read Telegram's answer and recorded which message the post is.
        async with asyncio.timeout(10):
            while not post_recorded(tmp_path):  # noqa: ASYNC110 - a file, not an event
                await asyncio.sleep(0.05)

        await ben.send("4:22", chat=gym, reply_to=post.message_id)
        await cara.send("4:22", chat=gym, reply_to=post.message_id)
        await dan.send("CAP+20", chat=gym, reply_to=post.message_id)
        await ann.send("3:50 sc", chat=gym, reply_to=post.message_id)
        ordered = "1. Ben — 4:22 Rx\n1. Cara — 4:22 Rx\n3. Dan — CAP+20 Rx\n4. Ann — 3:50 Sc"
        await emulator.wait_until(lambda: ordered in board_of(gym, post.message_id), 40, "board")
        board = next(m for m in gym.bot_messages if m.content.startswith("🏆"))

        await ben.send("fast!", chat=gym, reply_to=post.message_id)
        bad = await ben.wait_for_message(chat=gym)
        await eve.send("4:00", chat=gym, reply_to=post.message_id)
        refused = await eve.wait_for_message(chat=gym)
        cara_score = [m for m in gym.messages if m.sender_id == CARA][-1]
        await ann.send("/fix 4:30", chat=gym, reply_to=cara_score.message_id)
        fixed = await ann.wait_for_message(chat=gym)
        after = "1. Ben — 4:22 Rx\n2. Cara — 4:30 Rx\n3. Dan — CAP+20 Rx\n4. Ann — 3:50 Sc"
        await emulator.wait_until(lambda: after in board_of(gym, post.message_id), 40, "fix")
    finally:
        await bot.terminate()

    boards = [m for m in gym.bot_messages if m.content.startswith("🏆")]
    assert len(boards) == 1
    assert boards[0].message_id == board.message_id
    assert boards[0].reply_to_message_id == post.message_id
    assert boards[0].edited
    assert "Fran" in boards[0].content
    assert bad.content.startswith("I couldn't read that as a score: a For Time score looks like")
    assert "CAP+23" in bad.content
    assert bad.reply_to_message_id is not None
    assert refused.content.startswith("Join the team first")
    assert [[b.text for b in row] for row in refused.buttons] == [["✅ Join"]]
    assert fixed.content == "✅ Corrected to 4:30 Rx."
    assert "Eve" not in boards[0].content
