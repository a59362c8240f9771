"""Page families: group a site's snapshots by the boilerplate they share."""

from __future__ import annotations

import math
from collections import Counter

from checker.align.keys import Lens, keyed_lines
from checker.knobs import FOLD, JOIN
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
