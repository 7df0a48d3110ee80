"""Charts that read well with little data (#15): what a new athlete's /progress showed was a
12-month axis with one dot, empty panels for lifts not yet trained, no training-max line and
"0.0 a week" after one session. Checked on the drawn figures (their axes and lines) and pixels."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PIL import Image

from bench.sample_training import empty_progress
from domain.athletes.model import Language, User
from domain.body.trend import body_trend
from domain.plans.model import BodyRegion, Exercise
from domain.plans.rules.reasons import note
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.series import (
    E1rmPoint,
    LiftProgress,
    Progress,
    TrainingMaxStep,
    weekly_volume,
)
from domain.progress.use_cases.progress import ShowProgress
from domain.shared.weights import Unit, Weight
from domain.training.model import LoggedSet, TrainingMax
from handlers.common.i18n import Catalogue
from handlers.progress import body_chart, charts
from handlers.progress.texts import chart_words
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.progress.test_progress import workout

TODAY = date(2026, 3, 5)
EN = Catalogue.load().translator(Language.EN)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Figure]:
    """The figures the charts draw, kept as they are handed to the PNG encoder."""
    figures: list[Figure] = []

    def keep(figure: Figure) -> bytes:
        figures.append(figure)
        return b""

    monkeypatch.setattr(charts, "to_png", keep)
    monkeypatch.setattr(body_chart, "to_png", keep)
    return figures


def plots(figure: Figure) -> list[Axes]:
    return [axes for axes in figure.axes if axes.get_lines()]


def xs(line: Line2D) -> list[float]:
    return [float(x) for x in np.asarray(line.get_xdata(), dtype=float)]


def ys(line: Line2D) -> list[float]:
    return [float(y) for y in np.asarray(line.get_ydata(), dtype=float)]


def days_shown(axes: Axes) -> float:
    left, right = axes.get_xlim()
    return right - left


def a_new_squatter(points: int = 1) -> Progress:
    """Squat trained on `points` days up to today, its TM set today."""
    empty = empty_progress(TODAY)
    days = [TODAY - timedelta(days=3 * n) for n in reversed(range(points))]
    squat = LiftProgress(
        "squat",
        "Squat",
        tuple(E1rmPoint(day, Decimal(100), False) for day in days),
        (TrainingMaxStep(TODAY, Decimal(90)),),
    )
    sets = dict.fromkeys(days, 5)
    calendar = replace(empty.calendar, sets_by_day=sets, sessions=points)
    return replace(empty, lifts=(squat,), calendar=calendar)


def test_one_session_spans_four_weeks_not_twelve_months(drawn: list[Figure]) -> None:
    progress = a_new_squatter()
    charts.render_e1rm(progress, chart_words(EN, progress))

    (axes,) = plots(drawn[0])
    assert 28 <= days_shown(axes) <= 28 + 7  # four weeks and a small margin each side
    assert progress.calendar.first == date(2025, 4, 1)  # the data window is still a year


def test_a_training_max_set_today_is_drawn_as_a_line(drawn: list[Figure]) -> None:
    progress = a_new_squatter()
    charts.render_e1rm(progress, chart_words(EN, progress))

    (axes,) = plots(drawn[0])
    dashed = [line for line in axes.get_lines() if line.get_drawstyle() == "steps-post"]
    assert len(dashed) == 1
    steps = xs(dashed[0])
    assert max(steps) - min(steps) > 0  # it has a length: from today to the axis' end
    assert set(ys(dashed[0])) == {90.0}


def test_the_axis_spans_what_there_is_once_there_is_more_than_four_weeks(
    drawn: list[Figure],
) -> None:
    progress = a_new_squatter(points=20)  # every third day: 57 days back
    charts.render_e1rm(progress, chart_words(EN, progress))

    (axes,) = plots(drawn[0])
    assert 57 <= days_shown(axes) <= 57 + 7


async def test_lifts_not_trained_have_no_panel_even_with_a_training_max() -> None:
    clock = FixedClock(datetime(2026, 3, 5, 9, tzinfo=UTC))
    uow = InMemoryUnitOfWork()
    await install_builtin_programs(uow)
    squat = Exercise("squat", "Squat", "legs", "main", BodyRegion.LOWER)
    bench = Exercise("bench", "Bench press", "chest", "main", BodyRegion.UPPER)
    async with uow:
        await uow.users.add(User(1001, "Ann", None, None, Language.EN, "UTC", clock.now()))
        await uow.exercises.save_all([squat, bench])
        for lift in ("squat", "bench"):
            await uow.training_maxes.add(
                1001,
                TrainingMax(lift, Weight(Decimal(100), Unit.KG), clock.now(), note("set")),
            )
        await uow.workouts.add(workout(clock.now(), ("squat", "100", 5)))
        await uow.commit()

    progress = await ShowProgress(uow, clock)(1001)

    assert [lift.exercise for lift in progress.lifts] == ["squat"]
    assert [float(s.weight) for s in progress.lifts[0].training_maxes] == [100.0]


def test_no_rate_a_week_after_one_session_and_one_after_three_weeks() -> None:
    one = a_new_squatter()
    assert chart_words(EN, one).calendar_subtitle == "1 session"

    calendar = replace(
        one.calendar,
        sets_by_day={TODAY - timedelta(days=20): 5, TODAY: 5},  # 21 days, today included
        sessions=6,
    )
    # 6 sessions over 3 weeks: 2 a week
    assert chart_words(EN, replace(one, calendar=calendar)).calendar_subtitle == (
        "6 sessions · 2.0 a week"
    )


def test_the_calendar_starts_at_the_first_month_trained_and_shows_two_at_least(
    drawn: list[Figure],
) -> None:
    progress = a_new_squatter()
    charts.render_calendar(progress, chart_words(EN, progress))

    titles = [text.get_text() for text in drawn[0].axes[0].texts if "2026" in text.get_text()]
    assert titles == ["Feb 2026", "Mar 2026"]


def test_volume_starts_at_the_first_week_with_any_four_weeks_at_least() -> None:
    when = datetime(2026, 3, 5, 18, tzinfo=UTC)
    sets = [LoggedSet(1, when, "squat", Weight(Decimal(100), Unit.KG), 5, when)]
    volume = weekly_volume(sets, {}, unit=Unit.KG, zone=ZoneInfo("UTC"), today=TODAY)

    assert volume.weeks == tuple(date(2026, 3, 2) - timedelta(weeks=n) for n in (3, 2, 1, 0))
    assert volume.tonnage == ((Decimal(0), Decimal(0), Decimal(0), Decimal(500)),)


def weighed(days: int) -> Progress:
    """Weighed each day for `days` days to today, from 84 kg the first day, 0.1 kg less each."""
    weights = [
        (TODAY - timedelta(days=n), Decimal(84) - Decimal("0.1") * (days - 1 - n))
        for n in range(days)
    ]
    return replace(empty_progress(TODAY), body=body_trend(weights, Unit.KG))


def test_the_body_weight_chart_draws_each_weigh_in_and_the_7_day_average(
    drawn: list[Figure],
) -> None:
    progress = weighed(14)
    assert progress.body is not None
    body_chart.render_body_weight(progress, body_chart.body_chart_words(EN, progress.body))

    (axes,) = plots(drawn[0])
    lines: dict[str, Line2D] = {str(line.get_gid()): line for line in axes.get_lines()}
    assert len(xs(lines["weigh-ins"])) == 14
    average = ys(lines["average"])
    # the first day is itself; the last is the mean of the last seven: 83.3 … 82.7, so 83.0
    assert average[0] == pytest.approx(84.0)
    assert average[-1] == pytest.approx(83.0)
    assert 28 <= days_shown(axes) <= 28 + 5  # two weeks of weigh-ins on a four-week axis


def test_the_body_weight_rate_waits_for_two_weeks() -> None:
    one_week, two_weeks = weighed(7).body, weighed(15).body
    assert one_week is not None
    assert two_weeks is not None

    assert "a week" not in body_chart.body_chart_words(EN, one_week).subtitle
    # 0.1 kg a day lost: 0.7 kg a week
    assert "−0.7 kg a week" in body_chart.body_chart_words(EN, two_weeks).subtitle


@pytest.mark.parametrize("language", [Language.EN, Language.RU])
def test_the_body_weight_chart_renders_a_phone_wide_png(language: Language) -> None:
    progress = weighed(30)
    assert progress.body is not None
    t = Catalogue.load().translator(language)
    png = body_chart.render_body_weight(progress, body_chart.body_chart_words(t, progress.body))
    assert png.startswith(b"\x89PNG")
    assert len(png) < 150 * 1024
    picture = Image.open(BytesIO(png)).convert("RGB")
    assert picture.width == 1080
    blue = tuple(int(body_chart.AVERAGE[i : i + 2], 16) for i in (1, 3, 5))
    counts = picture.getcolors(maxcolors=1 << 24) or []
    assert sum(count for count, pixel in counts if pixel == blue) > 2000  # the average's line
