"""Where a page type's section stands: anchored to the family's block, or among a page's
own lines."""

from __future__ import annotations

import bisect
import math
from collections import Counter

from checker.align.similarity import has_word
from checker.knobs import CLEAR

Key = tuple[str, int]


def placed_alike(
    candidates: list[int],
    groups: list[list[Key]],
    block_of: dict[Key, int],
    sequences: list[list[Key]],
    tails: list[list[int]],
    fields: set[str],
) -> list[int]:
    """The candidates that stand between the same two lines of the family's block on a
    clear majority of their pages, inside one block or joined to a block's edge or the
    page's edge by lines of their kind, of record `fields` (a trail wrapped onto a second
    line too: `tails`, per page, as `record.field_tails` gives them) or of marks alone (a
    `* * *` rule some pages hold), and by no page's own line."""
    wanted = {k: g for g in candidates for k in groups[g]}
    block = {k: g for g, group in enumerate(groups) for k in group if k in block_of}
    inner = {g: block_of[k] for k, g in block.items()}
    around: dict[int, Counter[tuple[int, int]]] = {g: Counter() for g in candidates}
    joined: Counter[int] = Counter()
    for seq, seq_tails in zip(sequences, tails, strict=True):
        after = [-1] * (len(seq) + 1)
        touching_after = [False] * len(seq) + [True]  # the page's end is an edge too
        passes = [
            key in wanted
            or key[0] in fields
            or not has_word(key[0])
            or (tail >= 0 and seq[tail][0] in fields)
            for key, tail in zip(seq, seq_tails, strict=True)
        ]
        for at in range(len(seq) - 1, -1, -1):
            key = seq[at]
            after[at] = block.get(key, after[at + 1])
            touching_after[at] = key in block or (passes[at] and touching_after[at + 1])
        before, touching = -1, True
        for at, key in enumerate(seq):
            if key in wanted:
                g = wanted[key]
                around[g][(before, after[at + 1])] += 1
                joined[g] += touching or touching_after[at + 1]
            before = block.get(key, before)
            touching = key in block or (passes[at] and touching)
    settled = []
    for g in candidates:
        if not around[g]:
            continue
        (first, last), usual = max(_enclosing(around[g]).items(), key=lambda item: item[1])
        total = around[g].total()
        inside = first >= 0 and last >= 0 and inner[first] == inner[last]
        edge = joined[g] >= CLEAR * (total - joined[g])
        if (inside or edge) and usual >= CLEAR * (total - usual):
            settled.append(g)
    return settled


def _enclosing(places: Counter[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """For each place (the block lines before and after, in the family's order, -1 for the
    page's edge), the pages whose place encloses it: a block line only some pages carry (a
    help box) beside the section moves its neighbour on those pages, not where it stands in
    the block. One sweep over the places sorted by the line before (n log n, not n²)."""

    def reach(after: int) -> float:
        return math.inf if after < 0 else after

    ordered = sorted(places)
    reaches: list[float] = []  # the line after of every place swept in, once per page, sorted
    swept = 0
    enclosing = {}
    for first, last in ordered:
        while swept < len(ordered) and ordered[swept][0] <= first:
            for _ in range(places[ordered[swept]]):
                bisect.insort(reaches, reach(ordered[swept][1]))
            swept += 1
        enclosing[(first, last)] = len(reaches) - bisect.bisect_left(reaches, reach(last))
    return enclosing
