"""The Fluent catalogues: complete in both languages, and every key the code uses exists."""

import ast
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from domain.athletes.model import Language
from handlers.common.i18n import LOCALES, Catalogue, MissingTextError

ROOT = Path(__file__).resolve().parents[3]
CODE = [*ROOT.glob("handlers/**/*.py"), *ROOT.glob("bot/**/*.py")]
CONTEXTS = sorted(path.stem for path in (LOCALES / Language.EN.value).glob("*.ftl"))
NOT_KEYS = frozenset({"training-days"})  # a chart's name in /progress, shaped like a key


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802 (the visitor calls it by its node type)
        self.names.add(node.id.name)


def messages(language: Language, context: str) -> dict[str, frozenset[str]]:
    """Each message of a catalogue file, with the variables it uses."""
    path = LOCALES / language.value / f"{context}.ftl"
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    found = {}
    for entry in resource.body:
        if isinstance(entry, ftl.Message):
            variables = _Variables()
            variables.visit(entry)
            found[entry.id.name] = frozenset(variables.names)
    return found


def keys_in_code() -> dict[str, Path]:
    """String literals shaped like a catalogue key ("training-rest-over"), and where."""
    prefixes = tuple(f"{context}-" for context in CONTEXTS)
    found = {}
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith(prefixes)
                and " " not in node.value
                and node.value not in NOT_KEYS
            ):
                found[node.value] = path
    return found


def test_each_language_has_a_file_per_context() -> None:
    for language in Language:
        assert sorted(p.stem for p in (LOCALES / language.value).glob("*.ftl")) == CONTEXTS


@pytest.mark.parametrize("context", CONTEXTS)
def test_both_languages_have_the_same_keys_with_the_same_arguments(context: str) -> None:
    assert messages(Language.RU, context) == messages(Language.EN, context)


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_key_starts_with_its_context_so_files_never_collide(context: str) -> None:
    for key in messages(Language.EN, context):
        assert key.startswith(f"{context}-"), key


def test_every_key_used_in_code_exists_in_both_languages() -> None:
    catalogue = Catalogue.load()
    used = keys_in_code()

    assert used, "the scan found no keys at all"
    for language in Language:
        keys = catalogue.keys(language)
        missing = {key: str(path) for key, path in used.items() if not _defined(key, keys)}
        assert not missing, f"{language}: {missing}"


def _defined(key: str, keys: frozenset[str]) -> bool:
    """A literal ending in "-" begins keys built at run time ("plans-problem-" + a code)."""
    return key in keys or (key.endswith("-") and any(k.startswith(key) for k in keys))


def test_a_missing_key_fails_loudly() -> None:
    t = Catalogue.load().translator(Language.EN)

    with pytest.raises(MissingTextError):
        t.get("training-no-such-text")


def test_a_missing_argument_fails_loudly(tmp_path: Path) -> None:
    for language in Language:
        (tmp_path / language.value).mkdir()
        (tmp_path / language.value / "common.ftl").write_text("common-hi = Hi { $name }\n")
    t = Catalogue.load(tmp_path).translator(Language.EN)

    assert t.get("common-hi", name="Ann") == "Hi Ann"
    with pytest.raises(MissingTextError):
        t.get("common-hi")


def test_counts_print_as_typed_in_both_languages(tmp_path: Path) -> None:
    for language in Language:
        (tmp_path / language.value).mkdir()
        (tmp_path / language.value / "common.ftl").write_text("common-volume = { $kg }\n")
    catalogue = Catalogue.load(tmp_path)

    for language in Language:
        assert catalogue.translator(language).get("common-volume", kg=12500) == "12500"


def test_a_client_language_picks_its_translator() -> None:
    catalogue = Catalogue.load()

    assert catalogue.translator("uk").language == Language.RU
    assert catalogue.translator("pt-br").language == Language.EN
