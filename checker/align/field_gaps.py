"""Lines beside a record field in a gap: the field's value wrapped onto lines of its own
(content), or lines a page added beside the field or before it (additions)."""

from __future__ import annotations

from collections import Counter

from checker.judge.variants import GapTally
from checker.knobs import CLEAR, CONTENT_PAGES
from checker.read.record import key_of_line, wraps_on


def lines_by_page(tally: GapTally) -> dict[str, list[str]]:
    """The texts each page holds in a gap."""
    lines_of: dict[str, list[str]] = {}
    for text, holders in tally.holders.items():
        for holder in holders:
            lines_of.setdefault(holder.snapshot, []).append(text)
    return lines_of


def wrapped_field(tally: GapTally, text: str) -> bool:
    """Whether every page holding a field's line there wraps its value onto a line of its own."""
    holding = {holder.snapshot for holder in tally.holders[text]}
    wrapped = {
        holder.snapshot
        for other, holders in tally.holders.items()
        if other != text and wraps_on(text, other)
        for holder in holders
    }
    return holding <= wrapped


def beside_one_field(tally: GapTally) -> set[str]:
    """Where a clear majority of the gap's pages hold there one line of one record field
    alone (an update date, a `You are here:` trail), that field is all the gap holds: lines
    beside it are added, though they are a page's own, unless they continue the field's
    value (a trail wrapped onto a second line: no key, and the value's ` > ` mark or a small
    letter opening it). Where CONTENT_PAGES of the gap's pages hold lines beside it, they
    are per-page content after all; where fewer do, two or more, only a line one page holds
    that shows it starts anew (a key of its own, a capital letter) is added: a script
    without capitals cannot show it, and lines several pages hold there are a box of theirs."""
    lines_of = lines_by_page(tally)
    alone = Counter(key_of_line(texts[0]) for texts in lines_of.values() if len(texts) == 1)
    alone.pop(None, None)
    if not alone:
        return set()
    key, count = alone.most_common(1)[0]
    if count < CLEAR * (len(lines_of) - count):
        return set()
    beside = []
    for texts in lines_of.values():
        field = next((t for t in texts if key_of_line(t) == key), None)
        own = [t for t in texts if t != field and not _continues(field or "", t)]
        if field is not None and own:
            beside.append(own)
    if len(beside) == 1:
        return set(beside[0])
    if len(beside) >= CONTENT_PAGES * len(lines_of):
        return set()  # pages hold lines of their own there: per-page content after all
    held = Counter(t for texts in beside for t in texts)
    return {
        t
        for texts in beside
        for t in texts
        if held[t] == 1 and (key_of_line(t) or _opening(t).isupper())
    }


def _continues(field: str, text: str) -> bool:
    """Whether a line beside a field reads as its value wrapped onto a line of its own."""
    return key_of_line(text) is None and (wraps_on(field, text) or _opening(text).islower())


def _opening(text: str) -> str:
    """A line's first letter or digit (empty when it has none)."""
    return next((char for char in text if char.isalnum()), "")


def before_field(tally: GapTally) -> set[str]:
    """At a block's edge where a clear majority of the pages hold, just outside it, one
    record field in values of their own (a `You are here:` trail), the page's own lines
    begin at that field: a line that one page alone holds between the block and the field
    was added."""
    keys: Counter[str] = Counter()
    values: dict[str, set[str]] = {}
    for text, count in tally.texts.items():
        key = key_of_line(text)
        if key:
            keys[key] += count
            values.setdefault(key, set()).add(text)
    if not keys:
        return set()
    key, count = keys.most_common(1)[0]
    if len(values[key]) < 2 or count < CLEAR * (tally.texts.total() - count):
        return set()
    before = {
        text
        for text, beyond in tally.beyond.items()
        if beyond and key_of_line(text) != key and all(key_of_line(b) == key for b in beyond)
    }
    # Two pages or more with lines of their own there (a menu's links before its `Current:`
    # item) make them the pages' own after all, as beside a field inside a block.
    pages = {holder.snapshot for text in before for holder in tally.holders[text]}
    return before if len(pages) == 1 else set()
