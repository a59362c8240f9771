"""Content gaps: where in a block pages hold lines of their own, or an order of their own."""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import median

from checker.align.keys import Lens
from checker.align.page import Aligner
from checker.knobs import CONTENT_PAGES
from checker.learn.loose import PageOrder, loose_pairs
from checker.model import Alignment, Snapshot, Template
from checker.rules import Thresholds


def with_content_gaps(
    template: Template, sample: list[Snapshot], lens: Lens, thresholds: Thresholds
) -> Template:
    """Mark the gaps where pages hold lines of their own (titles, self-links, records), and
    the pairs of block lines pages hold in either order.

    Inside a block, a gap is per-page content where pages hold lines no other page holds
    there, on at least CONTENT_PAGES of the pages where it is inside the block (on a page
    whose block ends or splits at the gap's line, the lines after it are the body's, not
    the gap's): any number of such lines is content there.
    Where pages never hold lines of their own, a line is an addition. At a block's edge,
    where the body begins, the gap must be filled on most pages with differing lines.
    Which block lines pages hold in either order is `learn/loose.py`'s.
    """
    aligner = Aligner(template, lens, thresholds.fuzzy, thresholds.window)
    filled: Counter[tuple[int, str]] = Counter()
    placed: Counter[int] = Counter()
    inner: Counter[int] = Counter()  # per slot, the pages holding a later line of its block
    pages_of: dict[int, int] = defaultdict(int)  # per slot, a bit for each page holding it
    runs: dict[int, list[int]] = defaultdict(list)
    holders: dict[tuple[int, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    side_by_side: Counter[tuple[int, int]] = Counter()
    read_orders = []
    for page, snapshot in enumerate(sample):
        alignment = aligner.align(snapshot)
        neighbours = _next_placed(alignment)
        side_by_side.update(_side_by_side(neighbours))
        placed.update(p.slot for p in alignment.placements)
        inner.update(_inside(template, neighbours, thresholds.window))
        for placement in alignment.placements:
            pages_of[placement.slot] |= 1 << page
        read_orders.append(PageOrder.of(alignment))
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
            _own_pages(holders[gap]) >= max(2, CONTENT_PAGES * inner[gap[0]])
            if gap[1] == "after"
            else count * 2 >= placed[gap[0]] and len(holders[gap]) * 2 >= count
        )
    )
    usual = tuple(
        (slot, int(median(runs[slot]))) for slot, where in sorted(gaps) if where == "after"
    )
    loose = loose_pairs(template, read_orders, pages_of)
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


def _next_placed(alignment: Alignment) -> list[tuple[int, int, int]]:
    """Each placed slot with the slot placed next on the page, and how many non-blank page
    lines stand between them."""
    index = {line.number: k for k, line in enumerate(alignment.snapshot.lines)}
    placed = sorted((index[p.line.number], p.slot) for p in alignment.placements)
    return [
        (slot, other, following - at - 1)
        for (at, slot), (following, other) in zip(placed, placed[1:], strict=False)
    ]


def _inside(template: Template, neighbours: list[tuple[int, int, int]], window: int) -> set[int]:
    """The slots this page holds with its block going on after them: the next line placed
    is of the same block, with no more than `window` lines between (more is body, where the
    block is split on this page)."""
    slots = template.slots
    return {
        slot
        for slot, other, between in neighbours
        if slots[slot].block == slots[other].block and between <= window
    }


def _side_by_side(neighbours: list[tuple[int, int, int]]) -> set[tuple[int, int]]:
    """The pairs of slots, not neighbours in the template, that this page holds with no
    line between them but blank ones."""
    return {
        (min(slot, other), max(slot, other))
        for slot, other, between in neighbours
        if abs(slot - other) > 1 and not between
    }


def _own_pages(texts: dict[str, set[int]]) -> int:
    """How many pages hold a line here that no other page holds."""
    return len({page for pages in texts.values() if len(pages) == 1 for page in pages})
