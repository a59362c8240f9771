"""Matching: the small order-keeping assignments the aligner relies on."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass


def best_pairs(scores: list[list[float]], threshold: float) -> list[tuple[int, int]]:
    """Monotone assignment of rows to columns maximizing the summed score above threshold."""
    rows, cols = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            take = scores[r][c] + best[r + 1][c + 1] if scores[r][c] >= threshold else -1.0
            best[r][c] = max(take, best[r + 1][c], best[r][c + 1])
    pairs, r, c = [], 0, 0
    while r < rows and c < cols:
        if scores[r][c] >= threshold and best[r][c] == scores[r][c] + best[r + 1][c + 1]:
            pairs.append((r, c))
            r, c = r + 1, c + 1
        elif best[r][c] == best[r + 1][c]:
            r += 1
        else:
            c += 1
    return pairs


def longest_in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (line, slot) pairs whose slots rise with the lines."""
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, slot) in enumerate(pairs):
        pos = bisect_left(tails, slot)
        if pos == len(tails):
            tails.append(slot)
            tail_at.append(k)
        else:
            tails[pos] = slot
            tail_at[pos] = k
        parent[k] = tail_at[pos - 1] if pos else -1
    chain, k = [], tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


@dataclass(frozen=True)
class Strays:
    """Which page lines count as strays between two placed lines of a page."""

    total: list[int]
    """total[i]: the page's comparable lines before line i (a prefix sum)."""
    free: frozenset[int]
    """Slots after which pages hold lines of their own: nothing after them is a stray."""

    @classmethod
    def of(cls, views: list[str | None], free: frozenset[int]) -> Strays:
        """A page's strays, its comparable lines summed once (so each count is O(1))."""
        total = [0]
        for view in views:
            total.append(total[-1] + (view is not None))
        return cls(total, free)

    def between(self, slot: int, first: int, last: int) -> int:
        """Stray lines from `first` to `last` after `slot`."""
        if slot in self.free or last < first:
            return 0
        return self.total[last + 1] - self.total[first]


def fewest_strays(pairs: list[tuple[int, int]], strays: Strays) -> list[tuple[int, int]]:
    """Among the longest runs of (line, slot) pairs whose slots rise with the lines, the
    one that leaves the fewest page lines standing where pages hold none of their own.

    The longest run is not unique where a line stands out of order (a block line moved next
    to the page's own lines); this picks the one in which the moved line is the odd one out.
    Each pair's best run ends on the best earlier pair with a lower slot: a prefix maximum
    over slots (two, since strays after a free slot cost nothing and others cost the lines
    between), so a page repeating a block line thousands of times stays O(n log n).
    Ties go to the earliest pair, as a scan of every earlier pair would.
    """
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))
    rank = {slot: r for r, slot in enumerate(sorted({slot for _, slot in pairs}))}
    after_free, after_other = _PrefixMax(len(rank)), _PrefixMax(len(rank))
    best: list[tuple[int, int]] = []  # (length, -strays) of the best run ending at each pair
    back = [-1] * len(pairs)
    for k, (line, slot) in enumerate(pairs):
        # A pair of the same line has a higher slot (they come highest first): not below.
        score, parent = (1, 0), -1
        free, other = after_free.query(rank[slot]), after_other.query(rank[slot])
        if other is not None:
            length, cost, j = other
            score, parent = (length + 1, cost - strays.total[line]), -j
        if free is not None:
            length, cost, j = free
            if parent < 0 or (length + 1, cost, j) > (*score, -parent):
                score, parent = (length + 1, cost), -j
        best.append(score)
        back[k] = parent
        length, cost = score
        if slot in strays.free:
            after_free.update(rank[slot], (length, cost, -k))
        else:
            after_other.update(rank[slot], (length, cost + strays.total[line + 1], -k))
    if not best:
        return []
    k = max(range(len(pairs)), key=lambda i: (best[i], -i))
    chain = []
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


class _PrefixMax:
    """A Fenwick tree of the greatest (length, cost, -pair) at or below each slot rank."""

    def __init__(self, size: int) -> None:
        self.tree: list[tuple[int, int, int] | None] = [None] * (size + 1)

    def update(self, at: int, value: tuple[int, int, int]) -> None:
        """Offer `value` at rank `at`."""
        at += 1
        while at < len(self.tree):
            held = self.tree[at]
            if held is None or value > held:
                self.tree[at] = value
            at += at & -at

    def query(self, below: int) -> tuple[int, int, int] | None:
        """The greatest value offered at a rank below `below`."""
        found: tuple[int, int, int] | None = None
        while below > 0:
            held = self.tree[below]
            if held is not None and (found is None or held > found):
                found = held
            below -= below & -below
        return found


def joined_to(placed: set[int], candidates: set[int]) -> set[int]:
    """The page lines a moved block line may stand on: right beside a line of the block
    placed on the page, or beside such a moved line. A line many pages copy into their body
    (a table) stands among the page's own lines: it is the body's, not a moved line."""
    joined: set[int] = set()
    for line in placed:
        for step in (-1, 1):
            i = line + step
            while i in candidates and i not in joined:
                joined.add(i)
                i += step
    return joined


def loosely_ordered(
    slot_id: int, line: int, in_order: dict[int, int], loose: frozenset[tuple[int, int]]
) -> bool:
    """Whether every placed line (slot -> page line) this one stands out of order against
    is one the site holds in either order beside it (`Template.loose`)."""
    against = [
        (min(s, slot_id), max(s, slot_id))
        for s, i in in_order.items()
        if (i < line) != (s < slot_id)
    ]
    return bool(against) and all(pair in loose for pair in against)
