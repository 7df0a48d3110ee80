"""A coach's feedback on a clip: lines that start with a time become notes at that moment."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.coaching.videos import Clip, ClipKind, TimedNote, notes_past_the_end, parse_feedback


def test_the_issues_examples_become_notes_at_their_moments() -> None:
    feedback = parse_feedback("0:07 knees cave\n1:02.5 bar drifts forward\nGood depth overall.")

    assert feedback.notes == (
        TimedNote(Decimal(7), "knees cave"),
        TimedNote(Decimal("62.5"), "bar drifts forward"),
    )
    assert feedback.remarks == "Good depth overall."
    assert [note.second for note in feedback.notes] == [7, 62]  # Telegram takes whole seconds
    assert [note.label for note in feedback.notes] == ["0:07", "1:02.5"]


def test_hours_a_dash_after_the_time_and_stray_numbers() -> None:
    feedback = parse_feedback("1:00:05 - long set\n0:3 not a time\n5:70 nor this\n12:00 noon\n")

    assert feedback.notes == (
        TimedNote(Decimal(3605), "long set"),
        TimedNote(Decimal(720), "noon"),
    )
    assert feedback.remarks == "0:3 not a time\n5:70 nor this"
    assert feedback.notes[0].label == "1:00:05"


def test_a_time_alone_is_no_note() -> None:
    assert parse_feedback("0:07").notes == ()
    assert parse_feedback("0:07").remarks == "0:07"


def test_a_note_past_the_clips_end_is_found_and_its_last_second_is_not() -> None:
    clip = Clip("BAAC", ClipKind.VIDEO, 1, 2, duration=10)
    feedback = parse_feedback("0:10.6 lockout\n0:11 re-rack\n0:03 hips")

    assert [note.text for note in notes_past_the_end(feedback, clip)] == ["re-rack"]


@given(st.integers(0, 3 * 3600 - 1), st.integers(0, 9))
def test_a_label_reads_back_as_the_same_moment(seconds: int, tenths: int) -> None:
    at = Decimal(seconds) + Decimal(tenths) / 10
    note = TimedNote(at, "x")

    assert parse_feedback(f"{note.label} x").notes == (TimedNote(at, "x"),)
