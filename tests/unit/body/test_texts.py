"""What /body says: every refusal has its words in both languages, values in the athlete's unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.athletes.model import Language
from domain.body.model import Measurement
from domain.body.parsing import BodyEntryError, Problem, parse_body_text
from domain.shared.weights import Unit
from handlers.body import texts
from handlers.common.i18n import Catalogue

CATALOGUE = Catalogue.load()


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_has_its_words(language: Language, problem: Problem) -> None:
    t = CATALOGUE.translator(language)
    error = BodyEntryError(problem, "waist", Decimal(10), Decimal(250))

    said = texts.problem(t, error, Unit.KG)

    assert said
    assert "body-problem" not in said


def test_a_pound_athlete_sees_pounds_and_inches() -> None:
    assert texts.shown_value(Measurement("weight", Decimal("82.554")), Unit.LB) == "182 lb"
    assert texts.shown_value(Measurement("waist", Decimal("81.28")), Unit.LB) == "32 in"
    assert texts.shown_value(Measurement("waist", Decimal("81.28")), Unit.KG) == "81.3 cm"
    assert texts.shown_value(Measurement("body_fat", Decimal("18.25")), Unit.KG) == "18.3 %"


def test_a_name_of_the_athletes_own_is_words_only_and_escaped() -> None:
    t = CATALOGUE.translator(Language.EN)
    with pytest.raises(BodyEntryError):
        parse_body_text("<b>calf 38", Unit.KG)
    (read,) = parse_body_text("calf's 38", Unit.KG)

    assert texts.measurement_name(t, read.name) == "Calf&#x27;s"
