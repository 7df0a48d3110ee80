"""The Fluent catalogues: every bundle loaded once, and a translator per language.

Fluent through `fluent.runtime` directly rather than aiogram-i18n: the same translator renders
outside handlers too (outbox messages in the recipient's language, the per-language command
menu), where aiogram-i18n's context-bound `i18n` object is not available.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import ast

from domain.athletes.model import Language, language_for

LOCALES = Path(__file__).resolve().parents[2] / "locales"

Arg = str | int


class MissingTextError(LookupError):
    """A key no catalogue of the language has, or a message missing one of its arguments."""


@dataclass(frozen=True, slots=True)
class Translator:
    """The words of one language: `get("today-done-button")`, arguments as keywords."""

    language: Language
    _bundle: FluentBundle
    # Formatting is pure and the same texts recur (every card's buttons, the same sets for
    # everyone on a plan): Fluent's resolver was 5% of the bot's CPU per logged set.
    _formatted: dict[tuple[str, frozenset[tuple[str, Arg]]], str] = field(
        default_factory=dict, compare=False, repr=False
    )

    def get(self, key: str, **args: Arg) -> str:
        cache_key = (key, frozenset(args.items()))
        text = self._formatted.get(cache_key)
        if text is None:
            text = self._format(key, args)
            if len(self._formatted) >= _FORMATTED_KEPT:
                self._formatted.clear()
            self._formatted[cache_key] = text
        return text

    def _format(self, key: str, args: dict[str, Arg]) -> str:
        if not self._bundle.has_message(key):
            raise MissingTextError(f"{self.language}: no text for {key!r}")
        pattern = self._bundle.get_message(key).value
        if pattern is None:
            raise MissingTextError(f"{self.language}: {key!r} has attributes only")
        text, errors = self._bundle.format_pattern(
            pattern,
            {
                # Counts print as Python does ("1000", not "1,000"); plural rules still see numbers.
                name: fluent_number(value, useGrouping=False) if isinstance(value, int) else value
                for name, value in args.items()
            },
        )
        if errors:
            raise MissingTextError(f"{self.language}: {key!r}: {errors}")
        return str(text)


_FORMATTED_KEPT = 20_000  # texts per language; then the cache starts again


class Catalogue:
    """Every language's bundle, read from `locales/<language>/*.ftl` once, at start-up."""

    def __init__(self, bundles: dict[Language, FluentBundle], keys: dict[Language, frozenset[str]]):
        self._translators = {language: Translator(language, b) for language, b in bundles.items()}
        self._keys = keys

    @classmethod
    def load(cls, directory: Path = LOCALES) -> Catalogue:
        bundles: dict[Language, FluentBundle] = {}
        keys: dict[Language, frozenset[str]] = {}
        for language in Language:
            bundle = FluentBundle([language.value], use_isolating=False)
            found: set[str] = set()
            for path in sorted((directory / language.value).glob("*.ftl")):
                found |= _add(bundle, path)
            bundles[language], keys[language] = bundle, frozenset(found)
        return cls(bundles, keys)

    def translator(self, language: str) -> Translator:
        """The translator for a language as stored, or as a Telegram client names it."""
        return self._translators[language_for(language)]

    def keys(self, language: Language) -> frozenset[str]:
        return self._keys[language]


def _add(bundle: FluentBundle, path: Path) -> set[str]:
    resource = FluentResource(path.read_text(encoding="utf-8"))
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    if junk:
        raise ValueError(f"{path}: cannot parse {(junk[0].content or '')[:80]!r}")
    keys = {entry.id.name for entry in resource.body if isinstance(entry, ast.Message)}
    duplicated = {key for key in keys if bundle.has_message(key)}
    if duplicated:
        raise ValueError(f"{path}: {sorted(duplicated)} are defined in another file too")
    bundle.add_resource(resource)
    return keys
