"""Added lines: extra lines inside a block, and lines several pages add at its edge."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from operator import itemgetter

from checker.align.field_gaps import (
    before_field,
    beside_one_field,
    lines_by_page,
    wrapped_field,
)
from checker.align.similarity import similarity
from checker.judge.rating import FindingMaker
from checker.judge.variants import ABSENT, GapTally, VariantTable
from checker.knobs import CLEAR, EDGE_ABSENCE, FIELD_VALUES
from checker.model import Kind, Slot
from checker.read.record import key_of_line, record, wraps_on
from checker.rules import Thresholds
from checker.verdict import Finding, SlotVariants

# What a line may open with before its words: a heading's, list item's or table row's marks.
_MARKS = "#*-+>|=~_ \t"


def loose_edge(variants: SlotVariants, absent: int) -> bool:
    """A block's first or last line that many pages lack marks where the block ends on
    those pages, not a lost line: only rare absences there are drift."""
    slot, template = variants.slot, variants.template
    block = template.block_slots(slot.block)
    at_edge = slot.id in (block[0].id, block[-1].id) and len(block) > 1
    total = sum(v.count for v in variants.variants)
    return at_edge and absent > EDGE_ABSENCE * total


def loose_edges(slots: list[SlotVariants]) -> dict[int, tuple[str, ...]]:
    """Per block, the texts of its edge lines that many pages lack (headings of a kind)."""
    loose: dict[int, tuple[str, ...]] = {}
    for variants in slots:
        absent = sum(v.count for v in variants.variants if v.text == ABSENT)
        if variants.canonical and absent and loose_edge(variants, absent):
            block = variants.slot.block
            loose[block] = (*loose.get(block, ()), variants.canonical)
    return loose


def added_lines(
    table: VariantTable,
    maker: FindingMaker,
    thresholds: Thresholds,
    loose: dict[int, tuple[str, ...]],
) -> Iterator[Finding]:
    """Extra lines inside a block, and lines that several pages add at a block's edge.

    A line like a block's loose edge line (a heading some pages put first and others
    last) is that line standing elsewhere, not an addition.
    """
    spread = _pages_holding(table)
    keyed: dict[int, list[Slot]] = {}  # per block, its slots that are `Key: value` lines
    for (slot_id, where), tally in sorted(table.gaps.items()):
        block = table.template.slots[slot_id].block
        like = loose.get(block, ())
        content = (slot_id, where) in table.template.content_gaps
        alien = _alien(tally, spread) if content else set()
        frontier = before_field(tally) if where != "after" else set()
        if block not in keyed:
            keyed[block] = [
                s for s in table.template.block_slots(block) if key_of_line(s.canonical)
            ]
        fields = keyed[block]
        pages = table.block_pages[block]
        for text, holders in sorted(tally.holders.items()):
            if text in table.template.structure:
                continue
            if (where != "after" or content) and not any(char.isalnum() for char in text):
                continue  # a separator in the body or at its edge carries no fact to drift
            if like and similarity(text, like) >= thresholds.fuzzy:
                continue
            if where == "after":
                # Pages without the line must be a clear majority, as for any variant (a
                # page that holds the line twice is still one page). Among the pages' own
                # lines, only a line alien to them is added, whatever their number. A trail
                # of the block wrapped onto this line (`> Team` after `… > About`) is the
                # trail's value going on, as at the block's end.
                holding = len({holder.snapshot for holder in holders})
                if (content and text not in alien) or (pages - holding) < CLEAR * holding:
                    continue
                if wraps_on(table.template.slots[slot_id].canonical, text):
                    continue
            elif text not in frontier and (
                len(holders) < thresholds.min_pages
                or len(holders) * 2 > pages
                or not _stands_out(tally.texts, text, thresholds.min_pages)
                or _shared_run(tally.beyond[text], len(holders))
                or _one_field(tally.texts, text)
                # a trail the block ends with on some pages, wrapped onto this line
                or (where == "end" and any(wraps_on(s.canonical, text) for s in fields))
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


def _pages_holding(table: VariantTable) -> dict[str, set[str]]:
    """Per extra text, the pages that hold it anywhere in the family's gaps."""
    pages: dict[str, set[str]] = {}
    for tally in table.gaps.values():
        for text, holders in tally.holders.items():
            pages.setdefault(text, set()).update(h.snapshot for h in holders)
    return pages


def _alien(tally: GapTally, spread: dict[str, set[str]]) -> set[str]:
    """In a gap of per-page content, the one text that is no page's own.

    Per-page content differs from page to page, however many lines it takes: a text
    other pages hold too, while every other text there is one page's, was added. Where
    several texts recur (a section's breadcrumb, a member's party), the pages come in
    kinds and the texts are theirs; texts of one shape with other values are a record's
    fields, as is a `Key: value` line whose value each of its pages wraps onto a line of
    its own (a trail's head, `You are here: Home > Members`, over each member's `> Name`).
    """
    beside = beside_one_field(tally)
    shared = [text for text in tally.holders if len(spread.get(text, ())) >= 2]
    if (
        len(shared) != 1
        or _one_field(tally.holders, shared[0])
        or wrapped_field(tally, shared[0])
        or _in_kind(tally, shared[0])
    ):
        return beside
    return beside | set(shared)


def _in_kind(tally: GapTally, text: str) -> bool:
    """A shared line of the kind the pages hold there, on pages that hold no more lines there
    than others do, is two pages' own lines alike (two pages of one title, a sentence two
    bodies share), not an addition: an added line adds a line, or one of another kind."""
    lines_of = lines_by_page(tally)
    holding = {holder.snapshot for holder in tally.holders[text]}
    most = max((len(lines) for page, lines in lines_of.items() if page not in holding), default=0)
    kind = _kind(text)
    alike = any(
        _kind(other) == kind
        for page, lines in lines_of.items()
        if page not in holding
        for other in lines
    )
    return alike and all(len(lines_of[page]) <= most for page in holding)


def _kind(text: str) -> tuple[str, str]:
    """A line's kind: its key (`Fax`), or else the marks it opens with (`#`, `*`, none)."""
    key = key_of_line(text)
    return ("key", key) if key else ("marks", text[: len(text) - len(text.lstrip(_MARKS))])


def _stands_out(texts: Counter[str], text: str, min_pages: int) -> bool:
    """At a block's edge, a line several pages add stands out among the pages' own lines.

    Where several texts recur there, the pages come in types with headings of their own.
    """
    return [t for t, n in texts.items() if n >= min_pages] == [text]


def _one_field(texts: Iterable[str], text: str) -> bool:
    """A line other pages hold there in its shape with other values (`Updated: <date>`), or
    under its key in FIELD_VALUES values or more (`You are here: Home > News` beside
    `… > About` and `… > Members`), is one value of a record field, however many pages
    share that value."""
    form, key = record(text).skeleton, key_of_line(text)
    values = {t for t in texts if key_of_line(t) == key} if key else set()
    return len(values | {text}) >= FIELD_VALUES or any(
        t != text and record(t).skeleton == form for t in texts
    )


def _shared_run(beyond: dict[str, int], holders: int) -> bool:
    """Pages that share the next line out too share a section of their own, not drift."""
    text, count = max(beyond.items(), key=itemgetter(1)) if beyond else ("", 0)
    return bool(text) and count >= 2 and count * 2 >= holders
