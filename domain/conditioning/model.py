"""Conditioning workouts as an athlete has them, and the results they log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.conditioning.scores import Score
from domain.conditioning.workout import Workout


class WorkoutSource(StrEnum):
    """Where a workout came from; stored, so never renamed."""

    GENERATED = "generated"
    BENCHMARK = "benchmark"
    PASTED = "pasted"


@dataclass(frozen=True, slots=True)
class SavedWorkout:
    """A workout an athlete was given or wrote, kept so results can name it."""

    id: int | None
    owner_id: int
    source: WorkoutSource
    workout: Workout
    created_at: datetime


@dataclass(frozen=True, slots=True)
class LoggedResult:
    """One result: the score as typed and read, Rx or scaled, on one saved workout."""

    id: int | None
    athlete_id: int
    workout_id: int
    score: Score
    rx: bool
    logged_at: datetime
    note: str = ""
    source_message_id: int | None = None  # the typed message: a redelivery logs nothing new
    percentile: float | None = None  # an Rx benchmark's, against what it was placed among then
    sets: tuple[Score, ...] = ()  # a multi-set result's sets; `score` is their aggregate


@dataclass(frozen=True, slots=True)
class Prompt:
    """A message the athlete replies to: with a score for `workout_id` (Rx or scaled), or, with
    no workout, with the text of one."""

    chat_id: int
    message_id: int
    athlete_id: int
    workout_id: int | None
    rx: bool = True
