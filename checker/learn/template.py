"""Template learning: the lines most snapshots share, in their usual order, grouped into blocks."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import replace
from statistics import median

from checker.align.keys import Lens, keyed_with_filler
from checker.knobs import CANDIDATE_SHARE, REQUIRED_LINE
from checker.learn.copies import by_neighbours
from checker.learn.fields import FieldKeys, record_forms, section_forms, without_fields
from checker.learn.gaps import with_content_gaps
from checker.learn.grouping import absorb_orphans, group_variants, holders_of
from checker.learn.order import majority_order, merge_order
from checker.learn.sections import section_floor, section_groups, section_rivals, together
from checker.learn.versions import scattered_sections
from checker.model import Slot, Snapshot, Template
from checker.rules import Thresholds

Key = tuple[str, int]
# Pages consulted when ordering the template's lines; order is stable well before this.
_ORDER_PAGES = 300


def learn_template(
    site: str,
    family: int,
    sample: list[Snapshot],
    lens: Lens,
    thresholds: Thresholds,
    min_support: float = 0.5,
    copied: frozenset[str] | None = None,
) -> Template | None:
    """Learn one family's template from a sample; None when the pages share no block.

    A slot needs more than `min_support` of the sample to hold it in some variant. A line
    that only some of the family's pages hold, in words the other families' bodies copy
    (`copied`, from `families.copied_texts`), is body text, not the block's.
    """
    keyed = [keyed_with_filler(s, lens) for s in sample]
    sequences = by_neighbours([[k for k in keys if k is not None] for keys, _ in keyed])
    # A line's share counts the pages where it could be seen: not those it is filler on.
    unseen = Counter(text for _, filler in keyed for text in filler)
    n = len(sequences)
    if n < 2:
        return None
    pages = Counter(k for seq in sequences for k in set(seq))
    floor = max(thresholds.min_pages, math.ceil(CANDIDATE_SHARE * n))
    shared = [[k for k in seq if pages[k] >= floor] for seq in sequences]
    order = majority_order(merge_order(shared), shared)
    groups = group_variants(order, shared, pages, thresholds.fuzzy)
    holders = holders_of(groups, shared)
    big = [len(h) > min_support * n for h in holders]
    copies = {
        g
        for g, group in enumerate(groups)
        if copied and len(holders[g]) < REQUIRED_LINE * n and any(k[0] in copied for k in group)
    }
    big = [b and g not in copies for g, b in enumerate(big)]
    absorbed = absorb_orphans(groups, holders, big, thresholds.fuzzy, set())
    field_keys = FieldKeys.of(sequences)  # each line's `Key:`, worked out once per sample
    kept = without_fields(
        [(g, h) for g, h, b in zip(groups, holders, big, strict=True) if b], sequences, field_keys
    )
    slots = _assign_blocks(_slots(kept, sequences, pages, n, unseen), sequences, thresholds.window)
    section_of: dict[Key, int] = {}
    versioned: set[str] = set()
    rivals: frozenset[tuple[int, int]] = frozenset()
    forms: tuple[tuple[int, str], ...] = ()
    if family >= 0:
        # Page types: learned against the family's own block, then slots like the others.
        block_of = {
            k: slot.block for slot, (group, _) in zip(slots, kept, strict=True) for k in group
        }
        unplaced = [[] if g in absorbed | copies else group for g, group in enumerate(groups)]
        sections = section_groups(
            unplaced,
            holders,
            pages,
            sequences,
            block_of,
            thresholds.min_pages,
            thresholds.fuzzy,
            field_keys,
        )
        versions = scattered_sections(sections, groups, block_of)
        # Another version's lines are additions to the block, not a section's structure.
        versioned = {k[0] for g, s in sections.items() if s in versions for k in groups[g]}
        sections = {g: s for g, s in sections.items() if s not in versions}
        for g in sections:
            big[g] = True
        section_of = {groups[g][0]: section for g, section in sections.items()}
        rivals = section_rivals(sections, holders)
        optional = [
            g
            for g, b in enumerate(big)
            if b and g not in sections and len(holders[g]) < REQUIRED_LINE * n
        ]
        by_form = record_forms(groups, holders, optional, sequences, field_keys, together)
        section_of |= {groups[g][0]: g for g in by_form}
        floor = section_floor(thresholds.min_pages)
        by_form |= section_forms(sections, holders, field_keys, floor, n)
        forms = tuple(sorted((g, key) for g, key in by_form.items()))
        folded = absorb_orphans(groups, holders, big, thresholds.fuzzy, absorbed)
        if sections or folded != absorbed:  # the slots changed: cut them into blocks again
            kept = [(g, h) for g, h, keep in zip(groups, holders, big, strict=True) if keep]
            kept = without_fields(kept, sequences, field_keys)
            slots = _assign_blocks(
                _slots(kept, sequences, pages, n, unseen), sequences, thresholds.window
            )
    if not kept:
        return None
    spelled = _spellings(sample, lens, {slot.canonical for slot in slots})
    slots = [replace(slot, shown=spelled.get(slot.canonical, "")) for slot in slots]
    slots = [
        replace(slot, section=section_of.get((slot.canonical, slot.occurrence), -1))
        for slot in slots
    ]
    in_slots = {k for group, _ in kept for k in group}
    template = Template(
        site=site,
        family=family,
        slots=tuple(slots),
        sample_size=n,
        structure=_structure(sequences, pages, in_slots) - versioned,
        rivals=rivals,
        forms=forms,
    )
    return with_content_gaps(template, sample, lens, thresholds)


def _spellings(sample: list[Snapshot], lens: Lens, views: set[str]) -> dict[str, str]:
    """How pages spell each compared text before the rules' equivalents applied."""
    spelled: dict[str, str] = {}
    for snapshot in sample:
        for line in snapshot.lines:
            view = lens(line.norm)
            if view in views and view not in spelled:
                spelled[view] = line.norm
        if len(spelled) == len(views):
            break
    return spelled


def _structure(
    sequences: list[list[Key]], pages: Counter[Key], in_slots: set[Key]
) -> frozenset[str]:
    """Lines outside the slots that a group of pages shares along with other such lines.

    A sub-menu or breadcrumb of one section comes with company; a line several pages
    added by drift comes alone.
    """
    holders: dict[Key, list[int]] = defaultdict(list)
    for index, seq in enumerate(sequences):
        for key in set(seq):
            if pages[key] >= 2 and key not in in_slots:
                holders[key].append(index)
    structure = set()
    for key, group in holders.items():
        common = set.intersection(*(set(sequences[i]) for i in group[:20]))
        if len(common - in_slots - {key}) > 0:
            structure.add(key[0])
    return frozenset(structure)


def _slots(
    kept: list[tuple[list[Key], set[int]]],
    sequences: list[list[Key]],
    pages: Counter[Key],
    n: int,
    unseen: Counter[str],
) -> list[Slot]:
    """Build the slots, with each one's usual position from the start or the end, and its
    share of the pages where its text could be seen as a line (`unseen`: pages it is
    filler on)."""
    slots = []
    for slot_id, (group, holders) in enumerate(kept):
        starts, ends = [], []
        for index in holders:
            seq = sequences[index]
            at = next(i for i, k in enumerate(seq) if k in group)
            starts.append(at)
            ends.append(at - len(seq))
        position = _stable_position(starts, ends)
        slots.append(
            Slot(
                id=slot_id,
                block=0,
                canonical=group[0][0],
                support=len(holders) / max(1, n - unseen[group[0][0]]),
                variants=tuple(k[0] for k in group),
                occurrence=group[0][1],
                position=position,
            )
        )
    return slots


def _stable_position(starts: list[int], ends: list[int]) -> int:
    """The median offset from whichever page edge the slot keeps closer to."""

    def spread(values: list[int]) -> float:
        middle = median(values)
        return median(abs(v - middle) for v in values)

    return int(median(starts)) if spread(starts) <= spread(ends) else int(median(ends))


def _assign_blocks(slots: list[Slot], sequences: list[list[Key]], window: int) -> list[Slot]:
    """Cut the slot sequence into blocks wherever pages usually hold body between two slots."""
    at: list[dict[int, int]] = []
    index = {(text, s.occurrence): s.id for s in slots for text in s.variants}
    for seq in sequences:
        at.append({index[k]: i for i, k in enumerate(seq) if k in index})
    block, result = 0, []  # type: tuple[int, list[Slot]]
    for slot in slots:
        if result:
            gaps = [
                p[slot.id] - p[result[-1].id] - 1 for p in at if slot.id in p and result[-1].id in p
            ]
            if gaps and median(gaps) > window:
                block += 1
        result.append(Slot(**{**slot.__dict__, "block": block}))
    return result
