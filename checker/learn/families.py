"""Page families: group a site's snapshots by the boilerplate they share."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from checker.align.keys import Lens, keyed_lines
from checker.align.similarity import has_word
from checker.knobs import CLEAR, FOLD, JOIN, REQUIRED_LINE
from checker.model import Snapshot, Template
from checker.read.record import record

Key = tuple[str, int]


def shape(key: Key) -> Key:
    """A line with its numbers and URLs masked: an older version of a block (© 2020, the
    old portal link) keeps the shape of the current one, another family's block does not."""
    return (record(key[0]).skeleton, key[1])


def frequent_keys(
    sample: list[Snapshot], lens: Lens
) -> tuple[list[frozenset[Key]], dict[Key, int]]:
    """Each page's lines that enough other pages share, by shape, and each shape's weight.

    A line must recur verbatim to count, and it weighs as many pages as hold it: a table
    copied between two pages weighs little beside a header that every page of a family
    carries. Pages are compared by the shapes of such lines, so an older version of a
    block still reads as the same family.
    """
    keyed = [{k for k in keyed_lines(s, lens) if k is not None} for s in sample]
    pages = Counter(k for keys in keyed for k in keys)
    n = len(sample)
    floor = 2 if n < 10 else max(3, math.ceil(0.02 * n))
    weights: dict[Key, int] = {}
    for key, count in pages.items():
        if count >= floor:
            form = shape(key)
            weights[form] = max(weights.get(form, 0), count)
    shapes = [frozenset(shape(k) for k in keys if pages[k] >= floor) for keys in keyed]
    return shapes, weights


def cluster(sample: list[Snapshot], lens: Lens, min_pages: int) -> list[list[int]]:
    """Indices of the sample grouped into families, largest first."""
    keys, weights = frequent_keys(sample, lens)

    def overlap(a: frozenset[Key], b: frozenset[Key]) -> float:
        union = sum(weights[k] for k in a | b)
        return sum(weights[k] for k in a & b) / union if union else 0.0

    # Pages lead in order of their lines, never of their names: only pages with the very
    # same lines (which cluster alike) fall back on the path.
    order = sorted(
        range(len(sample)), key=lambda i: (-len(keys[i]), sorted(keys[i]), sample[i].path)
    )
    leaders: list[int] = []
    members: list[list[int]] = []
    for i in order:
        scores = [overlap(keys[i], keys[leader]) for leader in leaders]
        best = max(range(len(scores)), key=scores.__getitem__, default=-1)
        if best >= 0 and scores[best] >= JOIN:
            members[best].append(i)
        else:
            leaders.append(i)
            members.append([i])
    large = [g for g, m in enumerate(members) if len(m) >= min_pages]
    if not large:
        return [sorted(i for m in members for i in m)]
    result = {g: list(members[g]) for g in large}
    for g, group in enumerate(members):
        if g not in result:
            # Fold a group too small to learn from into the closest large family.
            near = {h: overlap(keys[leaders[g]], keys[leaders[h]]) for h in large}
            closest = max(near, key=lambda h: (near[h], -h))
            if near[closest] >= FOLD:
                result[closest].extend(group)
    return sorted((sorted(m) for m in result.values()), key=lambda m: (-len(m), m[0]))


def alone_or_shared(owns: list[list[Key]]) -> list[bool | None]:
    """For each page, from its own lines (those outside what the pages share as a block):
    True when most of them stand on no other of the pages, False when most are shared, None
    when it has none.

    Copies of one page (fetched again and again: a news front page's captures) share their
    body, and lines that stay a while look like a block of theirs. Different pages of one
    type share their block and little else: most of their own lines are theirs alone.
    """
    holders = Counter(k for own in owns for k in own)
    return [sum(holders[k] == 1 for k in own) * 2 >= len(own) if own else None for own in owns]


def join_copies(
    groups: list[list[int]], templates: list[Template | None], sample: list[Snapshot], lens: Lens
) -> list[list[int]]:
    """Groups with those that are copies of one page joined, largest first.

    A page captured over weeks drifts apart from its older captures as its body changes, and
    clusters into slices of time; each slice would take the lines that stayed a while for its
    block. Slices are no page type: two groups are joined when, their pages' own lines (those
    outside their group's block) counted together, a clear majority of the pages that have
    any share most of theirs, and neither group's pages read as different pages. So a page
    type beside a page's captures, another language's pages, or an old version of the block
    on pages of their own stay apart; a page captured unchanged tells nothing either way and
    may join, where its own lines become a section that only its captures carry.
    """
    keyed = [{k for k in keyed_lines(s, lens) if k is not None} for s in sample]
    blocks = [_steady(t) for t in templates]
    owns = [[list(keyed[i] - blocks[g]) for i in group] for g, group in enumerate(groups)]
    joined = list(range(len(groups)))

    def root(g: int) -> int:
        while joined[g] != g:
            g = joined[g]
        return g

    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            votes = alone_or_shared(owns[a] + owns[b])
            ours, theirs = votes[: len(owns[a])], votes[len(owns[a]) :]
            if _copies(votes) and not _copies(ours, of=True) and not _copies(theirs, of=True):
                joined[root(b)] = root(a)
    merged: dict[int, list[int]] = {}
    for g, group in enumerate(groups):
        merged.setdefault(root(g), []).extend(group)
    return sorted((sorted(m) for m in merged.values()), key=lambda m: (-len(m), m[0]))


def _copies(votes: list[bool | None], of: bool = False) -> bool:
    """Whether pages, by their votes, read as copies (`of` False: a clear majority of those
    that tell share most of their own lines) or as different pages (`of` True: a clear
    majority hold most of theirs alone); pages that tell nothing make neither."""
    return votes.count(of) > 0 and votes.count(of) >= CLEAR * votes.count(not of)


def _steady(template: Template | None) -> set[Key]:
    """Every (text, occurrence) of the template's slots that all but a few of its pages carry,
    or that a page type's section carries: what the group's pages share as a block. A line
    that only some of them carry, in no section, is the pages' own."""
    if template is None:
        return set()
    return {
        (text, slot.occurrence)
        for slot in template.slots
        if slot.support >= REQUIRED_LINE or slot.section >= 0
        for text in slot.variants
    }


class FamilyIndex:
    """Assigns any snapshot to the family whose template it shares most lines with."""

    def __init__(self, templates: list[Template], lens: Lens) -> None:
        self.templates = templates
        self.lens = lens
        self.owner: dict[Key, set[int]] = {}
        for index, template in enumerate(templates):
            for slot in template.slots:
                for text in slot.variants:
                    self.owner.setdefault(shape((text, slot.occurrence)), set()).add(index)

    def assign(self, snapshot: Snapshot) -> int:
        """The family index for a snapshot (the first family when nothing matches)."""
        if len(self.templates) == 1:
            return 0
        hits: Counter[int] = Counter()
        for key in keyed_lines(snapshot, self.lens):
            for index in self.owner.get(shape(key), ()) if key else ():
                hits[index] += 1
        if not hits:
            return 0
        sizes = [max(1, len(t.slots)) for t in self.templates]
        return max(hits, key=lambda i: (hits[i] / sizes[i], hits[i], -i))


def copied_texts(
    group: list[int],
    partition: list[list[int]],
    count: Callable[[list[int]], Counter[str]],
    min_pages: int,
) -> frozenset[str]:
    """Lines that pages of the other groups hold, on at least `min_pages` pages in all but
    on no more than half of each group's pages: text bodies copy between families (a table
    a German and an English page share). A line another family prints on most of its pages
    is that family's block (a shared copyright, a rule), whatever this family makes of it:
    one page of a small family that lost or changed it leaves it on most pages still.
    `count(group)`: on how many of the group's pages each line stands."""
    held: Counter[str] = Counter()
    steady: set[str] = set()
    for other in partition:
        if other == group:
            continue
        counts = count(other)
        held.update(counts)
        # Held by most of a group's pages, as a slot needs: that group's block line.
        steady.update(text for text, n in counts.items() if n * 2 > len(other))
    # A rule (`* * *`) is no text: every body and block prints one.
    return frozenset(
        text for text, n in held.items() if n >= min_pages and text not in steady and has_word(text)
    )
