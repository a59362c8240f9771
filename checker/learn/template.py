"""Template learning: the lines most snapshots share, in their usual order, grouped into blocks."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import replace
from statistics import median

from checker.align.page import Lens, keyed_lines
from checker.learn.fields import without_fields
from checker.learn.gaps import with_content_gaps
from checker.knobs import CANDIDATE_SHARE, EXCLUSIVE, NEAR
from checker.model import Slot, Snapshot, Template
from checker.learn.order import majority_order, merge_order
from checker.rules import Thresholds
from checker.align.similarity import alike, similarity

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
) -> Template | None:
    """Learn one family's template from a sample; None when the pages share no block.

    A slot needs more than `min_support` of the sample to hold it in some variant.
    """
    sequences = [[k for k in keyed_lines(s, lens) if k is not None] for s in sample]
    n = len(sequences)
    if n < 2:
        return None
    pages = Counter(k for seq in sequences for k in set(seq))
    floor = max(thresholds.min_pages, math.ceil(CANDIDATE_SHARE * n))
    shared = [[k for k in seq if pages[k] >= floor] for seq in sequences]
    order = majority_order(merge_order(shared), shared)
    groups = _group_variants(order, shared, pages, thresholds.fuzzy)
    holders = _holders(groups, shared)
    big = [len(h) > min_support * n for h in holders]
    _absorb_orphans(groups, holders, big, thresholds.fuzzy)
    kept = [(g, h) for g, h, keep in zip(groups, holders, big, strict=False) if keep]
    kept = without_fields(kept, sequences)
    if not kept:
        return None
    slots = _slots(kept, sequences, pages, n)
    slots = _assign_blocks(slots, sequences, thresholds.window)
    spelled = _spellings(sample, lens, {slot.canonical for slot in slots})
    slots = [replace(slot, shown=spelled.get(slot.canonical, "")) for slot in slots]
    in_slots = {k for group, _ in kept for k in group}
    template = Template(
        site=site,
        family=family,
        slots=tuple(slots),
        sample_size=n,
        structure=_structure(sequences, pages, in_slots),
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


def _group_variants(
    order: list[Key], sequences: list[list[Key]], pages: Counter[Key], fuzzy: float
) -> list[list[Key]]:
    """Merge neighbouring keys that never share a page: one slot's variants.

    Alike variants merge outright. Less alike ones merge only where the lines around
    them are shared by the pages of both, as when one line of a template was reworded
    on part of the site; two sections' own menus side by side do not.
    """
    pages_of: dict[Key, set[int]] = defaultdict(set)
    for index, seq in enumerate(sequences):
        for key in seq:
            pages_of[key].add(index)
    groups: list[list[Key]] = []
    for position, key in enumerate(order):
        if groups:
            group = groups[-1]
            together = set().union(*(pages_of[k] for k in group))
            apart = not (together & pages_of[key])
            if apart and (
                alike(key[0], group[0][0], fuzzy)
                or (
                    alike(key[0], group[0][0], EXCLUSIVE)
                    and _framed(
                        order, position - len(group), position, together, pages_of[key], pages_of
                    )
                )
            ):
                group.append(key)
                continue
        groups.append([key])
    for group in groups:
        group.sort(key=lambda k: (-pages[k], k))
    return groups


def _absorb_orphans(
    groups: list[list[Key]], holders: list[set[int]], big: list[bool], fuzzy: float
) -> None:
    """Fold a variant too rare to be a slot into a nearby slot it never shares a page with.

    A line drifted the same way on a few pages can land a few places off its slot in
    the merged order (an optional section beside it); it is still that slot's variant.
    """
    for index, group in enumerate(groups):
        if big[index]:
            continue
        near = [
            j
            for j in range(max(0, index - NEAR), min(len(groups), index + NEAR + 1))
            if big[j] and not holders[j] & holders[index]
        ]
        scored = [(similarity(group[0][0], tuple(k[0] for k in groups[j])), j) for j in near]
        best = max(scored, default=(0.0, -1))
        if best[0] >= fuzzy:
            groups[best[1]].extend(group)
            holders[best[1]] |= holders[index]


def _framed(
    order: list[Key],
    first: int,
    last: int,
    ours: set[int],
    theirs: set[int],
    pages_of: dict[Key, set[int]],
) -> bool:
    """Whether the nearest common lines before and after a run are held by the pages of
    both variants (lines few pages hold, such as an optional box, are looked past)."""
    total = len(ours | theirs)
    for index, step in ((first - 1, -1), (last + 1, 1)):
        while 0 <= index < len(order) and len(pages_of[order[index]]) * 2 <= total:
            index += step
        if not 0 <= index < len(order):
            continue
        around = pages_of[order[index]]
        if len(around & ours) * 2 < len(ours) or len(around & theirs) * 2 < len(theirs):
            return False
    return True


def _holders(groups: list[list[Key]], sequences: list[list[Key]]) -> list[set[int]]:
    """For each group, the pages that hold any of its variants."""
    where = {k: g for g, group in enumerate(groups) for k in group}
    holders: list[set[int]] = [set() for _ in groups]
    for index, seq in enumerate(sequences):
        for key in seq:
            holders[where[key]].add(index)
    return holders


def _slots(
    kept: list[tuple[list[Key], set[int]]], sequences: list[list[Key]], pages: Counter[Key], n: int
) -> list[Slot]:
    """Build the slots, with each one's usual position from the start or the end."""
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
                support=len(holders) / n,
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
