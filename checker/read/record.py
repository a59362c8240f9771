"""The structured record of one line: its numbers, URLs, key and value, and its skeleton."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# URLs first, so that a number inside a URL is part of the URL, not a number.
URL = re.compile(
    r"(?:\b(?:https?|ftp|site|file)://|\bwww\.|\bmailto:|\btel:)[^\s<>\"'\]\)]+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# `Key: value` with a colon followed by a space or the end; times like 9:30 are not keys.
# CJK writes `电话：值` with no space (the full-width colon reads `:` once normalized): after
# an ideograph or kana the colon needs none.
KEY_VALUE = re.compile(
    r"^(?P<key>[^:]{1,120}?)\s*:(?:\s+(?P<value>.*)|\s*"
    r"|(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]:)(?P<joined>.+))$"
)
_TRAILING = ".,;:!?"


@dataclass(frozen=True)
class LineRecord:
    """What a line says, taken apart for comparison."""

    numbers: tuple[str, ...]
    """Numbers outside URLs, in order."""
    urls: tuple[str, ...]
    """URLs and e-mail addresses, in order, trailing punctuation dropped."""
    key: str | None
    """The key of a `Key: value` line."""
    value: str | None
    """The value of a `Key: value` line (may be empty)."""
    skeleton: str
    """The text with URLs as `<url>` and numbers as `#`."""


@lru_cache(maxsize=65536)
def record(text: str) -> LineRecord:
    """Take a normalized line apart into its numbers, URLs, key and value."""
    urls: list[str] = []
    pieces: list[str] = []
    position = 0
    for match in URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        pieces.append(text[position : match.start()])
        pieces.append("\x00")
        pieces.append(match.group(0)[len(url) :])
        urls.append(url)
        position = match.end()
    pieces.append(text[position:])
    without_urls = "".join(pieces)
    numbers = tuple(NUMBER.findall(without_urls))
    skeleton = NUMBER.sub("#", without_urls).replace("\x00", "<url>")
    key, value = _key_value(text)
    return LineRecord(tuple(numbers), tuple(urls), key, value, skeleton)


@lru_cache(maxsize=65536)
def key_of_line(text: str) -> str | None:
    """The key of a `Key: value` line, without taking the rest of the line apart."""
    return _key_value(text)[0]


def wraps_on(field: str, text: str) -> bool:
    """Whether `text` is a `Key: value` field's value wrapped onto the next line: it has no
    key of its own and opens with the mark the value puts between its parts (a trail's
    ` > `: `You are here: Home > Members` over `> Ann Lee`)."""
    opening = text.lstrip()[:2]
    if len(opening) != 2 or opening[1] != " " or opening[0].isalnum():
        return False  # most lines: decided without taking the field apart
    return f" {opening[0]} " in (_key_value(field)[1] or "") and key_of_line(text) is None


def field_tails(texts: list[str]) -> list[int]:
    """Per line, the field line whose value it continues (a trail wrapped onto one, two or
    more lines), or -1."""
    tails = [-1] * len(texts)
    for at in range(1, len(texts)):
        field = tails[at - 1] if tails[at - 1] >= 0 else at - 1
        if wraps_on(texts[field], texts[at]):
            tails[at] = field
    return tails


def _key_value(text: str) -> tuple[str | None, str | None]:
    """Split `Key: value`, refusing keys that are URLs or sentences."""
    if ":" not in text:  # most lines: one scan instead of the regex's up to 120 attempts
        return None, None
    match = KEY_VALUE.match(text)
    if not match:
        return None, None
    key = match.group("key").strip()
    if not key or URL.search(key) or key.endswith(("http", "https", "mailto", "tel")):
        return None, None
    return key, (match.group("value") or match.group("joined") or "").strip()


def as_dict(line: LineRecord) -> dict[str, object]:
    """The record as plain data, for structured diffing."""
    return {
        "numbers": list(line.numbers),
        "urls": list(line.urls),
        "key": line.key,
        "value": line.value,
        "wording": line.skeleton,
    }
