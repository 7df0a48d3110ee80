"""A team's class through the real bot and the emulator's group: a class of 3 scheduled with
/class, five members say they're in (two wait), one cancels and the first waiting hears in
private that they are in; the card is edited in place, and a member's forged attendance mark
is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from emulator import BotApiEmulator
from tests.e2e.conftest import Spotter

ANN = 4401
MEMBERS = {4402: "Ben", 4403: "Cy", 4404: "Dee", 4405: "Eve", 4406: "Fay"}


async def test_a_full_class_waitlists_and_promotes_in_private(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(ANN, first_name="Ann")
    people = {uid: emulator.user(uid, first_name=name) for uid, name in MEMBERS.items()}
    gym = emulator.group(-1004400, "North Gym", bot_status="left")
    gym.add_member(ann, "creator")
    for person in people.values():
        gym.add_member(person)
    gym.add_bot(by=ann)
    team_card = await ann.wait_for_message(chat=gym, timeout=10)
    for person in people.values():
        joined = await person.press("✅ Join", chat=gym, message_id=team_card.message_id)
        await person.wait_for_callback_answer(joined)

    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    await ann.send(f"/class {tomorrow} 10:00 60min cap 3", chat=gym)
    card = await ann.wait_for_message(chat=gym)
    assert "Scheduled." in card.content
    assert "Coach: Ann" in card.content
    assert "In (0/3): nobody yet" in card.content

    ben, cy, dee, eve, fay = people.values()

    async def card_shows(text: str) -> None:
        def shown() -> bool:
            edited = gym.message(card.message_id)
            return edited is not None and text in edited.content

        # edits keep the group's pace (20 a minute, shared with every message to it), so a
        # burst of taps shows a few seconds later: the presser's toast answers at once
        await emulator.wait_until(shown, 25, f"the class card to show {text!r}")

    answers = []
    for person in (ben, cy, dee, eve, fay):
        tap = await person.press("✅ I'm in", chat=gym, message_id=card.message_id)
        answers.append((await person.wait_for_callback_answer(tap)).text or "")
    assert answers[:3] == ["✅ You're in."] * 3
    assert "number 1 on the waitlist" in answers[3]
    assert "number 2 on the waitlist" in answers[4]
    await card_shows("In (3/3): Ben, Cy, Dee\nWaitlist: 1. Eve, 2. Fay")

    eve.allow_messages()
    out = await ben.press("❌ Can't come", chat=gym, message_id=card.message_id)
    assert (await ben.wait_for_callback_answer(out)).text is not None
    promoted = await eve.wait_for_message(timeout=10)
    assert "A place freed up: you're in North Gym's class" in promoted.content
    await card_shows("In (3/3): Cy, Dee, Eve\nWaitlist: 1. Fay")
    assert len(gym.bot_messages) == 2  # the team card and the class card: taps edit, not post

    ann.allow_messages()
    asked = await ann.press("📋 Attendance", chat=gym, message_id=card.message_id)
    assert "in private" in ((await ann.wait_for_callback_answer(asked)).text or "")
    sheet = await ann.wait_for_message()
    mark = sheet.button("✅ Cy")
    assert mark is not None
    assert mark.callback_data is not None
    forged = await fay.press_forged(card.message_id, mark.callback_data, chat=gym)
    refused = await fay.wait_for_callback_answer(forged)
    assert refused.text == "Only the team's coaches, owners and admins do that."
    marked = await ann.press("✅ Cy", message_id=sheet.message_id)
    assert (await ann.wait_for_callback_answer(marked)).text == "Marked."
    assert "✅ Cy" in (await ann.wait_for_edit(message_id=sheet.message_id)).content

    cy.allow_messages()
    await cy.send("/teams")  # attendance counts in the member's own record
    assert "classes in 30 days: 1 attended" in (await cy.wait_for_message()).content
