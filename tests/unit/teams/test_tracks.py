"""The track text format (line-numbered mistakes, parse → print → parse), which day of a track
falls on a date for a subscription with its offset, and the posting time across DST (#13)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.conditioning.text import WorkoutProblem, parse_workout
from domain.plans.library import load_exercises
from domain.plans.text.problems import PlanProblem
from domain.teams.tracks import (
    Track,
    TrackDay,
    TrackProblem,
    TrackTextError,
    WodContent,
    next_post,
    parse_track,
    post_date,
    track_day_number,
    track_to_text,
    wod_key,
)

BERLIN = ZoneInfo("Europe/Berlin")
EXERCISES = load_exercises()
NORTH_GYM = """\
track: North Gym Q1
# weeks of 7 days; days not written are rest days

week 1 day 1:
strength:
squat: 5x5 @75%
metcon:
name: Fran
For time, 21-15-9: thruster 43/29kg, pull-up
scaling: 30/20kg thrusters
scaling: banded pull-ups

Week 1, Day 3:
metcon:
AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats
metcon:
EMOM 10: 3 power cleans 60/40kg
"""


def problems(text: str) -> list[tuple[int, TrackProblem]]:
    with pytest.raises(TrackTextError) as caught:
        parse_track(text, EXERCISES)
    return [(error.line, error.problem) for error in caught.value.errors]


def test_a_track_holds_days_of_strength_lines_metcons_and_scaling() -> None:
    track = parse_track(NORTH_GYM, EXERCISES)

    assert track.name == "North Gym Q1"
    first, third = track.days
    assert (first.number, third.number) == (1, 3)
    assert first.strength == ("squat: 5x5 @75%",)
    assert [w.name for w in first.workouts] == ["Fran"]
    assert first.scaling == "30/20kg thrusters\nbanded pull-ups"
    assert len(third.workouts) == 2
    assert track.day(2) is None  # a rest day


def test_the_printed_track_reads_back_as_the_same_track() -> None:
    track = parse_track(NORTH_GYM, EXERCISES)

    assert parse_track(track_to_text(track), EXERCISES) == track


def test_every_mistake_is_named_by_its_line() -> None:
    text = """\
track: Broken
squat: 5x5
week 1 day 8:
week 1 day 1:
deadlift: 5x5
strength:
squat 5x5
metcon:
AMRAP 12: 5 flurbs
week 1 day 1:
"""
    assert problems(text) == [
        (2, TrackProblem.OUTSIDE_DAY),
        (3, TrackProblem.BAD_DAY),
        (5, TrackProblem.OUTSIDE_SECTION),
        (7, TrackProblem.NOT_STRENGTH),
        (9, TrackProblem.WORKOUT),
        (10, TrackProblem.DAY_TWICE),
        (10, TrackProblem.EMPTY_DAY),
    ]


def test_the_inner_formats_mistakes_carry_the_tracks_line_numbers() -> None:
    text = (
        "track: T\nweek 1 day 1:\nstrength:\nbench: 5x5 @70%\nfoo: 5x5\n"
        "metcon:\n\nAMRAP 12: 5 flurbs\n"
    )
    with pytest.raises(TrackTextError) as caught:
        parse_track(text, EXERCISES)
    strength, workout = caught.value.errors

    assert strength.strength is not None
    assert (strength.line, strength.strength.line) == (5, 5)
    assert strength.strength.problem == PlanProblem.UNKNOWN_EXERCISE
    assert workout.workout is not None
    assert (workout.line, workout.workout.line) == (8, 8)
    assert workout.workout.problem == WorkoutProblem.UNKNOWN_MOVEMENT


def test_a_text_without_a_name_or_days_says_so() -> None:
    assert problems("week 1 day 1:\n") == [(1, TrackProblem.NO_NAME)]
    assert problems("track: Empty\n") == [(0, TrackProblem.NO_DAYS)]
    assert problems("track: A\ntrack: B\nweek 1 day 1:\nmetcon:\n") == [
        (2, TrackProblem.NAME_TWICE),
        (4, TrackProblem.EMPTY_WORKOUT),
    ]


def test_the_formats_page_example_is_accepted() -> None:
    page = (Path(__file__).resolve().parents[3] / "docs" / "track-format.md").read_text()
    examples = re.findall(r"```text\n(.*?)```", page, re.DOTALL)

    assert examples
    for example in examples:
        assert parse_track(example, EXERCISES).days


WORKOUTS = [
    parse_workout(text)
    for text in (
        "name: Fran\nFor time, 21-15-9: thruster 43/29kg, pull-up",
        "AMRAP 20: 5 pull-ups, 10 push-ups, 15 air squats",
        "3 rounds for time: 400 m run, 21 kb swings 24/16kg, 12 pull-ups\ncap: 20",
        "EMOM 10: 3 power cleans 60/40kg",
    )
]
STRENGTH = ["squat: 5x5 @75%", "bench: 3x8 @70%", "deadlift: 1x5 @85%"]
words = st.text(alphabet="abcxyz ABC019-/", min_size=1, max_size=30).map(
    lambda s: " ".join(s.split())
)


@st.composite
def days(draw: st.DrawFn) -> TrackDay:
    strength = tuple(draw(st.lists(st.sampled_from(STRENGTH), max_size=3)))
    workouts = tuple(
        draw(st.lists(st.sampled_from(WORKOUTS), min_size=0 if strength else 1, max_size=2))
    )
    scaling = "\n".join(draw(st.lists(words.filter(bool), max_size=2)))
    return TrackDay(draw(st.integers(1, 104)), draw(st.integers(1, 7)), strength, workouts, scaling)


@given(words.filter(bool), st.lists(days(), min_size=1, max_size=6, unique_by=lambda d: d.number))
def test_any_track_round_trips_through_its_text(name: str, drawn: list[TrackDay]) -> None:
    track = Track(name, tuple(sorted(drawn, key=lambda d: d.number)))

    assert parse_track(track_to_text(track), EXERCISES) == track


@pytest.mark.parametrize(
    ("offset", "on", "number"),
    [
        (0, date(2026, 12, 7), 1),  # day 1 is the start
        (0, date(2026, 12, 14), 8),  # week 2 day 1
        (3, date(2026, 12, 9), None),  # not started yet: day 1 is on the 10th
        (3, date(2026, 12, 10), 1),
        (-14, date(2026, 12, 7), 15),  # joined a track two weeks in: week 3 day 1
    ],
)
def test_day_one_falls_on_the_start_plus_the_offset(
    offset: int, on: date, number: int | None
) -> None:
    assert track_day_number(date(2026, 12, 7), offset, on) == number


def test_a_day_number_is_its_week_and_day() -> None:
    content = WodContent("T", date(2026, 12, 7), 10, None)

    assert content.week_and_day == (2, 3)


def test_the_post_is_at_the_local_time_in_summer_and_winter() -> None:
    winter = next_post(time(6), BERLIN, datetime(2026, 3, 1, 12, tzinfo=UTC))
    summer = next_post(time(6), BERLIN, datetime(2026, 3, 29, 12, tzinfo=UTC))

    assert winter == datetime(2026, 3, 2, 5, tzinfo=UTC)
    assert summer == datetime(2026, 3, 30, 4, tzinfo=UTC)


def test_a_time_in_the_spring_gap_posts_an_hour_later_and_the_fall_back_hour_once() -> None:
    spring = next_post(time(2, 30), BERLIN, datetime(2026, 3, 28, 12, tzinfo=UTC))
    fall = next_post(time(2, 30), BERLIN, datetime(2026, 10, 24, 12, tzinfo=UTC))
    after_fall = next_post(time(2, 30), BERLIN, fall)

    assert spring.astimezone(BERLIN).time() == time(3, 30)
    assert fall == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST, the first one
    assert after_fall == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)  # next day, not 02:30 CET
    assert post_date(fall, BERLIN) == date(2026, 10, 25)


def test_a_post_is_keyed_by_team_day_and_subscription() -> None:
    assert wod_key(4, date(2026, 12, 7), 9) == "wod:4:2026-12-07:9"


def test_a_day_too_long_for_one_post_is_refused() -> None:
    """A day's post with its note must stay one Telegram message (4096 characters)."""
    lines = "\n".join(
        f"metcon:\nAMRAP {m}: 5 pull-ups, 10 push-ups, 15 air squats" for m in range(1, 80)
    )

    assert problems(f"track: Long\nweek 1 day 1:\n{lines}\n") == [(2, TrackProblem.DAY_TOO_LONG)]
