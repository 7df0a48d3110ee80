"""Telegram's HTML parse mode: source text to plain text plus entities, or a parse error."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Entity = dict[str, Any]

# Telegram trims these from both ends of every text and caption.
_TRIMMED = " \t\n\r\x0b\x0c"

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_SUPPORTED = {*_SIMPLE_TAGS, "a", "span", "blockquote", "tg-emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[A-Za-z0-9-]+")
_ATTR_NAME = re.compile(r"[A-Za-z0-9_-]+")
_CHAR_REF = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));")


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; str() is Telegram's reason."""


@dataclass(frozen=True)
class FormattedText:
    """Plain text as the user sees it and its entities (offsets in UTF-16 code units)."""

    text: str
    entities: tuple[Entity, ...] = field(default=())


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    start: int
    byte_offset: int
    attrs: dict[str, str]
    language: str | None = None


def parse_html(source: str) -> FormattedText:
    """Parse like Telegram does; raise HtmlParseError with Telegram-style reasons."""
    parser = _Parser(source)
    parser.run()
    return trim(FormattedText(parser.text(), tuple(sort_entities(parser.entities))))


def sort_entities(entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"], e["type"]))


def trim(formatted: FormattedText) -> FormattedText:
    """Strip surrounding whitespace the way Telegram does, keeping entities aligned."""
    text = formatted.text
    stripped = text.strip(_TRIMMED)
    if stripped == text:
        return formatted
    lead = utf16_len(text[: len(text) - len(text.lstrip(_TRIMMED))])
    end = lead + utf16_len(stripped)
    entities: list[Entity] = []
    for entity in formatted.entities:
        start = max(entity["offset"], lead)
        stop = min(entity["offset"] + entity["length"], end)
        if stop > start:
            entities.append({**entity, "offset": start - lead, "length": stop - start})
    return FormattedText(stripped, tuple(entities))


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        self.out: list[str] = []
        self.out_len = 0
        self.stack: list[_Open] = []
        self.entities: list[Entity] = []

    def text(self) -> str:
        return "".join(self.out)

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode())

    def fail(self, reason: str) -> HtmlParseError:
        return HtmlParseError(reason)

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.out_len += utf16_len(chunk)

    def run(self) -> None:
        source = self.source
        while self.pos < len(source):
            char = source[self.pos]
            if char == "&":
                self.emit(self.char_reference())
            elif char == "<":
                if source.startswith("</", self.pos):
                    self.end_tag()
                else:
                    self.start_tag()
            else:
                nxt = min(
                    (i for i in (source.find("&", self.pos), source.find("<", self.pos)) if i >= 0),
                    default=len(source),
                )
                self.emit(source[self.pos : nxt])
                self.pos = nxt
        if self.stack:
            raise self.fail(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )

    def char_reference(self) -> str:
        match = _CHAR_REF.match(self.source, self.pos)
        decoded: str | None = None
        if match:
            decimal, hexadecimal, name = match.groups()
            if name is not None:
                decoded = _NAMED_ENTITIES.get(name)
            else:
                code = int(decimal) if decimal is not None else int(hexadecimal, 16)
                if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    decoded = chr(code)
        if match is None or decoded is None:
            raise self.fail(
                f"Unsupported HTML entity at byte offset {self.byte_offset(self.pos)}: "
                "'&' must be escaped as &amp;"
            )
        self.pos = match.end()
        return decoded

    def start_tag(self) -> None:
        begin = self.pos
        name_match = _TAG_NAME.match(self.source, begin + 1)
        if name_match is None:
            raise self.fail(
                f"Unexpected end of name token at byte offset {self.byte_offset(begin)}"
            )
        tag = name_match.group().lower()
        self.pos = name_match.end()
        attrs = self.attributes(tag, begin)
        if tag not in _SUPPORTED:
            raise self.fail(
                f'Unsupported start tag "{tag}" at byte offset {self.byte_offset(begin)}'
            )
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            raise self.fail(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte_offset(begin)}'
            )
        if tag == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise self.fail("Custom emoji entity must contain a valid custom emoji identifier")
        self.stack.append(_Open(tag, self.out_len, self.byte_offset(begin), attrs))

    def attributes(self, tag: str, begin: int) -> dict[str, str]:
        source = self.source
        attrs: dict[str, str] = {}
        while True:
            while self.pos < len(source) and source[self.pos].isspace():
                self.pos += 1
            if self.pos >= len(source):
                raise self.fail(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
            if source[self.pos] == ">":
                self.pos += 1
                return attrs
            name_match = _ATTR_NAME.match(source, self.pos)
            if name_match is None:
                raise self.fail(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {self.byte_offset(begin)}"
                )
            name = name_match.group().lower()
            self.pos = name_match.end()
            value = ""
            if source.startswith("=", self.pos):
                self.pos += 1
                value = self.attribute_value(begin)
            attrs[name] = value

    def attribute_value(self, begin: int) -> str:
        source = self.source
        if self.pos < len(source) and source[self.pos] in "'\"":
            quote = source[self.pos]
            end = source.find(quote, self.pos + 1)
            if end < 0:
                raise self.fail(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
            raw = source[self.pos + 1 : end]
            self.pos = end + 1
        else:
            end = self.pos
            while end < len(source) and not source[end].isspace() and source[end] != ">":
                end += 1
            raw = source[self.pos : end]
            self.pos = end
        return _CHAR_REF.sub(_decode_in_attribute, raw)

    def end_tag(self) -> None:
        begin = self.pos
        close = self.source.find(">", begin)
        if close < 0:
            raise self.fail(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        name = self.source[begin + 2 : close].strip().lower()
        self.pos = close + 1
        if not self.stack:
            raise self.fail(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        opened = self.stack[-1]
        if name != opened.tag:
            raise self.fail(
                f"Unmatched end tag at byte offset {self.byte_offset(begin)}, "
                f'expected "</{opened.tag}>", found "</{name}>"'
            )
        self.stack.pop()
        self.close(opened)

    def close(self, opened: _Open) -> None:
        parent = self.stack[-1] if self.stack else None
        if opened.tag == "code" and parent is not None and parent.tag == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            language = opened.attrs.get("class", "")
            if language.startswith("language-"):
                parent.language = language.removeprefix("language-")
            return
        length = self.out_len - opened.start
        if length <= 0:
            return
        entity: Entity = {"offset": opened.start, "length": length}
        if opened.tag in _SIMPLE_TAGS:
            entity["type"] = _SIMPLE_TAGS[opened.tag]
            if opened.tag == "pre" and opened.language:
                entity["language"] = opened.language
        elif opened.tag == "span":
            entity["type"] = "spoiler"
        elif opened.tag == "a":
            href = opened.attrs.get("href", "")
            if not href:
                return
            entity.update(type="text_link", url=href)
        elif opened.tag == "blockquote":
            expandable = "expandable" in opened.attrs
            entity["type"] = "expandable_blockquote" if expandable else "blockquote"
        else:
            entity.update(type="custom_emoji", custom_emoji_id=opened.attrs["emoji-id"])
        self.entities.append(entity)


def _decode_in_attribute(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return _NAMED_ENTITIES.get(name, match.group())
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
        return chr(code)
    return match.group()
