"""The charts render a year of training as small, valid PNGs, and survive no data at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image

from bench.sample_training import empty_progress, sample_progress
from domain.athletes.model import Language
from domain.progress.series import E1rmPoint, LiftProgress, Progress, TrainingMaxStep, WeeklyVolume
from domain.shared.weights import Unit
from handlers.common.i18n import Catalogue
from handlers.progress import charts
from handlers.progress.texts import ChartWords, chart_words

TODAY = date(2026, 11, 21)
LIMIT = 150 * 1024
CATALOGUE = Catalogue.load()
Render = Callable[[Progress], bytes]


def in_(language: Language, draw: Callable[[Progress, ChartWords], bytes]) -> Render:
    """A chart drawn with the words of one language."""
    return lambda progress: draw(progress, chart_words(CATALOGUE.translator(language), progress))


render_e1rm, render_volume, render_calendar = (
    in_(Language.EN, draw)
    for draw in (charts.render_e1rm, charts.render_volume, charts.render_calendar)
)
CHARTS = [render_e1rm, render_volume, render_calendar]


def image(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    Image.open(BytesIO(png)).verify()
    return Image.open(BytesIO(png))


@pytest.fixture(scope="module")
def a_year() -> Progress:
    return sample_progress(TODAY)


@pytest.mark.parametrize("render", CHARTS)
def test_a_year_of_training_renders_a_phone_sized_png_under_150_kb(
    render: Render, a_year: Progress
) -> None:
    png = render(a_year)
    assert len(png) < LIMIT
    assert image(png).width == 1080


@pytest.mark.parametrize("render", CHARTS)
def test_pounds_render_too(render: Render) -> None:
    png = render(sample_progress(TODAY, unit=Unit.LB, seed=9))
    assert len(png) < LIMIT
    image(png)


@pytest.mark.parametrize("render", CHARTS)
def test_no_data_renders_a_placeholder(render: Render) -> None:
    image(render(empty_progress(TODAY)))


@pytest.mark.parametrize("render", CHARTS)
def test_a_single_day_of_training_renders(render: Render) -> None:
    progress = sample_progress(TODAY, weeks=1)
    one_point = tuple(
        replace(lift, points=lift.points[:1], training_maxes=lift.training_maxes[:1])
        for lift in progress.lifts[:1]
    )
    image(render(replace(progress, lifts=one_point)))


def test_days_of_classes_and_metcons_only_are_shaded_and_classes_dotted():
    empty = empty_progress(TODAY)
    days = frozenset(TODAY - timedelta(days=n) for n in (2, 9, 16))
    metcons_only = replace(empty, calendar=replace(empty.calendar, metcon_days=days))
    classes = replace(empty, calendar=replace(empty.calendar, class_days=days))

    def shaded(progress: Progress) -> int:
        return _pixels(render_calendar(progress), charts.HEAT[1])

    def dotted(progress: Progress) -> int:
        return _pixels(render_calendar(progress), charts.INK)

    cells = shaded(metcons_only) - shaded(empty)  # the legend has a swatch of that shade too
    assert cells > 3 * 500  # three cells of about 25 × 25 px
    assert shaded(classes) > shaded(empty) + 3 * 500  # a class day is shaded too, under its dot
    assert dotted(classes) > dotted(metcons_only) + 3 * 15  # and has a dot


def _pixels(png: bytes, colour: str) -> int:
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    counts = image(png).convert("RGB").getcolors(maxcolors=1 << 24) or []
    return next((count for count, pixel in counts if pixel == rgb), 0)


def test_one_lift_with_a_single_point_and_no_training_max_renders():
    lift = LiftProgress("squat", "Squat", (E1rmPoint(TODAY, Decimal(100), False),), ())
    image(render_e1rm(replace(empty_progress(TODAY), lifts=(lift,))))


def test_a_lift_with_only_a_training_max_renders():
    lift = LiftProgress("ohp", "Overhead press", (), (TrainingMaxStep(TODAY, Decimal(60)),))
    image(render_e1rm(replace(empty_progress(TODAY), lifts=(lift,))))


def test_six_lifts_and_an_unknown_muscle_group_render():
    progress = sample_progress(TODAY)
    lifts = progress.lifts + tuple(
        replace(lift, exercise=f"other_{n}", name=f"Lift {n}")
        for n, lift in enumerate(progress.lifts)
    )
    volume = progress.volume
    odd = WeeklyVolume(
        volume.weeks, (*volume.groups, "other"), (*volume.tonnage, volume.tonnage[0])
    )
    assert len(render_e1rm(replace(progress, lifts=lifts))) < LIMIT
    assert len(render_volume(replace(progress, volume=odd))) < LIMIT


@pytest.mark.parametrize("draw", [charts.render_e1rm, charts.render_volume, charts.render_calendar])
def test_a_russian_athletes_charts_render_in_russian(
    draw: Callable[[Progress, ChartWords], bytes], a_year: Progress
) -> None:
    words = chart_words(CATALOGUE.translator(Language.RU), a_year)

    assert words.calendar_title == "Дни тренировок"
    assert words.muscle_groups["legs"] == "Ноги"
    assert len(draw(a_year, words)) < LIMIT
