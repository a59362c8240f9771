"""Older template versions: several pages that carry the same old version of a whole block."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.knobs import MIN_LINES
from checker.verdict import Holder, SlotVariants

# The deviation of a slot that stands out of its place.
MOVED = "(moved)"


def stale_versions(
    slots: list[SlotVariants], moved: list[tuple[int, Holder]], min_pages: int
) -> Iterator[tuple[int, list[Holder], list[tuple[int, str]]]]:
    """Each older block version: (block, the pages holding it, its differing slots).

    A version is a set of deviations that the very same pages hold, at least MIN_LINES of
    them, on at least `min_pages` pages: a slot's other text, or a slot out of its place
    (the menu's older order). A page with drift of its own besides still counts:
    deviations are grouped by the pages that hold them.
    """
    by_pages: dict[tuple[int, frozenset[str]], list[tuple[int, str]]] = defaultdict(list)
    first: dict[tuple[int, frozenset[str]], list[Holder]] = {}
    blocks = {}
    for variants in slots:
        blocks[variants.slot.id] = variants.slot.block
        if variants.canonical is None:
            continue
        for variant in variants.variants:
            if variant.text == variants.canonical or not variant.holders:
                continue
            pages = frozenset(h.snapshot for h in variant.holders)
            key = (variants.slot.block, pages)
            by_pages[key].append((variants.slot.id, variant.text))
            first.setdefault(key, list(variant.holders))
    holders_of: dict[int, list[Holder]] = defaultdict(list)
    for slot_id, holder in moved:
        holders_of[slot_id].append(holder)
    for slot_id, holders in sorted(holders_of.items()):
        key = (blocks.get(slot_id, 0), frozenset(h.snapshot for h in holders))
        by_pages[key].append((slot_id, MOVED))
        first.setdefault(key, holders)
    for (block, pages), deviations in sorted(by_pages.items(), key=lambda kv: sorted(kv[0][1])):
        if len(deviations) >= MIN_LINES and len(pages) >= min_pages:
            yield block, sorted(first[(block, pages)], key=lambda h: h.snapshot), deviations


def as_of(holders: list[Holder]) -> str:
    """`as of DATE` for the latest capture among the pages, or nothing when undated."""
    dates = [h.captured for h in holders if h.captured is not None]
    return f" as of {max(dates).date().isoformat()}" if dates else ""


def describe(holders: list[Holder], deviations: list[tuple[int, str]]) -> str:
    """The grouped finding's message."""
    lines = ", ".join(str(slot) for slot, _ in sorted(deviations))
    return (
        f"{len(holders)} page(s) still carry an older version of this block"
        f"{as_of(holders)}: it differs in slot(s) {lines}"
    )
