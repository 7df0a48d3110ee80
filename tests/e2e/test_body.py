"""/body through the real bot (#15): two weeks of weigh-ins and the chart in /progress, bad input
refused, and two days' progress photos compared side by side as an album."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from domain.body.model import Measurement
from emulator import BotApiEmulator, MessageView, UserDriver
from storage.core.engine import create_engine, create_session_factory
from storage.uow import SqlUnitOfWork
from tests.e2e.conftest import Spotter
from tests.e2e.steps import start
from tests.emulator.test_emulator import png
from tests.fakes import FixedClock

ANN = 1001


async def seed_weights(path: Path, days: list[tuple[date, Decimal]]) -> None:
    """Weigh-ins of earlier days, written as /body keeps them (the bot's clock is the real one)."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        async with SqlUnitOfWork(create_session_factory(engine), FixedClock()) as uow:
            for day, kg in days:
                at = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
                await uow.body.record(ANN, day, [Measurement("weight", kg)], at)
            await uow.commit()
    finally:
        await engine.dispose()


def label(day: date) -> str:
    """A day as the buttons show it in English: "Mon 2 Mar"."""
    return f"{day:%a} {day.day} {day:%b}"


def last_photo_of(ann: UserDriver) -> tuple[str, ...]:
    return [m for m in ann.chat.messages if not m.from_bot and m.media_kind == "photo"][-1].file_ids


async def open_body(ann: UserDriver) -> MessageView:
    await ann.send("/body")
    return await ann.wait_for_message()


async def test_two_weeks_of_weigh_ins_make_a_trend_and_a_chart_in_progress(
    emulator: BotApiEmulator, spotter: Spotter, tmp_path: Path
) -> None:
    ann = emulator.user(ANN, first_name="Ann")
    await start(ann)
    assert "Nothing logged yet" in (await open_body(ann)).content
    today = datetime.now(UTC).date()  # Ann's time zone is UTC until she says otherwise
    await seed_weights(
        tmp_path / "spotter.db",
        [
            (today - timedelta(days=n), Decimal("84") - Decimal("0.1") * (14 - n))
            for n in range(14, 0, -1)
        ],
    )

    await ann.send("824")
    assert "Weight between 20 and 400 kg" in (await ann.wait_for_message()).content
    await ann.wait_for_message()  # the card again, unchanged
    await ann.send("82.4")
    card = await ann.wait_for_message()
    assert "Weight: 82.4 kg" in card.content
    assert "kg a week" in card.content  # 15 days of weigh-ins: a rate
    await ann.send("waist 81")
    assert "Waist: 81 cm" in (await ann.wait_for_message()).content

    await ann.send("/progress")  # no training yet: the body-weight chart alone
    chart = await ann.wait_for_message(timeout=30)
    assert chart.media_kind == "photo"
    assert chart.content.startswith("⚖️ Body weight: 15 weigh-ins")


async def test_two_days_photos_come_side_by_side_as_an_album(
    emulator: BotApiEmulator, spotter: Spotter, tmp_path: Path
) -> None:
    ann = emulator.user(ANN, first_name="Ann")
    await start(ann)
    await open_body(ann)
    await ann.send_photo(png(30, 40))  # no caption: which side?
    assert "caption" in (await ann.wait_for_message()).content
    await ann.send_photo(png(30, 40), caption="front")
    assert "📷 Photos: front" in (await ann.wait_for_message()).content
    before = last_photo_of(ann)
    today = datetime.now(UTC).date()
    earlier = today - timedelta(days=28)
    with sqlite3.connect(tmp_path / "spotter.db") as db:  # four weeks ago, as far as Spotter knows
        db.execute("UPDATE body_photos SET day = ?", (earlier.isoformat(),))
    await ann.send_photo(png(40, 30), caption="front")
    card = await ann.wait_for_message()
    after = last_photo_of(ann)

    await ann.press("🖼 Compare photos", message_id=card.message_id)
    await ann.wait_for_edit(message_id=card.message_id)
    await ann.press(label(today), message_id=card.message_id)
    await ann.wait_for_edit(message_id=card.message_id)
    await ann.press(label(earlier), message_id=card.message_id)
    first, second = await ann.wait_for_message(), await ann.wait_for_message()

    assert (first.media_kind, second.media_kind) == ("photo", "photo")
    assert (first.file_ids, second.file_ids) == (before, after)  # the earlier day first
    assert first.media_group_id is not None
    assert first.media_group_id == second.media_group_id
    assert first.content == f"{label(earlier)} → {label(today)}"
    assert "⚖️ Body" in (await ann.wait_for_message()).content  # the card again, below
