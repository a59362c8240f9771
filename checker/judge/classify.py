"""Classification: name what differs between a slot's canonical text and a variant."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from checker.model import Kind
from checker.read.record import LineRecord, as_dict, record

# Which fields of the structured record each kind is about.
_FIELDS = {
    Kind.URL_MISSING: ("urls",),
    Kind.URL_ADDED: ("urls",),
    Kind.URL_CHANGED: ("urls",),
    Kind.NUMBER_CHANGED: ("numbers",),
    Kind.VALUE_CHANGED: ("value", "numbers"),
    Kind.TEXT_CHANGED: ("wording",),
}


def classify(canonical: str, variant: str) -> tuple[Kind, tuple[str, ...]]:
    """The kind of one difference and the structured changes that show it."""
    if garbled(canonical, variant):
        return Kind.TEXT_CHANGED, ("characters garbled, as by a wrong encoding",)
    expected, found = record(canonical), record(variant)
    kind = _kind(expected, found)
    fields = _FIELDS.get(kind, ())
    changes = tuple(c for c in describe(expected, found) if c.startswith(fields))
    return kind, changes


def sentence(kind: Kind, changes: tuple[str, ...], expected: str, found: str) -> str:
    """A short sentence saying what changed, for reports."""
    if kind is Kind.TEXT_CHANGED and changes and changes[0].startswith("characters garbled"):
        return "characters garbled (an encoding fault?): " + _reworded(expected, found)
    if kind is Kind.TEXT_CHANGED:
        return "wording differs: " + _reworded(expected, found)
    if not changes:
        return f"{kind.value.replace('-', ' ')}"
    shown = "; ".join(changes[:4]) + ("; …" if len(changes) > 4 else "")
    return f"{kind.value.replace('-', ' ')}: {shown}"


def garbled(expected: str, found: str) -> bool:
    """Whether `found` is `expected` with its non-ASCII characters broken by a wrong
    encoding: `??` or U+FFFD in their place, or UTF-8 bytes read as a single-byte code."""
    if expected.isascii() or expected == found:
        return False
    for codec in ("cp1252", "latin-1", "cp1251"):
        try:
            if expected.encode("utf-8").decode(codec) == found:
                return True
        except UnicodeDecodeError:
            continue
    pattern = "".join(
        re.escape(char) if char.isascii() else "(?:[?\ufffd]{1,4}|.)" for char in expected
    )
    return re.fullmatch(pattern, found) is not None and ("?" in found or "\ufffd" in found)


def _kind(expected: LineRecord, found: LineRecord) -> Kind:
    """URLs first, then a change of numbers alone, then values under the same key,
    then any other change of numbers, then wording."""
    if _value_replaced(expected, found):
        return Kind.VALUE_CHANGED
    if expected.urls != found.urls:
        lost = Counter(expected.urls) - Counter(found.urls)
        gained = Counter(found.urls) - Counter(expected.urls)
        if _rest(expected) == _rest(found) or not (lost and gained):
            if lost and not gained:
                return Kind.URL_MISSING
            if gained and not lost:
                return Kind.URL_ADDED
            return Kind.URL_CHANGED
        return Kind.URL_CHANGED
    if expected.numbers != found.numbers and expected.skeleton == found.skeleton:
        return Kind.NUMBER_CHANGED
    # A reworded value under the same key is a new value, not new wording.
    if expected.key is not None and expected.key == found.key and expected.value != found.value:
        return Kind.VALUE_CHANGED
    if expected.numbers != found.numbers:
        return Kind.NUMBER_CHANGED
    return Kind.TEXT_CHANGED


def _value_replaced(expected: LineRecord, found: LineRecord) -> bool:
    """A key that stayed over a value that became another kind of value (an address
    replaced by a name): the value changed, whatever the old value looked like. A value
    that emptied, or a link that became another link, is left to the URL kinds."""
    if expected.key is None or expected.key != found.key or not found.value:
        return False
    return bool(expected.urls) != bool(found.urls) and expected.value != found.value


def _rest(line: LineRecord) -> str:
    """The wording of a line around its URLs, with a dangling key colon ignored."""
    return line.skeleton.replace("<url>", "").rstrip(" :")


def describe(expected: LineRecord, found: LineRecord) -> tuple[str, ...]:
    """The structured differences, as `field[i]: old -> new` lines, by deepdiff."""
    from deepdiff import DeepDiff  # imported on the first finding: a clean run never pays it

    diff = DeepDiff(as_dict(expected), as_dict(found), ignore_order=False, verbose_level=2)
    changes: list[str] = []
    for path, change in sorted(diff.get("values_changed", {}).items()):
        changes.append(f"{_path(path)}: {change['old_value']!r} -> {change['new_value']!r}")
    for path, old in sorted(diff.get("iterable_item_removed", {}).items()):
        changes.append(f"{_path(path)}: {old!r} -> (gone)")
    for path, new in sorted(diff.get("iterable_item_added", {}).items()):
        changes.append(f"{_path(path)}: (none) -> {new!r}")
    for path, change in sorted(diff.get("type_changes", {}).items()):
        changes.append(f"{_path(path)}: {change['old_value']!r} -> {change['new_value']!r}")
    return tuple(changes)


def _path(deepdiff_path: str) -> str:
    """`root['numbers'][0]` becomes `numbers[0]`."""
    return deepdiff_path.replace("root['", "").replace("']", "", 1)


def _reworded(expected: str, found: str) -> str:
    """The replaced, removed and added phrases, as `'old' -> 'new'`."""
    old, new = expected.split(), found.split()
    pieces = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            pieces.append(
                f"{' '.join(old[i1:i2]) or '(nothing)'!r} -> "
                f"{' '.join(new[j1:j2]) or '(nothing)'!r}"
            )
    return "; ".join(pieces[:3]) + ("; …" if len(pieces) > 3 else "")
