"""/export then /delete through the real bot: the files arrive, and after two taps nothing
remains (the next /history asks who they are)."""

from __future__ import annotations

import json

from emulator import BotApiEmulator
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard


async def test_export_sends_the_data_and_delete_erases_it_after_two_steps(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    await onboard(ann)
    await ann.send("/today")
    await ann.wait_for_message()
    await ann.send("+")
    await ann.wait_for_message()

    await ann.send("/export")
    everything = await ann.wait_for_message()
    sets = await ann.wait_for_message()
    assert everything.media_kind == sets.media_kind == "document"
    stored = emulator.files.get(everything.file_ids[0])
    assert stored is not None
    rows = json.loads(stored.data)
    assert rows["users"][0]["first_name"] == "Ann"
    assert {"training_maxes", "athlete_plans", "workouts", "workout_sets"} <= set(rows)
    csv = emulator.files.get(sets.file_ids[0])
    assert csv is not None
    assert csv.data.decode().startswith("Date,Workout Name,Duration,Exercise Name,Set Order")

    await ann.send("/delete")
    warning = await ann.wait_for_message()
    assert "Erase your account?" in warning.content
    await ann.press("Continue", message_id=warning.message_id)
    last = await ann.wait_for_edit(message_id=warning.message_id)
    assert "Last step" in last.content
    await ann.press("Erase everything", message_id=warning.message_id)
    erased = await ann.wait_for_edit(message_id=warning.message_id)
    assert "is erased" in erased.content

    await ann.send("/history")
    assert "/start" in (await ann.wait_for_message()).content


async def test_delete_keeps_everything_when_the_athlete_changes_their_mind(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1002, first_name="Ann")
    await onboard(ann)

    await ann.send("/delete")
    warning = await ann.wait_for_message()
    await ann.press("Continue", message_id=warning.message_id)
    await ann.wait_for_edit(message_id=warning.message_id)
    await ann.press("Keep my account", message_id=warning.message_id)
    kept = await ann.wait_for_edit(message_id=warning.message_id)

    assert "Nothing was erased" in kept.content
    await ann.send("/maxes")
    assert "/start" not in (await ann.wait_for_message()).content
