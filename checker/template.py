"""Template learning: the lines most snapshots share, in their usual order, grouped into blocks."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import replace
from difflib import SequenceMatcher
from statistics import median

from checker.align import Aligner, Lens, keyed_lines
from checker.fields import without_fields
from checker.knobs import CANDIDATE_SHARE, CONTENT_PAGES, EXCLUSIVE, NEAR
from checker.model import Slot, Snapshot, Template
from checker.rules import Thresholds
from checker.similarity import alike, similarity

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
    order = _majority_order(_merge_order(shared), shared)
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
    return _with_content_gaps(template, sample, lens, thresholds)


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


def _merge_order(sequences: list[list[Key]]) -> list[Key]:
    """One order of all shared keys, merging each page's order into the most common one."""
    if not sequences:
        return []
    common = Counter(tuple(seq) for seq in sequences)
    # Ties go to the largest sequence itself, so file names and order never decide.
    reference = max(common, key=lambda seq: (common[seq], len(seq), seq))
    order = list(reference)
    present = set(order)
    for seq in sorted(set(tuple(s) for s in sequences), key=lambda s: (-common[s], s)):
        missing = [k for k in seq if k not in present]
        if not missing:
            continue
        matcher = SequenceMatcher(None, order, list(seq), autojunk=False)
        merged: list[Key] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            merged.extend(order[i1:i2])
            if tag in ("insert", "replace"):
                merged.extend(k for k in seq[j1:j2] if k not in present)
        order = merged
        present.update(missing)
    return order


def _majority_order(order: list[Key], sequences: list[list[Key]]) -> list[Key]:
    """Reorder keys so each pair of neighbours stands as most pages that hold both put it.

    The merged order follows one reference page; a line moved on that page would
    otherwise pull the template with it. Pages vote for each pair of keys they hold next
    to each other; the template is a topological order of the winning directions, the
    merged order breaking ties (and any cycle), so it is consistent by construction.
    """
    index = {key: position for position, key in enumerate(order)}
    votes: Counter[tuple[Key, Key]] = Counter()
    for seq in sequences[:_ORDER_PAGES]:
        votes.update((a, b) for a, b in zip(seq, seq[1:], strict=False) if a != b)
    after: dict[Key, list[Key]] = defaultdict(list)
    waiting: Counter[Key] = Counter()
    for (a, b), count in votes.items():
        if count > votes.get((b, a), 0) and a in index and b in index:
            after[a].append(b)
            waiting[b] += 1
    ready = [(index[key], key) for key in order if not waiting[key]]
    heapq.heapify(ready)
    result: list[Key] = []
    placed: set[Key] = set()
    while len(result) < len(order):
        if not ready:  # a cycle: the merged order decides
            key = min((k for k in order if k not in placed), key=index.__getitem__)
        else:
            key = heapq.heappop(ready)[1]
            if key in placed:
                continue
        result.append(key)
        placed.add(key)
        for follower in after[key]:
            waiting[follower] -= 1
            if waiting[follower] == 0 and follower not in placed:
                heapq.heappush(ready, (index[follower], follower))
    return result


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


def _with_content_gaps(
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
