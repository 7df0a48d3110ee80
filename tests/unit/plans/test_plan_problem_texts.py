"""What a plan-text mistake says: the documented messages, word for word, from the problem codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.athletes.model import Language
from domain.plans.library import load_exercises
from domain.plans.text.parse import parse_plan_text
from domain.plans.text.problems import LineError, PlanProblem, PlanTextError
from handlers.common.i18n import Catalogue
from handlers.common.plan_problems import plan_problem_text, problem_key

CATALOGUE = Catalogue.load()
EN = CATALOGUE.translator(Language.EN)
RU = CATALOGUE.translator(Language.RU)
DOC = Path(__file__).resolve().parents[3] / "docs" / "plan-format.md"
PLAN = "plan: P\nday: A\n"
WEEKS = "plan: P\nweek: 1\nday: A\n"

# the text that makes each message of the documentation's table, with the line it names
MISTAKES = {
    "I don't know the exercise “sqaut” — did you mean squat?": (PLAN + "sqaut: 5x5 @75%", 3),
    "“3y5 @75%” is not a set like “3x5”, “1x5+”, “3x8-12”": (PLAN + "squat: 3y5 @75%", 3),
    "“21x5 @75%”: 1 to 20 sets": (PLAN + "squat: 21x5 @75%", 3),
    "“3x0 @75%”: 1 to 100 reps": (PLAN + "squat: 3x0 @75%", 3),
    "“3x12-8 @75%”: a rep range runs upward, like 8-12": (PLAN + "squat: 3x12-8 @75%", 3),
    "“3x5 @175%”: a percent of the TM is above 0 and at most 150": (PLAN + "squat: 3x5 @175%", 3),
    "“3x5 1200kg”: a weight is above 0 and at most 1000": (PLAN + "squat: 3x5 1200kg", 3),
    "“3x5 @11”: an RPE is 6 to 10 in half points, like @8 or @8.5": (
        PLAN + "squat: 3x5 @11 ; rpe start 70%",
        3,
    ),
    "“3x5+ @8”: an RPE target is 1–10 fixed reps, like “3x5 @8”": (
        PLAN + "squat: 3x5+ @8 ; rpe start 70%",
        3,
    ),
    "“3x5 @75% 80kg”: one load per set — a percent, a weight or an RPE": (
        PLAN + "squat: 3x5 @75% 80kg",
        3,
    ),
    "“80” in “5x5 80 kg” is not a load (@75%, 80kg, @8) or a mark (!, warmup, joker)": (
        PLAN + "squat: 5x5 80 kg",
        3,
    ),
    "“3x5 @75% !”: “!” marks an AMRAP set (“1x1+ @95% !”)": (PLAN + "squat: 3x5 @75% !", 3),
    "sets with no load need a rule that keeps a working weight, like “; linear +2.5kg/5lb start "
    "50%”, or a load on each set (@75%, 80kg)": (PLAN + "squat: 3x5", 3),
    "say where the working weight starts: “start 60%” of the squat TM or “start 20kg/45lb”": (
        PLAN + "squat: 3x5 ; linear +2.5kg/5lb",
        3,
    ),
    "say how much “linear” adds, like “linear +2.5kg/5lb”": (
        PLAN + "squat: 3x5 ; linear start 50%",
        3,
    ),
    "“+2.5kg/5kg” gives one amount in kg and one in lb, like “+2.5kg/5lb”": (
        PLAN + "squat: 3x5 ; linear +2.5kg/5kg start 50%",
        3,
    ),
    "“linar” is not a progression rule; try one of: cycle, complete, linear, stages, double, rpe": (
        PLAN + "squat: 3x5 ; linar +2.5kg/5lb start 50%",
        3,
    ),
    "“fast” is not a rule option; options are start, deload … after, then …, at … reps": (
        PLAN + "squat: 3x5 ; linear +2.5kg/5lb start 50% fast",
        3,
    ),
    "“cycle” raises the TM, so every set is a percent of it (@75%)": (
        WEEKS + "squat: 3x5 80kg ; cycle +5kg/10lb",
        4,
    ),
    "“double” needs a rep range, like “3x8-12”": (
        PLAN + "squat: 3x5 ; double +5kg/10lb start 50%",
        3,
    ),
    "the “rpe” rule needs sets with an RPE target, like “3x5 @8”": (
        PLAN + "squat: 3x5 ; rpe start 50%",
        3,
    ),
    "“cycle” needs days set in weeks (“week: 1”)": (PLAN + "squat: 3x5 @75% ; cycle +5kg/10lb", 3),
    "“!” raises the squat TM by reps, but no “progress” line covers it (“progress lower: …”)": (
        PLAN + "squat: 1x1+ @95% !",
        3,
    ),
    "schemes separated by “|” need the “stages” rule": (PLAN + "squat: 3x5 @75% | 3x3 @80%", 3),
    "the reps run on from 2, not from 3": (
        "plan: P\nprogress lower: 0-1 +0, 3+ +5kg/10lb\nday: A\nsquat: 3x5 @75%",
        2,
    ),
    "only the last bracket is open-ended, like “6+ +5kg/10lb”": (
        "plan: P\nprogress lower: 0-1 +0, 2-3 +5kg/10lb\nday: A\nsquat: 3x5 @75%",
        2,
    ),
    "day “A” has no exercises": ("plan: P\nday: A\nday: B\nsquat: 3x5 @75%", 2),
    "“plan:” is given twice": ("plan: P\nplan: Q\nday: A\nsquat: 3x5 @75%", 2),
    "“tm:” belongs at the top, before the first day": (PLAN + "squat: 3x5 @75%\ntm: 85%", 4),
    "an exercise line comes after a “day:” line": ("plan: P\nsquat: 3x5 @75%", 2),
    "the plan starts with its name: “plan: My 5x5”": ("day: A\nsquat: 3x5 @75%", 1),
    "a training max is 50%–100% of the 1RM": ("plan: P\ntm: 40%\nday: A\nsquat: 3x5 @75%", 2),
    "“72.125”: at most two decimals": (PLAN + "squat: 3x5 @72.125%", 3),
    "a plan is at most 64,000 characters": (PLAN + "squat: 3x5 @75%  # " + "x" * 64_000, 0),
}


def documented() -> list[str]:
    table = DOC.read_text(encoding="utf-8").split("## Error messages", 1)[1]
    rows = re.findall(r"^\| (`.*?`) \|", table, re.MULTILINE)
    return [message for row in rows for message in re.findall(r"`([^`]*)`", row)]


def errors_of(text: str) -> tuple[LineError, ...]:
    with pytest.raises(PlanTextError) as raised:
        parse_plan_text(text, load_exercises())
    return raised.value.errors


def said(text: str) -> list[str]:
    return [plan_problem_text(EN, error) for error in errors_of(text)]


def test_every_documented_message_has_a_mistake_that_makes_it() -> None:
    assert sorted(documented()) == sorted(MISTAKES)


@pytest.mark.parametrize(("message", "mistake"), MISTAKES.items(), ids=range(len(MISTAKES)))
def test_a_mistake_says_what_the_documentation_says(message: str, mistake: tuple[str, int]) -> None:
    text, line = mistake
    assert said(text + "\n") == [message if line == 0 else f"line {line}: {message}"]
    assert all(plan_problem_text(RU, error) for error in errors_of(text + "\n"))  # has its args


@pytest.mark.parametrize("problem", PlanProblem)
def test_every_problem_has_words_in_both_languages(problem: PlanProblem) -> None:
    for language in Language:
        assert problem_key(problem) in CATALOGUE.keys(language)


def test_a_problem_reads_in_russian_with_the_plan_keywords_kept() -> None:
    (error,) = errors_of(PLAN + "squat: 3x5 ; linear start 50%\n")

    assert plan_problem_text(RU, error) == (
        "строка 3: укажите, сколько добавляет «linear», например «linear +2.5kg/5lb»"
    )


def test_long_limits_are_grouped_as_each_language_writes_numbers() -> None:
    error = LineError(0, PlanProblem.TEXT_TOO_LONG, {"limit": 64_000})

    assert plan_problem_text(EN, error) == "a plan is at most 64,000 characters"
    assert plan_problem_text(RU, error) == "в плане не больше 64\xa0000 символов"
