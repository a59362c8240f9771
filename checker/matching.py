"""Matching: two small order-keeping assignments the aligner relies on."""

from __future__ import annotations

from bisect import bisect_left


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
