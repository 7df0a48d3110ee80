"""/stats through the real bot (#16): a coach with a client gets their figures and a chart drawn
in the chart pool's worker process; another coach sees none of it; a client is told it is for
coaches."""

from __future__ import annotations

import re

from emulator import BotApiEmulator, UserDriver
from tests.e2e.conftest import Spotter
from tests.e2e.steps import start

SAM, KIM, ALEX = 3401, 3402, 3501
LINK = re.compile(r"https://t\.me/spotter_test_bot\?start=(c[A-Za-z0-9_-]+)")


async def become_coach(coach: UserDriver) -> None:
    await coach.send("/coach")
    await coach.wait_for_message()
    await coach.press("🎓 Become a coach")
    await coach.wait_for_edit()


async def test_a_coach_sees_their_client_in_stats_and_another_coach_does_not(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam = emulator.user(SAM, first_name="Sam")
    kim = emulator.user(KIM, first_name="Kim")
    alex = emulator.user(ALEX, first_name="Alex")
    for coach in (sam, kim):
        await start(coach)
        await become_coach(coach)
    await sam.press("🔗 Invite link (one client)")
    found = LINK.search((await sam.wait_for_message()).content)
    assert found
    await alex.send(f"/start {found[1]}")
    await alex.wait_for_message()
    await alex.press("✅ Accept")
    await alex.wait_for_message()  # training with Sam now
    await sam.wait_for_message(timeout=10)  # "Alex accepted your invite"

    await sam.send("/stats")
    figures = await sam.wait_for_message()
    assert "Active clients: 1" in figures.content
    assert "1 active — 0 stayed, 1 new, 0 left · ⭐0" in figures.content  # this month's line
    chart = await sam.wait_for_message(timeout=30)  # the first chart starts a worker process
    assert chart.media_kind == "photo"

    await kim.send("/stats")
    assert "Active clients: 0" in (await kim.wait_for_message()).content
    assert (await kim.wait_for_message(timeout=30)).media_kind == "photo"

    await alex.send("/stats")
    assert "Only coaches have stats" in (await alex.wait_for_message()).content
