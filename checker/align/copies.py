"""Which copy a repeated text is: a slot's text the page holds twice, or a line whose text
is several slots' text."""

from __future__ import annotations

from checker.align.similarity import has_word
from checker.knobs import REQUIRED_LINE
from checker.model import Slot, Template


def nearest_copies(
    placed: dict[int, int],
    exact: list[tuple[int, int]],
    slots: dict[int, Slot],
    free: frozenset[int],
) -> dict[int, int]:
    """Where a slot's text stands more than once in order, take the copy nearest the
    slot's placed neighbours in its block: the other copy is the body's (a separator
    the body repeats just past the block). A neighbour across lines pages hold of their
    own (`free`: slots after which they do) says nothing of where the slot stands."""
    copies: dict[int, list[int]] = {}
    for i, slot in exact:
        copies.setdefault(slot, []).append(i)
    order = sorted(placed)
    for rank, slot in enumerate(order):
        if len(copies.get(slot, ())) < 2:
            continue
        around = order[max(0, rank - 1) : rank + 2]
        near = [
            placed[s]
            for s in around
            if s != slot and slots[s].block == slots[slot].block and not open_between(s, slot, free)
        ]
        before = placed[order[rank - 1]] if rank else -1
        after = placed[order[rank + 1]] if rank + 1 < len(order) else 1 << 62
        taken = set(placed.values()) - {placed[slot]}
        spare = [i for i in copies[slot] if before < i < after and i not in taken]
        if near and spare:
            placed[slot] = _nearest(spare, near, placed[slot])
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


def far_rules(
    placed: dict[int, int],
    slots: dict[int, Slot],
    views: list[str | None],
    free: frozenset[int],
    shared: frozenset[str],
) -> frozenset[int]:
    """Unplace a line of marks alone (`* * *`) placed past page lines from its block
    neighbour where pages hold no lines of their own (`free`: slots after which they do),
    when on its other side the block ends or pages hold lines of their own; return the lines
    unplaced, which no slot may take. Such a line says nothing of which rule it is: taken,
    it makes the lines between additions to the block; left, they are the body's (a body
    that ends in a rule, on a page whose header lost its own), and the rule is one line
    missing, or none where pages may leave it out. It is left where that is fewer findings:
    past two lines, or past one for a rule some pages leave out (`rule_reach`), of lines
    that would be additions (not lines a group of pages shares: `shared`, a help box)."""
    by_block: dict[int, list[int]] = {}
    for slot in sorted(placed):
        by_block.setdefault(slots[slot].block, []).append(slot)
    taken = set(placed.values())
    barred = set()
    for members in by_block.values():
        for at, rule in enumerate(members):
            if has_word(slots[rule].canonical):
                continue
            before = members[at - 1] if at else None
            after = members[at + 1] if at + 1 < len(members) else None
            for near, other in ((before, after), (after, before)):
                if near is None or open_between(near, rule, free):
                    continue
                if not open_between(other, rule, free):
                    continue
                first, last = sorted((placed[near], placed[rule]))
                between = (
                    views[i] is not None and i not in taken and views[i] not in shared
                    for i in range(first + 1, last)
                )
                if sum(between) >= rule_reach(slots[rule]):
                    barred.add(placed[rule])
    for slot in [s for s, i in placed.items() if i in barred]:
        del placed[slot]
    return frozenset(barred)


def rule_reach(rule: Slot) -> int:
    """Page lines between a rule and its neighbour that make it the body's (`far_rules`)."""
    return 2 if rule.support >= REQUIRED_LINE else 1


def own_after(template: Template) -> frozenset[int]:
    """The slots after which pages hold lines of their own (`content_gaps` inside a block):
    nothing standing after them is a stray or an addition."""
    return frozenset(slot for slot, where in template.content_gaps if where == "after")


def open_between(near: int | None, rule: int, free: frozenset[int]) -> bool:
    """Whether the block ends beside `rule` (no placed neighbour), or pages hold lines of
    their own somewhere between it and its neighbour."""
    return near is None or any(slot in free for slot in range(min(near, rule), max(near, rule)))


def _keeps_order(placed: dict[int, int], slot: int, other: int, line: int) -> bool:
    """Whether `line` may move from `slot` to `other` with every placed slot kept in order."""
    low, high = min(slot, other), max(slot, other)
    return all(not low < s < high or (s < other) == (j < line) for s, j in placed.items())


def _nearest(free: list[int], near: list[int], current: int) -> int:
    """The free line nearest the placed lines, the current one on a tie."""
    return min(free, key=lambda i: (min(abs(i - j) for j in near), i != current))
