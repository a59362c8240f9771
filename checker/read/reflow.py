"""Reflow: one logical line that converters broke in different places on different pages.

A converter breaks a long line where the page makes it long: a relative link one folder
deeper, the page's own URL in a share line, a longer title. A site-wide wrap column catches
the sites wrapped throughout; this catches the lines that broke without one. The evidence is
the site's, never one page's: a text is re-joined when the sample shows it as one line on
some pages and broken on others, or broken at two different points. Lines compare by their
skeleton (numbers and URLs masked), so a per-page link or count does not hide the match.
"""

from __future__ import annotations

from collections import defaultdict

from checker.model import Line, Snapshot
from checker.read.normalize import continues, head, normalize
from checker.read.record import record

Joins = frozenset[str]


def learn_joins(sample: list[Snapshot]) -> Joins:
    """Skeletons of the logical lines the sample's text pages show broken in two ways or
    more (whole counts as one way), on two pages or more."""
    forms: dict[str, set[str]] = defaultdict(set)
    pages: dict[str, set[int]] = defaultdict(set)
    broken: set[str] = set()
    for index, snapshot in enumerate(sample):
        if snapshot.html:
            continue
        lines = snapshot.lines
        wholes = [record(line.norm).skeleton for line in lines]
        for whole in wholes:
            forms[whole].add("")
            pages[whole].add(index)
        for at, (first, second) in enumerate(zip(lines, lines[1:], strict=False)):
            if second.number == first.last + 1:
                # No URL or number spans a space, so the pair's skeleton is its lines' two
                # skeletons joined: record() of the joined text would give the same.
                joined = wholes[at] + " " + wholes[at + 1]
                forms[joined].add(wholes[at])
                pages[joined].add(index)
                broken.add(joined)
    return frozenset(j for j in broken if len(forms[j]) >= 2 and len(pages[j]) >= 2)


def line_starts(sample: list[Snapshot], width: int) -> frozenset[str]:
    """How lines begin (`head`) where the sample's text pages show them beginning: first on
    a page, after a gap, or after a line the next word would have fit on (not wrapped)."""
    starts: set[str] = set()
    for snapshot in sample:
        if snapshot.html:
            continue
        previous: Line | None = None
        previous_plain = ""
        for line in snapshot.lines:
            plain = normalize(line.text)
            if (
                previous is None
                or line.number != previous.last + 1
                or not continues(previous_plain, plain, width)
            ):
                starts.add(head(plain))
            previous, previous_plain = line, plain
    return frozenset(starts)


def rejoin(lines: tuple[Line, ...], joins: Joins) -> tuple[Line, ...]:
    """The lines with each physically adjacent pair that makes one of `joins` re-joined; a
    re-joined line goes on joining the next while the pair is one of `joins` too (a logical
    line broken twice, at points that vary per page)."""
    if not joins or len(lines) < 2:
        return lines
    heads = {_head(j) for j in joins}
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        while index < len(lines) and _head(record(line.norm).skeleton) in heads:
            following = lines[index]
            joined = _joined_norm(line, following)
            if following.number != line.last + 1 or record(joined).skeleton not in joins:
                break
            text = line.text.rstrip() + " " + following.text.strip()
            line = Line(line.number, text, joined, following.last)
            index += 1
        out.append(line)
    return tuple(out)


def _joined_norm(first: Line, second: Line) -> str:
    """Two lines' comparison forms as one line's."""
    return first.norm + " " + second.norm


def _head(skeleton: str) -> str:
    """The first word of a skeleton: a cheap test before a pair is joined and compared."""
    return skeleton.split(None, 1)[0] if skeleton.strip() else ""
