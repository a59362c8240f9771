"""Canonical text: what a clear majority of a slot's pages hold, or that it is a field."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from checker.align.observe import ABSENT
from checker.knobs import CLEAR, FIELD_VALUES
from checker.read.record import URL, record
from checker.rules import Thresholds
from checker.verdict import Holder

_PARTS = re.compile(r"\W+")  # a value's words: `Home > News` -> Home, News


def canonical_text(
    counts: Counter[str],
    thresholds: Thresholds,
    holders: dict[str, list[Holder]] | None = None,
    echoed: set[str] | None = None,
) -> tuple[str | None, bool]:
    """The clear-majority text; else whether the slot is per-page content. `echoed`: texts
    that, on every page holding them, repeat a line of the page's own (`align/echo.py`)."""
    total = sum(counts.values())
    if not total:
        return None, False
    if record_field(counts, holders or {}, echoed):
        return None, True
    ranked = counts.most_common(2)
    top, top_count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top_count > thresholds.majority * total and top_count >= CLEAR * second:
        return top, False
    content = len(counts) > thresholds.content * total
    return None, content


def record_field(
    counts: Counter[str], holders: dict[str, list[Holder]], echoed: set[str] | None = None
) -> bool:
    """Whether a slot is a field that names where each page stands: one key whose value
    comes in FIELD_VALUES values or more, each held by several pages (values that single
    pages of one folder hold, two or more, count as one: pages naming themselves, and so
    does a value some of those pages share, a title two pages have), the pages
    of each minority value in folders of their own (the section a breadcrumb names; a value
    one page holds counts when it names that page's folder). Drift shared by a few pages
    mixes with the pages around it; an older version comes in two values."""
    keys = {record(text).key for text in counts if text != ABSENT}
    if len(keys) != 1 or None in keys:
        return False
    texts = [text for text in counts if text != ABSENT]
    echoed = echoed or set()
    values = [
        t
        for t in texts
        if t not in echoed and (counts[t] >= 2 or _names_folder(t, holders.get(t, ())))
    ]
    own = [text for text in texts if text not in values]
    folders = [{posixpath.dirname(h.snapshot) for h in holders.get(v, ())} for v in values]
    named = {posixpath.dirname(h.snapshot) for v in own for h in holders.get(v, ())}
    if len(own) >= 2 and len(named) == 1:
        # Pages of one folder that each hold a value of their own (each page's title in its
        # breadcrumb) are one value: the section whose pages name themselves. Two of them
        # that share a title are of that section too.
        folders = [found for found in folders if found != named]
        folders.append(named)
    if len(folders) < FIELD_VALUES:
        return _names_each_folder(texts, counts, holders, echoed)
    known = [f for f in folders if f]
    seen: set[str] = set()
    for found in known:
        if found & seen:
            return False
        seen |= found
    return len(known) >= FIELD_VALUES - 1


def _names_each_folder(
    texts: list[str], counts: Counter[str], holders: dict[str, list[Holder]], echoed: set[str]
) -> bool:
    """Whether, too few values to be told by their folders, every value but the commonest
    names the folder of each page holding it, or is one page's own (its title): a small
    site's breadcrumb, where one section holds most pages. Where no value names a folder,
    every value but the commonest must repeat each of its pages' own heading (`echoed`)."""
    top = max(texts, key=lambda text: (counts[text], text))
    rest = [text for text in texts if text != top]
    named = [text for text in rest if _names_folder(text, holders.get(text, ()))]
    own = [text for text in rest if text in echoed]
    if named:
        return all(text in named or text in own or counts[text] == 1 for text in rest)
    return bool(own) and len(own) == len(rest)  # each value left repeats its page's heading


def _names_folder(text: str, holders: list[Holder] | tuple[Holder, ...]) -> bool:
    """Whether a field's value names a folder of each page that holds it (`Home > News` on
    `news/2024/page-15.html`): a breadcrumb says where its page stands."""
    words = URL.sub(" ", record(text).value or "")  # a link's path names no place
    parts = {part.casefold() for part in _PARTS.split(words) if part}
    return bool(holders) and all(
        parts & {folder.casefold() for folder in posixpath.dirname(h.snapshot).split("/")}
        for h in holders
    )
