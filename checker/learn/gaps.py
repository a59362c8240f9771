"""Content gaps: where in a block pages hold lines of their own, or an order of their own."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from statistics import median

from checker.align.keys import Lens
from checker.align.page import Aligner
from checker.knobs import CLEAR, CONTENT_PAGES
from checker.model import Alignment, Snapshot, Template
from checker.rules import Thresholds


def with_content_gaps(
    template: Template, sample: list[Snapshot], lens: Lens, thresholds: Thresholds
) -> Template:
    """Mark the gaps where pages hold lines of their own (titles, self-links, records), and
    the pairs of block lines pages hold in either order.

    Inside a block, a gap is per-page content where pages hold lines no other page holds
    there, on at least CONTENT_PAGES of them: any number of such lines is content there.
    Where pages never hold lines of their own, a line is an addition. At a block's edge,
    where the body begins, the gap must be filled on most pages with differing lines.
    Two block lines are in a loose order where the pages holding them in the template's
    order are no CLEAR majority over those holding them the other way round (two at
    least), or where pages hold them the other way round in two orders or more (an order
    being where each moved line lands), each on two pages at least: a box the body places
    before, inside or after a table. One older order that a minority of pages keeps is
    drift, as an older wording is.
    """
    aligner = Aligner(template, lens, thresholds.fuzzy, thresholds.window)
    filled: Counter[tuple[int, str]] = Counter()
    placed: Counter[int] = Counter()
    pages_of: dict[int, int] = defaultdict(int)  # per slot, a bit for each page holding it
    runs: dict[int, list[int]] = defaultdict(list)
    reversed_on: Counter[tuple[int, int]] = Counter()
    orders: Counter[frozenset[tuple[int, int]]] = Counter()  # where each page's moved lines land
    pairs_in: dict[frozenset[tuple[int, int]], set[tuple[int, int]]] = defaultdict(set)
    holders: dict[tuple[int, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    side_by_side: Counter[tuple[int, int]] = Counter()
    for page, snapshot in enumerate(sample):
        alignment = aligner.align(snapshot)
        side_by_side.update(_side_by_side(alignment))
        placed.update(p.slot for p in alignment.placements)
        for placement in alignment.placements:
            pages_of[placement.slot] |= 1 << page
        pairs, order = _reversed(alignment)
        reversed_on.update(pairs)
        orders[order] += bool(order)
        pairs_in[order] |= pairs
        for gap in {(extra.slot, extra.where) for extra in alignment.extras}:
            filled[gap] += 1
        for extra in alignment.extras:
            holders[(extra.slot, extra.where)][extra.line.norm].add(page)
        for slot_id, run in {(e.slot, e.run) for e in alignment.extras if e.where == "after"}:
            runs[slot_id].append(run)
    gaps = frozenset(
        gap
        for gap, count in filled.items()
        if (
            _own_pages(holders[gap]) >= max(2, CONTENT_PAGES * placed[gap[0]])
            if gap[1] == "after"
            else count * 2 >= placed[gap[0]] and len(holders[gap]) * 2 >= count
        )
    )
    usual = tuple(
        (slot, int(median(runs[slot]))) for slot, where in sorted(gaps) if where == "after"
    )
    recurring = Counter(pair for order, n in orders.items() if n >= 2 for pair in pairs_in[order])
    loose = _by_runs(
        template,
        {
            pair
            for pair, count in reversed_on.items()
            if count >= 2
            and (
                (pages_of[pair[0]] & pages_of[pair[1]]).bit_count() - count < CLEAR * count
                or recurring[pair] >= 2
            )
        },
    )
    beside = frozenset(
        pair
        for pair, count in side_by_side.items()
        if count * 2 > (pages_of[pair[0]] & pages_of[pair[1]]).bit_count()
    )
    return Template(
        **{
            **template.__dict__,
            "content_gaps": gaps,
            "content_runs": usual,
            "loose": loose,
            "beside": beside,
        }
    )


def _side_by_side(alignment: Alignment) -> set[tuple[int, int]]:
    """The pairs of slots, not neighbours in the template, that this page holds with no
    line between them but blank ones."""
    extra_lines = sorted(extra.line.number for extra in alignment.extras)
    placed = sorted((p.line.number, p.slot) for p in alignment.placements)
    pairs = set()
    for (line, slot), (following, other) in zip(placed, placed[1:], strict=False):
        between = bisect_right(extra_lines, line) < bisect_left(extra_lines, following)
        if abs(slot - other) > 1 and not between:
            pairs.add((min(slot, other), max(slot, other)))
    return pairs


def _by_runs(template: Template, pairs: set[tuple[int, int]]) -> frozenset[tuple[int, int]]:
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


def _reversed(
    alignment: Alignment,
) -> tuple[set[tuple[int, int]], frozenset[tuple[int, int]]]:
    """The pairs of one block's slots this page holds in the other order (each line out of
    order against each line of its block placed in order), and where each moved line lands:
    after which line of its block in order (-1 before all). Where it lands does not depend
    on which other lines a page misses, so one older order reads as one order. Only a page
    whose lines all read as the template's shows an order: a page with other wordings holds
    an older version of the block, and its order is part of that version."""
    slots = alignment.template.slots
    if any(p.line.norm != slots[p.slot].canonical for p in alignment.placements):
        return set(), frozenset()
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


def _own_pages(texts: dict[str, set[int]]) -> int:
    """How many pages hold a line here that no other page holds."""
    return len({page for pages in texts.values() if len(pages) == 1 for page in pages})
