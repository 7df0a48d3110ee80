"""Outbox rows go in lanes by their key: bulk by its prefix, everything else timely (#14)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.coaching.model import note_key, proposal_key, weekly_key
from domain.coaching.use_cases.digest import digest_key
from domain.outbox.lanes import Lane, lane_of
from domain.reminders.model import summary_key
from domain.teams.tracks import wod_key
from domain.teams.whiteboard import board_key
from domain.teams.whiteboard import summary_key as board_summary_key


@pytest.mark.parametrize(
    "key",
    [
        summary_key(7, "2026-W49"),
        weekly_key(7, "2026-W49", 1),
        f"{digest_key(7, date(2026, 12, 4))}:1",
        board_summary_key(3),
        "fan-out 12",
    ],
)
def test_summaries_digests_and_fan_outs_are_bulk(key: str) -> None:
    assert lane_of(key) is Lane.BULK


@pytest.mark.parametrize(
    "key",
    [
        "reminder:7:2026-12-04",
        "missed:7:2026-12-03",
        "relay:55",
        "relay:55:head",
        note_key(1, 2),
        proposal_key(9),
        wod_key(1, date(2026, 12, 4), 2),
        board_key(3),
        "class-reminder:4:7",
        "class-promoted:4:1",
        "something-new:1",
    ],
)
def test_reminders_relays_group_posts_and_anything_unknown_are_timely(key: str) -> None:
    assert lane_of(key) is Lane.TIMELY


def test_replies_go_first_and_bulk_last() -> None:
    assert Lane.REPLY < Lane.TIMELY < Lane.BULK
