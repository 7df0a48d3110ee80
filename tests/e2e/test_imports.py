"""Another app's export through the real bot: a preview, the import on a tap, /history shows
the workouts, the same file again imports nothing, and undo takes the import back whole."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from emulator import BotApiEmulator, UserDriver
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard

EXPORTS = Path(__file__).parents[1] / "exports"


async def history_labels(ann: UserDriver) -> list[str]:
    await ann.send("/history")
    card = await ann.wait_for_message()
    return [label for row in card.button_labels for label in row]


async def test_a_strong_export_is_previewed_imported_listed_and_undone(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    await onboard(ann)
    data = (EXPORTS / "strong.csv").read_bytes()

    await ann.send_document(data, filename="strong_workouts.csv", mime_type="text/csv")
    preview = await ann.wait_for_message()
    assert "Import from Strong" in preview.content
    assert "Workouts to add: 2 (2024-03-04 – 2024-03-06)" in preview.content
    assert "Sets: 5, of them warm-ups: 1" in preview.content
    assert "Squat (Barbell) → Squat" in preview.content
    assert "Pull Up → Pull-up" in preview.content
    assert "left out: 1" in preview.content  # the plank
    await ann.press("Import", message_id=preview.message_id)
    done = await ann.wait_for_edit(message_id=preview.message_id)
    assert "Imported. Workouts: 2, sets: 5" in done.content

    labels = await history_labels(ann)
    assert any("Evening Workout · 3/3 sets" in label for label in labels), labels
    assert not any("Day 0" in label for label in labels), labels  # imported: no plan day
    assert any("Push · 2/2 sets" in label for label in labels), labels

    await ann.send_document(data, filename="strong_workouts.csv", mime_type="text/csv")
    again = await ann.wait_for_message()
    assert "nothing is imported twice" in again.content
    await ann.press("Undo this import", message_id=again.message_id)
    undone = await ann.wait_for_edit(message_id=again.message_id)
    assert "Import undone. Workouts removed: 2" in undone.content
    labels = await history_labels(ann)
    assert not any("Evening Workout" in label or "Push" in label for label in labels), labels


async def test_a_hevy_export_makes_new_exercises_the_athletes_own(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1002, first_name="Ann")
    await onboard(ann)

    await ann.send_document((EXPORTS / "hevy.csv").read_bytes(), filename="workouts.csv")
    preview = await ann.wait_for_message()
    assert "Import from Hevy" in preview.content
    assert "New exercises of your own" in preview.content
    assert "Leg Extension (Machine)" in preview.content
    assert "never a record" in preview.content  # the warm-up
    await ann.press("Import", message_id=preview.message_id)
    done = await ann.wait_for_edit(message_id=preview.message_id)
    assert "Imported. Workouts: 1, sets: 3" in done.content

    labels = await history_labels(ann)
    assert any("Leg Day · 3/3 sets" in label for label in labels), labels
    await ann.press("Undo this import", message_id=done.message_id)
    assert (
        "Import undone. Workouts removed: 1"
        in (await ann.wait_for_edit(message_id=done.message_id)).content
    )


async def test_a_file_that_is_no_export_gets_a_reply_that_says_why(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1003, first_name="Ann")
    await onboard(ann)

    await ann.send_document(b"name,weight\nsquat,100\n", filename="mine.csv")
    header = await ann.wait_for_message()
    await ann.send_document("Übung;1\n".encode("latin-1"), filename="mine.csv")
    encoding = await ann.wait_for_message()

    assert "not a Strong or Hevy export" in header.content
    assert "not UTF-8" in encoding.content


async def test_progress_charts_the_imported_sets_until_the_import_is_undone(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1004, first_name="Ann")
    await onboard(ann)
    await ann.send("/progress")
    assert "No charts yet" in (await ann.wait_for_message()).content
    today = datetime.now(UTC).date()
    rows = [
        f"{today - timedelta(days=days)} 18:00:00,Legs,1h,Squat (Barbell),1,{kg},5,,,,,"
        for days, kg in ((21, 100), (7, 110))
    ]
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    data = (header + "Notes,Workout Notes,RPE\n" + "\n".join(rows) + "\n").encode()

    await ann.send_document(data, filename="strong.csv")
    preview = await ann.wait_for_message()
    await ann.press("Import", message_id=preview.message_id)
    done = await ann.wait_for_edit(message_id=preview.message_id)
    assert "records: 2" in done.content  # 110 kg beat 100 kg by weight and by e1RM
    await ann.send("/progress")
    e1rm = await ann.wait_for_message(timeout=30)  # the first chart drawn warms matplotlib up

    assert e1rm.media_kind == "photo"
    assert "Estimated 1RM" in e1rm.content
    assert "1 PR in 12 months" in e1rm.content  # the chart stars e1RM records: 110 kg × 5
    await ann.press("Undo this import", message_id=done.message_id)
    await ann.wait_for_edit(message_id=done.message_id)
    await ann.send("/progress")
    assert "No charts yet" in (await ann.wait_for_message(timeout=10)).content
