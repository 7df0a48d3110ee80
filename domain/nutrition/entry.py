"""A food entry as typed: `p40 c60 f15`, `650 kcal`, `oats p10 c50 f6`, `lunch 650kcal p40`.

Tokens are separated by spaces (or commas). A macro is its letter and whole grams, joined or
not (`p40`, `p 40`; Russian б/у/ж too); energy is a number with `kcal` (or `cal`, `ккал`),
joined or not. Words before the first amount are the meal's name; a number among them belongs
to the name when a word follows it (`2 eggs p12 f10`). Energy not given is worked out from the
macros (4/4/9 kcal a gram); a macro not given counts as 0 g.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from domain.nutrition.model import Macros, kcal_of

MAX_GRAMS = 1_000  # of one macro in one entry or one day's target
MAX_KCAL = 10_000
MAX_NAME = 60

MACRO_LETTERS = {"p": "protein", "c": "carbs", "f": "fat", "б": "protein", "у": "carbs", "ж": "fat"}
KCAL_WORDS = frozenset({"kcal", "cal", "ккал", "кал"})

_MACRO = re.compile(r"^([pcfбуж])([-+.,\d].*)?$")
_KCAL = re.compile(r"^([-+.,\d].*?)(kcal|cal|ккал|кал)$")
_NUMBER = re.compile(r"^[-+]?\d+([.,]\d+)?$")


class FoodProblem(StrEnum):
    """Why a food entry was not understood; each has its catalogue key."""

    NOTHING = "nothing"  # no amount at all
    NO_AMOUNT = "no-amount"  # a macro letter or kcal with no number
    NEGATIVE = "negative"
    NOT_WHOLE = "not-whole"
    TOO_MUCH = "too-much"
    TWICE = "twice"  # the same macro (or kcal) twice
    BARE_NUMBER = "bare-number"  # a number with no unit
    UNKNOWN = "unknown"  # a token that is neither an amount nor part of the name
    NAME_TOO_LONG = "name-too-long"


class FoodEntryError(ValueError):
    def __init__(self, problem: FoodProblem, token: str) -> None:
        super().__init__(f"{problem}: {token}")
        self.problem = problem
        self.token = token


@dataclass(frozen=True, slots=True)
class Food:
    """An entry as read: its name (may be empty) and macros (kcal given or worked out)."""

    name: str
    macros: Macros
    kcal_given: bool


def tokens(text: str) -> list[str]:
    return [token for token in re.split(r"[\s;]+|,(?!\d)", text.strip()) if token]


def _amount(token: str, digits: str, limit: int) -> int:
    """Whole, non-negative, at most `limit`; else the problem, naming the token as typed."""
    if not digits:
        raise FoodEntryError(FoodProblem.NO_AMOUNT, token)
    if not _NUMBER.match(digits):
        raise FoodEntryError(FoodProblem.UNKNOWN, token)
    if digits.startswith("-"):
        raise FoodEntryError(FoodProblem.NEGATIVE, token)
    if "." in digits or "," in digits:
        raise FoodEntryError(FoodProblem.NOT_WHOLE, token)
    value = int(digits)
    if value > limit:
        raise FoodEntryError(FoodProblem.TOO_MUCH, token)
    return value


def read_amounts(tokens: list[str]) -> tuple[list[str], dict[str, int]]:
    """The name's tokens and the amounts ("kcal", "protein", "carbs", "fat") of one entry."""
    name: list[str] = []
    amounts: dict[str, int] = {}
    index = 0

    def keep(kind: str, value: int, token: str) -> None:
        if kind in amounts:
            raise FoodEntryError(FoodProblem.TWICE, token)
        amounts[kind] = value

    while index < len(tokens):
        token = tokens[index]
        low = token.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        following_low = following.lower() if following is not None else None
        macro = _MACRO.match(low)
        kcal = _KCAL.match(low)
        if macro:
            digits = macro.group(2) or ""
            shown = token
            if not digits and following is not None and _NUMBER.match(following):
                digits, shown = following, f"{token} {following}"
                index += 1
            keep(MACRO_LETTERS[macro.group(1)], _amount(shown, digits, MAX_GRAMS), shown)
        elif kcal:
            keep("kcal", _amount(token, kcal.group(1), MAX_KCAL), token)
        elif low in KCAL_WORDS:
            raise FoodEntryError(FoodProblem.NO_AMOUNT, token)
        elif _NUMBER.match(low):
            if following_low in KCAL_WORDS:
                shown = f"{token} {following}"
                keep("kcal", _amount(shown, low, MAX_KCAL), shown)
                index += 1
            elif not amounts and following is not None and _is_word(following_low or ""):
                name.append(token)
            else:
                raise FoodEntryError(FoodProblem.BARE_NUMBER, token)
        elif amounts:
            raise FoodEntryError(FoodProblem.UNKNOWN, token)
        else:
            name.append(token)
        index += 1
    return name, amounts


def _is_word(low: str) -> bool:
    """A token that is neither an amount nor a number: it may be part of a name."""
    return not (_MACRO.match(low) or _KCAL.match(low) or low in KCAL_WORDS or _NUMBER.match(low))


def macros_from(amounts: dict[str, int]) -> Macros:
    protein, carbs, fat = (amounts.get(kind, 0) for kind in ("protein", "carbs", "fat"))
    kcal = amounts["kcal"] if "kcal" in amounts else kcal_of(protein, carbs, fat)
    return Macros(kcal, protein, carbs, fat)


def read_food(text: str) -> Food:
    """The entry in `text`; FoodEntryError naming the first token not understood."""
    name, amounts = read_amounts(tokens(text))
    if not amounts:
        raise FoodEntryError(FoodProblem.NOTHING, text.strip()[:MAX_NAME])
    joined = " ".join(name)
    if len(joined) > MAX_NAME:
        raise FoodEntryError(FoodProblem.NAME_TOO_LONG, joined[:MAX_NAME] + "…")
    return Food(joined, macros_from(amounts), "kcal" in amounts)


def food_text(name: str, macros: Macros) -> str:
    """The entry as it could be typed again: `oats 294 kcal p10 c50 f6`."""
    parts = [name] if name else []
    parts.append(f"{macros.kcal} kcal")
    parts += [
        f"{letter}{grams}"
        for letter, grams in (("p", macros.protein), ("c", macros.carbs), ("f", macros.fat))
        if grams
    ]
    return " ".join(parts)
