"""Content gaps: where in a block pages hold lines of their own."""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import median

from checker.align.keys import Lens
from checker.align.page import Aligner
from checker.knobs import CONTENT_PAGES
from checker.model import Snapshot, Template
from checker.rules import Thresholds


def with_content_gaps(
    template: Template, sample: list[Snapshot], lens: Lens, thresholds: Thresholds
) -> Template:
    """Mark the gaps where pages hold lines of their own (titles, self-links, records).

    Inside a block, a gap is per-page content where pages hold lines no other page holds
    there, on at least CONTENT_PAGES of them: any number of such lines is content there.
    Where pages never hold lines of their own, a line is an addition. At a block's edge,
    where the body begins, the gap must be filled on most pages with differing lines.
    """
    aligner = Aligner(template, lens, thresholds.fuzzy, thresholds.window)
    filled: Counter[tuple[int, str]] = Counter()
    placed: Counter[int] = Counter()
    runs: dict[int, list[int]] = defaultdict(list)
    holders: dict[tuple[int, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for page, snapshot in enumerate(sample):
        alignment = aligner.align(snapshot)
        placed.update(p.slot for p in alignment.placements)
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
    return Template(**{**template.__dict__, "content_gaps": gaps, "content_runs": usual})


def _own_pages(texts: dict[str, set[int]]) -> int:
    """How many pages hold a line here that no other page holds."""
    return len({page for pages in texts.values() if len(pages) == 1 for page in pages})
