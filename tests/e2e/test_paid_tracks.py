"""A paid track through the real bot (#16): its owner prices it monthly with 3 days' trial, an
athlete subscribes and follows it on trial, pays by Telegram's subscription link, and the
access runs 30 days on from the trial's end; the Stars are on the owner's line, and the owner
refunds them from /billing."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from emulator import BotApiEmulator, UserDriver
from tests.e2e.conftest import Spotter
from tests.e2e.steps import start

OLGA, ALEX = 4601, 4602
ENGINE = """/track
track: Engine
week 1 day 1:
strength:
squat: 5x5 @75%
week 1 day 2:
metcon:
AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats
"""


def days_on(moment: float, days: int) -> set[str]:
    """The UTC date `days` on from a moment, either side of a midnight the steps might cross."""
    return {
        (datetime.fromtimestamp(at, UTC) + timedelta(days=days)).date().isoformat()
        for at in (moment - 60, moment + 60)
    }


async def said(user: UserDriver, text: str) -> str:
    await user.send(text)
    return (await user.wait_for_message()).content


async def test_an_owner_prices_a_track_with_a_trial_and_an_athlete_pays_after_trying_it(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = Spotter(emulator, tmp_path)
    bot.env["BOT_ADMINS"] = str(OLGA)  # a bot admin publishes tracks to everyone
    await bot.start_polling()
    try:
        olga = emulator.user(OLGA, first_name="Olga")
        alex = emulator.user(ALEX, first_name="Alex")
        await start(olga)
        await start(alex)

        assert "Saved the track Engine" in await said(olga, ENGINE)
        assert "public now" in await said(olga, "/track publish Engine")
        priced = await said(olga, "/track price Engine monthly 250 trial 3")
        assert "⭐250 a month, 3 days free to try" in priced

        subscribed_at = time.time()
        await alex.send("/track subscribe Engine")
        reply = await alex.wait_for_message()
        assert "Subscribed to <b>Engine</b>" in (reply.html or "")
        assert "⭐250 a month, 3 days free to try" in reply.content
        assert any(f"Yours until {d}" in reply.content for d in days_on(subscribed_at, 3))
        assert "Engine" in await said(alex, "/track today")  # on trial: today's workout shows

        await alex.press("Pay ⭐250", message_id=reply.message_id)
        offer = await alex.wait_for_message()
        link = offer.button("Subscribe")
        assert link is not None
        assert link.url is not None
        [created] = emulator.calls("createInvoiceLink")
        assert created.params["subscription_period"] in {2592000, "2592000"}
        paid = await alex.pay_link(link.url)
        assert paid.outcome == "paid"
        confirmed = (await alex.wait_for_message()).content
        assert "the track “Engine” is yours until" in confirmed
        assert any(d in confirmed for d in days_on(subscribed_at, 33)), confirmed
        told = await olga.wait_for_message(timeout=10)
        assert "Alex paid ⭐250 for Engine (invoice #0001)" in told.content

        standing = await said(alex, "/track pay Engine")
        assert any(f"Yours until {d}" in standing for d in days_on(subscribed_at, 33)), standing
        assert f"{OLGA}: ⭐250 (earned 250)" in await said(olga, "/owed")
        assert emulator.star_balance == 250

        # The owner, no coach of Alex's, refunds from /billing: the Stars go back, access ends.
        await olga.send("/billing")
        owners = await olga.wait_for_message()
        assert "Alex · #0001 · Engine · ⭐250 · paid" in owners.content
        await olga.press("↩️ Refund #0001", message_id=owners.message_id)
        done = (await olga.wait_for_message()).content
        assert "Invoice #0001 refunded: ⭐250" in done
        assert "The track's access is cut back to" in done
        back = await alex.wait_for_message(timeout=10)
        assert "⭐250 for Engine (invoice #0001) were refunded to you" in back.content
        assert emulator.star_balance == 0
    finally:
        await bot.terminate()  # its own process: left running, it outlives the test run
