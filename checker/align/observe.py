"""Observations: one page's alignment cut down to what the variant tables count."""

from __future__ import annotations

from collections import Counter

from checker.align.echo import own_echoes
from checker.align.keys import Lens
from checker.align.similarity import has_word
from checker.knobs import REQUIRED_LINE
from checker.model import Alignment, Extra, Observation
from checker.read.own_links import links_to_page, unlinked_own
from checker.read.record import URL

ABSENT = ""


def observe(alignment: Alignment, lens: Lens) -> Observation:
    """Cut an alignment down to what the variant table needs. A line that is its slot's
    text without the link to the page itself is the usual text: a page need not link to
    itself, and shows its own menu entry plain."""
    snapshot = alignment.snapshot
    slots = alignment.template.slots
    placed = []
    differing = []
    for placement in alignment.placements:
        view = lens(placement.line.norm) or ABSENT
        canonical = slots[placement.slot].canonical
        usual = view == canonical or (
            " <" in canonical and view == unlinked_own(canonical, snapshot.address, snapshot.alias)
        )
        if not usual:
            differing.append((placement.slot, view))
        placed.append(
            (
                placement.slot,
                None if usual else view,
                placement.line.number,
                "" if usual else placement.line.text,
                placement.moved,
            )
        )
    return Observation(
        path=snapshot.path,
        captured=snapshot.captured,
        missing_blocks=alignment.missing_blocks,
        slots=tuple(placed),
        absent=tuple(lone_absences(alignment)),
        extras=alignment.extras,
        echoes=own_echoes(alignment, differing, lens),
    )


def _left_out_together(alignment: Alignment, optional: set[int]) -> set[int]:
    """The optional slots missing beside another missing optional slot of their block. Beside
    means next to it in the template, past a box that pages hold on either side of it (a
    loose pair), or right beside it on most pages holding both: two table rows the
    template placed around such a box are still one table the page left out."""
    slots = alignment.template.slots
    loose = alignment.template.loose
    paired = {s for pair in alignment.template.beside if optional.issuperset(pair) for s in pair}
    for slot_id in optional:
        for step in (-1, 1):
            n = slot_id + step
            while 0 <= n < len(slots) and slots[n].block == slots[slot_id].block:
                if n in optional:
                    paired |= {slot_id, n}
                    break
                if (min(n, slot_id), max(n, slot_id)) not in loose:
                    break
                n += step
    return paired


def _rarest_copies(alignment: Alignment, placed: set[int]) -> dict[int, float]:
    """For each missing rule (a line of marks alone) whose text the page holds in another
    slot too, the share of the other pages holding the copy it lacks by count: the copies
    the fewest pages hold go first, and the page itself, lacking it, is left out of the
    share (it cannot vouch for its own loss)."""
    template = alignment.template
    lacking: dict[str, list[int]] = {}
    for slot_id, _ in alignment.missing:
        if not has_word(template.slots[slot_id].canonical):
            lacking.setdefault(template.slots[slot_id].canonical, []).append(slot_id)
    others = max(1, template.sample_size - 1) / template.sample_size
    rarest: dict[int, float] = {}
    for text, ids in lacking.items():
        copies = [s for s in template.slots if s.canonical == text]
        if any(s.id in placed for s in copies):
            shares = sorted(s.support for s in copies)[: len(ids)]
            rarest.update(zip(sorted(ids), (share / others for share in shares), strict=True))
    return rarest


def _items_lost(alignment: Alignment, optional: set[int], placed: set[int]) -> set[int]:
    """Links lost from a list: a run of missing optional slots, each a link, standing
    between two lines of their block the page holds, at least one of them a link (the menu
    goes on past the run), one of the run held by all pages but this.
    A box the site leaves out is left out on pages, plural, and is a unit of its own; links
    between links are entries of one menu, and a menu that lost entries on one page alone
    is that page's loss."""
    slots = alignment.template.slots
    size = alignment.template.sample_size

    def link(slot_id: int) -> bool:
        return URL.search(slots[slot_id].canonical) is not None

    lost: set[int] = set()
    for first in sorted(s for s in optional if s - 1 not in optional):
        last = first
        while last + 1 in optional:
            last += 1
        run = range(first, last + 1)
        framed = first > 0 and last + 1 < len(slots) and {first - 1, last + 1} <= placed
        if (
            framed
            and slots[first - 1].block == slots[last + 1].block == slots[first].block
            and all(link(s) for s in run)
            and round((1 - max(slots[s].support for s in run)) * size) <= 1
            and (link(first - 1) or link(last + 1))
        ):
            lost.update(run)
    return lost


def gap_of(extra: Extra, content_gaps: frozenset[tuple[int, str]]) -> tuple[int, str]:
    """The gap a line is tallied in: with slots missing around it on this page, a line
    may stand in the content gap of a slot it was not placed after."""
    gap = (extra.slot, extra.where)
    if extra.where != "after" or gap in content_gaps:
        return gap
    last = max(extra.slot + 1, extra.upto)
    held = (s for s in range(extra.slot, last) if (s, "after") in content_gaps)
    return next(((s, "after") for s in held), gap)


def _rest_held(alignment: Alignment, slot_id: int, placed: set[int]) -> bool:
    """Whether the page holds (`placed`) every other line of the slot's page-type section:
    the section is the page's, and the one line it lacks was lost."""
    slots = alignment.template.slots
    section = slots[slot_id].section
    rest = [s.id for s in slots if s.section == section and s.id != slot_id]
    return bool(rest) and placed.issuperset(rest)


def lone_absences(alignment: Alignment) -> list[tuple[int, int]]:
    """Missing slots that stand alone; a run of two or more is an optional section left out.

    A line nearly every page carries is not part of an optional section beside it: lost
    next to a box the page leaves out, it is still lost. A line of a page type's own
    section is counted missing only where the type is known by the page's record form (it
    holds the type's field) or where the page holds every other line of the section: known
    only from the section's own lines, a sub-folder's extra breadcrumb line looks just like
    a lost one. (Alignment lists as missing only the lines
    of the types the page carries.) A line that links to the page itself (the home page's
    `Home`) may be left out there: a page need not link to itself. A line of marks alone
    (`* * *`) that only some pages print is missing from none; where the page prints it
    fewer times than the block holds it, the copy it lacks is the one the fewest other
    pages hold, wherever the copies it prints were placed.
    """
    if not alignment.missing:  # most pages: nothing to weigh
        return []
    slots = alignment.template.slots
    by_form = {section for section, _ in alignment.template.forms}
    # Sections of several lines known by a record (`fields.section_forms`): a page holding
    # the record lacks none of them by being of another type.
    size = Counter(slot.section for slot in slots if slot.section in by_form)
    recorded = {section for section, lines in size.items() if lines > 1}
    optional = {s for s, _ in alignment.missing if slots[s].support < REQUIRED_LINE}
    placed = {p.slot for p in alignment.placements}
    paired = _left_out_together(alignment, optional)
    rarest = _rarest_copies(alignment, placed)
    items_lost = _items_lost(alignment, optional, placed)
    lone = []
    address = alignment.snapshot.address
    for slot_id, line in alignment.missing:
        share = min(slots[slot_id].support, rarest.get(slot_id, 1.0))
        if not has_word(slots[slot_id].canonical) and share < REQUIRED_LINE:
            continue  # a rule (`* * *`) some pages print: layout, and it says nothing
        section = slots[slot_id].section
        if section >= 0 and section not in by_form and not _rest_held(alignment, slot_id, placed):
            continue
        if "/" in slots[slot_id].canonical and links_to_page(
            slots[slot_id].canonical, address, alignment.snapshot.alias
        ):
            continue  # a menu's entry for the page itself: the page need not link to itself
        if slots[slot_id].support >= REQUIRED_LINE or slot_id in items_lost or section in recorded:
            lone.append((slot_id, line))  # a required line is lost whatever its neighbours,
            continue  # and so is a line of a section whose record the page holds
        if slot_id not in paired:
            lone.append((slot_id, line))
    return lone
