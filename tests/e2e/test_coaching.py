"""Coaching through Telegram: an invite link, a client, the coach's view, and forged buttons."""

from __future__ import annotations

import asyncio
import re

from domain.coaching.use_cases.programs import plan_token
from domain.training.progression import ProposalDecision
from emulator import BotApiEmulator, MessageView, UserDriver
from handlers.coaching.clients import Approval, EndCoaching, MuteClientReports, OpenClient
from handlers.coaching.messages import ShowThread, WriteClient
from handlers.coaching.programs import Assign, Decide, EditPlan, PickPlan, SetMaxes
from handlers.coaching.reviews import AskAgain, Review
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard

SAM, KIM, ALEX, MASHA = 3001, 3002, 3101, 3102
LINK = re.compile(r"https://t\.me/spotter_test_bot\?start=(c[A-Za-z0-9_-]+)")


async def become_coach(coach: UserDriver) -> None:
    await coach.send("/coach")
    pitch = await coach.wait_for_message()
    assert "Coaching on Spotter" in pitch.content
    await coach.press("🎓 Become a coach")
    await coach.wait_for_edit()


async def invite_link(coach: UserDriver) -> str:
    await coach.press("🔗 Invite link (one client)")
    link = await coach.wait_for_message()
    found = LINK.search(link.content)
    assert found, link.content
    return found[1]


async def test_a_coach_invites_a_client_sees_their_training_and_the_client_leaves(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam = emulator.user(SAM, first_name="Sam")
    alex = emulator.user(ALEX, first_name="Alex")
    masha = emulator.user(MASHA, first_name="Маша", language_code="ru")
    await become_coach(sam)
    payload = await invite_link(sam)

    await alex.send(f"/start {payload}")
    offer = await alex.wait_for_message()
    assert "Sam invites you to train with them" in offer.content
    await alex.press("✅ Accept")
    accepted = await alex.wait_for_message()
    assert "You are training with Sam now." in accepted.content
    units = await alex.wait_for_message()  # a new athlete goes on to onboarding
    await alex.press("kg", message_id=units.message_id)
    await alex.wait_for_edit(message_id=units.message_id)
    await alex.press("nSuns 5/3/1 LP, 4 days", message_id=units.message_id)
    await alex.wait_for_edit(message_id=units.message_id)
    await alex.send("bench 100 squat 140 ohp 60 deadlift 180")
    await alex.wait_for_message()
    joined = await sam.wait_for_message(timeout=10)
    assert "Alex accepted your invite" in joined.content

    await masha.send(f"/start {payload}")  # a single-use link, used already
    refused = await masha.wait_for_message()
    assert refused.content == "Эта ссылка не работает. Попросите у тренера новую."
    await asyncio.sleep(0.3)
    assert len(masha.chat.bot_messages) == 1, "a used link changed something"

    await sam.send("/clients")
    clients = await sam.wait_for_message()
    assert "Alex: 0/4 this week · last: never" in clients.content
    await sam.press("Alex")
    card = await sam.wait_for_message()
    assert "Plan: nSuns 5/3/1 LP, 4 days" in card.content
    assert "Bench press 90 kg" in card.content  # 90% of the 100 kg one-rep max

    await alex.send("/coach")
    await alex.wait_for_message()
    await alex.press("Leave Sam's coaching")
    await alex.wait_for_message()
    await alex.press("Yes, leave")
    left = await alex.wait_for_edit()
    assert "You left Sam's coaching." in left.content
    ended = await sam.wait_for_message(timeout=10)
    assert "Alex ended your coaching." in ended.content
    await sam.send("/clients")
    assert "No clients yet" in (await sam.wait_for_message()).content


async def test_another_coachs_client_cannot_be_opened_or_ended_by_any_button(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam = emulator.user(SAM, first_name="Sam")
    kim = emulator.user(KIM, first_name="Kim")
    alex = emulator.user(ALEX, first_name="Alex")
    await become_coach(sam)
    await become_coach(kim)
    await onboard(alex)
    await alex.send(f"/start {await invite_link(sam)}")
    await alex.wait_for_message()
    await alex.press("✅ Accept")
    await alex.wait_for_edit()
    kims_message = kim.chat.bot_messages[-1].message_id

    for forged in (
        OpenClient(athlete=ALEX).pack(),
        EndCoaching(athlete=ALEX).pack(),
        EndCoaching(athlete=ALEX, sure=True).pack(),
        WriteClient(athlete=ALEX).pack(),
        ShowThread(athlete=ALEX).pack(),
        PickPlan(athlete=ALEX).pack(),
        Assign(athlete=ALEX, index=0, token=plan_token("531-bbb")).pack(),
        SetMaxes(athlete=ALEX).pack(),
        MuteClientReports(athlete=ALEX, muted=True).pack(),
        Approval(athlete=ALEX, approve=True).pack(),
        EditPlan(athlete=ALEX).pack(),
        Decide(proposal=1, decision=ProposalDecision.KEPT).pack(),
        Review(video=1).pack(),
        AskAgain(video=1).pack(),
    ):
        query = await kim.press_forged(kims_message, forged)
        answer = await kim.wait_for_callback_answer(query)
        assert answer.text == "That athlete is not your client.", forged
    for malformed in ("ccli:-1", "ccli:99999999999999999999999", "casg:3101:x:y", "cend:3101"):
        query = await kim.press_forged(kims_message, malformed)
        answer = await kim.wait_for_callback_answer(query)
        assert answer.text == "This card is out of date. Send the command again to get a fresh one."
    query = await alex.press_forged(alex.chat.bot_messages[-1].message_id, "ccli:not-a-number")
    await asyncio.sleep(0.5)

    await sam.send("/clients")
    assert "Alex" in (await sam.wait_for_message()).content
    assert all("Alex" not in m.content for m in kim.chat.bot_messages)
    assert query


async def coach_and_client(emulator: BotApiEmulator) -> tuple[UserDriver, UserDriver]:
    sam = emulator.user(SAM, first_name="Sam")
    alex = emulator.user(ALEX, first_name="Alex")
    await become_coach(sam)
    await onboard(alex)
    await alex.send(f"/start {await invite_link(sam)}")
    await alex.wait_for_message()
    await alex.press("✅ Accept")
    await alex.wait_for_edit()
    await sam.wait_for_message(timeout=10)  # "Alex accepted your invite"
    return sam, alex


async def test_messages_are_relayed_both_ways_by_replying_and_survive_a_kill(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)

    update_id = await alex.send("/ask Is 3×5 <enough>?")
    await spotter.handled(update_id)
    assert "Sent to Sam" in (await alex.wait_for_message()).content
    await spotter.kill()  # the question is stored and queued; the bot dies before sending it
    await spotter.start_polling()
    question = await sam.wait_for_message(timeout=10)
    assert "Alex" in question.content
    assert "Is 3×5 <enough>?" in question.content

    await sam.send("Yes, for now.", reply_to=question.message_id)
    assert "Sent to Alex" in (await sam.wait_for_message()).content
    answer = await alex.wait_for_message(timeout=10)
    assert "Sam, your coach" in answer.content
    assert "Yes, for now." in answer.content

    await alex.send("8", reply_to=answer.message_id)  # a reply, not a set logged
    assert "Sent to Sam" in (await alex.wait_for_message()).content
    thanks = await sam.wait_for_message(timeout=10)
    assert "8" in thanks.content
    await asyncio.sleep(1.5)  # the outbox has had time to send anything twice
    assert sum("Is 3×5" in m.content for m in sam.chat.bot_messages) == 1

    await sam.send("/clients")
    await sam.wait_for_message()
    await sam.press("Alex")
    await sam.wait_for_message()
    await sam.press("🗨 Thread")
    shown = await sam.wait_for_message()
    assert [line.split(": ", 1)[-1] for line in shown.content.splitlines()[1:]] == [
        "Is 3×5 <enough>?",
        "Yes, for now.",
        "8",
    ]

    await sam.press("💬 Message")
    prompt = await sam.wait_for_message()
    assert "Reply to this message to write to Alex" in prompt.content
    await sam.send("Good work today.", reply_to=prompt.message_id)
    assert "Sent to Alex" in (await sam.wait_for_message()).content
    good_work = await alex.wait_for_message(timeout=10)
    assert "Good work today." in good_work.content

    await alex.send_voice(b"OggS", reply_to=good_work.message_id)  # media is copied, named
    assert "Sent to Sam" in (await alex.wait_for_message()).content
    voice = await sam.wait_for_message(timeout=10)
    assert voice.media_kind == "voice"
    assert "Alex" in voice.content
    await sam.send_video_note(b"round", reply_to=voice.message_id)  # a reply to a copy
    assert "Sent to Alex" in (await sam.wait_for_message()).content
    named = await alex.wait_for_message(timeout=10)  # a round video takes no caption
    assert "Sam, your coach" in named.content
    assert (await alex.wait_for_message(timeout=10)).media_kind == "video_note"


async def test_the_coach_assigns_a_plan_and_sets_training_maxes_from_the_card(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)
    await sam.send("/clients")
    await sam.wait_for_message()
    await sam.press("Alex")
    await sam.wait_for_message()

    query = await sam.press("🔕 Mute workout reports")
    muted = await sam.wait_for_callback_answer(query)
    assert muted.text == "You won't hear of this client's workouts any more."
    card = await sam.wait_for_edit()
    assert card.button("🔔 Workout reports back on") is not None

    await sam.press("📋 Assign a plan")
    await sam.wait_for_message()
    await sam.press("5/3/1 Boring But Big")
    assigned = await sam.wait_for_edit()
    assert "5/3/1 Boring But Big is Alex's plan now" in assigned.content
    told = await alex.wait_for_message(timeout=10)
    assert "Sam gave you a new plan: 5/3/1 Boring But Big" in told.content

    await sam.press("🏋️ Set training maxes")
    prompt = await sam.wait_for_message()
    await sam.send("squat 150 bogus 3", reply_to=prompt.message_id)
    assert "couldn't read that" in (await sam.wait_for_message()).content
    await sam.send("squat 150", reply_to=prompt.message_id)
    assert "Training maxes set for Alex." in (await sam.wait_for_message()).content
    assert (
        "Sam set your training maxes: squat 150 kg"
        in (await alex.wait_for_message(timeout=10)).content
    )
    await alex.send("/maxes")
    shown = await alex.wait_for_message()
    assert "150 kg" in shown.content


async def test_a_finished_workout_reaches_the_coach_who_comments_by_replying(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)
    await alex.send("/today")
    await alex.wait_for_message()
    for _ in range(2):
        await alex.send("+")
        await alex.wait_for_message()
    await alex.press("🏁 Finish")
    await alex.wait_for_message()  # the finish summary

    report = await sam.wait_for_message(timeout=20)
    assert "Alex finished day 1 · Bench volume, OHP: 2/17 sets" in report.content
    await sam.send("Good start, keep the bar path tight.", reply_to=report.message_id)
    assert "Sent to Alex" in (await sam.wait_for_message()).content
    comment = await alex.wait_for_message(timeout=10)
    assert "Good start, keep the bar path tight." in comment.content


async def test_a_clip_of_the_top_set_is_reviewed_and_comes_back_from_the_noted_second(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)
    kim = emulator.user(KIM, first_name="Kim")
    await become_coach(kim)
    await sam.send("/clients")
    await sam.wait_for_message()
    await sam.press("Alex")
    await sam.wait_for_message()
    await sam.press("📋 Assign a plan")
    await sam.wait_for_message()
    await sam.press("5/3/1 Boring But Big")
    await sam.wait_for_edit()
    await alex.wait_for_message(timeout=10)  # "Sam gave you a new plan"

    def current_set(card: MessageView) -> str:
        return next(bold for bold in card.entity_texts("bold") if " × " in bold)

    await alex.send("/today")
    card = await alex.wait_for_message()
    while not current_set(card).endswith("+"):  # up to the top set, a 5+, 3+ or 1+
        await alex.send("+")
        card = await alex.wait_for_message()
    top = re.fullmatch(r"(\S+ kg) × (\d+\+)", current_set(card))
    assert top, card.content
    await alex.send("8")
    await alex.wait_for_message()

    await alex.send_video(b"\x00\x00\x00\x18ftypmp42", duration=12)
    clip = alex.chat.messages[-1]
    which = await alex.wait_for_message()
    assert which.reply_to_message_id == clip.message_id
    labels = [label for row in which.button_labels for label in row]
    assert labels[0].startswith("▶️ Now: "), labels
    assert f"{top[1]} × {top[2]}" in labels[1]  # the set just logged: the top set
    await alex.press(labels[1])
    attached = await alex.wait_for_edit()
    assert "Sent to Sam" in attached.content

    told = await sam.wait_for_message(timeout=10)
    assert told.content.startswith("🎥 Alex — Overhead press"), told.content
    assert f"{top[1]} × {top[2]} (done {top[1]} × 8)" in told.content
    review = told.button("▶️ Review")
    assert review is not None
    assert review.callback_data is not None
    forged = await kim.press_forged(kim.chat.bot_messages[-1].message_id, review.callback_data)
    assert (await kim.wait_for_callback_answer(forged)).text == "That athlete is not your client."

    await sam.send("/reviews")
    waiting = await sam.wait_for_message()
    assert "Alex" in waiting.content
    assert "Overhead press" in waiting.content
    await sam.press("▶️ Review", message_id=told.message_id)
    card = await sam.wait_for_message()
    assert (card.media_kind, card.file_ids) == ("video", clip.file_ids)
    await sam.send("0:30 lockout", reply_to=card.message_id)
    assert "past its end" in (await sam.wait_for_message()).content
    await sam.send("0:03 hips rise first\nDepth is good.", reply_to=card.message_id)
    assert "Feedback sent to Alex" in (await sam.wait_for_message()).content

    head = await alex.wait_for_message(timeout=10)
    assert "Sam reviewed your Overhead press" in head.content
    assert "Depth is good." in head.content
    assert head.reply_to_message_id == clip.message_id
    replay = await alex.wait_for_message(timeout=10)
    assert (replay.media_kind, replay.file_ids) == ("video", clip.file_ids)
    assert replay.start_timestamp == 3
    assert replay.content == "0:03 hips rise first"
    await sam.send("/reviews")
    assert "No clips waiting" in (await sam.wait_for_message()).content
