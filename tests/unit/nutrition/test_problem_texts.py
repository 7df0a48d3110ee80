"""Every problem code the nutrition parsers return has its message in both languages."""

from __future__ import annotations

import pytest

from domain.athletes.model import Language
from domain.nutrition import targets
from domain.nutrition.entry import FoodProblem
from domain.nutrition.meal_plan import PlanProblem
from handlers.common.i18n import Catalogue

CATALOGUE = Catalogue.load()
CODES = [
    *FoodProblem,
    *PlanProblem,
    targets.TOO_LITTLE,
    targets.NO_TARGETS,
    targets.TWICE_LINE,
    targets.NOTES_TOO_LONG,
]


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("code", CODES)
def test_each_code_has_its_message(language: Language, code: str) -> None:
    text = CATALOGUE.translator(language).get(f"nutrition-problem-{code}", token="p-5")
    assert text


def test_the_reply_to_a_negative_amount_names_it() -> None:
    en = CATALOGUE.translator(Language.EN)
    assert en.get("nutrition-problem-negative", token="p-5") == (
        "“p-5” is negative: amounts start at 0."
    )
