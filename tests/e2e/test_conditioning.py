"""Conditioning through Telegram: a generated AMRAP scored scaled, Fran placed and retested,
a pasted workout with a mistake, bad scores, the history, and the charts in /progress."""

from __future__ import annotations

from emulator import BotApiEmulator
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard

ANN = 4101


async def test_an_amrap_fran_and_a_retest_a_paste_and_bad_scores(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(ANN, first_name="Ann")
    await onboard(ann)

    await ann.send("/wod")
    assert "Conditioning" in (await ann.wait_for_message()).content
    await ann.press("🎲 AMRAP")
    card = await ann.wait_for_message()
    assert "AMRAP" in card.content
    assert "Built for a full gym: tell /settings" in card.content
    assert any(label.startswith("🔁 ") for row in card.button_labels for label in row)
    await ann.press("📝 Log scaled", message_id=card.message_id)
    prompt = await ann.wait_for_message()
    assert "an AMRAP score looks like 12+15" in prompt.content
    await ann.send("7-3", reply_to=prompt.message_id)
    assert (
        "I couldn't read that: an AMRAP score looks like 12+15"
        in (await ann.wait_for_message()).content
    )
    await ann.send("7+3 tb 9:40\nshoulders gone", reply_to=prompt.message_id)
    logged = (await ann.wait_for_message()).content
    assert "✅ Today's MetCon: 7+3 scaled" in logged
    assert "tiebreak 9:40" in logged
    assert "📝 shoulders gone" in logged

    async def fran(score: str) -> str:
        await ann.send("/wod")
        await ann.wait_for_message()
        await ann.press("🏅 Benchmarks")
        await ann.wait_for_message()
        await ann.press("Fran")
        card = await ann.wait_for_message()
        assert "21-15-9" in card.content
        await ann.press("📝 Log Rx", message_id=card.message_id)
        asked = await ann.wait_for_message()
        await ann.send(score, reply_to=asked.message_id)
        return (await ann.wait_for_message()).content

    first = await fran("4:22")
    assert "✅ Fran: 4:22 Rx" in first
    assert "Level 74 · Intermediate (against the reference)" in first
    retest = await fran("3:58")
    assert "🏆 Fran 4:22 → 3:58, 24 s faster" in retest
    assert "Advanced" in retest

    await ann.send("/wod")
    await ann.wait_for_message()
    await ann.press("✍️ Paste your own")
    paste = await ann.wait_for_message()
    await ann.send("AMRAP 12: 5 pul-ups, 10 push-ups", reply_to=paste.message_id)
    wrong = await ann.wait_for_message()
    assert "line 1: I don't know “pul-ups”: did you mean pull-up?" in wrong.content
    await ann.send("AMRAP 12: 5 pull-ups, 10 push-ups", reply_to=paste.message_id)
    pasted = await ann.wait_for_message()
    assert "AMRAP 12: 5 pull-up, 10 push-up" in pasted.content

    ben = emulator.user(ANN + 1, first_name="Ben")
    await ben.send("/wod")
    menu = await ben.wait_for_message()
    swap_label = next(b for row in card.button_labels for b in row if b.startswith("🔁"))
    anns_buttons = [pasted.button("📝 Log Rx"), card.button(swap_label)]  # on Ann's workouts
    for anns, refused in zip(
        anns_buttons, ["That workout is not yours to log.", "Nothing to swap it for."], strict=True
    ):
        assert anns is not None
        assert anns.callback_data is not None
        forged = await ben.press_forged(menu.message_id, anns.callback_data)
        assert (await ben.wait_for_callback_answer(forged)).text == refused

    await ann.send("/wod history")
    shown = (await ann.wait_for_message()).content
    assert shown.index("Fran: 3:58 Rx") < shown.index("Fran: 4:22 Rx")
    assert "7+3 scaled" in shown

    await ann.send("/progress")  # no strength sets yet: conditioning's charts, then the calendar
    heat_map = await ann.wait_for_message(timeout=30)
    assert heat_map.media_kind == "photo"
    assert heat_map.content.startswith("🔥 3 conditioning workouts, most often For time · sprint")
    trends = await ann.wait_for_message(timeout=30)
    assert trends.media_kind == "photo"
    assert "Your benchmark, every time you did it." in trends.content
    days = await ann.wait_for_message(timeout=30)
    assert days.media_kind == "photo"
    assert days.content.startswith("📅 Training days")
