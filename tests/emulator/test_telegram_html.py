"""Telegram's HTML parse mode as the emulator understands it."""

from __future__ import annotations

import pytest

from emulator.telegram_html import FormattedText, HtmlParseError, parse_html


def entity(kind: str, offset: int, length: int, **extra: str) -> dict[str, object]:
    return {"type": kind, "offset": offset, "length": length, **extra}


def test_tags_become_entities_over_the_plain_text() -> None:
    parsed = parse_html('<b>Squat</b> <i>5×5</i> <a href="https://x.org/?a=1&amp;b=2">plan</a>')

    assert parsed.text == "Squat 5×5 plan"
    assert parsed.entities == (
        entity("bold", 0, 5),
        entity("italic", 6, 3),
        entity("text_link", 10, 4, url="https://x.org/?a=1&b=2"),
    )


def test_offsets_are_in_utf16_code_units() -> None:
    parsed = parse_html("💪 <b>PR</b>")

    assert parsed.entities == (entity("bold", 3, 2),)


def test_nested_tags_and_the_rest_of_the_supported_set() -> None:
    source = (
        "<b>a<i>b</i></b><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del>"
        '<span class="tg-spoiler">h</span><tg-spoiler>i</tg-spoiler><code>j</code>'
        '<pre><code class="language-python">k</code></pre><blockquote expandable>l</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">m</tg-emoji><em>n</em><strong>o</strong>'
    )

    parsed = parse_html(source)

    assert parsed.text == "abcdefghijklmno"
    kinds = [(e["type"], e["offset"]) for e in parsed.entities]
    assert kinds == [
        ("bold", 0),
        ("italic", 1),
        ("underline", 2),
        ("underline", 3),
        ("strikethrough", 4),
        ("strikethrough", 5),
        ("strikethrough", 6),
        ("spoiler", 7),
        ("spoiler", 8),
        ("code", 9),
        ("pre", 10),
        ("expandable_blockquote", 11),
        ("custom_emoji", 12),
        ("italic", 13),
        ("bold", 14),
    ]
    assert parsed.entities[10]["language"] == "python"


def test_character_references_are_decoded() -> None:
    assert parse_html("&lt;5&gt; &amp; &quot;x&quot; &#8594; &#x1F4AA;").text == '<5> & "x" → 💪'


def test_surrounding_whitespace_is_trimmed_with_entities_kept_aligned() -> None:
    assert parse_html("\n  <b> hi</b>  \n") == FormattedText("hi", (entity("bold", 0, 2),))


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("a < b", "Unexpected end of name token"),
        ("Tom & Jerry", "Unsupported HTML entity"),
        ("&nbsp;", "Unsupported HTML entity"),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag"),
        ("<br>", 'Unsupported start tag "br"'),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
        ("<tg-emoji>x</tg-emoji>", "custom emoji identifier"),
        ("<b", "Unclosed start tag"),
    ],
)
def test_invalid_html_is_refused(source: str, reason: str) -> None:
    with pytest.raises(HtmlParseError, match=reason.replace("(", r"\(")):
        parse_html(source)


def test_a_bare_greater_than_sign_is_allowed() -> None:
    assert parse_html("5 > 3").text == "5 > 3"
