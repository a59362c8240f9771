"""Echoes: a slot text that differs from the usual one by the page's own heading.

A breadcrumb's last step is the page it stands on: `Home > Water supply` on the page titled
`Water supply`. Where a slot's text differs from the usual one only by a part that the page
also holds as a whole line of its own (outside the block), the difference repeats the page's
own data rather than drifting from the block. Drift rarely writes, into a block line, a
whole line of the page's own body. Only a text one page holds counts (`SlotVariants.echoed`):
a text many pages share that repeats a line they all hold is a new version of the block.
"""

from __future__ import annotations

import re

from checker.align.keys import Lens
from checker.model import Alignment

_EDGES = re.compile(r"^\W+|\W+$")  # markup and punctuation around a heading: `# Title`


def own_echoes(
    alignment: Alignment, differing: list[tuple[int, str]], lens: Lens
) -> tuple[int, ...]:
    """The slots among `differing` (slot, text seen) whose difference from the usual text
    is a whole line the page holds outside its block (markup around it aside)."""
    if not differing:
        return ()
    slots = alignment.template.slots
    own: set[str] | None = None
    echoed = []
    for slot, view in differing:
        part = _bare(_differing_part(slots[slot].canonical, view))
        if not any(char.isalpha() for char in part):
            continue  # a number or a mark says nothing of where it came from
        if not any(char.isalnum() for char in view.replace(part, "", 1)):
            continue  # nothing of the usual text is left: a line replaced, not a value
        if own is None:  # the page's own lines, read only when a slot asks
            placed = {p.line.number for p in alignment.placements}
            own = {
                _bare(lens(line.norm) or "")
                for line in alignment.snapshot.lines
                if line.number not in placed
            }
        if part in own:
            echoed.append(slot)
    return tuple(echoed)


def _bare(text: str) -> str:
    """The text without the markup and punctuation at its ends."""
    return _EDGES.sub("", text)


def _differing_part(usual: str, seen: str) -> str:
    """What `seen` holds where it differs from `usual`: both ends they share cut off, at
    word boundaries (`Home > News` against `Home > New rules` differs by `New rules`)."""
    if usual == seen:
        return ""
    start = 0
    limit = min(len(usual), len(seen))
    while start < limit and usual[start] == seen[start]:
        start += 1
    end = 0
    while end < limit - start and usual[-1 - end] == seen[-1 - end]:
        end += 1
    if start + end >= len(seen):
        return ""  # `seen` only lost words: nothing of it differs
    while start and seen[start - 1].isalnum():
        start -= 1
    while end and seen[len(seen) - end].isalnum():
        end -= 1
    return seen[start : len(seen) - end]
