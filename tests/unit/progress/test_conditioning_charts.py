"""The conditioning charts render as small phone-sized PNGs, from one result to a busy year."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from domain.athletes.model import Language
from domain.conditioning.library import benchmarks
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.progress import ConditioningProgress, conditioning_progress
from domain.conditioning.scores import ROUND, Scheme, Score
from handlers.common.i18n import Catalogue
from handlers.progress import conditioning_charts
from handlers.progress.conditioning_words import conditioning_captions, conditioning_words

LIMIT = 150 * 1024
CATALOGUE = Catalogue.load()
START = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)
Draw = Callable[[ConditioningProgress, object], bytes]
DRAWN = [conditioning_charts.render_heat_map, conditioning_charts.render_benchmarks]


def a_year(results: int) -> ConditioningProgress:
    rng = random.Random(7)
    library = benchmarks()
    done = []
    for index in range(results):
        workout = rng.choice(library)
        if workout.scheme in {Scheme.TIME, Scheme.TIME_WITH_CAP}:
            score = Score(workout.scheme, rng.randint(150, 900) * 1000)
        elif workout.scheme == Scheme.ROUNDS_REPS:
            score = Score(workout.scheme, rng.randint(8, 24) * ROUND + rng.randint(0, 9))
        else:
            score = Score(workout.scheme, rng.randint(50, 300))
        saved = SavedWorkout(index, 1, WorkoutSource.BENCHMARK, workout, START)
        at = START + timedelta(days=index * 360 // max(results, 1))
        rx = index % 3 != 0
        done.append(
            (LoggedResult(index, 1, index, score, rx, at, percentile=0.6 if rx else None), saved)
        )
    return conditioning_progress(done, ZoneInfo("UTC"))


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("results", [1, 150])
def test_the_heat_map_and_the_benchmarks_render_small_and_phone_wide(
    language: Language, results: int
) -> None:
    progress = a_year(results)
    t = CATALOGUE.translator(language)
    words = conditioning_words(t, progress)

    for draw in DRAWN:
        png = draw(progress, words)
        assert len(png) < LIMIT
        Image.open(BytesIO(png)).verify()
        assert Image.open(BytesIO(png)).width == 1080
    heat, trends = conditioning_captions(t, progress)
    assert str(results) in heat
    assert trends


def test_the_caption_names_the_most_done_cell() -> None:
    t = CATALOGUE.translator(Language.EN)
    heat, trends = conditioning_captions(t, a_year(1))

    assert heat.startswith("🔥 1 conditioning workout, most often ")
    assert trends == "🏅 Your benchmark, every time you did it."
