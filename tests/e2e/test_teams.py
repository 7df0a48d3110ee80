"""Teams through the real bot and the emulator's groups (privacy mode on): the bot added to a
group makes it a team, people join from its card, an invite link brings a coach in, a forged
Join from another group's card does nothing, someone leaving ends their membership, and the
bot removed ends the team."""

from __future__ import annotations

import re

from emulator import BotApiEmulator
from tests.e2e.conftest import Spotter

ANN, BEN, CARA = 4301, 4302, 4303


async def test_a_group_becomes_a_team_with_members_coaches_and_an_end(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(ANN, first_name="Ann")
    ben = emulator.user(BEN, first_name="Ben")
    cara = emulator.user(CARA, first_name="Cara")
    gym = emulator.group(-1004300, "North <Gym>", bot_status="left")
    gym.add_member(ann, "creator", is_anonymous=True)
    gym.add_member(ben)

    gym.add_bot(by=ann)
    card = await ann.wait_for_message(chat=gym, timeout=10)
    assert card.content.startswith("🏋️ North <Gym> trains with Spotter · 1 member")

    joined = await ben.press("✅ Join", chat=gym, message_id=card.message_id)
    assert (await ben.wait_for_callback_answer(joined)).text == "You're in, as member."
    assert "· 2 members" in (await ann.wait_for_edit(chat=gym)).content
    again = await ben.press("✅ Join", chat=gym, message_id=card.message_id)
    assert (await ben.wait_for_callback_answer(again)).text == "You're in already, as member."

    refused = await ben.press("🔗 Invite a coach", chat=gym, message_id=card.message_id)
    assert (await ben.wait_for_callback_answer(refused)).text == (
        "Only the team's admins and owners can do that."
    )
    ann.allow_messages()  # the link comes in private: Ann has started the bot before
    asked = await ann.press("🔗 Invite a coach", chat=gym, message_id=card.message_id)
    assert (await ann.wait_for_callback_answer(asked)).text == "I sent you the link in private."
    link = await ann.wait_for_message()
    assert "An invite to North <Gym> as coach" in link.content
    found = re.search(r"\?start=(t[A-Za-z0-9_-]+)", link.content)
    assert found is not None
    assert found[1] not in "".join(m.content for m in gym.messages)  # never shown in the group

    await cara.send(f"/start {found[1]}")
    offer = await cara.wait_for_message()
    assert "Join North <Gym> as coach?" in offer.content
    await cara.press("✅ Join", message_id=offer.message_id)
    assert "You're in North <Gym>, as coach." in (await cara.wait_for_edit()).content
    await cara.send("/teams")
    assert "North <Gym> — coach, 3 members" in (await cara.wait_for_message()).content

    other = emulator.group(-1004399, "South Gym")
    other.add_member(ben)
    await ben.send("/team", chat=other)
    south_card = await ben.wait_for_message(chat=other)
    join = card.button("✅ Join")
    assert join is not None
    assert join.callback_data is not None
    forged = await ben.press_forged(south_card.message_id, join.callback_data, chat=other)
    assert "out of date" in ((await ben.wait_for_callback_answer(forged)).text or "")

    await ben.send("/team tz Berlin", chat=gym)
    assert "Only the team's admins" in (await ben.wait_for_message(chat=gym)).content
    await ann.send("/team role Judge: scores", chat=gym)
    assert "Role Judge: scores" in (await ann.wait_for_message(chat=gym)).content
    bens_message = next(m for m in gym.messages if m.content == "/team tz Berlin")
    await ann.send("/team give Judge", chat=gym, reply_to=bens_message.message_id)
    assert "Done: Judge" in (await ann.wait_for_message(chat=gym)).content
    await ann.send("/team tz Berlin", chat=gym, anonymous=True)  # as the group: an admin
    assert "keeps Europe/Berlin time" in (await ann.wait_for_message(chat=gym)).content

    gym.leave(ben)
    await ann.send("/team", chat=gym)
    after = (await ann.wait_for_message(chat=gym)).content
    assert "· 2 members" in after
    assert "🕒 Europe/Berlin" in after

    removed = gym.remove_bot(by=ann)
    assert removed is not None
    await spotter.handled(removed)
    await cara.send("/teams")
    assert "You're in no team yet" in (await cara.wait_for_message()).content
