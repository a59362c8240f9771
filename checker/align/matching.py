"""Matching: the small order-keeping assignments the aligner relies on."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable


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


def fewest_strays(
    pairs: list[tuple[int, int]], strays: Callable[[int, int, int], int]
) -> list[tuple[int, int]]:
    """Among the longest runs of (line, slot) pairs whose slots rise with the lines, the
    one that leaves the fewest page lines standing where pages hold none of their own.

    `strays(slot, first_line, last_line)` counts such lines between two placed lines. The
    longest run is not unique where a line stands out of order (a block line moved next to
    the page's own lines); this picks the one in which the moved line is the odd one out.
    Quadratic in the pairs, so it is used only when the pairs are not already in order.
    """
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))
    best: list[tuple[int, int]] = []  # (length, -strays) of the best run ending at each pair
    back = [-1] * len(pairs)
    for k, (line, slot) in enumerate(pairs):
        score, parent = (1, 0), -1
        for j in range(k):
            before, earlier = pairs[j]
            if before < line and earlier < slot:
                length, cost = best[j]
                candidate = (length + 1, cost - strays(earlier, before + 1, line - 1))
                if candidate > score:
                    score, parent = candidate, j
        best.append(score)
        back[k] = parent
    if not best:
        return []
    k = max(range(len(pairs)), key=lambda i: (best[i], -i))
    chain = []
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]
