"""Pure rules of the health record: a phone number as typed, and lifts the limitations name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

MIN_DIGITS = 7  # the shortest subscriber numbers with their area code
MAX_DIGITS = 15  # E.164's limit, country code included
_SEPARATORS = re.compile(r"[\s\-().]")


class PhoneProblem(StrEnum):
    EMPTY = "empty"
    NOT_DIGITS = "not-digits"
    TOO_SHORT = "too-short"
    TOO_LONG = "too-long"


class PhoneError(ValueError):
    def __init__(self, problem: PhoneProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def parse_phone(text: str) -> str:
    """A phone number as typed ("+44 20 7946 0958", "8 (912) 345-67-89") → "+442079460958".

    Spaces, dashes, dots and brackets go; a leading "+" stays; anything else is refused.
    """
    compact = _SEPARATORS.sub("", text.strip())
    if not compact:
        raise PhoneError(PhoneProblem.EMPTY)
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isascii() or not digits.isdecimal():
        raise PhoneError(PhoneProblem.NOT_DIGITS)
    if len(digits) < MIN_DIGITS:
        raise PhoneError(PhoneProblem.TOO_SHORT)
    if len(digits) > MAX_DIGITS:
        raise PhoneError(PhoneProblem.TOO_LONG)
    return ("+" if plus else "") + digits


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _plural(word: str) -> tuple[str, ...]:
    return (word, word + "s", word + "es")


def avoided_lifts(limitations: str, library: Mapping[str, str]) -> frozenset[str]:
    """The exercises (slugs) whose name, or slug, the limitations text names as whole words.

    `library` maps slug → name. The longest name wins where names overlap: "no front squats"
    names the front squat, not the squat; a plural counts ("no deadlifts").
    """
    words = _words(limitations)
    taken = [False] * len(words)
    spellings = sorted(
        (
            (tuple(_words(spelling)), slug)
            for slug, name in library.items()
            for spelling in {name, slug.replace("_", " ")}
            if _words(spelling)
        ),
        key=lambda item: -len(item[0]),
    )
    found: set[str] = set()
    for phrase, slug in spellings:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if any(taken[start : start + size]):
                continue
            if window[:-1] == list(phrase[:-1]) and window[-1] in _plural(phrase[-1]):
                found.add(slug)
                taken[start : start + size] = [True] * size
    return frozenset(found)
