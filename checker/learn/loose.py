"""Order a site holds loosely: block lines its pages hold in either order (a box the body
places before, inside or after a table), which no page is reported to have moved."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import NamedTuple

from checker.knobs import CLEAR, REQUIRED_LINE
from checker.model import Alignment, Template

Pair = tuple[int, int]


class PageOrder(NamedTuple):
    """What one page shows of the block's order."""

    reversed: frozenset[Pair]
    """The pairs of one block's slots this page holds in the other order."""
    landed: frozenset[Pair]
    """Where each moved line lands: (slot, the block's slot in order before it, or -1)."""
    reworded: frozenset[tuple[int, str]]
    """The slots this page holds in other words than the template's, with those words."""
    canonical: frozenset[int]
    """The slots this page holds in the template's words."""

    @classmethod
    def of(cls, alignment: Alignment) -> PageOrder:
        """Read one page's alignment."""
        slots = alignment.template.slots
        same = {p.slot for p in alignment.placements if p.line.norm == slots[p.slot].canonical}
        other = {(p.slot, p.line.norm) for p in alignment.placements if p.slot not in same}
        pairs, landed = _reversed(alignment)
        return cls(frozenset(pairs), landed, frozenset(other), frozenset(same))


def loose_pairs(
    template: Template, pages: list[PageOrder], pages_of: dict[int, int]
) -> frozenset[Pair]:
    """The pairs of slots (lower id first) the site holds in either order.

    A page holding an older version of the block (other words that another page holds too,
    in a line most pages hold in the template's words) shows no order: its order is part of
    that version. A page's one-off drift is no version, and a line whose text varies from
    page to page (a breadcrumb) tells nothing of versions.

    Among the pages whose order is read, two lines are in a loose order where those holding
    them in the template's order are no CLEAR majority over those holding them the other way
    round (two at least), or fewer than REQUIRED_LINE of the pages holding both where pages
    hold them the other way round in two orders or more (an order being where each moved
    line lands), each on two pages at least: a box placed in several places beside a table.
    Lines reversed against each other on two pages or more form one group (a box and the
    table rows it stands among); where the pages holding the group in the template's order
    are no CLEAR majority over the pages holding any of it otherwise, the group's order is
    the site's own: the box stands at no one place in the table, though each row, alone, has
    a place most pages give it. A few pages of many moving one line to a few places stay
    drift however their places repeat, and one older order that a minority of pages keeps is
    drift, as an older wording is.
    """
    same: Counter[int] = Counter()
    words: Counter[tuple[int, str]] = Counter()
    for page in pages:
        same.update(page.canonical)
        words.update(page.reworded)
    older = {
        (slot, text)
        for (slot, text), count in words.items()
        if count >= 2 and same[slot] * 2 > pages_of[slot].bit_count()
    }
    read = 0
    reversed_on: dict[Pair, int] = defaultdict(int)  # per pair, a bit for each page
    orders: Counter[frozenset[Pair]] = Counter()
    pairs_in: dict[frozenset[Pair], set[Pair]] = defaultdict(set)
    for number, page in enumerate(pages):
        if page.reworded & older:
            continue
        read |= 1 << number
        for pair in page.reversed:
            reversed_on[pair] |= 1 << number
        orders[page.landed] += bool(page.landed)
        pairs_in[page.landed] |= page.reversed
    recurring = Counter(pair for order, n in orders.items() if n >= 2 for pair in pairs_in[order])
    seen = {pair: on for pair, on in reversed_on.items() if on.bit_count() >= 2}

    def unclear(pairs: list[Pair], share: float = 0.0) -> bool:
        otherwise = 0
        holding = 0
        for a, b in pairs:
            otherwise |= seen[(a, b)]
            holding |= pages_of[a] & pages_of[b] & read
        count, held = otherwise.bit_count(), holding.bit_count()
        return held - count < max(CLEAR * count, share * held)

    loose = {
        pair
        for pair in seen
        if unclear([pair]) or (recurring[pair] >= 2 and unclear([pair], REQUIRED_LINE))
    }
    for group in _groups(seen):
        if unclear(group):
            loose.update(group)
    return _by_runs(template, loose)


def _groups(pairs: dict[Pair, int]) -> list[list[Pair]]:
    """The pairs joined by the slots they share (a box's lines and the rows around it)."""
    leader: dict[int, int] = {}

    def find(slot: int) -> int:
        while leader.setdefault(slot, slot) != slot:
            leader[slot] = leader[leader[slot]]
            slot = leader[slot]
        return slot

    for a, b in pairs:
        leader[find(a)] = find(b)
    groups: dict[int, list[Pair]] = defaultdict(list)
    for pair in sorted(pairs):
        groups[find(pair[0])].append(pair)
    return [group for group in groups.values() if len(group) > 1]


def _by_runs(template: Template, pairs: set[Pair]) -> frozenset[Pair]:
    """Loose pairs widened to the runs they join. A run is a stretch of a block's slots
    whose neighbours no pages reverse (a box, a table): where pages hold one run before,
    inside or after another, each line of the one is loose against each of the other."""
    run_of: dict[int, int] = {}
    run = 0
    for slot in template.slots:
        if slot.id and (
            slot.block != template.slots[slot.id - 1].block or (slot.id - 1, slot.id) in pairs
        ):
            run += 1
        run_of[slot.id] = run
    members: dict[int, list[int]] = defaultdict(list)
    for slot_id, r in run_of.items():
        members[r].append(slot_id)
    joined = {(run_of[a], run_of[b]) for a, b in pairs}
    return frozenset((a, b) for r, q in joined for a in members[r] for b in members[q])


def _reversed(alignment: Alignment) -> tuple[set[Pair], frozenset[Pair]]:
    """The pairs of one block's slots this page holds in the other order (each line out of
    order against each line of its block placed in order), and where each moved line lands:
    after which line of its block in order (-1 before all). Where it lands does not depend
    on which other lines a page misses, so one older order reads as one order."""
    slots = alignment.template.slots
    steady = [(p.slot, p.line.number) for p in alignment.placements if not p.moved]
    pairs = set()
    landed = set()
    for moved in (p for p in alignment.placements if p.moved):
        block = slots[moved.slot].block
        before = [
            (number, slot)
            for slot, number in steady
            if slots[slot].block == block and number < moved.line.number
        ]
        landed.add((moved.slot, max(before)[1] if before else -1))
        for slot, number in steady:
            if slots[slot].block == block and (number < moved.line.number) != (slot < moved.slot):
                pairs.add((min(slot, moved.slot), max(slot, moved.slot)))
    return pairs, frozenset(landed)
