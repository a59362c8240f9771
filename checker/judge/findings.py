"""Findings: turn variants, moves and missing blocks into rated findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checker.align.additions import added_lines, loose_edge, loose_edges
from checker.judge.classify import classify, sentence
from checker.judge.rating import FindingMaker
from checker.judge.stale import describe, stale_versions
from checker.judge.variants import ABSENT, VariantTable
from checker.knobs import CLEAR, REQUIRED_BLOCK, REQUIRED_LINE
from checker.model import Kind
from checker.read.record import record
from checker.rules import Rules
from checker.verdict import Finding, Holder, SlotVariants


def family_findings(
    table: VariantTable, rules: Rules, slots: list[SlotVariants] | None = None
) -> Iterator[Finding]:
    """All findings of one family (its slot variants decided already, or now)."""
    maker = FindingMaker(table.template, rules)
    thresholds = rules.thresholds
    decided = slots if slots is not None else table.slot_variants(thresholds)
    for variants in decided:
        yield from _slot_findings(variants, maker)
    moved = out_of_place(table.moved, decided)
    yield from _older_versions(decided, moved, maker, thresholds.min_pages)
    yield from _moved(table, moved, maker)
    yield from added_lines(table, maker, thresholds, loose_edges(decided))
    yield from _missing_blocks(table, maker)


def _slot_findings(variants: SlotVariants, maker: FindingMaker) -> Iterator[Finding]:
    """A finding per holder of each non-canonical variant of a slot."""
    slot = variants.slot
    if variants.canonical is None:
        if not variants.content and len(variants.variants) > 1:
            yield from _no_majority(variants, maker)
        return
    if variants.canonical == ABSENT:
        return
    expected = variants.canonical
    # Reports show the canonical line as pages spell it, not as the equivalents rewrote it.
    shown = slot.shown if expected == slot.canonical and slot.shown else expected
    tails = _per_page_tails(variants)
    for variant in variants.variants:
        if variant.text == expected:
            continue
        if variant.text in tails or variant.text in variants.echoed:
            continue
        if variant.text == ABSENT:
            if loose_edge(variants, variant.count):
                continue
            kind, changes = Kind.LINE_MISSING, tuple[str, ...]()
            message = "line missing from the block"
        else:
            kind, changes = classify(expected, variant.text)
            message = sentence(kind, changes, expected, variant.text)
        for holder in variant.holders:
            finding = maker.make(
                kind,
                holder,
                shown,
                message,
                slot=slot.id,
                anchor=slot.canonical,
                variant=variant.text,
                changes=changes,
            )
            if finding:
                yield finding


def _older_versions(
    slots: list[SlotVariants],
    moved: list[tuple[int, Holder]],
    maker: FindingMaker,
    min_pages: int,
) -> Iterator[Finding]:
    """A finding on each page that carries an older version of a whole block, naming the
    other pages that carry it too (one per page: which page a group's finding stands on
    never depends on how files are named)."""
    for block, holders, deviations in stale_versions(slots, moved, min_pages):
        anchor = "|".join(f"{slot}:{text}" for slot, text in sorted(deviations))
        first_slot = min(slot for slot, _ in deviations)
        expected = maker.template.slots[first_slot].canonical
        related = tuple(h.snapshot for h in holders)
        for holder in holders:
            finding = maker.make(
                Kind.TEMPLATE_STALE,
                holder,
                expected,
                describe(holders, deviations),
                slot=first_slot,
                anchor=f"block:{block}",
                variant=anchor,
                related=related,
            )
            if finding:
                yield replace(finding, found="")


def _per_page_tails(variants: SlotVariants) -> set[str]:
    """Variants that each extend the canonical line with a tail of one page's own.

    A breadcrumb that ends in the page's title reads like the section's breadcrumb plus
    a tail no other page shares; two or more such single-page tails make a pattern. A
    page type's own breadcrumb stands on too few pages to show two: there one will do
    (not for a line known by the record form, which stands on most pages).
    """
    canonical = variants.canonical or ""
    urls = record(canonical).urls
    tails = {
        v.text
        for v in variants.variants
        if v.text != canonical
        if v.count == 1
        and v.text.startswith(canonical)
        and len(v.text) > len(canonical)
        and record(v.text).urls == urls
    }
    forms = {section for section, _ in variants.template.forms}
    few = variants.slot.section >= 0 and variants.slot.section not in forms
    return tails if len(tails) >= 2 or few else set()


def _no_majority(variants: SlotVariants, maker: FindingMaker) -> Iterator[Finding]:
    """One grouped finding for a slot no clear majority agrees on."""
    slot = variants.slot
    shares = ", ".join(f"{v.count}x {v.text or '(absent)'!r}" for v in variants.variants[:5])
    # A page of the leading text is no odder than the others: name one that differs from it.
    first = next((h for v in variants.variants[1:] for h in v.holders), None) or next(
        (h for v in variants.variants for h in v.holders), None
    )
    if first is None:
        return
    finding = maker.make(
        Kind.NO_MAJORITY,
        first,
        slot.canonical,
        f"no clear majority for this line: {shares}",
        slot=slot.id,
        anchor=slot.canonical,
        related=tuple(h.snapshot for v in variants.variants for h in v.holders[:50]),
    )
    if finding:
        yield finding


def out_of_place(
    moved: list[tuple[int, Holder]], decided: list[SlotVariants]
) -> list[tuple[int, Holder]]:
    """The moved lines whose slot a clear majority of its holders keep in place.

    Where most pages that hold a line put it elsewhere, the template's order is what stands
    out (a section's sub-menu the merged order could not place), not the pages.
    """
    counts: dict[int, int] = {}
    for slot_id, _ in moved:
        counts[slot_id] = counts.get(slot_id, 0) + 1
    placed = {
        v.slot.id: sum(variant.count for variant in v.variants if variant.text != ABSENT)
        for v in decided
    }
    return [
        (slot_id, holder)
        for slot_id, holder in moved
        if placed.get(slot_id, 0) - counts[slot_id] >= CLEAR * counts[slot_id]
    ]


def _moved(
    table: VariantTable, moved: list[tuple[int, Holder]], maker: FindingMaker
) -> Iterator[Finding]:
    """Lines that stand out of the template's order."""
    for slot_id, holder in moved:
        slot = table.template.slots[slot_id]
        finding = maker.make(
            Kind.LINE_MOVED,
            holder,
            slot.canonical,
            "line out of its usual place in the block",
            slot=slot_id,
            anchor=slot.canonical,
            variant="moved",
        )
        if finding:
            yield finding


def _missing_blocks(table: VariantTable, maker: FindingMaker) -> Iterator[Finding]:
    """One finding per page that lacks its boilerplate.

    A page without any block of its family is always reported. A page that lacks one
    block but carries the others is reported only when nearly every page carries that
    block; otherwise the block is an optional section (a widget some pages leave out). So is
    a block none of whose lines nearly every page carries, however many pages hold one of
    them: three rows of a results table that most result pages hold some of (an electoral
    commission's party names) are the pages' data, and a page of another table lacks them.
    """
    for block, path, bare in table.missing_blocks:
        slots = table.template.block_slots(block)
        share = table.block_pages[block] / max(1, table.pages)
        optional = all(slot.support < REQUIRED_LINE for slot in slots)
        if not bare and (share < REQUIRED_BLOCK or len(slots) < 3 or optional):
            continue
        first = slots[0].canonical
        message = f"block of {len(slots)} lines not found (it starts {first!r})"
        finding = maker.make(
            Kind.BLOCK_MISSING,
            Holder(path, 1, ""),
            first,
            message,
            anchor=f"block:{first}",
            variant="absent",
        )
        if finding:
            yield finding
