"""Findings: turn variants, moves, extra lines and missing blocks into rated findings."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from checker.classify import classify, sentence
from checker.model import Finding, Holder, Kind, SlotVariants, Template
from checker.record import record
from checker.rules import Rules, Thresholds
from checker.similarity import similarity
from checker.stale import describe, stale_versions
from checker.timeline import history
from checker.variants import ABSENT, GapTally, VariantTable

# A clear majority outnumbers the runner-up by this factor (as in `variants`).
CLEAR = 1.5
# A block that this share of pages carries is required, not an optional section.
REQUIRED_BLOCK = 0.85
# A block's edge line missing on more than this share of pages is where the block ends.
EDGE_ABSENCE = 0.2


def fingerprint(site: str, anchor: str, kind: Kind, variant: str) -> str:
    """A key that survives reruns and line shifts: site, slot text, kind and variant."""
    digest = hashlib.sha256("\x1f".join((site, anchor, kind.value, variant)).encode())
    return digest.hexdigest()[:24]


class FindingMaker:
    """Builds findings for one family, rating each with the rules."""

    def __init__(self, template: Template, rules: Rules) -> None:
        self.template = template
        self.rules = rules
        self.site = template.site

    def make(
        self,
        kind: Kind,
        holder: Holder,
        expected: str,
        message: str,
        *,
        slot: int = -1,
        anchor: str = "",
        variant: str = "",
        changes: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
    ) -> Finding | None:
        """One finding, or None when the rules turn its kind off."""
        severity, rule = self.rules.severity(kind, anchor)
        if severity is None:
            return None
        block = self.template.slots[slot].block if slot >= 0 else -1
        return Finding(
            site=self.site,
            snapshot=holder.snapshot,
            line=max(1, holder.line),
            kind=kind,
            severity=severity,
            rule=rule,
            expected=expected,
            found=holder.text,
            message=message,
            slot=slot,
            block=block,
            family=self.template.family,
            fingerprint=fingerprint(self.site, anchor, kind, variant),
            changes=changes,
            related=related,
        )


def family_findings(
    table: VariantTable, rules: Rules, slots: list[SlotVariants] | None = None
) -> Iterator[Finding]:
    """All findings of one family (its slot variants decided already, or now)."""
    maker = FindingMaker(table.template, rules)
    thresholds = rules.thresholds
    decided = slots if slots is not None else table.slot_variants(thresholds)
    for variants in decided:
        yield from _labelled(_slot_findings(variants, maker), variants, rules)
    yield from _older_versions(decided, maker, thresholds.min_pages)
    yield from _moved(table, maker)
    yield from _added(table, maker, thresholds, _loose_edges(decided))
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
        if variant.text in tails:
            continue
        if variant.text == ABSENT:
            if _loose_edge(variants, variant.count):
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


def _labelled(found: Iterator[Finding], variants: SlotVariants, rules: Rules) -> Iterator[Finding]:
    """Give a slot's findings its timeline label, and the severity the rules set for it."""
    if len(variants.timeline) < 2:
        yield from found
        return
    label = history(variants.timeline).label
    if label is None:
        yield from found
        return
    severity = rules.timeline.get(label)
    if severity is None:
        return
    for finding in found:
        yield replace(finding, label=label, severity=severity, rule=f"timeline:{label}")


def _older_versions(
    slots: list[SlotVariants], maker: FindingMaker, min_pages: int
) -> Iterator[Finding]:
    """One grouped finding per older version of a whole block that several pages carry."""
    for block, holders, deviations in stale_versions(slots, min_pages):
        anchor = "|".join(f"{slot}:{text}" for slot, text in sorted(deviations))
        first_slot = min(slot for slot, _ in deviations)
        expected = maker.template.slots[first_slot].canonical
        finding = maker.make(
            Kind.TEMPLATE_STALE,
            holders[0],
            expected,
            describe(holders, deviations),
            slot=first_slot,
            anchor=f"block:{block}",
            variant=anchor,
            related=tuple(h.snapshot for h in holders),
        )
        if finding:
            yield replace(finding, found="")


def _loose_edge(variants: SlotVariants, absent: int) -> bool:
    """A block's first or last line that many pages lack marks where the block ends on
    those pages, not a lost line: only rare absences there are drift."""
    slot, template = variants.slot, variants.template
    block = template.block_slots(slot.block)
    at_edge = slot.id in (block[0].id, block[-1].id) and len(block) > 1
    total = sum(v.count for v in variants.variants)
    return at_edge and absent > EDGE_ABSENCE * total


def _per_page_tails(variants: SlotVariants) -> set[str]:
    """Variants that each extend the canonical line with a tail of one page's own.

    A breadcrumb that ends in the page's title reads like the section's breadcrumb plus
    a tail no other page shares; two or more such single-page tails make a pattern.
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
    return tails if len(tails) >= 2 else set()


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


def _moved(table: VariantTable, maker: FindingMaker) -> Iterator[Finding]:
    """Lines that stand out of the template's order."""
    for slot_id, holder in table.moved:
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


def _loose_edges(slots: list[SlotVariants]) -> dict[int, tuple[str, ...]]:
    """Per block, the texts of its edge lines that many pages lack (headings of a kind)."""
    loose: dict[int, tuple[str, ...]] = {}
    for variants in slots:
        absent = sum(v.count for v in variants.variants if v.text == ABSENT)
        if variants.canonical and absent and _loose_edge(variants, absent):
            block = variants.slot.block
            loose[block] = (*loose.get(block, ()), variants.canonical)
    return loose


def _added(
    table: VariantTable,
    maker: FindingMaker,
    thresholds: Thresholds,
    loose: dict[int, tuple[str, ...]],
) -> Iterator[Finding]:
    """Extra lines inside a block, and lines that several pages add at a block's edge.

    A line like a block's loose edge line (a heading some pages put first and others
    last) is that line standing elsewhere, not an addition.
    """
    for (slot_id, where), tally in sorted(table.gaps.items()):
        like = loose.get(table.template.slots[slot_id].block, ())
        yield from _surplus(table, maker, slot_id, tally, thresholds.fuzzy)
        content = (slot_id, where) in table.template.content_gaps
        pages = table.block_pages[table.template.slots[slot_id].block]
        for text, holders in sorted(tally.holders.items()):
            if text in table.template.structure:
                continue
            if like and similarity(text, like) >= thresholds.fuzzy:
                continue
            if where == "after":
                # Pages without the line must be a clear majority, as for any variant.
                if content or (pages - len(holders)) < CLEAR * len(holders):
                    continue
            elif (
                len(holders) < thresholds.min_pages
                or len(holders) * 2 > pages
                or not _stands_out(tally.texts, text, thresholds.min_pages)
                or _shared_run(tally.beyond[text], len(holders))
            ):
                continue
            slot = table.template.slots[slot_id]
            place = "inside the block" if where == "after" else f"at the block's {where}"
            for holder in holders:
                finding = maker.make(
                    Kind.LINE_ADDED,
                    holder,
                    "",
                    f"line added {place}",
                    slot=slot_id,
                    anchor=slot.canonical,
                    variant=f"{where}:{text}",
                )
                if finding:
                    yield finding


def _surplus(
    table: VariantTable, maker: FindingMaker, slot_id: int, tally: GapTally, fuzzy: float
) -> Iterator[Finding]:
    """In a gap of per-page content, a line unlike what any other page holds there."""
    slot = table.template.slots[slot_id]
    for text, holders in sorted(tally.surplus.items()):
        pages = {h.snapshot for h in holders}
        others = tuple(t for t, page in tally.sample.items() if t != text and page not in pages)
        if others and similarity(text, others) >= fuzzy:
            continue
        for holder in holders:
            finding = maker.make(
                Kind.LINE_ADDED,
                holder,
                "",
                "line added inside the block",
                slot=slot_id,
                anchor=slot.canonical,
                variant=f"after:{text}",
            )
            if finding:
                yield finding


def _stands_out(texts: Counter[str], text: str, min_pages: int) -> bool:
    """At a block's edge, a line several pages add stands out among the pages' own lines.

    Where several texts recur there, the pages come in types with headings of their own.
    """
    return [t for t, n in texts.items() if n >= min_pages] == [text]


def _shared_run(beyond: Counter[str], holders: int) -> bool:
    """Pages that share the next line out too share a section of their own, not drift."""
    text, count = beyond.most_common(1)[0] if beyond else ("", 0)
    return bool(text) and count >= 2 and count * 2 >= holders


def _missing_blocks(table: VariantTable, maker: FindingMaker) -> Iterator[Finding]:
    """One finding per page that lacks its boilerplate.

    A page without any block of its family is always reported. A page that lacks one
    block but carries the others is reported only when nearly every page carries that
    block; otherwise the block is an optional section (a widget some pages leave out).
    """
    for block, path, bare in table.missing_blocks:
        slots = table.template.block_slots(block)
        share = table.block_pages[block] / max(1, table.pages)
        if not bare and (share < REQUIRED_BLOCK or len(slots) < 3):
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
