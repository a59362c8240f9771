"""Which copy a repeated text is: a slot's text the page holds twice, or a line whose text
is several slots' text."""

from __future__ import annotations

from checker.model import Slot


def nearest_copies(
    placed: dict[int, int], exact: list[tuple[int, int]], slots: dict[int, Slot]
) -> dict[int, int]:
    """Where a slot's text stands more than once in order, take the copy nearest the
    slot's placed neighbours in its block: the other copy is the body's (a separator
    the body repeats just past the block)."""
    copies: dict[int, list[int]] = {}
    for i, slot in exact:
        copies.setdefault(slot, []).append(i)
    order = sorted(placed)
    for rank, slot in enumerate(order):
        if len(copies.get(slot, ())) < 2:
            continue
        around = order[max(0, rank - 1) : rank + 2]
        near = [placed[s] for s in around if s != slot and slots[s].block == slots[slot].block]
        before = placed[order[rank - 1]] if rank else -1
        after = placed[order[rank + 1]] if rank + 1 < len(order) else 1 << 62
        taken = set(placed.values()) - {placed[slot]}
        free = [i for i in copies[slot] if before < i < after and i not in taken]
        if near and free:
            placed[slot] = _nearest(free, near, placed[slot])
    return placed


def beside_neighbours(
    placed: dict[int, int], exact: list[tuple[int, int]], slots: dict[int, Slot], shown: list[bool]
) -> dict[int, int]:
    """Where a line's text is the text of several slots (a `* * *` rule in the header and
    before the footer) and the page holds fewer copies, give the line the slot whose
    neighbour in the template stands beside it on the page: the header's rule after the
    menu's last entry, not the footer's rule some pages leave out. `shown[i]`: whether
    page line i is compared (the line beside it is the nearest compared line)."""
    options: dict[int, list[int]] = {}
    for i, slot in exact:
        options.setdefault(i, []).append(slot)
    for slot, i in sorted(placed.items()):
        free = [s for s in options.get(i, ()) if s not in placed]
        if not free:
            continue
        before = next((j for j in range(i - 1, -1, -1) if shown[j]), -1)
        after = next((j for j in range(i + 1, len(shown)) if shown[j]), -1)

        def beside(s: int, before: int = before, after: int = after) -> int:
            pairs = ((s - 1, before), (s + 1, after))
            return sum(
                placed.get(n) == j >= 0 and slots[n].block == slots[s].block for n, j in pairs
            )

        best = max(free, key=beside)
        if beside(best) > beside(slot) and _keeps_order(placed, slot, best, i):
            del placed[slot]
            placed[best] = i
    return placed


def _keeps_order(placed: dict[int, int], slot: int, other: int, line: int) -> bool:
    """Whether `line` may move from `slot` to `other` with every placed slot kept in order."""
    low, high = min(slot, other), max(slot, other)
    return all(not low < s < high or (s < other) == (j < line) for s, j in placed.items())


def _nearest(free: list[int], near: list[int], current: int) -> int:
    """The free line nearest the placed lines, the current one on a tie."""
    return min(free, key=lambda i: (min(abs(i - j) for j in near), i != current))
