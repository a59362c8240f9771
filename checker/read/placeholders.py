"""Placeholder links: menu entries whose `href="#"` names no resource.

A megamenu that opens along each page's trail writes its closed headers as links to `#` (the
script opens them) and links the open one to its category page. The entry's words are the
menu's line; its target is not said on most pages. Where the site's usual form of a line is
the placeholder, a page that links the same words to a real target says more, not something
else: its line reads as the usual one. Where the usual form is linked, a page that shows the
entry as `#` has lost the link (or shows its own entry, which alignment allows), as before.

The walk writes a placeholder as ` <#>` (`PLACEHOLDER`); reading keeps it in the comparison
form only for the lines the site's sample shows as usual placeholders (`learn_placeholders`)
and drops it everywhere else, and from every line's shown text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import replace
from functools import lru_cache

from checker.model import Line, Snapshot
from checker.read.own_links import SHOWN_LINK

PLACEHOLDER = " <#>"
Placeholders = frozenset[str]


def unlinked(norm: str) -> str:
    """A line's form with every link target a placeholder: what a menu of `#` links shows."""
    return SHOWN_LINK.sub(PLACEHOLDER, norm)


def learn_placeholders(sample: list[Snapshot]) -> Placeholders:
    """The lines of placeholder links alone that more of the sample's HTML pages hold than
    hold them linked instead (linked to a target, and not also as placeholders): the site's
    usual form of an entry that some pages link. Placeholders that no page links need no
    rule: they read as plain text."""
    marks = [_marked(s) if s.html else set() for s in sample]
    held = Counter(norm for marked in marks for norm in marked)
    if not held:
        return frozenset()
    heads = _heads(held)
    linked: Counter[str] = Counter()
    for snapshot, marked in zip(sample, marks, strict=True):
        if snapshot.html:
            lines = snapshot.lines
            forms = {f for line in lines if (f := _linked_form(line.norm, heads, held))}
            linked.update(forms - marked)
    return frozenset(norm for norm, count in linked.items() if held[norm] > count)


def _marked(snapshot: Snapshot) -> set[str]:
    """The page's lines of placeholder links alone."""
    marked = {line.norm for line in snapshot.lines if PLACEHOLDER in line.norm}
    return {norm for norm in marked if unlinked(norm) == norm}


def _heads(forms: Iterable[str]) -> frozenset[str]:
    """The words before the first link of each placeholder line."""
    return frozenset(norm.split(" <", 1)[0] for norm in forms)


_usual_heads = lru_cache(maxsize=16)(_heads)  # once per site's usual lines, not per page


def _linked_form(norm: str, heads: frozenset[str], forms: Collection[str]) -> str | None:
    """The placeholder line among `forms` that a line shows linked to targets, or None."""
    if " <" in norm and PLACEHOLDER not in norm and norm.split(" <", 1)[0] in heads:
        form = unlinked(norm)
        if form in forms:
            return form
    return None


def with_placeholders(lines: list[Line], kept: Placeholders | None) -> list[Line]:
    """The lines with the placeholder marks dropped from their shown text, and from their
    comparison form except on the `kept` lines; a line that links the words of a kept line
    compares as it. `kept` None keeps every mark (the sample, before the site is learned)."""
    if not kept and not any(PLACEHOLDER in line.norm for line in lines):
        return lines
    usual = kept or frozenset()
    heads = _usual_heads(usual) if usual else frozenset()
    out = []
    for line in lines:
        norm = line.norm
        if PLACEHOLDER in norm:
            if kept is not None and norm not in kept:
                line = line._replace(norm=norm.replace(PLACEHOLDER, ""))
        elif heads and (form := _linked_form(norm, heads, usual)):
            line = line._replace(norm=form)
        out.append(line._replace(text=line.text.replace(PLACEHOLDER, "")))
    return out


def settled(sample: list[Snapshot], kept: Placeholders) -> list[Snapshot]:
    """Pages read with every mark kept (`kept` None), as they read once the site's usual
    placeholder lines are known."""
    return [
        replace(s, lines=tuple(with_placeholders(list(s.lines), kept))) if s.html else s
        for s in sample
    ]
