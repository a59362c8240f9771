"""The template's line order: each page's order merged, then the neighbour pairs most pages
agree on."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from difflib import SequenceMatcher

Key = tuple[str, int]
# Pages consulted when ordering the template's lines; order is stable well before this.
_ORDER_PAGES = 300


def merge_order(sequences: list[list[Key]]) -> list[Key]:
    """One order of all shared keys, merging each page's order into the most common one."""
    if not sequences:
        return []
    common = Counter(tuple(seq) for seq in sequences)
    # Ties go to the largest sequence itself, so file names and order never decide.
    reference = max(common, key=lambda seq: (common[seq], len(seq), seq))
    order = list(reference)
    present = set(order)
    for seq in sorted(set(tuple(s) for s in sequences), key=lambda s: (-common[s], s)):
        missing = [k for k in seq if k not in present]
        if not missing:
            continue
        matcher = SequenceMatcher(None, order, list(seq), autojunk=False)
        merged: list[Key] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            merged.extend(order[i1:i2])
            if tag in ("insert", "replace"):
                merged.extend(k for k in seq[j1:j2] if k not in present)
        order = merged
        present.update(missing)
    return order


def majority_order(order: list[Key], sequences: list[list[Key]]) -> list[Key]:
    """Reorder keys so each pair of neighbours stands as most pages that hold both put it.

    The merged order follows one reference page; a line moved on that page would
    otherwise pull the template with it. Pages vote for each pair of keys they hold next
    to each other; the template is a topological order of the winning directions, the
    merged order breaking ties (and any cycle), so it is consistent by construction.
    """
    index = {key: position for position, key in enumerate(order)}
    consulted = sequences[:_ORDER_PAGES]
    counts = [Counter(text for text, _ in seq) for seq in consulted]
    usual = _usual_counts(counts)
    votes: Counter[tuple[Key, Key]] = Counter()
    for seq, held in zip(consulted, counts, strict=True):
        # A page holding a text more or fewer times than most pages do (a rule its body
        # repeats) cannot tell which copy is which: it votes on none of them.
        sure = [key for key in seq if held[key[0]] == usual[key[0]]]
        votes.update((a, b) for a, b in zip(sure, sure[1:], strict=False) if a != b)
    after: dict[Key, list[tuple[Key, int]]] = defaultdict(list)
    waiting: Counter[Key] = Counter()  # winning votes for keys still to be placed first
    pending: Counter[Key] = Counter()  # their margins: how firmly the key must wait
    for (a, b), count in votes.items():
        margin = count - votes.get((b, a), 0)
        if margin > 0 and a in index and b in index:
            after[a].append((b, margin))
            waiting[b] += 1
            pending[b] += margin
    ready = [(index[key], key) for key in order if not waiting[key]]
    heapq.heapify(ready)
    # In a cycle every key left waits for another: the one waiting least firmly goes first,
    # so a line most pages put after the cycle is never pulled in front of it.
    stuck = [(pending[key], index[key], key) for key in order if waiting[key]]
    heapq.heapify(stuck)
    result: list[Key] = []
    placed: set[Key] = set()
    while len(result) < len(order):
        if ready:
            key = heapq.heappop(ready)[1]
        else:
            firmness, _, key = heapq.heappop(stuck)
            if firmness != pending[key]:
                continue  # a stale entry: the key was pushed again when it changed
        if key in placed:
            continue
        result.append(key)
        placed.add(key)
        for follower, margin in after[key]:
            if follower in placed:
                continue
            waiting[follower] -= 1
            pending[follower] -= margin
            if waiting[follower] == 0:
                heapq.heappush(ready, (index[follower], follower))
            else:
                heapq.heappush(stuck, (pending[follower], index[follower], follower))
    return result


def _usual_counts(counts: list[Counter[str]]) -> dict[str, int]:
    """How many times most pages that hold each text hold it."""
    tallies: dict[str, Counter[int]] = defaultdict(Counter)
    for held in counts:
        for text, times in held.items():
            tallies[text][times] += 1
    return {text: tally.most_common(1)[0][0] for text, tally in tallies.items()}
